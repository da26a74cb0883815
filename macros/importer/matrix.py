"""A Renstra/Renja matrix as Bappeda templates lay it out → a drafted cascade.

The layout (Permendagri 86/2017's Renstra and Renja tables and the sheets derived from them): a header of one
to three rows (merged cells for grouped columns such as "Target Kinerja dan Kerangka Pendanaan" over
"Tahun 2024" over "Target | Rp"), often a row of column numbers, then one row per program, kegiatan, sub
kegiatan or indicator. Columns are recognised by their header text, case and spacing aside (`COLUMN_RULES`).
Codes are in one column or split over several (urusan | bidang | program | kegiatan | sub kegiatan): the
parts are joined with dots, and the number of parts gives the level (Permendagri 90: 5.03.01 program,
5.03.01.2.01 kegiatan, 5.03.01.2.01.0001 sub kegiatan). A repeated parent (a merged cell, or the same name
and code again) continues the item above: its row adds an indicator.

Nothing is silently dropped: what the data format cannot hold yet (pagu, baseline, the end-of-period
condition, penanggung jawab, any column not recognised) is written as a YAML comment naming its cell, and
every guess (a level without a code, a missing tipe_penghitungan) is a comment too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .emit import Draft
from .sheets import Sheet, SpreadsheetError, header_key

_YEAR = re.compile(r"\b(20\d\d)\b")
_COLUMN_NUMBERS = re.compile(r"^\(?\d{1,2}\)?$|^\d+\s*=\s*[\d\s+x*/-]+$")
# (role, test on the header key): the first rule that matches names the column. Order matters: an
# "Indikator Kinerja Tujuan, Sasaran, Program" column is an indicator column, not a tujuan column.
COLUMN_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("kode", re.compile(r"\bkode\b")),
    ("catatan", re.compile(r"kondisi kinerja|akhir periode|target akhir|capaian pada tahun awal|kondisi awal|"
                           r"baseline|tahun awal|penanggung ?jawab|unit kerja|perangkat daerah|lokasi|sumber dana|"
                           r"keterangan|catatan|realisasi")),
    ("formulasi", re.compile(r"formulasi|rumus|cara (per)?hitung")),
    ("tipe_penghitungan", re.compile(r"tipe|jenis penghitungan|sifat")),
    ("polaritas", re.compile(r"polaritas")),
    ("sumber_data", re.compile(r"sumber data")),
    ("satuan", re.compile(r"\bsatuan\b")),
    ("pagu", re.compile(r"\b(pagu|rp|dana|anggaran|pendanaan)\b(?!.*\btarget\b)")),
    ("target", re.compile(r"\btarget\b|\b20\d\d\b")),
    ("indikator", re.compile(r"indikator")),
    ("sasaran_item", re.compile(r"sasaran (program|kegiatan|sub kegiatan)|hasil|keluaran|outcome|output")),
    ("tujuan", re.compile(r"^tujuan")),
    ("sasaran", re.compile(r"^sasaran")),
    ("nama", re.compile(r"program|kegiatan|urusan|uraian|nomenklatur")),
]
_LEVEL_BY_PARTS = {1: None, 2: None, 3: "program", 4: "kegiatan", 5: "kegiatan"}
_TIPE = {"kumulatif": "kumulatif", "komulatif": "kumulatif", "non kumulatif": "non_kumulatif",
         "non komulatif": "non_kumulatif", "nonkumulatif": "non_kumulatif"}


@dataclass
class Columns:
    """Which column holds what, by column index; `labels` are the headers as written, for comments."""

    roles: dict[int, str] = field(default_factory=dict)
    years: dict[int, int] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)

    def of(self, role: str) -> list[int]:
        return [column for column, found in self.roles.items() if found == role]


def find_header(sheet: Sheet) -> tuple[int, int] | None:
    """(first, last) header row: the first of the top rows naming an indicator column, down to where its merged
    cells end; None when the sheet has no such header."""
    for row in range(min(len(sheet.rows), 30)):
        keys = [header_key(text) for text in sheet.rows[row]]
        if any("indikator" in key for key in keys) and any(re.search(r"program|kegiatan|sasaran", k) for k in keys):
            last = row
            while last + 1 < len(sheet.rows) and any((last + 1, c) in sheet.merged for c in range(sheet.width)) \
                    and not _is_column_numbers(sheet.rows[last + 1]):
                last += 1
            # A sub-header row ("Target | Rp" under a merged year) without merges of its own.
            while last + 1 < len(sheet.rows) and _is_sub_header(sheet.rows[last + 1]):
                last += 1
            return row, last
    return None


def _is_column_numbers(cells: list[str]) -> bool:
    filled = [c.strip() for c in cells if c.strip()]
    return bool(filled) and all(_COLUMN_NUMBERS.match(c) for c in filled)


def _is_sub_header(cells: list[str]) -> bool:
    filled = [header_key(c) for c in cells if c.strip()]
    return bool(filled) and all(re.fullmatch(r"(target|rp|k|pagu|satuan|tahun \d{4}|\d{4}|realisasi|capaian)", c)
                                for c in filled)


def read_columns(sheet: Sheet, first: int, last: int) -> Columns:
    """Each column's role from its header rows read top to bottom ('Tahun 2024' over 'Rp' → pagu of 2024)."""
    columns = Columns()
    for column in range(sheet.width):
        parts = list(dict.fromkeys(sheet.cell(row, column).strip() for row in range(first, last + 1)))
        label = " / ".join(p for p in parts if p)
        if not label:
            continue
        key = header_key(label)
        role = next((name for name, rule in COLUMN_RULES if rule.search(key)), "catatan")
        year = _YEAR.search(key)
        if role in ("target", "pagu") and year is None:
            role = "catatan"
        if year and role in ("target", "pagu"):
            columns.years[column] = int(year.group(1))
        columns.roles[column] = role
        columns.labels[column] = label
    return columns


