"""The tables of a cascade's downloads (the CSV's, and the XLSX's sheets: `downloads.to_xlsx`), as pure functions of
the model, and its JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import LEVEL_LABELS, Cascade, Item, Level
from ..capaian import TRIWULAN
from ..capaian_aturan import AturanCapaian
from ..kinerja import KinerjaTahun, years_of
from ..tree import CascadeTree

DEFAULT_ATURAN = AturanCapaian()

# Spreadsheet programs run a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float
CASCADE_SHEET = "Cascade"
# `iku` as the IKU column writes it: "ya", "tidak" where the data says false, empty where it says nothing.
IKU_CELL: dict[bool | None, str] = {True: "ya", False: "tidak", None: ""}
# The Cascade sheet's column naming the items whose sasaran is a list, and the one naming the data columns of a year
# each sheet has (`cascade_table`).
SASARAN_LIST_COLUMN = "Sasaran berupa daftar"
YEAR_COLUMNS_COLUMN = "Kolom per tahun"

# What each column of the workbook holds, the one place `make import` (`macros.importer`) learns it from. DATA is the
# cascade's data, read back: a data column deleted is refused (its field would be lost on every row). COMPUTED is
# the site's arithmetic and COPIED a cell of another sheet or row repeated so that each row reads on its own:
# neither is read, so either may be deleted (a copy that differs from its source is refused at its cell).
DATA, COMPUTED, COPIED = "data", "computed", "copied"
# The columns of a year, '{tahun}' standing for it: the Indikator sheet's baseline, then target to keterangan
# capaian (`indikator_columns`); a level sheet's pagu (`item_table`).
CAPAIAN_COLUMN, PREDIKAT_COLUMN = "Capaian {tahun} (%)", "Predikat {tahun}"
BASELINE_COLUMNS = {"Baseline {tahun}": DATA}
KINERJA_COLUMNS = {"Target {tahun}": DATA, "Realisasi {tahun}": DATA, CAPAIAN_COLUMN: COMPUTED,
                   PREDIKAT_COLUMN: COMPUTED, "Keterangan capaian {tahun}": COMPUTED}
PAGU_COLUMNS = {"Pagu {tahun}": DATA}
# What "Keterangan capaian" holds (`keterangan_capaian`), as the Data Package describes it.
KETERANGAN_CAPAIAN = ("Mengapa capaian tahun {tahun} tidak dapat dihitung; bila tahunnya belum lengkap, sampai "
                      "triwulan mana capaian dihitung ('s.d. triwulan III'); kosong bila capaian setahun penuh.")
# The other columns of each sheet ('level': of every level sheet), in the sheet's order, but for the columns naming
# the items (`level_columns`: DATA on an item's own sheet, COPIED on the rows below it) and the years'. 'Tahun'
# and 'Periode' are one column: a period file's download writes 'Periode' where another writes 'Tahun'.
INDIKATOR_SHEET, TRIWULAN_SHEET, LEVEL_SHEETS = "Indikator", "Triwulan", "level"
# The Indikator sheet's columns of an indicator's own fields, between the items' columns and the years'.
_INDIKATOR_FIELDS = ["Indikator", "Kode indikator", "Formulasi", "Tipe penghitungan", "Polaritas", "Satuan", "Skala",
                     "Sumber data", "IKU", "Target akhir"]
SHEET_COLUMNS: dict[str, dict[str, str]] = {
    INDIKATOR_SHEET: {"ID indikator": DATA, "Level": COPIED, "Nomor item": DATA, "Perangkat daerah": COPIED,
                      "Tahun": COPIED, "Periode": COPIED, **dict.fromkeys(_INDIKATOR_FIELDS, DATA)},
    TRIWULAN_SHEET: {"ID indikator": DATA, "Indikator": COPIED, "Tahun": DATA, "Triwulan": DATA, "Target": DATA,
                     "Realisasi": DATA},
    LEVEL_SHEETS: {"Nomor item": DATA, "Penanggung jawab": DATA, "Jumlah indikator": COMPUTED, "ID indikator": COPIED},
    CASCADE_SHEET: {"Perangkat daerah": DATA, "Kabupaten/kota": DATA, "Tahun": DATA, "Periode": DATA,
                    "Dokumen sumber": DATA, "Pengaturan capaian": DATA, SASARAN_LIST_COLUMN: DATA,
                    YEAR_COLUMNS_COLUMN: COPIED},
}
# The Program sheet's own column, before 'Penanggung jawab'.
PROGRAM_COLUMNS = {"Bidang urusan": DATA}


def when_column(cascade: Cascade) -> str:
    """'Periode' for a period file (its cell holds '2021-2026'), else 'Tahun'."""
    return "Periode" if cascade.periode else "Tahun"


def yearly(columns: Iterable[str], year: int) -> list[str]:
    """The headers of a year's columns: `yearly(PAGU_COLUMNS, 2025)` → ['Pagu 2025']."""
    return [header.format(tahun=year) for header in columns]


