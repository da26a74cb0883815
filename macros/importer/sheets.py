"""A workbook or CSV file as grids of text cells, each cell with its address as staff see it (`Renstra!D14`).

Cells are read as text: a whole number cell becomes its digits (`7742388142`), grouped by thousands with dots
where its number format groups them (`7.742.388.142`, as Excel shows it), any other number the way staff type
it and `macros.nilai` reads it back, with a decimal comma (`98,5`); a date cell its ISO date. A merged range's
value is given to every cell it covers, with a mark that the cell was filled from the merge (a repeated parent,
not a new row of its own).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from ..nilai import format_angka


# A number format that groups thousands: '#,##0', '#,##0.00', '_-* #,##0_-' (Excel's Accounting), '"Rp"#,##0'.
_GROUPED = re.compile(r"#,##?0|0,000")


class SpreadsheetError(Exception):
    """The spreadsheet cannot be imported; `problems` are messages in Indonesian, each naming its sheet and cell."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class Sheet:
    """One sheet's cells as text ('' for an empty cell), rows and columns counted from 0."""

    name: str
    rows: list[list[str]]
    merged: set[tuple[int, int]] = field(default_factory=set)  # cells filled from a merged range, not their own

    def ref(self, row: int, column: int) -> str:
        """The cell's address as a spreadsheet shows it: 'Renstra!D14'."""
        return f"{self.name}!{get_column_letter(column + 1)}{row + 1}"

    def cell(self, row: int, column: int) -> str:
        cells = self.rows[row] if row < len(self.rows) else []
        return cells[column] if column < len(cells) else ""

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


def read_sheets(path: Path) -> list[Sheet]:
    """Every sheet of an .xlsx workbook, or the one table of a .csv file (UTF-8, with ';' or ',' between cells)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return [_read_csv(path)]
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raise SpreadsheetError([f"{path.name}: bukan berkas .xlsx atau .csv; simpan ulang dari Excel sebagai "
                            "'Excel Workbook (.xlsx)' atau 'CSV UTF-8'"])


def _read_xlsx(path: Path) -> list[Sheet]:
    try:
        workbook = load_workbook(path, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise SpreadsheetError([f"{path.name}: tidak dapat dibaca sebagai berkas Excel .xlsx ({type(error).__name__})"]) \
            from None
    sheets = []
    for worksheet in workbook.worksheets:
        rows = [[cell_text(cell.value, cell.number_format) for cell in row] for row in worksheet.iter_rows()]
        merged: set[tuple[int, int]] = set()
        for area in worksheet.merged_cells.ranges:
            top, left = area.min_row - 1, area.min_col - 1
            value = rows[top][left] if top < len(rows) and left < len(rows[top]) else ""
            for r in range(top, area.max_row):
                for c in range(left, area.max_col):
                    if (r, c) == (top, left) or r >= len(rows):
                        continue
                    rows[r].extend([""] * (c + 1 - len(rows[r])))
                    rows[r][c] = value
                    merged.add((r, c))
        sheets.append(Sheet(worksheet.title, rows, merged))
    return sheets


def _read_csv(path: Path) -> Sheet:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SpreadsheetError([f"{path.name}: berkas CSV bukan teks UTF-8; simpan ulang dari Excel sebagai "
                                "'CSV UTF-8 (Comma delimited)'"]) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    return Sheet(path.stem, rows)


def cell_text(value: object, number_format: str = "General") -> str:
    """A cell's value as text: whole numbers as digits, grouped by thousands with dots where the cell's number
    format groups them ('#,##0': 7.742.388.142, as Excel shows it in Indonesian), others with a decimal comma,
    dates as YYYY-MM-DD, nothing as ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)) and float(value).is_integer() and abs(value) < 1e15:
        whole = int(value)
        return f"{whole:,}".replace(",", ".") if _GROUPED.search(number_format) else str(whole)
    if isinstance(value, float):
        # repr is the shortest text that gives the same float back: 1.5, not 1.5000000000000002.
        return format_angka(Decimal(repr(value)))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def header_key(text: str) -> str:
    """A header as compared: lower case, one space between words, no punctuation: 'Kode  Program/' → 'kode program'."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())
