"""Cells of the site's own XLSX download that are copies of other cells, and columns staff added to it.

Each row of the "Indikator" sheet and of a level sheet repeats the items above it (Tujuan, Sasaran, Program,
Kode program, ...) so that it reads on its own; each row of the "Indikator" sheet also repeats the level of its
item and the perangkat daerah and year. Those copies are not read: an item is read from its own level sheet, the
perangkat daerah and year from the "Cascade" sheet. A copy that differs from what it copies is an edit that
would be lost, so it is refused at its cell with where to make the edit instead (an empty copy is no edit). A
column the site does not write is kept as a comment naming each filled cell, as in a Renstra matrix (which columns
the site writes, and what each holds: `macros.importer.own_columns`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import LEVEL_LABELS
from ..render.export import CASCADE_SHEET, INDIKATOR_SHEET, SHEET_COLUMNS, level_columns
from ..tree import LEVELS
from .own_columns import sheet_columns, year_column, yearly_columns
from .own_sheets import column_of, level_of, records
from .sheets import Sheet, header_key

_EVERY_LEVEL = [label for level in LEVELS for label in level_columns(level)]
# How many cells one message lists before counting the rest.
_SHOWN_CELLS = 3


def added_columns(sheet: Sheet, kind: str) -> dict[int, str]:
    """The columns of a table (`OwnWorkbook.tables[kind]`) the site does not write, by index, with their header
    ('' for a column filled without one)."""
    items = _EVERY_LEVEL if kind == INDIKATOR_SHEET or kind not in SHEET_COLUMNS else []
    known = {header_key(text) for text in [*sheet_columns(kind), *items]}
    added = {}
    for column in range(sheet.width):
        label = sheet.cell(0, column).strip()
        key = header_key(label)
        if key not in known and year_column(key, yearly_columns(kind)) is None:
            added[column] = label
    return added


def added_notes(sheet: Sheet, row: int, added: dict[int, str]) -> list[str]:
    """The comments keeping a row's cells of added columns, each naming its cell."""
    return [f"{label or 'kolom tanpa judul'} di {sheet.ref(row, column)}: {sheet.cell(row, column).strip()} (format "
            "belum mendukung kolom ini)" for column, label in added.items() if sheet.cell(row, column).strip()]


@dataclass
class _Copies:
    """The cells copying one source cell (an item's name on the rows below it, the Cascade sheet's year on each
    indicator's row): (address, text, the advice for it when not the group's) of each copy, empty ones too (an
    emptied copy is no edit, but copies that are not all alike were not all left as the site wrote them)."""

    header: str
    source: str  # its address
    expected: str  # its text
    advice: str
    cells: list[tuple[str, str, str | None]] = field(default_factory=list)


