"""A Renstra/Renja matrix as Bappeda templates lay it out → a drafted cascade.

The layout (Permendagri 86/2017's Renstra and Renja tables and the sheets derived from them): a title block,
a header of one to three rows (`macros.importer.columns`), often a row of column numbers, then one row per
program, kegiatan, sub kegiatan or indicator. Codes are in one column or split over several (urusan | bidang |
program | kegiatan | sub kegiatan): the parts are joined with dots, and the number of parts gives the level
(Permendagri 90: 5.03 bidang urusan, 5.03.01 program, 5.03.01.2.01 kegiatan, 5.03.01.2.01.0001 sub kegiatan).
A repeated parent (a merged cell, or the same name and code again) continues the item above: its row adds an
indicator. A bidang urusan row gives its code and name to the programs under it (`bidang_urusan`).

The row that opens a program, kegiatan or sub kegiatan gives it its pagu per year and penanggung jawab
(`macros.importer.row_values`); an indicator's row gives it its targets, realisasi, baseline, satuan, IKU mark
and end-of-period target. Every guess (a level without a code, a missing tipe_penghitungan, a baseline's
year) is a YAML comment, and so is every cell the format cannot hold, naming its cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .columns import Columns, check_columns, find_header, is_column_numbers, read_columns
from .emit import Draft
from .row_values import first_text, indikator_values, item_values, keep_in_notes
from .sheets import (Sheet, SpreadsheetError, decimal_code_problem, flaw_problems, header_key, hidden_column,
                     hidden_row)

_LEVELS = ["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"]
_LEVEL_BY_PARTS = {1: None, 2: None, 3: "program", 4: "kegiatan", 5: "kegiatan"}


@dataclass
class _State:
    """Where the walk down the rows is: the current item of each level, the keys that identify them, and the
    bidang urusan heading the programs below it belong to."""

    root: Draft
    current: dict[str, Draft] = field(default_factory=dict)
    identity: dict[str, tuple[str, str]] = field(default_factory=dict)
    bidang: tuple[str, str] | None = None


def read_matrix(sheet: Sheet) -> Draft:
    """The cascade of one matrix sheet; `SpreadsheetError` with every sheet!cell problem of its rows."""
    found = find_header(sheet)
    if found is None:
        raise SpreadsheetError([f"{sheet.name}!A1: baris judul tabel tidak ditemukan (perlu kolom Indikator dan "
                                "Program/Kegiatan)"])
    first, last = found
    columns = read_columns(sheet, first, last)
    check_columns(sheet, first, columns)
    state = _State(Draft())
    state.root.set("tujuan", [])
    for column in sorted(sheet.hidden_columns.intersection(columns.roles)):
        state.root.note("tujuan", hidden_column(sheet, first, column, columns.labels.get(column, "")))
    problems: list[str] = []
    for row in range(last + 1, len(sheet.rows)):
        cells = sheet.rows[row]
        if not any(c.strip() for c in cells) or is_column_numbers(cells):
            continue
        # A note column's cell becomes a comment, where an Excel date or error misleads no one.
        problems.extend(flaw_problems(sheet, ((row, c) for c, role in columns.roles.items() if role != "catatan")))
        code_problems = [p for p in (decimal_code_problem(sheet, row, c) for c in columns.of("kode")) if p]
        problems.extend(code_problems)
        before = {id(draft) for draft in state.current.values()}
        try:
            held = _read_row(sheet, row, columns, state, problems)
        except SpreadsheetError as error:
            # A code says its row's level and place: a row whose code Excel changed cannot be placed, which is
            # that one mistake, not another (its indicator "without a tujuan or sasaran above it").
            if not code_problems:
                problems.extend(error.problems)
            continue
        if row in sheet.hidden_rows and _own_cells(sheet, row):
            opened = [draft for draft in (state.current.get(level) for level in _LEVELS)
                      if draft is not None and id(draft) not in before]
            _note_hidden(sheet, row, columns, state.root, opened[0] if opened else held)
    if problems:
        raise SpreadsheetError(problems)
    if not state.root.fields["tujuan"]:
        raise SpreadsheetError([f"{sheet.ref(last + 1, 0)}: tidak ada baris data di bawah judul tabel"])
    return state.root


def _read_row(sheet: Sheet, row: int, columns: Columns, state: _State, problems: list[str]) -> Draft | None:
    """Read one row into the drafts; return the indicator it adds, else the item its values go to (None for an
    urusan or bidang urusan heading)."""
    for level in ("tujuan", "sasaran"):
        text, column = first_text(sheet, row, columns.of(level))
        if not text or state.identity.get(level) == (text, ""):
            continue
        if level == "sasaran" and "tujuan" not in state.current:
            raise SpreadsheetError([f"{sheet.ref(row, column)}: sasaran tanpa tujuan di atasnya; isi kolom Tujuan"])
        _open(state, level, Draft(), (text, ""), uraian=text)
    code = _code(sheet, row, columns)
    name, name_column = first_text(sheet, row, columns.of("nama"))
    owner = _owner(sheet, row, columns, state, code, name, name_column)
    indikator, indikator_column = first_text(sheet, row, columns.of("indikator"))
    if indikator and owner is None:
        raise SpreadsheetError([f"{sheet.ref(row, indikator_column)}: indikator '{indikator}' tanpa tujuan, sasaran "
                                "atau program di atasnya; isi kolom Tujuan dan Sasaran pada baris pertama"])
    if owner is None:
        return None
    level = next(lv for lv in reversed(_LEVELS) if state.current.get(lv) is owner)
    item_values(sheet, row, columns, owner, level, problems)
    noted = ["catatan"] if indikator else ["catatan", "target", "realisasi", "baseline", "target_akhir"]
    if level in ("tujuan", "sasaran"):
        noted.append("pagu")
    if not indikator:
        keep_in_notes(sheet, row, columns, owner, tuple(noted))
        return owner
    draft = indikator_values(sheet, row, columns, indikator, problems)
    owner.fields.setdefault("indikator", []).append(draft)  # type: ignore[union-attr]
    keep_in_notes(sheet, row, columns, draft, tuple(noted))
    return draft


def _code(sheet: Sheet, row: int, columns: Columns) -> str:
    """The row's code, its parts in one column or over several joined with dots: '3.27.03'."""
    return ".".join(p for p in (sheet.cell(row, c).strip().strip(".") for c in columns.of("kode")) if p)