@dataclass(frozen=True)
class Table:
    """A sheet of data: Indonesian column headers and one list of cells per row; the columns whose numbers a
    spreadsheet shows with one decimal, as the pages show capaian (105,0, not 105)."""

    columns: list[str]
    rows: list[list[Cell]]
    one_decimal: frozenset[str] = frozenset()


def to_json(cascade: Cascade) -> str:
    """The cascade as JSON with the data file's Indonesian keys; optional fields only where the data has them.

    Compact, on one line: indenting took three fifths of a large cascade's file (a Kabupaten's five years of
    downloads, 73 → 30 MB); a reader wanting it laid out has any JSON viewer, or the XLSX."""
    return json.dumps(cascade.model_dump(mode="json", exclude_none=True), ensure_ascii=False,
                      separators=(",", ":")) + "\n"


def level_columns(level: Level) -> list[str]:
    """The columns naming an item of `level` on the rows of its own and lower levels: ['Program', 'Kode program',
    'Sasaran program'] (tujuan and sasaran: their name only)."""
    label = LEVEL_LABELS[level]
    if level in ("tujuan", "sasaran"):
        return [label]
    return [label, f"Kode {label.lower()}", f"Sasaran {label.lower()}"]


def _level_cells(item: Item | None, level: Level) -> list[Cell]:
    if item is None:
        return [""] * len(level_columns(level))
    if level in ("tujuan", "sasaran"):
        return [item.uraian]
    # Several outcomes share the cell, one per line, as a spreadsheet cell shows a list.
    return [item.uraian, item.kode or "", "\n".join(item.outcomes)]


def _years(tree: CascadeTree) -> tuple[list[int], list[int]]:
    """The years of the cascade's baselines, and of its targets and realisasi."""
    baseline = {year for row in tree.indikator for year in (row.indikator.baseline or {})}
    kinerja = {year for row in tree.indikator for year in years_of(row.indikator)}
    return sorted(baseline), sorted(kinerja)


def _kinerja_cells(kinerja: KinerjaTahun) -> list[Cell]:
    """Target, realisasi, capaian (a number, %), predikat and its note, for one year."""
    capaian = kinerja.capaian
    return [kinerja.target or "", kinerja.realisasi or "", "" if capaian.persen is None else float(capaian.persen),
            capaian.predikat or "", keterangan_capaian(kinerja)]


def keterangan_capaian(kinerja: KinerjaTahun) -> str:
    """What a download says beside a year's capaian, in the pages' words: why there is none, or for a year under
    way the quarter it runs to ('s.d. triwulan III'); '' for a whole year's."""
    return kinerja.capaian.alasan or kinerja.sampai or ""


