"""Which sheet of the site's own XLSX download is which (`macros.render.downloads.to_xlsx`), found by its header row.

Staff rename a sheet (Excel names a copy 'Indikator (2)') or insert a title above a table ('Data per 1 Juli'):
each table of the site's workbook is recognised by its header row, looked for in the first rows of every sheet,
not by its name or place. A workbook holding any of these tables is the site's: a table it lacks, holds twice
or whose header cannot be found is refused by its sheet's name, never read as a Renstra matrix (which would
take the 'ID indikator' column for the indicators' names and lose the rest). A sheet the site names whose header
row lost or renamed a column or two is told which header to restore, never that it holds another table (a level
sheet without its level's column reads as the level above).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import LEVEL_LABELS
from ..render.export import (CASCADE_SHEET, INDIKATOR_SHEET, LEVEL_SHEETS, PROGRAM_COLUMNS, SHEET_COLUMNS,
                             TRIWULAN_SHEET, level_columns)
from ..tree import LEVELS, POSITION_LETTERS
from .sheets import Sheet, SpreadsheetError, header_key

# How far down a sheet its header row is looked for: below a title or two staff typed above the table.
HEADER_ROWS = 10
# The first header cells of each table, as the site writes them (a level sheet's further columns name its level).
_HEADERS = {INDIKATOR_SHEET: ["ID indikator", "Level", "Nomor item"],
            TRIWULAN_SHEET: ["ID indikator", "Indikator", "Tahun", "Triwulan"],
            CASCADE_SHEET: ["Perangkat daerah", "Kabupaten/kota"]}
_LEVEL_HEADER = ["Nomor item"]


@dataclass(frozen=True)
class OwnWorkbook:
    """The site's tables by the name the site gives their sheet ('Indikator', 'Program', 'Cascade'), each read from
    its header row down (its cells keep their addresses), and comments on what the import leaves out: text above
    a header row, sheets staff added."""

    tables: dict[str, Sheet]
    notes: list[str]


def table_kind(cells: list[str]) -> str | None:
    """The name of the site's sheet whose table this header row heads ('Indikator', 'Program', ...), or None."""
    keys = [header_key(text) for text in cells]
    for name, header in _HEADERS.items():
        if keys[:len(header)] == [header_key(text) for text in header]:
            return name
    if keys[:1] == [header_key(text) for text in _LEVEL_HEADER]:
        # A level sheet repeats the levels above its own: its level is the lowest it names.
        levels = [level for level in LEVELS if header_key(LEVEL_LABELS[level]) in keys]
        return LEVEL_LABELS[levels[-1]] if levels else None
    return None


def find_table(sheet: Sheet) -> tuple[str, int] | None:
    """(which of the site's tables the sheet holds, the row of its header), or None."""
    for row in range(min(HEADER_ROWS, len(sheet.rows))):
        kind = table_kind(sheet.rows[row])
        if kind is not None:
            return kind, row
    return None


def own_workbook(sheets: list[Sheet]) -> OwnWorkbook | None:
    """The site's tables of a workbook holding any of them; None for another workbook; `SpreadsheetError`
    naming each sheet of the site's workbook that is missing, doubled or headed unreadably."""
    found = {id(sheet): find_table(sheet) for sheet in sheets}
    if not any(found.values()):
        return None
    copies: dict[str, list[Sheet]] = {}
    notes: list[str] = []
    headed_otherwise: list[str] = []  # the problems of sheets the site names whose header row is not their table's
    edited: set[str] = set()
    for sheet in sheets:
        table = found[id(sheet)]
        if _expected(sheet.name) and (table is None or table[0] != sheet.name):
            # Its header edited (a column renamed or deleted): never read as another table, nor called its copy.
            differing = _header_differences(sheet)
            if differing or table is not None:
                headed_otherwise += differing or [_missing(sheet.name, sheets)]
                edited.add(sheet.name)
                continue
        if table is None:
            if any(text.strip() for cells in sheet.rows for text in cells) and not _expected(sheet.name):
                notes.append(f"lembar '{sheet.name}' bukan lembar unduhan situs dan tidak diimpor")
            continue
        kind, row = table
        copies.setdefault(kind, []).append(sheet.from_row(row))
        notes += [f"{sheet.ref(above, column)}: '{text.strip()}' di atas baris judul tabel, tidak diimpor"
                  for above in range(row) for column, text in enumerate(sheet.rows[above])
                  if text.strip() and (above, column) not in sheet.merged]
    problems = headed_otherwise + [
        f"lembar {' dan '.join(_quoted(s.name) for s in same)} sama-sama berisi tabel lembar {kind} unduhan situs; "
        "hapus salah satunya" for kind, same in copies.items() if len(same) > 1]
    problems += [_missing(name, sheets) for name in _required(copies) if name not in copies and name not in edited]
    if problems:
        raise SpreadsheetError(problems)
    return OwnWorkbook({kind: same[0] for kind, same in copies.items()}, notes)


def _quoted(name: str) -> str:
    return f"'{name}'"


