"""Spreadsheets → data files: the site's own XLSX download, or a Renstra/Renja matrix as Bappeda lays it out.

Public surface: `import_spreadsheet(path, perangkat_daerah=None, tahun=None) -> Imported` (the data file's
text, checked against the model, and where it goes: `<slug>/<tahun>.yaml`, or `<slug>/2021-2026.yaml` for a
Renstra period read back from the site's own download) and `write_imported(imported, data_dir, force=False)`;
both raise `SpreadsheetError`, whose `problems` are Indonesian messages naming the sheet and cell.
`make import` is their command line (`macros.import_spreadsheet`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..naming import data_file, slugify
from ..problems import CascadeError
from ..render.export import CASCADE_SHEET
from ..validation import validate_cascade
from ..yaml_source import parse_yaml
from .emit import Draft, render_yaml
from .columns import find_header
from .matrix import read_matrix
from .own_computed import computed_notes
from .own_columns import unnamed_problem
from .own_export import cell_problems, read_own_export
from .own_sheets import INDIKATOR_SHEET, find_table, own_workbook
from .sheets import SpreadsheetError, read_sheets

__all__ = ["Imported", "SpreadsheetError", "import_spreadsheet", "write_imported"]


@dataclass(frozen=True)
class Imported:
    """A data file drafted from a spreadsheet: its text and its place, cascade_data/<slug>/<label>.yaml, where
    `label` is its year ('2024') or its period ('2021-2026')."""

    text: str
    slug: str
    label: str

    @property
    def relative_path(self) -> Path:
        return Path(data_file(self.slug, self.label))


def import_spreadsheet(path: Path, perangkat_daerah: str | None = None, tahun: int | None = None) -> Imported:
    """Read `path` (.xlsx or .csv) into a data file that validates; the arguments win over what the file says
    (a `tahun` given for a workbook of a period makes a file of that one year)."""
    if not path.is_file():
        raise SpreadsheetError([f"{path}: berkas tidak ditemukan"])
    sheets = read_sheets(path)
    if path.suffix.lower() == ".csv" and (find_table(sheets[0]) or ("",))[0] == INDIKATOR_SHEET:
        # One row per indicator: items without indicators, their pagu and the quarters are not in it.
        raise SpreadsheetError([f"{path.name}: ini unduhan CSV situs ini, yang hanya memuat indikator (tanpa item yang "
                                "tidak berindikator, pagu, dan target/realisasi per triwulan), sehingga cascade tidak "
                                "dapat dibentuk ulang darinya; impor unduhan XLSX-nya (/data/<perangkat-daerah>/"
                                "<tahun>.xlsx)"])
    workbook = own_workbook(sheets)
    if workbook is not None:
        flawed = cell_problems(workbook)
        if flawed:
            raise SpreadsheetError(flawed)
        body, found_name, found_when, read_as = read_own_export(workbook)
        source = f"{path.name} (unduhan XLSX situs ini)"
    else:
        sheet = next((s for s in sheets if find_header(s) is not None), None)
        if sheet is None:
            raise SpreadsheetError([f"{sheets[0].name}!A1: tidak ada lembar berjudul tabel Renstra/Renja (kolom "
                                    "Indikator dan Program/Kegiatan) dan bukan unduhan XLSX situs ini"])
        body, found_name, found_when, read_as = read_matrix(sheet), "", None, {}
        source = f"{path.name} (lembar {sheet.name})"
    name = (perangkat_daerah or found_name).strip()
    when = tahun or found_when
    missing = [arg for arg, value in (("PERANGKAT_DAERAH=...", name), ("TAHUN=...", when)) if not value]
    if missing and workbook is not None and CASCADE_SHEET not in workbook.tables:
        raise SpreadsheetError([unnamed_problem(workbook.tables[INDIKATOR_SHEET], missing)])
    if missing:
        raise SpreadsheetError([f"{path.name}: nama perangkat daerah dan tahun tidak tercantum di berkas; tambahkan "
                                f"{' '.join(missing)} pada perintah make import"])
    root = Draft()
    root.set("perangkat_daerah", name)
    if "kabupaten_kota" in body.fields:
        root.set("kabupaten_kota", body.fields["kabupaten_kota"])
    root.set("periode" if isinstance(when, str) else "tahun", when)  # type: ignore[arg-type]
    # dokumen_sumber and capaian (from the site's own download), then tujuan (or sasaran, without tujuan); a
    # kabupaten_kota is already in place after the name
    for key, value in body.fields.items():
        root.set(key, value)
    for key, notes in body.notes.items():
        for text in notes:
            root.note(key, text)
    header = [f"Diimpor dari {source} dengan make import.",
              "Baris komentar di bawah menandai tebakan dan isi yang belum didukung format data:",
              "periksa semuanya sebelum diterbitkan."]
    imported = Imported(render_yaml(root, header), slugify(name, max_words=20), str(when))
    shown = f"cascade_data/{imported.relative_path}"
    try:
        cascade = validate_cascade(parse_yaml(imported.text, shown), shown)
    except CascadeError as error:
        raise SpreadsheetError([f"hasil impor belum valid: {problem}" for problem in error.problems]) from None
    # The cells the site computes can only be checked against the cascade they were computed from.
    computed = computed_notes(workbook, cascade, root, read_as) if workbook is not None else []
    if computed:
        imported = Imported(render_yaml(root, [*header, *computed]), imported.slug, imported.label)
    return imported


def write_imported(imported: Imported, data_dir: Path, *, force: bool = False) -> Path:
    """Write the data file under `data_dir`; refuse to replace an existing one unless `force`."""
    target = data_dir / imported.relative_path
    if target.exists() and not force:
        raise SpreadsheetError([f"{target} sudah ada; tidak ditimpa. Jalankan lagi dengan FORCE=1 untuk menimpanya"])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(imported.text, encoding="utf-8")
    return target
