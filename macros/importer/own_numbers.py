"""Whether each row of a level sheet of the site's XLSX download keeps the number ('Nomor item') its item was
downloaded with, and which number to write where it does not.

An item's number places it among its siblings (`macros.importer.own_order`) and decides which rows of the sheets
below are its own: a kegiatan, sub kegiatan or indicator names its item by its own number ('T1.S1.P2.K1' is a
kegiatan of program T1.S1.P2). A row whose number is empty, not a position of its level, another row's, or not the
one it was downloaded with is refused at its cell: read, it would have no place, sit in another item's place, or
take another item's kegiatan and indicators (staff swap two programs' numbers to reorder them, and each program
then carries the other's). Two records tell the number a row was downloaded with:

- its 'ID indikator' cell lists its indicators by position ('T1.S1.P2.I1' is the first indicator of T1.S1.P2; an
  indicator with a kode is listed by its kode, which names no item);
- the rows below it (the sheets of lower levels, the Indikator sheet) copy its name, kode and sasaran beside their
  own number: rows numbered under a row's number that all copy another row's name belong to that other row. Where
  the 'ID indikator' cell agrees with the number, only copies of the whole of another row (name, kode and sasaran)
  count: a rename made on the level sheet alone leaves the copied names behind and can give an item the old name
  of another, while a Replace All on the level sheet alone moves a row's number and ID cell together.

An indicator's 'ID indikator' on the Indikator sheet, which its quarters on the Triwulan sheet follow, is one row's:
a row copied with it is refused (`doubled_ids`).

A row staff add (a new number, an empty 'ID indikator' cell) has no record and is placed by its number. The number
suggested for a refused row is the one its records give when no row kept it, else one no row has, so that following
the message does not lead to a number used twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import LEVEL_LABELS
from ..render.export import INDIKATOR_SHEET, level_columns
from ..tree import POSITION_LETTERS
from .own_order import id_lines
from .own_sheets import column_of, records
from .sheets import Sheet, header_key

_ORDINALS = ["pertama", "kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh", "kedelapan", "kesembilan",
             "kesepuluh"]


@dataclass(frozen=True)
class Numbering:
    """The rows of the level sheets refused for their number, by (level, row of its table), each with its message;
    `recorded`, the numbers those rows were downloaded with, whose rows below are not told their item is missing."""

    problems: dict[tuple[str, int], str]
    recorded: set[str]


@dataclass(frozen=True)
class _Record:
    """What the workbook records of the number a row was downloaded with: the number (None when the rows below only
    show that it is not the row's), why, as the rest of 'nomor yang ...' (or, without a number, a clause), and the
    'ID indikator' cell it was read from, if that."""

    number: str | None
    evidence: str
    id_cell: str | None = None


def check_numbers(tables: dict[str, Sheet], levels: tuple[str, ...]) -> Numbering:
    """Every level row of `tables` (`OwnWorkbook.tables`) whose Nomor item gives it no place or another item's
    place, under the levels of the workbook (`levels`), with a message naming its cell and the number to write."""
    problems: dict[tuple[str, int], str] = {}
    recorded: set[str] = set()
    for level in levels:
        sheet = tables[LEVEL_LABELS[level]]
        below = _rows_below(tables, levels, level)
        rows = records(sheet)
        items = [_item_cells(cells, level) for _, cells in rows]
        refused: dict[int, tuple[str, _Record | None]] = {}  # row → (why, without the advice; its record)
        kept: dict[str, str] = {}  # number → the cell of the row keeping it
        for row, cells in rows:
            position = cells.get("nomor item", "")
            record = _record(sheet, row, cells, level, levels, below, items)
            unreadable = _unreadable(position, level, levels)
            if unreadable:
                refused[row] = (f"{unreadable}, sehingga tempatnya di cascade tidak diketahui", record)
            elif record and record.number != position:  # another number, or none: another row's
                refused[row] = ("", record)
            elif position in kept:
                refused[row] = (f"Nomor item '{position}' sudah dipakai di {kept[position]}; setiap item punya "
                                "nomornya sendiri", record)
            else:
                kept[position] = sheet.ref(row, 0)
        taken = set(kept)
        for row, cells in rows:
            if row not in refused:
                continue
            why, record = refused[row]
            position = cells.get("nomor item", "")
            number = record.number if record else None
            if record:
                # The rows under the number it was downloaded with (or under its own, another row's) are its own.
                recorded.add(number or position)
            fits = number is not None and number not in taken and not _unreadable(number, level, levels)
            if not why:
                message = _renumbered(position, record, level, levels, fits)  # type: ignore[arg-type]
            elif fits:
                message = f"{why}; tulis {number}, nomor yang {record.evidence}"  # type: ignore[union-attr]
            else:
                free = _free(number or position, level, levels, taken, tables, cells)
                taken.add(free)
                advice = (f"beri baris ini nomor yang belum dipakai, mis. {free}, atau hapus baris ini bila salinan"
                          if position in kept else _free_advice(free, level, levels))
                message = f"{why}{':' if position in kept else ';'} {advice}"
            taken.update([number] if fits else [])  # type: ignore[list-item]
            problems[(level, row)] = f"{sheet.ref(row, 0)}: {message}"
    return Numbering(problems, recorded)


def next_free(position: str, taken: set[str]) -> str:
    """The first position from `position` on, among its siblings, that is not in `taken`: 'T1.S1.P2' with P1 to P3
    taken → 'T1.S1.P4'."""
    parent, _, own = position.rpartition(".")
    letters = own.rstrip("0123456789")
    number = int(own[len(letters):])
    while f"{parent}.{letters}{number}".lstrip(".") in taken:
        number += 1
    return f"{parent}.{letters}{number}".lstrip(".")


def _unreadable(position: str, level: str, levels: tuple[str, ...]) -> str | None:
    """Why a Nomor item is no position of `level` under `levels` ('Nomor item kosong'), or None when it is one."""
    upper = levels[: levels.index(level)]
    pattern = r"\.".join(rf"{POSITION_LETTERS[each]}[1-9]\d*" for each in (*upper, level))  # type: ignore[index]
    if re.fullmatch(pattern, position):
        return None
    label = LEVEL_LABELS[level].lower()
    return f"Nomor item '{position}' bukan nomor {label}" if position else "Nomor item kosong"


def _record(sheet: Sheet, row: int, cells: dict[str, str], level: str, levels: tuple[str, ...],
            below: list[tuple[str, tuple[str, ...], str]], items: list[tuple[str, ...]]) -> _Record | None:
    """The number a row was downloaded with, and where the workbook says so: the item its 'ID indikator' cell lists
    indicators of (None when that is the row's number), else, for a row whose cell lists no position (empty, kodes
    only, or no such column), the item under which the rows below copying its name are (when no other row of its
    sheet has that name). When the rows under its number all copy another row's name, a record without a number:
    the number or the name is another row's. None when the workbook says nothing of it (a row staff added)."""
    position, own = cells.get("nomor item", ""), _item_cells(cells, level)
    name, names = own[0], [item[0] for item in items]
    label = LEVEL_LABELS[level].lower()
    listed: dict[str, str] = {}
    for line in id_lines(cells.get("id indikator", "")):
        owner = line.rpartition(".")[0]
        if re.fullmatch(r".+\.I[1-9]\d*", line) and not _unreadable(owner, level, levels):
            listed.setdefault(owner, line)
    if len(listed) == 1:
        ((owner, line),) = listed.items()
        ref = sheet.ref(row, column_of(sheet, "ID indikator"))
        # An ID cell that agrees with the number is trusted over the names copied below (staff rename an item on its
        # level sheet only, the copies not being read, which can give it the old name of another item), unless the
        # rows below copy the whole of another row (name, kode, sasaran): then number and ID moved together (a Replace
        # All on this sheet alone), and the row is another item's.
        if owner == position:
            return _others_copies(position, own, level, below, items)
        return _Record(owner, f"dicatat ID indikator baris ini ({ref}: '{line}', indikator {owner})", ref)
    if listed or not name or names.count(name) > 1:
        return None
    under: dict[str, str] = {}
    for prefix, copies, ref in below:
        if copies[0] == name:
            under.setdefault(prefix, ref)
    if len(under) == 1:
        ((owner, ref),) = under.items()
        return _Record(owner, f"dipakai baris di bawahnya yang menyalin nama {label} ini ({ref})")
    return None if under else _others_copies(position, own[:1], level, below, [item[:1] for item in items])


def _others_copies(position: str, own: tuple[str, ...], level: str, below: list[tuple[str, tuple[str, ...], str]],
                   items: list[tuple[str, ...]]) -> _Record | None:
    """A record without a number when every row under `position` copies one other row of the sheet (`items`: each
    row's name, or its name, kode and sasaran) rather than the row's own (`own`, alike): they belong to that row."""
    width = len(own)
    copies: dict[tuple[str, ...], str] = {}
    for prefix, copied, ref in below:
        if prefix == position and copied[0]:
            copies.setdefault(copied[:width], ref)
    if len(copies) != 1 or own in copies:
        return None
    ((other, ref),) = copies.items()
    if items.count(other) != 1:  # a stale copy of this row's old name, or a name several rows have
        return None
    return _Record(None, f"baris di bawah {position} ({ref}) menyalin nama {LEVEL_LABELS[level].lower()} lain, "
                         f"'{other[0]}', bukan nama baris ini ('{own[0]}')")


def _rows_below(tables: dict[str, Sheet], levels: tuple[str, ...],
                level: str) -> list[tuple[str, tuple[str, ...], str]]:
    """(the number of the item at `level` a row is under, its copies of that item's name, kode and sasaran
    (`_item_cells`), the row's Nomor item cell) for each row of the lower levels' sheets and of the Indikator sheet."""
    depth = levels.index(level) + 1
    found = []
    for name in [*(LEVEL_LABELS[lower] for lower in levels[depth:]), INDIKATOR_SHEET]:
        sheet = tables[name]
        column = column_of(sheet, "Nomor item")
        for row, cells in records(sheet):
            parts = cells.get("nomor item", "").split(".")
            if len(parts) >= depth:
                found.append((".".join(parts[:depth]), _item_cells(cells, level), sheet.ref(row, column)))
    return found


def _renumbered(position: str, record: _Record, level: str, levels: tuple[str, ...], fits: bool) -> str:
    """Why a row whose number is not the one it was downloaded with (`record`) is refused, and how to reorder."""
    label = LEVEL_LABELS[level].lower()
    owned = _owned(level, levels)
    if record.number:
        whose = (f"baris ini diunduh sebagai {record.number}, nomor yang {record.evidence}. Nomor item menentukan "
                 f"{owned} mana milik item ini: dengan nomor '{position}' {label} ini kehilangan {owned} di bawah "
                 f"{record.number} dan mendapat yang di bawah {position}")
    else:
        whose = (f"{record.evidence}. Nomor item menentukan {owned} mana milik item ini: dengan nomor ini {label} "
                 f"ini mendapat {owned} {label} lain itu")
    if record.id_cell:
        remedy = (f"Kembalikan nomornya ke {record.number}." if fits else
                  f"Bila baris ini {label} baru yang disalin dari baris lain, kosongkan sel ID indikator-nya "
                  f"({record.id_cell}); bila bukan, kembalikan nomor aslinya.")
    else:
        # Told by the names copied below: a rename on the level sheet alone reads like a renumbering.
        undo = f"Kembalikan nomornya ke {record.number}" if fits else "Kembalikan nomor atau nama aslinya"
        remedy = (f"{undo}; bila Anda mengganti nama {label} ini, samakan salinannya di lembar lain (Ctrl+H di "
                  "Excel) dengan nama barunya.")
    return (f"Nomor item '{position}' bukan nomor {label} baris ini: {whose}. {remedy} Untuk mengubah urutan {label}, "
            f"pindahkan {label} itu beserta isinya di berkas YAML, atau ganti nomornya di seluruh cabangnya: setiap "
            "Nomor item dan ID indikator yang diawali nomor lamanya, di semua lembar (juga Indikator, Triwulan dan "
            f"Cascade), dengan nomor barunya{_moved_copies(level, levels)}")


def _moved_copies(level: str, levels: tuple[str, ...]) -> str:
    """The rest of the advice to renumber a branch, for a branch moved under another parent: its rows copy the items
    above them ('; bila kegiatan itu pindah ke program lain, ... (Program, Kode program, Sasaran program, ...)')."""
    upper = levels[: levels.index(level)][::-1]
    if not upper:
        return ""
    columns = ", ".join(header for each in upper for header in level_columns(each))  # type: ignore[arg-type]
    return (f"; bila {LEVEL_LABELS[level].lower()} itu pindah ke {LEVEL_LABELS[upper[0]].lower()} lain, salin juga isi "
            f"induk barunya ke kolom salinan item di atasnya ({columns}) di baris-baris cabang itu, atau kosongkan "
            "sel-sel itu")


def _free(position: str, level: str, levels: tuple[str, ...], taken: set[str], tables: dict[str, Sheet],
          cells: dict[str, str]) -> str:
    """A number of `level` no row has (none of `taken`): under the parent `position` names when it is readable, else
    under the item whose name the row copies (`cells`), else under the first item of the level above."""
    letter = POSITION_LETTERS[level]  # type: ignore[index]
    index = levels.index(level)
    if not index:
        return next_free(f"{letter}1", taken)
    upper = levels[index - 1]
    parent = position.rpartition(".")[0]
    if _unreadable(parent, upper, levels):
        copied = cells.get(_name_key(upper), "")
        owners = [above.get("nomor item", "") for _, above in records(tables[LEVEL_LABELS[upper]])
                  if copied and above.get(_name_key(upper)) == copied]
        first = ".".join(f"{POSITION_LETTERS[each]}1" for each in levels[:index])  # type: ignore[index]
        parent = owners[0] if len(owners) == 1 else first
    return next_free(f"{parent}.{letter}1", taken)


def _free_advice(free: str, level: str, levels: tuple[str, ...]) -> str:
    """How to number a row whose records name no free number: its parent's number, a dot, its level's letter and
    place, with `free` as the example."""
    letter = POSITION_LETTERS[level]  # type: ignore[index]
    label = LEVEL_LABELS[level].lower()
    parent, _, own = free.rpartition(".")
    place = int(own[len(letter):])
    ordinal = _ORDINALS[place - 1] if place <= len(_ORDINALS) else f"ke-{place}"
    if not parent:
        return f"tulis {letter} dan urutannya, mis. {free} ({label} {ordinal}, nomor yang belum dipakai)"
    upper = LEVEL_LABELS[levels[levels.index(level) - 1]].lower()
    return (f"tulis nomor item induknya, titik, lalu {letter} dan urutannya, mis. {free} ({label} {ordinal} {upper} "
            f"{parent}, nomor yang belum dipakai)")


def _owned(level: str, levels: tuple[str, ...]) -> str:
    """What an item of `level` owns by its number: 'kegiatan, sub kegiatan dan indikator'."""
    words = [LEVEL_LABELS[lower].lower() for lower in levels[levels.index(level) + 1:]] + ["indikator"]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} dan {words[-1]}"


