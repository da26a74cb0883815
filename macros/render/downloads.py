"""A cascade's download files, as pure functions of the model: its JSON, CSV and XLSX workbook (the tables of
`export`), and one ZIP of every cascade's."""

from __future__ import annotations

import datetime
import io
import math
import zipfile
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from ..capaian_aturan import AturanCapaian
from ..content_cache import ContentCache, code_version
from ..model import LEVEL_LABELS, CascadeFile
from ..naming import download_path
from ..tree import CascadeTree
from .export import (CASCADE_SHEET, DEFAULT_ATURAN, FORMULA_STARTS, INDIKATOR_SHEET, TRIWULAN_SHEET, Table,
                     cascade_table, indikator_table, item_table, to_csv, to_json, triwulan_table)

# Zip entries carry a modification time; a fixed one keeps every build's downloads byte for byte the same.
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)


def to_xlsx(tree: CascadeTree, aturan: AturanCapaian = DEFAULT_ATURAN) -> bytes:
    """An Excel workbook: the flat "Indikator" sheet first, then the quarters' values, one sheet of items per
    level, and the cascade's own fields last."""
    cascade = tree.cascade
    out = io.BytesIO()
    with xlsxwriter.Workbook(out, {"in_memory": True}) as workbook:
        # What Excel's File > Info and file managers show: whose data it is (the perangkat daerah, and its Kabupaten/
        # Kota where the file names one).
        workbook.set_properties({
            "title": f"Cascading kinerja {cascade.perangkat_daerah} {cascade.label}",
            "author": cascade.perangkat_daerah,
            "company": cascade.kabupaten_kota or "",
            "keywords": "SAKIP, cascading kinerja, indikator kinerja",
            # Not the build time: the same data must give the same file, so the year of the data stands in.
            "created": datetime.datetime(cascade.years[0], 1, 1),
        })
        wrapped = {"text_wrap": True, "valign": "top"}
        # Text cells, and blank ones, are formatted as Text ('@'): what staff type into the workbook later stays as
        # typed (Excel would make '7-8' a date, '1:20' a time, '007' 7), so that it imports back as typed.
        as_typed = {**wrapped, "num_format": "@"}
        styles = _Styles(
            header=workbook.add_format({**wrapped, "bold": True, "bg_color": "#DCE3F5"}),
            cell=workbook.add_format(as_typed),
            # Text that looks like a formula gets the leading apostrophe Excel itself sets for typed text.
            quoted=workbook.add_format({**as_typed, "quote_prefix": True}),
            number=workbook.add_format(wrapped),
            one_decimal=workbook.add_format({**wrapped, "num_format": "0.0"}),
        )
        _fill_sheet(workbook.add_worksheet(INDIKATOR_SHEET), indikator_table(tree, aturan), styles)
        _fill_sheet(workbook.add_worksheet(TRIWULAN_SHEET), triwulan_table(tree), styles)
        for level in tree.levels:
            _fill_sheet(workbook.add_worksheet(LEVEL_LABELS[level]), item_table(tree, level), styles)
        _fill_sheet(workbook.add_worksheet(CASCADE_SHEET), cascade_table(tree), styles)
    return out.getvalue()


@dataclass(frozen=True)
class _Styles:
    header: Format
    cell: Format
    quoted: Format
    number: Format
    one_decimal: Format


_MIN_WIDTH, _MAX_WIDTH = 8, 60
# Column width (Excel's unit, a character of its default font) that fits across a landscape A4 page printed at 70%:
# some 130 characters at 100% between the default margins.
_PRINTED_WIDTH = 185
# Excel's number for A4 paper (XlPaperSize).
_A4 = 9


def _fill_sheet(sheet: Worksheet, table: Table, styles: _Styles) -> None:
    sheet.write_row(0, 0, table.columns, styles.header)
    number_styles = [styles.one_decimal if column in table.one_decimal else styles.number for column in table.columns]
    for number, row in enumerate(table.rows, 1):
        for column, value in enumerate(row):
            if value == "":
                # A blank cell, not an empty text: Excel's ISBLANK and Go To Special > Blanks find it.
                sheet.write_blank(number, column, None, styles.cell)
            elif isinstance(value, str):
                style = styles.quoted if value.startswith(FORMULA_STARTS) else styles.cell
                sheet.write_string(number, column, value, style)
            else:
                sheet.write_number(number, column, value, number_styles[column])
    widths = []
    for index, column in enumerate(table.columns):
        lines = [column] + [line for row in table.rows for line in str(row[index]).splitlines()]
        widths.append(max(_MIN_WIDTH, min(_MAX_WIDTH, max(len(line) for line in lines) + 2)))
        # The column's own format too: rows staff add below the table keep what they type as well.
        sheet.set_column(index, index, widths[-1], styles.cell)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(table.rows), len(table.columns) - 1)
    # Values are text as typed ('26', '01.01'): without this Excel marks every one that looks like a number with a
    # green triangle ("Number stored as text") and offers to convert it, which would lose '01.01' and '1.500'.
    sheet.ignore_errors({"number_stored_as_text": "A1:XFD1048576"})
    # Printed: across A4 pages, the header row on every page and the first column (the row's ID) on every page's
    # left; as few pages across, each with that column, as keep the text at about 70% of its size (Excel's default
    # printed a few columns a page, and one page across shrank the Indikator sheet's 900 characters of columns to
    # 13%); as many pages down as it takes; the sheet's name and the page's number at the foot.
    sheet.set_landscape()
    sheet.set_paper(_A4)
    sheet.repeat_rows(0)
    sheet.repeat_columns(0)
    first, rest = widths[0], sum(widths[1:])
    sheet.fit_to_pages(max(1, math.ceil(rest / max(_PRINTED_WIDTH - first, 1))), 0)
    sheet.set_footer("&L&A&RHalaman &P dari &N")


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


# What `cascade_downloads` makes of every cascade, in its order (the archive's).
DOWNLOAD_KINDS = ("json", "csv", "xlsx")


def cascade_downloads(cf: CascadeFile, xlsx_cache: ContentCache | None = None) -> dict[str, str | bytes]:
    """A cascade's download files by their path in the site: JSON, CSV and XLSX.

    Writing a workbook is the slow part of a large site's build; with a cache, a cascade whose JSON (all of
    its data) and settings of capaian are unchanged reuses its workbook.
    """
    data = to_json(cf.cascade)
    if xlsx_cache is None:
        xlsx = to_xlsx(cf.tree, cf.aturan)
    else:
        xlsx = xlsx_cache.get(f"{data}\0{cf.aturan!r}", lambda: to_xlsx(cf.tree, cf.aturan))
    made = {"json": data, "csv": to_csv(cf.tree, cf.aturan), "xlsx": xlsx}
    return {download_path(cf, kind): made[kind] for kind in DOWNLOAD_KINDS}


def xlsx_cache(folder: Path) -> ContentCache:
    """A cache of workbooks in folder, versioned by the code that writes them and the libraries (`code_version`):
    any module of the core may change what a workbook holds (the model, the walk, the capaian engine...)."""
    return ContentCache(folder, ".xlsx", code_version())


def to_archive(downloads: dict[str, str | bytes]) -> bytes:
    """The given download files in one ZIP, in the given order, each at its path below data/."""
    return deterministic_zip({
        path.removeprefix("data/"): content.encode() if isinstance(content, str) else content
        for path, content in downloads.items()
    })
