"""A workbook or CSV file as grids of text cells, each cell with its address as staff see it (`Renstra!D14`).

Cells are read as text: a whole number cell becomes its digits (`7742388142`), grouped by thousands with dots
where its number format groups them (`7.742.388.142`, as Excel shows it), any other number the way staff type
it and `macros.nilai` reads it back, with a decimal comma (`98,5`), a percent cell as its percentage (`98,5%`);
a date cell its ISO date. A cell whose value staff did not type as such (an Excel error, a formula saved without
its result, a date or time Excel made of `7-8` or `1:20`) is also a flaw of its sheet, refused by the readers
wherever they would publish it. A merged range's
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
from typing import Iterable

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..nilai import format_angka


# A number format that groups thousands: '#,##0', '#,##0.00', '_-* #,##0_-' (Excel's Accounting), '"Rp"#,##0'.
_GROUPED = re.compile(r"#,##?0|0,000")
# The parts of a number format that are shown as written, not read as a format: "Rp", \%, [Red].
_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^]]*\]')
_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"]


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
    # Cells whose value is not what staff typed and cannot be made so (an Excel error, a date, a formula saved
    # without its result), with what to do; the readers refuse those they would publish (`flaw_problems`).
    flaws: dict[tuple[int, int], str] = field(default_factory=dict)
    # Rows and columns hidden in Excel: imported like the others (staff hide rows to print as often as to withdraw
    # them), and named in a comment so that whoever checks the file sees them.
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    # The sheet's row that `rows[0]` is: a table read from its header down (`from_row`) keeps its addresses.
    first_row: int = 0

    def ref(self, row: int, column: int) -> str:
        """The cell's address as a spreadsheet shows it: 'Renstra!D14'."""
        return f"{self.name}!{get_column_letter(column + 1)}{row + 1 + self.first_row}"

    def from_row(self, start: int) -> Sheet:
        """The sheet from row `start` down, as if that row were its first, each cell keeping its address."""
        def shifted(cells: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
            return {(row - start, column) for row, column in cells if row >= start}

        return Sheet(self.name, self.rows[start:], shifted(self.merged),
                     {(row - start, column): flaw for (row, column), flaw in self.flaws.items() if row >= start},
                     {row - start for row in self.hidden_rows if row >= start}, set(self.hidden_columns),
                     self.first_row + start)

    def cell(self, row: int, column: int) -> str:
        cells = self.rows[row] if row < len(self.rows) else []
        return cells[column] if column < len(cells) else ""

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


def hidden_row(sheet: Sheet, row: int, holds_an_item: bool = True) -> str:
    """The comment on a row hidden in Excel ('Renstra!A18: baris ini tersembunyi ...'), asking to delete what it
    holds if that is no longer used (withdrawn rows are often hidden rather than deleted)."""
    note = f"{sheet.ref(row, 0)}: baris ini tersembunyi di Excel dan ikut diimpor"
    return note + "; hapus bila sudah tidak dipakai" if holds_an_item else note


def hidden_column(sheet: Sheet, header_row: int, column: int, label: str) -> str:
    """The comment on a column hidden in Excel, named by its header cell and label."""
    return f"{sheet.ref(header_row, column)}: kolom '{label}' tersembunyi di Excel dan ikut diimpor"


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
        # Loaded a second time for the formulas: with data_only a formula saved without its result (a workbook
        # written by a program, never opened in Excel) reads as an empty cell, a value silently lost.
        formulas = load_workbook(path)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise SpreadsheetError([f"{path.name}: tidak dapat dibaca sebagai berkas Excel .xlsx ({type(error).__name__})"]) \
            from None
    sheets = []
    for worksheet in workbook.worksheets:
        flaws: dict[tuple[int, int], str] = {}
        rows = [[_read_cell(cell, formulas[worksheet.title], flaws) for cell in row] for row in worksheet.iter_rows()]
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
        hidden_rows = {number - 1 for number, row in worksheet.row_dimensions.items() if row.hidden}
        hidden_columns = {index - 1 for column in worksheet.column_dimensions.values() if column.hidden
                          for index in range(column.min or 1, (column.max or column.min or 1) + 1)}
        sheets.append(Sheet(worksheet.title, rows, merged, flaws, hidden_rows, hidden_columns))
    return sheets


def _read_cell(cell: Cell, formulas: Worksheet, flaws: dict[tuple[int, int], str]) -> str:
    """The cell's text; a value Excel holds but staff did not type as such (an error, a date, a formula
    without its result) goes into `flaws`, which the import refuses wherever it would publish the cell."""
    where = (cell.row - 1, cell.column - 1)
    if cell.data_type == "e":
        flaws[where] = f"sel berisi galat Excel {cell.value}, bukan nilai; perbaiki rumusnya atau ketik nilainya"
    elif cell.value is None and formulas.cell(cell.row, cell.column).data_type == "f":
        formula = formulas.cell(cell.row, cell.column).value
        formula = formula if isinstance(formula, str) else getattr(formula, "text", "")
        flaws[where] = (f"sel berisi rumus {formula} yang hasilnya tidak tersimpan di berkas; buka berkas di Excel "
                        "lalu simpan ulang, atau ketik nilainya")
    elif isinstance(cell.value, (datetime.date, datetime.time, datetime.timedelta)):
        flaws[where] = _date_flaw(cell.value)
    return cell_text(cell.value, cell.number_format)


def _date_flaw(value: datetime.date | datetime.time | datetime.timedelta) -> str:
    # A cascade holds no dates or times: a date cell is almost always Excel's reading of a range or a ratio.
    if not isinstance(value, datetime.date):
        minutes = (value.hour * 60 + value.minute if isinstance(value, datetime.time)
                   else int(value.total_seconds()) // 60)
        return (f"sel berisi jam {minutes // 60:02d}.{minutes % 60:02d}, bukan nilai yang diketik (Excel mengubah ketikan seperti "
                "1:20 menjadi jam); format sel sebagai Teks lalu ketik ulang nilainya")
    return (f"sel berisi tanggal {value.day} {_MONTHS[value.month - 1]} {value.year}, bukan nilai yang diketik "
            "(Excel mengubah ketikan seperti 7-8 atau 1/2 menjadi tanggal); format sel sebagai Teks lalu ketik ulang "
            "nilainya")


def _read_csv(path: Path) -> Sheet:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SpreadsheetError([f"{path.name}: berkas CSV bukan teks UTF-8; simpan ulang dari Excel sebagai "
                                "'CSV UTF-8 (Comma delimited)'"]) from None
    # Counted over the lines where the header is looked for, not the first one alone: a title saved on its own
    # line above the table has no separator, or a comma of its text ('RENJA KECAMATAN X, KABUPATEN Y').
    head = "\n".join(text.splitlines()[:30])
    delimiter = ";" if head.count(";") > head.count(",") else ","
    rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    return Sheet(path.stem, rows)


def cell_text(value: object, number_format: str = "General") -> str:
    """A cell's value as Excel shows it, as text: whole numbers as digits, grouped by thousands with dots where
    the cell's number format groups them ('#,##0': 7.742.388.142, as Excel shows it in Indonesian) and padded
    with zeros where it pads them ('00': 03), a percent format's fraction as its percentage (0,985 → 98,5%),
    others with a decimal comma (grouped only where the format groups: 1500,5 in General), dates as YYYY-MM-DD,
    nothing as ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return _number_text(value, number_format)
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def _number_text(value: int | float, number_format: str) -> str:
    # Excel keeps and shows 15 significant digits; a float's further digits are its binary noise
    # (=0,1+0,2 stores 0.30000000000000004, Excel shows 0,3).
    number = Decimal(f"{value:.15g}") if isinstance(value, float) else Decimal(value)
    shown = _LITERALS.sub("", number_format.split(";")[0])
    grouped = bool(_GROUPED.search(shown))
    if "%" in shown:  # typed '98,5%': Excel stores 0.985 and shows the percentage
        return format_angka((number * 100).normalize(), grouped) + "%"
    if number == number.to_integral_value() and abs(number) < 10**15 and not grouped:
        padded = re.fullmatch(r"0+", shown.strip())
        return f"{int(number):0{len(padded.group())}d}" if padded else str(int(number))
    return format_angka(number.normalize(), grouped)


def decimal_code_problem(sheet: Sheet, row: int, column: int) -> str | None:
    """A code cell holding a decimal number: Excel read '2.01' as a number (and '2.10' lost its zero)."""
    text = sheet.cell(row, column).strip()
    if "," not in text or (row, column) in sheet.merged:
        return None
    typed = text.replace(".", "").replace(",", ".")
    return (f"{sheet.ref(row, column)}: kode '{text}' tersimpan sebagai angka desimal, bukan kode (Excel membaca "
            f"{typed} sebagai angka); format sel sebagai Teks lalu ketik ulang kodenya, mis. {typed}")


def flaw_problems(sheet: Sheet, cells: Iterable[tuple[int, int]] | None = None) -> list[str]:
    """'Sheet!Cell: message' for each flawed cell among `cells` (every flawed cell of the sheet when None)."""
    chosen = sorted(sheet.flaws) if cells is None else [cell for cell in cells if cell in sheet.flaws]
    return [f"{sheet.ref(row, column)}: {sheet.flaws[row, column]}" for row, column in chosen]


def header_key(text: str) -> str:
    """A header as compared: lower case, one space between words, no punctuation: 'Kode  Program/' → 'kode program'."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())