def _item_cells(cells: dict[str, str], level: str) -> tuple[str, ...]:
    """A row's cells naming an item of `level`, as its level sheet writes them and the rows below copy them: its name,
    then its kode and sasaran (`level_columns`)."""
    return tuple(cells.get(header_key(column), "") for column in level_columns(level))  # type: ignore[arg-type]


def _name_key(level: str) -> str:
    """The key of a sheet's column holding the name of an item of `level` ('program', 'sub kegiatan')."""
    return header_key(LEVEL_LABELS[level])


def doubled_ids(sheet: Sheet, quarters: Sheet | None) -> tuple[list[str], set[str]]:
    """Each 'ID indikator' of the Indikator sheet that several rows have (a row copied with its ID), refused at the
    copy's cell with an ID no row has, and the IDs refused: the Triwulan sheet's quarters and the level sheets' lists
    name an indicator by its ID, so two rows with one ID would leave them to the import's guess. The original is the
    row whose name the Triwulan sheet copies beside that ID; without such a copy, the first row (a copy inserted
    above its original is then named with both names, to be told apart by staff)."""
    column = column_of(sheet, "ID indikator")
    rows = records(sheet)
    taken = {cells.get("id indikator", "") for _, cells in rows}
    by_id: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for row, cells in rows:
        if cells.get("id indikator"):
            by_id.setdefault(cells["id indikator"], []).append((row, cells))
    quarter_names: dict[str, dict[str, str]] = {}  # ID → {copied name: its first cell}
    if quarters is not None:
        named_column = column_of(quarters, "Indikator")
        for row, cells in records(quarters):
            if cells.get("indikator"):
                quarter_names.setdefault(cells.get("id indikator", ""), {}).setdefault(
                    cells["indikator"], quarters.ref(row, named_column))
    problems = []
    doubled = {indikator_id for indikator_id, same in by_id.items() if len(same) > 1}
    for indikator_id in sorted(doubled, key=lambda each: by_id[each][0][0]):
        same = by_id[indikator_id]
        named = quarter_names.get(indikator_id, {})
        originals = [(row, cells) for row, cells in same if cells.get("indikator") in named] if len(named) == 1 else []
        (original, known) = (originals[0], True) if len(originals) == 1 else (same[0], False)
        source = original[1].get("indikator", "")
        where = (f", baris asal indikator ini: lembar Triwulan mencatat ID itu untuk '{source}' "
                 f"({named[source]})" if known else f" ('{source}')")
        for row, cells in same:
            if row == original[0]:
                continue
            free = next_free(f"{cells.get('nomor item') or indikator_id.rpartition('.')[0]}.I1", taken)
            taken.add(free)
            which = ("kosongkan ID baris ini" if known else
                     f"kosongkan ID baris yang merupakan salinan, baris ini ('{cells.get('indikator', '')}') atau "
                     f"{sheet.ref(original[0], column)}")
            problems.append(f"{sheet.ref(row, column)}: ID indikator '{indikator_id}' sudah dipakai di "
                            f"{sheet.ref(original[0], column)}{where}; setiap indikator punya ID-nya sendiri, dan "
                            "target dan realisasi triwulannya di lembar Triwulan mengikuti ID itu: "
                            f"{which} (atau beri ID baru yang belum dipakai, mis. {free}), dan biarkan ID baris "
                            "asalnya")
    return problems, doubled