def check_columns(sheet: Sheet, first: int, columns: Columns) -> None:
    """Refuse a header without the columns the data format needs, naming the header row."""
    missing = [label for role, label in (("nama", "Program/Kegiatan"), ("indikator", "Indikator"),
                                         ("tujuan", "Tujuan"), ("sasaran", "Sasaran")) if not columns.of(role)]
    if missing:
        raise SpreadsheetError([f"{sheet.ref(first, 0)}: kolom {', '.join(missing)} tidak ditemukan di baris judul "
                                "tabel; format data cascade memerlukan tujuan dan sasaran di atas program, dan setiap "
                                "baris indikator di kolom Indikator (lihat templat impor di laporan kualitas data)"])


@dataclass
class _State:
    """Where the walk down the rows is: the current item of each level, and the keys that identify them."""

    root: Draft
    current: dict[str, Draft] = field(default_factory=dict)
    identity: dict[str, tuple[str, str]] = field(default_factory=dict)


def read_matrix(sheet: Sheet) -> Draft:
    """The cascade of one matrix sheet; `SpreadsheetError` with sheet!cell messages for what cannot be read."""
    found = find_header(sheet)
    if found is None:
        raise SpreadsheetError([f"{sheet.name}!A1: baris judul tabel tidak ditemukan (perlu kolom Indikator dan "
                                "Program/Kegiatan)"])
    first, last = found
    columns = read_columns(sheet, first, last)
    check_columns(sheet, first, columns)
    state = _State(Draft())
    state.root.set("tujuan", [])
    problems: list[str] = []
    for row in range(last + 1, len(sheet.rows)):
        cells = sheet.rows[row]
        if not any(c.strip() for c in cells) or _is_column_numbers(cells):
            continue
        try:
            _read_row(sheet, row, columns, state)
        except SpreadsheetError as error:
            problems.extend(error.problems)
    if problems:
        raise SpreadsheetError(problems)
    if not state.root.fields["tujuan"]:
        raise SpreadsheetError([f"{sheet.ref(last + 1, 0)}: tidak ada baris data di bawah judul tabel"])
    return state.root


