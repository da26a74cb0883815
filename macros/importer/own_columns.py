"""Which columns a sheet of the site's own XLSX download has, and what each holds, as the export defines them
(`macros.render.export.SHEET_COLUMNS` and the tables of a year's columns beside it, read here and nowhere else).

A data column deleted would lose its field on every row: it is refused by its sheet and name. A year's columns
deleted together leave no header naming the year: the Cascade sheet's 'Kolom per tahun' records the data columns
of a year each sheet had when downloaded, and the Triwulan sheet's rows name the years of their quarters; a year
they name whose columns are all gone is refused by its year and sheet. A workbook downloaded before that record
existed is checked by its quarters only. The computed and copied columns may go: they are not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import LEVEL_LABELS
from ..render.export import (BASELINE_COLUMNS, CASCADE_SHEET, COMPUTED, INDIKATOR_SHEET, KINERJA_COLUMNS,
                             LEVEL_SHEETS, PAGU_COLUMNS, PROGRAM_COLUMNS, SHEET_COLUMNS, TRIWULAN_SHEET,
                             YEAR_COLUMNS_COLUMN, data_columns, level_columns, yearly)
from .own_sheets import column_of, records
from .sheets import Sheet, header_key

# The Cascade sheet's year and period are one column, 'Tahun' or 'Periode' (`macros.render.export.when_column`).
_WHEN = ("Tahun", "Periode")
# The line breaks between the lines of a cell (Excel's Alt+Enter writes '\n'; a pasted text may bring '\r\n').
_LINE = re.compile(r"\r\n|\n|\r")


def sheet_columns(kind: str) -> dict[str, str]:
    """The columns of a sheet of the site's download (`OwnWorkbook.tables[kind]`) but for the items' and the years',
    by header, with what they hold (`macros.render.export.SHEET_COLUMNS`)."""
    if kind in SHEET_COLUMNS:
        return SHEET_COLUMNS[kind]
    return {**SHEET_COLUMNS[LEVEL_SHEETS], **PROGRAM_COLUMNS}


def yearly_columns(kind: str) -> dict[str, str]:
    """A sheet's columns of a year, '{tahun}' standing for the year, with what they hold."""
    if kind == INDIKATOR_SHEET:
        return {**BASELINE_COLUMNS, **KINERJA_COLUMNS}
    return PAGU_COLUMNS if kind not in SHEET_COLUMNS else {}


def year_column(key: str, headers: Iterable[str]) -> tuple[str, int] | None:
    """(the header of `headers`, '{tahun}' standing for the year, and the year) a header key is one year's column
    of: 'capaian 2025' → ('Capaian {tahun} (%)', 2025); None for another column."""
    for header in headers:
        pattern = header_key(header.format(tahun="0000")).replace("0000", r"(\d{4})")
        match = re.fullmatch(pattern, key)
        if match:
            return header, int(match.group(1))
    return None


def computed_column(kind: str, label: str) -> bool:
    """Whether a header of a sheet of the site's download heads a column the site computes."""
    key = header_key(label)
    fixed = {header_key(header): holds for header, holds in sheet_columns(kind).items()}
    yearly = year_column(key, yearly_columns(kind))
    return (fixed.get(key) if yearly is None else yearly_columns(kind)[yearly[0]]) == COMPUTED


def missing_columns(tables: dict[str, Sheet], levels: tuple[str, ...]) -> list[str]:
    """A problem for each data column the site writes on a sheet of `tables` (`OwnWorkbook.tables`) that is not
    in its header row, at the header row's first cell ('Indikator!A1: kolom 'Satuan' tidak ada ...'), one for all
    the columns of a year of which none is left ('Indikator!A1: kolom tahun 2019 (Target 2019, Realisasi 2019)
    tidak ada ...', with where the workbook names that year)."""
    evidence = _year_evidence(tables)
    problems = []
    for kind, sheet in tables.items():
        keys = {header_key(text) for text in sheet.rows[0]}
        named = evidence.get(kind, {})
        missing = [header for header in dict.fromkeys([*_expected_data(kind, keys, levels), *named])
                   if header_key(header) not in keys]
        # A year none of whose columns is left: its columns were deleted together, with all of its values.
        left = {found[1] for found in (year_column(key, yearly_columns(kind)) for key in keys) if found}
        gone: dict[int, list[str]] = {}
        for header in missing:
            found = year_column(header_key(header), yearly_columns(kind))
            if found and found[1] not in left:
                gone.setdefault(found[1], []).append(header)
            else:
                problems.append(f"{sheet.ref(0, 0)}: kolom '{header}' tidak ada di baris judul lembar {kind}; "
                                "gunakan lembar unduhan situs dengan semua kolomnya, atau kosongkan isinya bila "
                                "memang tidak ada")
        for year, headers in gone.items():
            where, quarters = next(named[header] for header in headers if header in named)
            rows = f" dan hapus baris tahun {year} di lembar Triwulan" if quarters else ""
            problems.append(f"{sheet.ref(0, 0)}: kolom tahun {year} ({', '.join(headers)}) tidak ada di baris judul "
                            f"lembar {kind}, padahal {where}; tanpa kolom itu nilai tahun {year} hilang. Kembalikan "
                            f"kolomnya dari unduhan situs, atau, bila nilai tahun {year} memang dihapus, biarkan "
                            f"kolomnya dan kosongkan sel-selnya{rows}")
    return problems