def records(sheet: Sheet) -> list[tuple[int, dict[str, str]]]:
    """Each data row of a table read from its header (`OwnWorkbook.tables`) as {header key: text}; where a header
    repeats, the last one wins."""
    headers = [header_key(text) for text in sheet.rows[0]] if sheet.rows else []
    return [(number, {header: cells[i].strip() if i < len(cells) else "" for i, header in enumerate(headers)})
            for number, cells in enumerate(sheet.rows[1:], 1) if any(c.strip() for c in cells)]


def column_of(sheet: Sheet, header: str) -> int:
    """The index of the last column headed `header` (compared as `header_key` compares)."""
    keys = [header_key(text) for text in sheet.rows[0]]
    return len(keys) - 1 - keys[::-1].index(header_key(header))


def level_of(position: str) -> str:
    """The level of an item by its position: 'T1.S1.P2' → 'program'."""
    letters = re.sub(r"\d", "", position.rsplit(".", 1)[-1])
    return next(level for level, letter in POSITION_LETTERS.items() if letter == letters)


def _required(copies: dict[str, list[Sheet]]) -> list[str]:
    """The sheets every download has: the Indikator and Triwulan sheets and one per level (a document without
    tujuan has no Tujuan sheet, and no Tujuan column on the others). The Cascade sheet is not required: a
    workbook downloaded before it existed has none."""
    tujuan = header_key(LEVEL_LABELS["tujuan"])
    has_tujuan = any(tujuan in (header_key(text) for text in sheet.rows[0]) for same in copies.values() for sheet in same)
    levels = LEVELS if has_tujuan else LEVELS[1:]
    return [INDIKATOR_SHEET, TRIWULAN_SHEET, *(LEVEL_LABELS[level] for level in levels)]


def _expected(name: str) -> bool:
    """A sheet the site names: one whose header is unreadable is reported by `_missing`, not as a sheet added."""
    return name in (INDIKATOR_SHEET, TRIWULAN_SHEET, CASCADE_SHEET, *LEVEL_LABELS.values())


def _own_header(name: str, cells: list[str]) -> list[str]:
    """The headers the site always writes on the sheet it names `name` (a level sheet's years and the Indikator
    sheet's aside); a level sheet names the levels above its own, from tujuan when `cells` names one."""
    if name in SHEET_COLUMNS:
        # The Indikator and Cascade sheets have 'Tahun' or 'Periode', whichever the cascade is.
        return [header for header in SHEET_COLUMNS[name]
                if header not in ("Tahun", "Periode") or name == TRIWULAN_SHEET]
    level = next(level for level in LEVELS if LEVEL_LABELS[level] == name)
    first = 0 if header_key(LEVEL_LABELS["tujuan"]) in {header_key(text) for text in cells} else 1
    upper = [header for each in LEVELS[first: LEVELS.index(level) + 1] for header in level_columns(each)]
    return ["Nomor item", *upper, *(PROGRAM_COLUMNS if level == "program" else []), *SHEET_COLUMNS[LEVEL_SHEETS]]


def _header_differences(sheet: Sheet) -> list[str]:
    """For a sheet the site names whose header row is its table's but for a column or two (renamed or deleted), a
    problem per header to restore, at the cell to retype where one is left unknown; [] for another header row."""
    for row in range(min(HEADER_ROWS, len(sheet.rows))):
        cells = sheet.rows[row]
        own = _own_header(sheet.name, cells)
        keys = [header_key(text) for text in cells]
        missing = [header for header in own if header_key(header) not in keys]
        if not missing or len(missing) > 2 or len(own) - len(missing) < 2:
            continue
        known = {header_key(text) for text in own} | {header_key(label) for level in LEVELS
                                                      for label in level_columns(level)}
        unknown = [column for column, key in enumerate(keys)
                   if key and key not in known and not re.search(r"\d{4}", key)]
        if len(unknown) == len(missing):
            return [f"{sheet.ref(row, column)}: judul kolom '{cells[column].strip()}' tidak dikenal di lembar "
                    f"{sheet.name}, yang tanpa kolom '{header}' tidak terbaca; kembalikan judulnya menjadi '{header}'"
                    for column, header in zip(unknown, missing)]
        return [f"{sheet.ref(row, 0)}: kolom '{header}' tidak ada di baris judul lembar {sheet.name}, yang tanpa kolom "
                f"itu tidak terbaca; kembalikan kolomnya (judul '{header}') dari unduhan situs" for header in missing]
    return []


def _missing(name: str, sheets: list[Sheet]) -> str:
    """The message for a sheet of the site's workbook whose table is not found: named but headed otherwise, or
    absent."""
    header = ", ".join(_HEADERS.get(name, [*_LEVEL_HEADER, name]))
    if any(sheet.name == name for sheet in sheets):
        return (f"{name}!A1: baris judul tabel lembar ini ({header}, ...) tidak ditemukan di {HEADER_ROWS} baris "
                "pertama; salin baris judulnya dari unduhan XLSX situs apa adanya")
    return (f"{name}: lembar ini tidak ada, padahal berkas ini unduhan XLSX situs (lembar "
            f"{', '.join(sorted({s.name for s in sheets}))}); kembalikan lembar {name} dari unduhan situs, atau "
            "unduh ulang berkasnya")