def copy_problems(tables: dict[str, Sheet], levels: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """(problems, comments) about copies that differ from what they copy: an item's columns on the rows below it
    (the level sheet of the item is the source), an indicator's perangkat daerah and year (the Cascade sheet), its
    level (its Nomor item), the columns of levels below its item (empty).

    An edit made where the site asks, in the source, leaves every copy holding the old text: the import takes the
    source and comments on the copies. Copies that disagree among themselves were edited (and would be lost):
    those differing from their source are refused, one message per text with the cells holding it."""
    own: dict[str, tuple[Sheet, int, dict[str, str]]] = {}
    for level in levels:
        for row, cells in records(tables[LEVEL_LABELS[level]]):
            own.setdefault(cells.get("nomor item", ""), (tables[LEVEL_LABELS[level]], row, cells))
    copies: dict[str, _Copies] = {}
    problems: dict[str, list[str]] = {}  # message → the cells it concerns
    for level in levels:
        sheet = tables[LEVEL_LABELS[level]]
        for row, cells in records(sheet):
            _copy_lineage(sheet, row, cells, _ancestors(cells.get("nomor item", ""))[:-1], own, copies)
    indikator = tables[INDIKATOR_SHEET]
    rows = records(indikator)
    for row, cells in rows:
        position = cells.get("nomor item", "")
        if position not in own:
            continue  # reported by the reader: no item of that position
        _copy_lineage(indikator, row, cells, _ancestors(position), own, copies)
        level = level_of(position)
        if cells.get("level") and cells["level"] != level:
            problems.setdefault(f"Level '{cells['level']}' berbeda dari level item {position} ({level}): Level "
                                "mengikuti Nomor item; samakan sel ini, atau ubah Nomor item bila indikator ini milik "
                                "item lain", []).append(indikator.ref(row, column_of(indikator, "Level")))
        for below in levels[levels.index(level) + 1:]:
            for header in level_columns(below):  # type: ignore[arg-type]
                if cells.get(header_key(header)):
                    problems.setdefault(
                        f"{header} '{cells[header_key(header)]}' pada indikator milik {level} {position}, yang tidak "
                        f"berada di bawah satu {LEVEL_LABELS[below].lower()}: kosongkan sel ini "
                        f"({LEVEL_LABELS[below].lower()} baru ditambahkan di lembar {LEVEL_LABELS[below]})",
                        []).append(indikator.ref(row, column_of(indikator, header)))
    stale_allowed = _copy_cascade(tables, rows, copies)
    notes = []
    for group in copies.values():
        differing = [(ref, text, advice) for ref, text, advice in group.cells if text and text != group.expected]
        if not differing:
            continue
        if len({text for _, text, _ in group.cells}) == 1 and stale_allowed.get(group.source, True):
            notes.append(f"{group.header} diimpor dari {group.source} ('{group.expected}'); salinannya di "
                         f"{listed_cells([ref for ref, _, _ in differing])} masih '{differing[0][1]}' dan tidak "
                         "diimpor")
            continue
        for ref, text, advice in differing:
            problems.setdefault(f"{group.header} '{text}' berbeda dari {group.source} ('{group.expected}'); "
                                f"{advice or group.advice}", []).append(ref)
    return [f"{listed_cells(refs)}: {message}" for message, refs in problems.items()], notes


def _copy_cascade(tables: dict[str, Sheet], rows: list[tuple[int, dict[str, str]]],
                  copies: dict[str, _Copies]) -> dict[str, bool]:
    """Each indicator row's perangkat daerah and year as copies of the Cascade sheet's (of a workbook without
    one, of the first row's, which is then read: no copy may differ); whether a source's copies may be stale."""
    cascade = tables.get(CASCADE_SHEET)
    indikator = tables[INDIKATOR_SHEET]
    first = records(cascade)[:1] if cascade else []
    source, (source_row, source_cells) = (cascade, first[0]) if first else (indikator, rows[0] if rows else (0, {}))
    advice = "kolom ini salinan: ubah di lembar Cascade" if first else "samakan semua baris lembar ini"
    stale_allowed = {}
    for header in ("Perangkat daerah", "Tahun", "Periode"):
        if header_key(header) not in source_cells:
            continue
        ref = source.ref(source_row, column_of(source, header))
        group = copies.setdefault(ref, _Copies(header, ref, source_cells[header_key(header)], advice))
        stale_allowed[ref] = bool(first)
        group.cells += [(indikator.ref(row, column_of(indikator, header)), cells[header_key(header)], None)
                        for row, cells in rows if (source, row) != (indikator, source_row)]
    return stale_allowed


def _ancestors(position: str) -> list[str]:
    """'T1.S1.P2' → ['T1', 'T1.S1', 'T1.S1.P2']."""
    parts = position.split(".")
    return [".".join(parts[:end]) for end in range(1, len(parts) + 1)] if position else []


def _copy_lineage(sheet: Sheet, row: int, cells: dict[str, str], ancestors: list[str],
                  own: dict[str, tuple[Sheet, int, dict[str, str]]], copies: dict[str, _Copies]) -> None:
    """The row's cells naming the items above it, as copies of their level sheet's cells."""
    for ancestor in ancestors:
        if ancestor not in own:
            continue  # reported by the reader: a parent that is not in its level sheet
        source, source_row, source_cells = own[ancestor]
        label = LEVEL_LABELS[level_of(ancestor)]
        copied = cells.get(header_key(label), "")
        former = set() if copied == source_cells.get(header_key(label)) else _named(own, level_of(ancestor), copied)
        for header in level_columns(level_of(ancestor)):  # type: ignore[arg-type]
            if header_key(header) not in cells:
                continue
            ref = source.ref(source_row, column_of(source, header))
            advice = (f"kolom ini salinan dari lembar {label}: ubah di lembar {label}, dan samakan (Ctrl+H di Excel) "
                      "atau kosongkan sel salinannya")
            # A row moved under another item (its branch renumbered) still copies its former parent: the edit to
            # make is on this row, not on the level sheet, where it would rename the new parent.
            moved = (f"baris ini kini di bawah {label.lower()} {ancestor} (menurut Nomor item-nya), bukan di bawah "
                     f"{next(iter(former))} yang namanya disalin di sini: salin isi {ref} ke sel ini, atau kosongkan "
                     "sel ini (salinan tidak diimpor)") if len(former) == 1 else None
            group = copies.setdefault(ref, _Copies(header, ref, source_cells.get(header_key(header), ""), advice))
            group.cells.append((sheet.ref(row, column_of(sheet, header)), cells[header_key(header)], moved))


def _named(own: dict[str, tuple[Sheet, int, dict[str, str]]], level: str, name: str) -> set[str]:
    """The positions of the items of `level` whose level sheet names them `name` (none for an empty name)."""
    key = header_key(LEVEL_LABELS[level])
    return {position for position, (_, _, cells) in own.items()
            if name and level_of(position) == level and cells.get(key) == name}


def listed_cells(refs: list[str]) -> str:
    """The first few of `refs` (cells, or cells with what they hold) and how many more: 'A2, A3, A4 (dan 2 sel lain)'."""
    shown = ", ".join(refs[:_SHOWN_CELLS])
    return shown if len(refs) <= _SHOWN_CELLS else f"{shown} (dan {len(refs) - _SHOWN_CELLS} sel lain)"
