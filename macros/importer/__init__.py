"""Spreadsheets → data files: the site's own XLSX download, or a Renstra/Renja matrix as Bappeda lays it out.

Public surface: `import_spreadsheet(path, perangkat_daerah=None, tahun=None) -> Imported` (the data file's
text, checked against the model, and where it goes) and `write_imported(imported, data_dir, force=False)`;
both raise `SpreadsheetError`, whose `problems` are Indonesian messages naming the sheet and cell.
`make import` is their command line (`macros.import_spreadsheet`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..naming import slugify
from ..problems import CascadeError
from ..validation import validate_cascade
from ..yaml_source import parse_yaml
from .emit import Draft, render_yaml
from .columns import find_header
from .matrix import read_matrix
from .own_export import is_own_export, read_own_export
from .sheets import SpreadsheetError, read_sheets

__all__ = ["Imported", "SpreadsheetError", "import_spreadsheet", "write_imported"]


@dataclass(frozen=True)
class Imported:
    """A data file drafted from a spreadsheet: its text and its place, cascade_data/<slug>/<tahun>.yaml."""

    text: str
    slug: str
    tahun: int

    @property
    def relative_path(self) -> Path:
        return Path(self.slug) / f"{self.tahun}.yaml"


def import_spreadsheet(path: Path, perangkat_daerah: str | None = None, tahun: int | None = None) -> Imported:
    """Read `path` (.xlsx or .csv) into a data file that validates; the arguments win over what the file says."""
    if not path.is_file():
        raise SpreadsheetError([f"{path}: berkas tidak ditemukan"])
    sheets = read_sheets(path)
    if is_own_export(sheets):
        body, found_name, found_year = read_own_export(sheets)
        source = f"{path.name} (unduhan XLSX situs ini)"
    else:
        sheet = next((s for s in sheets if find_header(s) is not None), None)
        if sheet is None:
            raise SpreadsheetError([f"{sheets[0].name}!A1: tidak ada lembar berjudul tabel Renstra/Renja (kolom "
                                    "Indikator dan Program/Kegiatan) dan bukan unduhan XLSX situs ini"])
        body, found_name, found_year = read_matrix(sheet), "", None
        source = f"{path.name} (lembar {sheet.name})"
    name = (perangkat_daerah or found_name).strip()
    year = tahun or found_year
    missing = [arg for arg, value in (("PERANGKAT_DAERAH=...", name), ("TAHUN=...", year)) if not value]
    if missing:
        raise SpreadsheetError([f"{path.name}: nama perangkat daerah dan tahun tidak tercantum di berkas; tambahkan "
                                f"{' '.join(missing)} pada perintah make import"])
    root = Draft()
    root.set("perangkat_daerah", name)
    root.set("tahun", int(year))  # type: ignore[arg-type]
    for key, value in body.fields.items():  # dokumen_sumber and capaian (from the site's own download), then tujuan
        root.set(key, value)
    for key, notes in body.notes.items():
        for text in notes:
            root.note(key, text)
    text = render_yaml(root, [f"Diimpor dari {source} dengan make import.",
                              "Baris komentar di bawah menandai tebakan dan isi yang belum didukung format data:",
                              "periksa semuanya sebelum diterbitkan."])
    imported = Imported(text, slugify(name, max_words=20), int(year))  # type: ignore[arg-type]
    shown = f"cascade_data/{imported.relative_path}"
    try:
        validate_cascade(parse_yaml(text, shown), shown)
    except CascadeError as error:
        raise SpreadsheetError([f"hasil impor belum valid: {problem}" for problem in error.problems]) from None
    return imported


def write_imported(imported: Imported, data_dir: Path, *, force: bool = False) -> Path:
    """Write the data file under `data_dir`; refuse to replace an existing one unless `force`."""
    target = data_dir / imported.relative_path
    if target.exists() and not force:
        raise SpreadsheetError([f"{target} sudah ada; tidak ditimpa. Jalankan lagi dengan FORCE=1 untuk menimpanya"])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(imported.text, encoding="utf-8")
    return target