def _own_cells(sheet: Sheet, row: int) -> list[str]:
    """The row's values of its own, without the cells a merged range above it fills."""
    return [text.strip() for column, text in enumerate(sheet.rows[row])
            if text.strip() and (row, column) not in sheet.merged]


def _note_hidden(sheet: Sheet, row: int, columns: Columns, root: Draft, held: Draft | None) -> None:
    """A comment on what a row hidden in Excel holds (the first item it opens, else its indicator or the item its
    values go to); on the file for a heading row, named by its code and name."""
    if held is None:
        heading = f"{_code(sheet, row, columns)} {first_text(sheet, row, columns.of('nama'))[0]}".strip()
        root.note("tujuan", f"{hidden_row(sheet, row, holds_an_item=False)} ({heading})")
    else:
        held.note("uraian", hidden_row(sheet, row))


def _open(state: _State, level: str, draft: Draft, identity: tuple[str, str], *, uraian: str) -> None:
    """Start a new item of `level` under the current item of the level above, and close the levels below it."""
    draft.set("uraian", uraian)
    parent = state.root if level == "tujuan" else state.current[_LEVELS[_LEVELS.index(level) - 1]]
    parent.fields.setdefault(level, []).append(draft)  # type: ignore[union-attr]
    for below in _LEVELS[_LEVELS.index(level):]:
        state.current.pop(below, None)
        state.identity.pop(below, None)
    state.current[level], state.identity[level] = draft, identity


def _owner(sheet: Sheet, row: int, columns: Columns, state: _State, code: str, name: str,
           name_column: int | None) -> Draft | None:
    """The item this row's values belong to: the program, kegiatan or sub kegiatan it opens, or the deepest
    item open above it."""
    deepest = next((state.current[lv] for lv in reversed(_LEVELS) if lv in state.current), None)
    if not name and not code:
        return deepest
    if name_column is not None and (row, name_column) in sheet.merged or (name, code) in state.identity.values():
        return deepest  # a repeated parent: this row adds an indicator to the item above
    parts = [p for p in code.split(".") if p]
    level = "sub_kegiatan" if len(parts) >= 6 else _LEVEL_BY_PARTS.get(len(parts)) if parts else None
    if parts and level is None:
        _heading(sheet, row, state, deepest, code, name, name_column)
        return None
    guessed = None
    if level is None:
        level, guessed = _guess_level(name, state)
    if "sasaran" not in state.current:
        raise SpreadsheetError([f"{sheet.ref(row, name_column or 0)}: {name or code} tanpa sasaran di atasnya; "
                                "isi kolom Sasaran"])
    where = sheet.ref(row, name_column or 0)
    if level != "program" and "program" not in state.current:
        level, guessed = "program", f"tebakan: dibaca sebagai program karena belum ada program di atasnya ({where})"
    if level == "sub_kegiatan" and "kegiatan" not in state.current:
        level, guessed = "kegiatan", f"tebakan: dibaca sebagai kegiatan karena belum ada kegiatan di atasnya ({where})"
    if not name:
        raise SpreadsheetError([f"{sheet.ref(row, columns.of('nama')[0])}: kode {code} tanpa nama program/kegiatan"])
    draft = Draft()
    _open(state, level, draft, (name, code), uraian=name)
    if guessed:
        draft.note("uraian", guessed)
    if code:
        draft.set("kode", code)
    sasaran_item, _ = first_text(sheet, row, columns.of("sasaran_item"))
    if sasaran_item:
        draft.set("sasaran", sasaran_item)
    if level == "program" and state.bidang and (not code or code.startswith(state.bidang[0] + ".")):
        draft.set("bidang_urusan", " ".join(p for p in state.bidang if p))
    return draft


def _heading(sheet: Sheet, row: int, state: _State, deepest: Draft | None, code: str, name: str,
             name_column: int | None) -> None:
    """An urusan (5) or bidang urusan (5.03) row: a bidang names the programs below it; an urusan is a comment."""
    if len(code.split(".")) == 2:
        state.bidang = (code, name)
        return
    (deepest or state.root).note("indikator", f"{sheet.ref(row, name_column or 0)}: urusan {code} {name} (format "
                                              "menyimpan bidang urusan pada program, bukan urusan)")


def _guess_level(name: str, state: _State) -> tuple[str, str]:
    if header_key(name).startswith("program"):
        return "program", ""
    level = "kegiatan" if "kegiatan" not in state.current else "sub_kegiatan"
    if "program" not in state.current:
        level = "program"
    return level, f"tebakan: level '{level}' dari urutan baris, karena baris ini tidak berkode"