def _text(sheet: Sheet, row: int, columns: list[int]) -> tuple[str, int | None]:
    """The first non-empty cell of the given columns in a row, and its column."""
    for column in columns:
        value = sheet.cell(row, column).strip()
        if value:
            return value, column
    return "", None


def _read_row(sheet: Sheet, row: int, columns: Columns, state: _State) -> None:
    tujuan, _ = _text(sheet, row, columns.of("tujuan"))
    sasaran, _ = _text(sheet, row, columns.of("sasaran"))
    if tujuan and state.identity.get("tujuan") != (tujuan, ""):
        _open(state, "tujuan", Draft(), (tujuan, ""), uraian=tujuan)
    if sasaran and state.identity.get("sasaran") != (sasaran, ""):
        if "tujuan" not in state.current:
            raise SpreadsheetError([f"{sheet.ref(row, columns.of('tujuan')[0])}: sasaran tanpa tujuan di atasnya; "
                                    "isi kolom Tujuan"])
        _open(state, "sasaran", Draft(), (sasaran, ""), uraian=sasaran)
    code = ".".join(p for p in (sheet.cell(row, c).strip().strip(".") for c in columns.of("kode")) if p)
    name, name_column = _text(sheet, row, columns.of("nama"))
    owner = _owner(sheet, row, columns, state, code, name, name_column)
    indikator, _ = _text(sheet, row, columns.of("indikator"))
    if indikator:
        if owner is None:
            raise SpreadsheetError([f"{sheet.ref(row, columns.of('indikator')[0])}: indikator tanpa tujuan, sasaran "
                                    "atau program di atasnya"])
        owner.fields.setdefault("indikator", []).append(_indikator(sheet, row, columns, indikator))  # type: ignore[union-attr]
    elif owner is not None:
        _keep_in_notes(sheet, row, columns, owner, ("target", "pagu", "catatan"))


def _open(state: _State, level: str, draft: Draft, identity: tuple[str, str], *, uraian: str) -> None:
    """Start a new item of `level` under the current item of the level above, and close the levels below it."""
    levels = ["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"]
    draft.set("uraian", uraian)
    parent = state.root if level == "tujuan" else state.current[levels[levels.index(level) - 1]]
    parent.fields.setdefault(level, []).append(draft)  # type: ignore[union-attr]
    for below in levels[levels.index(level):]:
        state.current.pop(below, None)
        state.identity.pop(below, None)
    state.current[level], state.identity[level] = draft, identity


def _owner(sheet: Sheet, row: int, columns: Columns, state: _State, code: str, name: str,
           name_column: int | None) -> Draft | None:
    """The item this row's indicator belongs to, opening a program, kegiatan or sub kegiatan where the row starts one."""
    deepest = next((state.current[lv] for lv in ("sub_kegiatan", "kegiatan", "program", "sasaran", "tujuan")
                    if lv in state.current), None)
    if not name and not code:
        return deepest
    if name_column is not None and (row, name_column) in sheet.merged or (name, code) in state.identity.values():
        return deepest  # a repeated parent: this row adds an indicator to the item above
    parts = [p for p in code.split(".") if p]
    level = "sub_kegiatan" if len(parts) >= 6 else _LEVEL_BY_PARTS.get(len(parts)) if parts else None
    if parts and level is None:
        # An urusan or bidang urusan heading (5, 5.03): no place for it in the format yet.
        where = deepest or state.root
        where.note("indikator", f"{sheet.ref(row, name_column or 0)}: urusan/bidang urusan {code} {name} "
                                "(format belum mendukung bidang urusan)")
        return None
    guessed = None
    if level is None:
        level, guessed = _guess_level(name, state)
    if "sasaran" not in state.current:
        raise SpreadsheetError([f"{sheet.ref(row, name_column or 0)}: {name or code} tanpa sasaran di atasnya; "
                                "isi kolom Sasaran"])
    if level != "program" and "program" not in state.current:
        level, guessed = "program", f"tebakan: dibaca sebagai program karena belum ada program di atasnya ({sheet.ref(row, name_column or 0)})"
    if level == "sub_kegiatan" and "kegiatan" not in state.current:
        level, guessed = "kegiatan", f"tebakan: dibaca sebagai kegiatan karena belum ada kegiatan di atasnya ({sheet.ref(row, name_column or 0)})"
    draft = Draft()
    _open(state, level, draft, (name, code), uraian=name)
    if guessed:
        draft.note("uraian", guessed)
    if code:
        draft.set("kode", code)
    sasaran_item, _ = _text(sheet, row, columns.of("sasaran_item"))
    if sasaran_item:
        draft.set("sasaran", sasaran_item)
    if not name:
        raise SpreadsheetError([f"{sheet.ref(row, columns.of('nama')[0])}: kode {code} tanpa nama program/kegiatan"])
    return draft