def indikator_columns(tree: CascadeTree) -> list[str]:
    """The columns of `indikator_table` (the CSV's header), without computing its rows."""
    cascade = tree.cascade
    baseline_years, years = _years(tree)
    # A period file (a Renstra) has no one year: its column holds the period instead ('2021-2026').
    columns = ["ID indikator", "Level", "Nomor item", "Perangkat daerah", when_column(cascade)]
    # A document without tujuan gets no Tujuan column: an empty one would say it has tujuan left blank.
    for level in tree.levels:
        columns += level_columns(level)
    columns += [*_INDIKATOR_FIELDS, *(header for year in baseline_years for header in yearly(BASELINE_COLUMNS, year))]
    for year in years:
        columns += yearly(KINERJA_COLUMNS, year)
    return columns


def indikator_table(tree: CascadeTree, aturan: AturanCapaian = DEFAULT_ATURAN) -> Table:
    """Every indicator on its own row, with the names of the items above it and its stable identifier, then its
    baselines and, per year, its target, realisasi (to date) and capaian under `aturan`."""
    cascade = tree.cascade
    baseline_years, years = _years(tree)
    rows: list[list[Cell]] = []
    for row in tree.indikator:
        lineage = row.owner.lineage
        ind = row.indikator
        cells: list[Cell] = [row.id, row.owner.level, row.owner.position, cascade.perangkat_daerah,
                             cascade.periode or cascade.tahun or ""]
        for level in tree.levels:
            node = lineage.get(level)
            cells += _level_cells(node.item if node else None, level)
        cells += [ind.uraian, ind.kode or "", ind.formulasi, ind.tipe_penghitungan or "", ind.polaritas or "",
                  ind.satuan or "", ind.skala or "", ind.sumber_data, IKU_CELL[ind.iku], ind.target_akhir or "",
                  *((ind.baseline or {}).get(year, "") for year in baseline_years)]
        for year in years:
            cells += _kinerja_cells(tree.kinerja(ind, year, aturan))
        rows.append(cells)
    return Table(indikator_columns(tree), rows, frozenset(CAPAIAN_COLUMN.format(tahun=year) for year in years))


def triwulan_table(tree: CascadeTree) -> Table:
    """Every quarter's target and realisasi as typed, one row per indicator, year and quarter that has either."""
    rows: list[list[Cell]] = []
    for row in tree.indikator:
        ind = row.indikator
        for year in years_of(ind):
            targets = (ind.target_triwulan or {}).get(year, {})
            realisasi = (ind.realisasi_triwulan or {}).get(year, {})
            rows += [[row.id, ind.uraian, year, triwulan, targets.get(triwulan, ""), realisasi.get(triwulan, "")]
                     for triwulan in TRIWULAN if triwulan in targets or triwulan in realisasi]
    return Table(list(SHEET_COLUMNS[TRIWULAN_SHEET]), rows)


def year_data_columns(tree: CascadeTree) -> dict[str, list[str]]:
    """The data columns of a year each sheet of the workbook has, by sheet, in its order: {'Indikator': ['Baseline
    2024', 'Target 2025', 'Realisasi 2025'], 'Program': ['Pagu 2025']}; sheets without any are left out."""
    baseline_years, years = _years(tree)
    baseline, kinerja = data_columns(BASELINE_COLUMNS), data_columns(KINERJA_COLUMNS)
    found = {INDIKATOR_SHEET: [*(header for year in baseline_years for header in yearly(baseline, year)),
                               *(header for year in years for header in yearly(kinerja, year))]}
    for level in tree.levels:
        found[LEVEL_LABELS[level]] = [header for year in _pagu_years(tree, level)
                                      for header in yearly(PAGU_COLUMNS, year)]
    return {sheet: headers for sheet, headers in found.items() if headers}


def data_columns(columns: dict[str, str]) -> list[str]:
    """The headers of `columns` (`SHEET_COLUMNS[...]`, `KINERJA_COLUMNS`...) that head the cascade's data."""
    return [header for header, holds in columns.items() if holds == DATA]


