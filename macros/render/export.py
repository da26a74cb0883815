"""Download files of a cascade, as pure functions of the model: JSON, CSV, XLSX and one ZIP of everything."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from .. import model
from ..content_cache import ContentCache
from ..model import LEVEL_LABELS, Cascade, CascadeFile, Item, Level, Place, walk_indikator, walk_items
from ..naming import csv_path, json_path, xlsx_path

LEVELS: tuple[Level, ...] = ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")
# Spreadsheet programs run a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Zip entries carry a modification time; a fixed one keeps every build's downloads byte for byte the same.
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)

Cell = str | int | float


@dataclass(frozen=True)
class Table:
    """A sheet of data: Indonesian column headers and one list of cells per row."""

    columns: list[str]
    rows: list[list[Cell]]


def to_json(cascade: Cascade) -> str:
    """The cascade as JSON with the data file's Indonesian keys; optional fields only where the data has them."""
    return json.dumps(cascade.model_dump(mode="json", exclude_none=True), ensure_ascii=False, indent=2) + "\n"


def _level_columns(level: Level) -> list[str]:
    label = LEVEL_LABELS[level]
    if level in ("tujuan", "sasaran"):
        return [label]
    return [label, f"Kode {label.lower()}", f"Sasaran {label.lower()}"]


def _level_cells(item: Item | None, level: Level) -> list[Cell]:
    if item is None:
        return [""] * len(_level_columns(level))
    if level in ("tujuan", "sasaran"):
        return [item.uraian]
    return [item.uraian, item.kode or "", item.sasaran or ""]


def _lineage(place: Place, by_nomor: dict[str, Place]) -> dict[str, Item]:
    """The item and its ancestors by level: 'T1.S1.P2' → {tujuan: T1, sasaran: T1.S1, program: T1.S1.P2}."""
    parts = place.nomor.split(".")
    chain = [by_nomor[".".join(parts[:n])] for n in range(1, len(parts) + 1)]
    return {p.level: p.item for p in chain}


def _target_years(cascade: Cascade) -> list[int]:
    return sorted({year for row in walk_indikator(cascade) for year in (row.indikator.target or {})})


def indikator_table(cascade: Cascade) -> Table:
    """Every indicator on its own row, with the names of the items above it and its stable identifier."""
    by_nomor = {p.nomor: p for p in walk_items(cascade)}
    years = _target_years(cascade)
    columns = ["ID indikator", "Level", "Nomor item", "Perangkat daerah", "Tahun"]
    for level in LEVELS:
        columns += _level_columns(level)
    columns += ["Indikator", "Kode indikator", "Formulasi", "Tipe penghitungan", "Polaritas", "Satuan",
                "Sumber data", *(f"Target {year}" for year in years)]
    rows: list[list[Cell]] = []
    for row in walk_indikator(cascade):
        lineage = _lineage(row.place, by_nomor)
        ind = row.indikator
        cells: list[Cell] = [row.id, row.place.level, row.place.nomor, cascade.perangkat_daerah, cascade.tahun]
        for level in LEVELS:
            cells += _level_cells(lineage.get(level), level)
        cells += [ind.uraian, ind.kode or "", ind.formulasi, ind.tipe_penghitungan, ind.polaritas,
                  ind.satuan or "", ind.sumber_data, *((ind.target or {}).get(year, "") for year in years)]
        rows.append(cells)
    return Table(columns, rows)


def item_table(cascade: Cascade, level: Level) -> Table:
    """Every item of one level on its own row, with the items above it and the identifiers of its indicators."""
    by_nomor = {p.nomor: p for p in walk_items(cascade)}
    ids_by_nomor: dict[str, list[str]] = {}
    for row in walk_indikator(cascade):
        ids_by_nomor.setdefault(row.place.nomor, []).append(row.id)
    upto = LEVELS[: LEVELS.index(level) + 1]
    columns = ["Nomor item"]
    for each in upto:
        columns += _level_columns(each)
    columns += ["Jumlah indikator", "ID indikator"]
    rows: list[list[Cell]] = []
    for place in by_nomor.values():
        if place.level != level:
            continue
        lineage = _lineage(place, by_nomor)
        cells: list[Cell] = [place.nomor]
        for each in upto:
            cells += _level_cells(lineage[each], each)
        ids = ids_by_nomor.get(place.nomor, [])
        rows.append([*cells, len(ids), "\n".join(ids)])
    return Table(columns, rows)