def _guess_level(name: str, state: _State) -> tuple[str, str]:
    lowered = name.casefold()
    if lowered.startswith("program"):
        return "program", ""
    level = "kegiatan" if "kegiatan" not in state.current else "sub_kegiatan"
    if "program" not in state.current:
        level = "program"
    return level, f"tebakan: level '{level}' dari urutan baris, karena baris ini tidak berkode"


def _indikator(sheet: Sheet, row: int, columns: Columns, uraian: str) -> Draft:
    draft = Draft()
    draft.set("uraian", uraian)
    for key in ("formulasi", "sumber_data"):
        value, _ = _text(sheet, row, columns.of(key))
        draft.set(key, value, None if value else f"{key} tidak tercantum di {sheet.ref(row, 0).split('!')[0]} baris {row + 1}")
    tipe, tipe_column = _text(sheet, row, columns.of("tipe_penghitungan"))
    if header_key(tipe) in _TIPE:
        draft.set("tipe_penghitungan", _TIPE[header_key(tipe)])
    else:
        shown = f" (tertulis '{tipe}' di {sheet.ref(row, tipe_column)})" if tipe_column is not None else ""
        draft.set("tipe_penghitungan", "non_kumulatif",
                  f"TEBAKAN, periksa: tipe_penghitungan tidak tercantum{shown}; kumulatif | non_kumulatif")
    polaritas, polaritas_column = _text(sheet, row, columns.of("polaritas"))
    if header_key(polaritas) in ("positif", "negatif"):
        draft.set("polaritas", header_key(polaritas))
    else:
        shown = f" (tertulis '{polaritas}' di {sheet.ref(row, polaritas_column)})" if polaritas_column is not None else ""
        draft.note("polaritas", f"polaritas tidak tercantum{shown}: dibiarkan kosong; positif | negatif")
    satuan, _ = _text(sheet, row, columns.of("satuan"))
    if satuan:
        draft.set("satuan", satuan)
    targets = {columns.years[c]: sheet.cell(row, c).strip() for c in columns.of("target") if sheet.cell(row, c).strip()}
    if targets:
        draft.set("target", dict(sorted(targets.items())))
    _keep_in_notes(sheet, row, columns, draft, ("pagu", "catatan"))
    return draft


def _keep_in_notes(sheet: Sheet, row: int, columns: Columns, draft: Draft, roles: tuple[str, ...]) -> None:
    """Cells the format cannot hold yet, written as comments naming their cell so nothing is lost."""
    for column, role in columns.roles.items():
        value = sheet.cell(row, column).strip()
        if role not in roles or not value or (row, column) in sheet.merged:
            continue
        if role == "pagu":
            text = f"pagu {columns.years[column]} di {sheet.ref(row, column)}: {value} (format belum mendukung pagu)"
        elif role == "target":
            text = f"target {columns.years[column]} di {sheet.ref(row, column)}: {value} (target hanya pada indikator)"
        else:
            text = f"{columns.labels[column]} di {sheet.ref(row, column)}: {value} (format belum mendukung kolom ini)"
        draft.note("uraian" if "indikator" not in draft.fields else "indikator", text)