def cascade_table(tree: CascadeTree) -> Table:
    """The cascade's own fields on one row: perangkat daerah, kabupaten/kota, tahun (a period file: 'Periode',
    '2021-2026'), source document, its settings of capaian (as JSON, the way the data file's `capaian:` is
    written), and the positions ('T1.S1.P1', one per line) of the items whose `sasaran:` is a list: their cell in
    the level sheets holds the texts one per line, as it would hold one text with a line break; this column tells
    the two apart, so that the workbook holds all of its data. Last, the data columns of a year each sheet has,
    a line per sheet ('Indikator: Target 2025, Realisasi 2025'): a year's columns deleted together leave no other
    trace of the year, and `make import` refuses to lose its values."""
    cascade = tree.cascade
    settings = json.dumps(cascade.capaian, ensure_ascii=False) if cascade.capaian is not None else ""
    # A tujuan's `sasaran` is its list of child items, not outcomes: only programs and below are asked.
    listed = [node.position for node in tree.nodes
              if node.level not in ("tujuan", "sasaran") and isinstance(getattr(node.item, "sasaran"), list)]
    year_columns = [f"{sheet}: {', '.join(headers)}" for sheet, headers in year_data_columns(tree).items()]
    return Table(["Perangkat daerah", "Kabupaten/kota", when_column(cascade), "Dokumen sumber", "Pengaturan capaian",
                  SASARAN_LIST_COLUMN, YEAR_COLUMNS_COLUMN],
                 [[cascade.perangkat_daerah, cascade.kabupaten_kota or "", cascade.periode or cascade.tahun or "",
                   cascade.dokumen_sumber or "", settings, "\n".join(listed), "\n".join(year_columns)]])


def _pagu_years(tree: CascadeTree, level: Level) -> list[int]:
    """The pagu years of a level's own items; a cascade without pagu gets no such column."""
    return sorted({year for node in tree.at(level) for year in (getattr(node.item, "pagu", None) or {})})


def item_table(tree: CascadeTree, level: Level) -> Table:
    """Every item of one level on its own row, with the items above it and the identifiers of its indicators."""
    upto = tree.levels[: tree.levels.index(level) + 1]
    columns = ["Nomor item"]
    for each in upto:
        columns += level_columns(each)
    nodes = tree.at(level)
    pagu_years = _pagu_years(tree, level)
    extra = list(PROGRAM_COLUMNS) if level == "program" else []
    columns += [*extra, "Penanggung jawab", *(header for year in pagu_years for header in yearly(PAGU_COLUMNS, year)),
                "Jumlah indikator", "ID indikator"]
    rows: list[list[Cell]] = []
    for node in nodes:
        lineage = node.lineage
        cells: list[Cell] = [node.position]
        for each in upto:
            cells += _level_cells(lineage[each].item, each)
        cells += [getattr(node.item, name, None) or "" for name in ("bidang_urusan",) if level == "program"]
        pagu = getattr(node.item, "pagu", None) or {}
        cells += [node.item.penanggung_jawab or "", *(pagu.get(year, "") for year in pagu_years)]
        ids = [row.id for row in tree.rows_of(node)]
        rows.append([*cells, len(ids), "\n".join(ids)])
    return Table(columns, rows)


# A number as staff type it (-5, +1,5, -5%, 1.500): a spreadsheet reads it as a number, never as a formula.
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d+)*|[.,]\d+)%?")


def neutralise(value: Cell) -> Cell:
    """A text cell made safe for spreadsheets: a leading apostrophe where it would start a formula (a number
    such as '-5%' is left as typed: it starts none)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def to_csv(tree: CascadeTree, aturan: AturanCapaian = DEFAULT_ATURAN) -> str:
    """The indicator table as CSV, starting with a byte order mark so that Excel reads it as UTF-8."""
    table = indikator_table(tree, aturan)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    writer.writerows([neutralise(cell) for cell in row] for row in table.rows)
    return "\ufeff" + out.getvalue()