def neutralise(value: Cell) -> Cell:
    """A text cell made safe for spreadsheets: a leading apostrophe where it would start a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(cascade: Cascade) -> str:
    """The indicator table as CSV, starting with a byte order mark so that Excel reads it as UTF-8."""
    table = indikator_table(cascade)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    writer.writerows([neutralise(cell) for cell in row] for row in table.rows)
    return "\ufeff" + out.getvalue()


def to_xlsx(cascade: Cascade) -> bytes:
    """An Excel workbook: the flat "Indikator" sheet first, then one sheet of items per level."""
    out = io.BytesIO()
    with xlsxwriter.Workbook(out, {"in_memory": True}) as workbook:
        workbook.set_properties({
            "title": f"Cascading kinerja {cascade.perangkat_daerah} {cascade.tahun}",
            "author": "Cascading Kinerja",
            # Not the build time: the same data must give the same file, so the year of the data stands in.
            "created": datetime.datetime(cascade.tahun, 1, 1),
        })
        wrapped = {"text_wrap": True, "valign": "top"}
        styles = _Styles(
            header=workbook.add_format({**wrapped, "bold": True, "bg_color": "#DCE3F5"}),
            cell=workbook.add_format(wrapped),
            # Text that looks like a formula gets the leading apostrophe Excel itself sets for typed text.
            quoted=workbook.add_format({**wrapped, "quote_prefix": True}),
        )
        _fill_sheet(workbook.add_worksheet("Indikator"), indikator_table(cascade), styles)
        for level in LEVELS:
            _fill_sheet(workbook.add_worksheet(LEVEL_LABELS[level]), item_table(cascade, level), styles)
    return out.getvalue()


@dataclass(frozen=True)
class _Styles:
    header: Format
    cell: Format
    quoted: Format


_MIN_WIDTH, _MAX_WIDTH = 8, 60


def _fill_sheet(sheet: Worksheet, table: Table, styles: _Styles) -> None:
    sheet.write_row(0, 0, table.columns, styles.header)
    for number, row in enumerate(table.rows, 1):
        for column, value in enumerate(row):
            if isinstance(value, str):
                style = styles.quoted if value.startswith(FORMULA_STARTS) else styles.cell
                sheet.write_string(number, column, value, style)
            else:
                sheet.write_number(number, column, value, styles.cell)
    for index, column in enumerate(table.columns):
        lines = [column] + [line for row in table.rows for line in str(row[index]).splitlines()]
        sheet.set_column(index, index, max(_MIN_WIDTH, min(_MAX_WIDTH, max(len(line) for line in lines) + 2)))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(table.rows), len(table.columns) - 1)


def deterministic_zip(entries: dict[str, bytes]) -> bytes:
    """A ZIP of the entries in the given order, with fixed timestamps and permissions."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return out.getvalue()


def cascade_downloads(cf: CascadeFile, xlsx_cache: ContentCache | None = None) -> dict[str, str | bytes]:
    """A cascade's download files by their path in the site: JSON, CSV and XLSX.

    Writing a workbook is the slow part of a large site's build; with a cache, a cascade whose JSON (all of
    its data) is unchanged reuses its workbook.
    """
    data = to_json(cf.cascade)
    if xlsx_cache is None:
        xlsx = to_xlsx(cf.cascade)
    else:
        xlsx = xlsx_cache.get(data, lambda: to_xlsx(cf.cascade))
    return {json_path(cf): data, csv_path(cf): to_csv(cf.cascade), xlsx_path(cf): xlsx}


def xlsx_cache(folder: Path) -> ContentCache:
    """A cache of workbooks in folder, versioned by the code that writes them and XlsxWriter's version."""
    code = Path(__file__).read_bytes() + Path(model.__file__).read_bytes()
    return ContentCache(folder, ".xlsx", f"{hashlib.sha256(code).hexdigest()} xlsxwriter {xlsxwriter.__version__}")


def to_archive(downloads: dict[str, str | bytes]) -> bytes:
    """The given download files in one ZIP, in the given order, each at its path below data/."""
    return deterministic_zip({
        path.removeprefix("data/"): content.encode() if isinstance(content, str) else content
        for path, content in downloads.items()
    })
