"""The header of a Renstra/Renja matrix: where it is, and what each column holds (`COLUMN_RULES`).

A header is one to three rows, often with merged cells for grouped columns ("Target Kinerja" over "2025" |
"2026", "Pagu Indikatif (Rp)" over the same years); a column's label is its header cells read top to bottom,
and the first rule matching that label, case and punctuation aside, names the column's role. A target, pagu
or realisasi column must name its year; a baseline column names its year or is read as the year before the
first target (a guess the import comments).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .sheets import Sheet, SpreadsheetError, header_key

_YEAR = re.compile(r"\b(20\d\d)\b")
_COLUMN_NUMBERS = re.compile(r"^\(?\d{1,2}\)?$|^\d+\s*=\s*[\d\s+x*/-]+$")
_MONEY = r"\b(pagu|rp|dana|anggaran|pendanaan)\b"
# (role, test on the header key): the first rule that matches names the column. Order matters: an
# "Indikator Kinerja Tujuan, Sasaran, Program" column is an indicator column, not a tujuan column, and the
# Rupiah half of "Kondisi Kinerja pada Akhir Periode / Rp" is a note, not the end-of-period target.
COLUMN_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("kode", re.compile(r"\bkode\b")),
    # The identifier of an indicator ('T1.S1.I1', the site's 'ID indikator') is not its name: a note.
    ("catatan", re.compile(r"\bid indikator\b")),
    ("catatan", re.compile(rf"(akhir periode|target akhir|kondisi akhir|kondisi (kinerja )?awal|tahun awal|baseline)"
                           rf".*{_MONEY}|{_MONEY}.*(akhir periode|kondisi akhir|tahun awal|kondisi awal)")),
    ("target_akhir", re.compile(r"akhir periode|target akhir|kondisi akhir")),
    ("baseline", re.compile(r"baseline|kondisi (kinerja )?awal|tahun awal|capaian pada tahun awal")),
    ("penanggung_jawab", re.compile(r"penanggung ?jawab|\bpj\b")),
    ("iku", re.compile(r"^iku\b")),
    ("realisasi", re.compile(r"^realisasi (tahun )?20\d\d$")),
    ("catatan", re.compile(r"unit kerja|perangkat daerah|lokasi|sumber dana|keterangan|catatan|realisasi|^capaian|"
                           r"\bpredikat\b")),
    ("formulasi", re.compile(r"formulasi|rumus|cara (per)?hitung")),
    ("tipe_penghitungan", re.compile(r"tipe|jenis penghitungan|sifat")),
    ("polaritas", re.compile(r"polaritas")),
    ("sumber_data", re.compile(r"sumber data")),
    ("satuan", re.compile(r"\bsatuan\b")),
    ("skala", re.compile(r"^skala\b")),
    ("pagu", re.compile(rf"{_MONEY}(?!.*\btarget\b)")),
    ("target", re.compile(r"\btarget\b|\b20\d\d\b")),
    ("indikator", re.compile(r"indikator")),
    ("sasaran_item", re.compile(r"sasaran (program|kegiatan|sub kegiatan)|hasil|keluaran|outcome|output")),
    ("tujuan", re.compile(r"^tujuan")),
    ("sasaran", re.compile(r"^sasaran")),
    ("nama", re.compile(r"program|kegiatan|urusan|uraian|nomenklatur")),
]
# Roles whose column holds one year's value: the header must say which year.
YEARLY = ("target", "pagu", "realisasi")


@dataclass
class Columns:
    """Which column holds what, by column index; `labels` are the headers as written, for comments."""

    roles: dict[int, str] = field(default_factory=dict)
    years: dict[int, int] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)
    # Baseline columns whose header names no year: read as the year before the first target column's.
    guessed_years: set[int] = field(default_factory=set)

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
                    and not is_column_numbers(sheet.rows[last + 1]):
                last += 1
            # A sub-header row ("Target | Rp" under a merged year) without merges of its own.
            while last + 1 < len(sheet.rows) and _is_sub_header(sheet.rows[last + 1]):
                last += 1
            return row, last
    return None


def is_column_numbers(cells: list[str]) -> bool:
    """A row of column numbers under the header: '(1)', '(2)', … or '8 = 7/6'."""
    filled = [c.strip() for c in cells if c.strip()]
    return bool(filled) and all(_COLUMN_NUMBERS.match(c) for c in filled)


def _is_sub_header(cells: list[str]) -> bool:
    filled = [header_key(c) for c in cells if c.strip()]
    return bool(filled) and all(re.fullmatch(r"(target|rp|k|pagu|satuan|tahun \d{4}|\d{4}|realisasi|capaian|urusan|"
                                             r"bidang( urusan)?|program|kegiatan|sub kegiatan)", c) for c in filled)


def read_columns(sheet: Sheet, first: int, last: int) -> Columns:
    """Each column's role from its header rows read top to bottom ('Tahun 2024' over 'Rp' → pagu of 2024);
    `SpreadsheetError` naming the header cell of a target, pagu or realisasi column that names no year."""
    columns = Columns()
    problems: list[str] = []
    header = _spread_group_labels(sheet, first, last)
    for column in range(sheet.width):
        parts = list(dict.fromkeys(header[row - first][column] for row in range(first, last + 1)))
        label = " / ".join(p for p in parts if p)
        if not label:
            continue
        key = header_key(label)
        role = next((name for name, rule in COLUMN_RULES if rule.search(key)), "catatan")
        year = _YEAR.search(key)
        if year and role in (*YEARLY, "baseline"):
            columns.years[column] = int(year.group(1))
        elif role in YEARLY:
            bottom = max(row for row in range(first, last + 1) if sheet.cell(row, column).strip())
            problems.append(f"{sheet.ref(bottom, column)}: judul kolom '{label}' tidak memuat tahun; tulis tahunnya "
                            f"di judul kolom {role} itu, mis. '{role.capitalize()} 2025'")
        columns.roles[column] = role
        columns.labels[column] = label
    _baseline_years(sheet, first, columns, problems)
    if problems:
        raise SpreadsheetError(problems)
    return columns


def _spread_group_labels(sheet: Sheet, first: int, last: int) -> list[list[str]]:
    """The header rows' texts by column. In a sheet without merged cells (a CSV: Excel keeps a merged cell's text in
    its first cell only), a label over several sub-columns ('Target Kinerja' over 2025 | 2026 | 2027) is spread
    over the empty cells to its right whose row below is filled, as a merge would have spread it."""
    rows = [[sheet.cell(row, column).strip() for column in range(sheet.width)] for row in range(first, last + 1)]
    if sheet.merged:
        return rows
    for upper, lower in zip(rows, rows[1:]):
        for column in range(1, len(upper)):
            if not upper[column] and lower[column] and upper[column - 1] and lower[column - 1]:
                upper[column] = upper[column - 1]
    return rows


def _baseline_years(sheet: Sheet, first: int, columns: Columns, problems: list[str]) -> None:
    """A baseline column without a year ('Kondisi Kinerja pada Awal Periode'): the year before the first target."""
    target_years = [columns.years[c] for c in columns.of("target") if c in columns.years]
    for column in columns.of("baseline"):
        if column in columns.years:
            continue
        if not target_years:
            problems.append(f"{sheet.ref(first, column)}: kolom '{columns.labels[column]}' tidak memuat tahun dan "
                            "tidak ada kolom target bertahun; tulis tahunnya di judul kolom, mis. 'Baseline 2024'")
            continue
        columns.years[column] = min(target_years) - 1
        columns.guessed_years.add(column)


def check_columns(sheet: Sheet, first: int, columns: Columns) -> None:
    """Refuse a header without the columns the data format needs, naming the header row."""
    missing = [label for role, label in (("nama", "Program/Kegiatan"), ("indikator", "Indikator"),
                                         ("tujuan", "Tujuan"), ("sasaran", "Sasaran")) if not columns.of(role)]
    if missing:
        raise SpreadsheetError([f"{sheet.ref(first, 0)}: kolom {', '.join(missing)} tidak ditemukan di baris judul "
                                "tabel; format data cascade memerlukan tujuan dan sasaran di atas program, dan setiap "
                                "baris indikator di kolom Indikator (lihat templat impor di laporan kualitas data)"])