def _year_evidence(tables: dict[str, Sheet]) -> dict[str, dict[str, tuple[str, bool]]]:
    """The data columns of a year the workbook says a sheet has, by sheet: {'Indikator': {'Target 2019': (where it
    says so, whether it is the Triwulan sheet)}}; the Cascade sheet's record first (a header it names that is not
    a data column of a year of that sheet is no evidence), then the years of the quarters."""
    evidence: dict[str, dict[str, tuple[str, bool]]] = {}
    cascade = tables.get(CASCADE_SHEET)
    # A workbook downloaded before the record existed, or whose record column was deleted, has none to read.
    recorded = cascade is not None and header_key(YEAR_COLUMNS_COLUMN) in map(header_key, cascade.rows[0])
    for row, cells in (records(cascade)[:1] if recorded else []):
        ref = cascade.ref(row, column_of(cascade, YEAR_COLUMNS_COLUMN))  # type: ignore[union-attr]
        where = f"unduhan situs menulisnya ({YEAR_COLUMNS_COLUMN} di {ref})"
        for line in _LINE.split(cells.get(header_key(YEAR_COLUMNS_COLUMN), "")):
            kind, _, listed = line.partition(":")
            data = data_columns(yearly_columns(kind.strip())) if kind.strip() in tables else []
            for header in (text.strip() for text in listed.split(",")):
                if year_column(header_key(header), data):
                    evidence.setdefault(kind.strip(), {}).setdefault(header, (where, False))
    quarters = tables.get(TRIWULAN_SHEET)
    for row, cells in (records(quarters) if quarters else []):
        if cells.get("tahun", "").isdigit():
            ref = quarters.ref(row, column_of(quarters, "Tahun"))  # type: ignore[union-attr]
            where = f"lembar Triwulan memuat triwulan tahun itu ({ref})"
            for header in data_columns(KINERJA_COLUMNS):
                evidence.setdefault(INDIKATOR_SHEET, {}).setdefault(header.format(tahun=cells["tahun"]), (where, True))
    return evidence


def _expected_data(kind: str, keys: set[str], levels: tuple[str, ...]) -> list[str]:
    """The data columns a sheet of the site's download holds, given the header keys it has (which name its years)."""
    data = data_columns(sheet_columns(kind))
    if kind == CASCADE_SHEET:
        return [header for header in data if header not in _WHEN]
    if kind == INDIKATOR_SHEET:
        years = sorted({found[1] for found in (year_column(key, KINERJA_COLUMNS) for key in keys) if found})
        return [*data, *(header for year in years for header in yearly(data_columns(KINERJA_COLUMNS), year))]
    if kind in SHEET_COLUMNS:
        return data
    level = next(level for level in levels if LEVEL_LABELS[level] == kind)
    if level != "program":
        data = [header for header in data if header not in PROGRAM_COLUMNS]
    return [*level_columns(level), *data]  # type: ignore[arg-type]


def unnamed_problem(indikator: Sheet, missing: list[str]) -> str:
    """The message for a workbook without a Cascade sheet (downloaded before it existed) whose Indikator sheet,
    then the only one naming them, names no perangkat daerah or no year or period; `missing` are the arguments of
    `make import` that would name them ('PERANGKAT_DAERAH=...', 'TAHUN=...')."""
    keys = {header_key(text) for text in indikator.rows[0]}
    wanted = {"PERANGKAT_DAERAH=...": ("nama perangkat daerah", ["Perangkat daerah"]),
              "TAHUN=...": ("tahun atau periode", list(_WHEN))}
    what = " dan ".join(wanted[arg][0] for arg in missing)
    state = " dan ".join(
        f"kolom {' atau '.join(repr(header) for header in wanted[arg][1])} "
        f"{'kosong' if any(header_key(header) in keys for header in wanted[arg][1]) else 'tidak ada'}"
        for arg in missing)
    period = (" (TAHUN membuat berkas satu tahun: berkas periode Renstra, 2021-2026, perlu kolom 'Periode')"
              if "TAHUN=..." in missing else "")
    return (f"{indikator.ref(0, 0)}: {what} tidak tercantum: berkas ini tidak punya lembar Cascade (unduhan lama), "
            f"dan di lembar Indikator {state}; kembalikan kolomnya dari unduhan situs, atau tambahkan "
            f"{' '.join(missing)} pada perintah make import{period}")
