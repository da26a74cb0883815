"""One CSV per indicator: one row per period it reports on, in the columns of one table.

Each row names its indicator (id, perangkat daerah, cascade year, uraian, satuan) and holds that period's target,
realisasi, capaian and predikat: what open data's indicator files carry (Open SDG's too). The definition (level,
formulasi, tipe penghitungan, polaritas, skala, sumber data) is the cascade CSV's, which the Data Package names
as the per-indicator files' foreign key: written once per indicator there, not on every period here.

A period is a year of the indicator's targets and realisasi (the cascade's year when it has none; Triwulan
'setahun'), then each quarter of that year with a value; the year's row carries the capaian to date
(`macros.kinerja`).

The columns are declared once, in `INDIKATOR_COLUMNS`: each with its header, Table Schema type, Indonesian
description, the BPS MS-Ind metadata field it matches (if any) and how its cell is read from the indicator.
The CSV writer and the Data Package's schema (`macros.render.datapackage`) both read that table, so a new
column is added there and nowhere else.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

from ..capaian import TRIWULAN
from ..kinerja import KinerjaTahun, years_of
from ..model import CascadeFile
from ..naming import indikator_csv_path
from ..tree import IndikatorRow
from .export import KETERANGAN_CAPAIAN, Cell, keterangan_capaian, neutralise


@dataclass(frozen=True)
class Column:
    """A column of a published table: header (also the Table Schema field name), type ('string', 'integer'),
    description (Indonesian), the BPS MS-Ind field it fills ('' when none) and, for a fixed list of values,
    those values."""

    name: str
    type: str
    description: str
    ms_ind: str = ""
    enum: tuple[str, ...] = ()


@dataclass(frozen=True)
class Periode:
    """One row's period: a year (`triwulan` None) or one of its quarters, and the year's values and capaian."""

    tahun: int
    triwulan: str | None
    kinerja: KinerjaTahun

    @property
    def target(self) -> str:
        values = self.kinerja.target_triwulan if self.triwulan else {"": self.kinerja.target or ""}
        return values.get(self.triwulan or "", "")

    @property
    def realisasi(self) -> str:
        values = self.kinerja.realisasi_triwulan if self.triwulan else {"": self.kinerja.realisasi or ""}
        return values.get(self.triwulan or "", "")


@dataclass(frozen=True)
class IndikatorColumn(Column):
    """A column of the per-indicator CSV, with how its cell is read from the cascade, the indicator and the
    row's period."""

    value: Callable[[CascadeFile, IndikatorRow, Periode], Cell] = lambda cf, row, periode: ""


INDIKATOR_COLUMNS: tuple[IndikatorColumn, ...] = (
    IndikatorColumn("ID indikator", "string", "Pengenal indikator: kodenya bila ada, selain itu posisinya "
                    "dalam cascade (T1.S1.P2.K1.SK2.I1).", value=lambda cf, row, periode: row.id),
    IndikatorColumn("Perangkat daerah", "string", "Perangkat daerah pemilik cascade.",
                    value=lambda cf, row, periode: cf.cascade.perangkat_daerah),
    IndikatorColumn("Tahun cascade", "integer", "Tahun cascade yang memuat indikator; kosong bila cascade "
                    "mencakup satu periode Renstra (tahun nilainya di kolom Tahun).",
                    value=lambda cf, row, periode: "" if cf.cascade.tahun is None else cf.cascade.tahun),
    IndikatorColumn("Indikator", "string", "Uraian indikator kinerja: apa yang diukur.", "nama indikator",
                    value=lambda cf, row, periode: row.indikator.uraian),
    IndikatorColumn("Satuan", "string", "Satuan nilai indikator.", "satuan",
                    value=lambda cf, row, periode: row.indikator.satuan or ""),
    IndikatorColumn("Tahun", "integer", "Tahun nilai pada baris ini.", "periode",
                    value=lambda cf, row, periode: periode.tahun),
    IndikatorColumn("Triwulan", "string", "Triwulan nilai pada baris ini (I sampai IV), atau 'setahun'.",
                    "periode", enum=("setahun", *TRIWULAN), value=lambda cf, row, periode: periode.triwulan or "setahun"),
    IndikatorColumn("Target", "string", "Target periode ini, sebagaimana ditulis staf (teks: 1/2, 7-8, 98,5%); "
                    "kosong bila tidak ada.", value=lambda cf, row, periode: periode.target),
    IndikatorColumn("Realisasi", "string", "Realisasi periode ini, sebagaimana ditulis staf; kosong bila belum "
                    "dilaporkan.", value=lambda cf, row, periode: periode.realisasi),
    IndikatorColumn("Capaian (%)", "number", "Capaian setahun sampai triwulan terakhir yang dilaporkan, dalam "
                    "persen, satu desimal; kosong bila tidak dapat dihitung dan pada baris triwulan.",
                    value=lambda cf, row, periode: _capaian(periode)),
    IndikatorColumn("Predikat", "string", "Predikat capaian (Permendagri 86/2017, atau aturan situs); kosong "
                    "bila tidak dapat dihitung dan pada baris triwulan.",
                    value=lambda cf, row, periode: "" if periode.triwulan else periode.kinerja.capaian.predikat or ""),
    IndikatorColumn("Keterangan capaian", "string", KETERANGAN_CAPAIAN.format(tahun="itu"),
                    value=lambda cf, row, periode: "" if periode.triwulan else keterangan_capaian(periode.kinerja)),
)
# The columns that name a row of a per-indicator CSV: the indicator, the year and the quarter.
INDIKATOR_PRIMARY_KEY: tuple[str, ...] = ("ID indikator", "Tahun", "Triwulan")


def _capaian(periode: Periode) -> Cell:
    persen = periode.kinerja.capaian.persen
    return "" if periode.triwulan or persen is None else float(persen)


def periods(cf: CascadeFile, row: IndikatorRow) -> list[Periode]:
    """The rows of one indicator: each year with values (the cascade's year when none), then its quarters."""
    rows = []
    for tahun in years_of(row.indikator) or [cf.tahun]:
        kinerja = cf.tree.kinerja(row.indikator, tahun, cf.aturan)
        rows.append(Periode(tahun, None, kinerja))
        rows += [Periode(tahun, triwulan, kinerja) for triwulan in TRIWULAN
                 if triwulan in kinerja.target_triwulan or triwulan in kinerja.realisasi_triwulan]
    return rows


def indikator_rows(cf: CascadeFile, row: IndikatorRow) -> list[list[Cell]]:
    """The cells of one indicator's CSV below its header: one list per period, in `INDIKATOR_COLUMNS` order."""
    return [[column.value(cf, row, periode) for column in INDIKATOR_COLUMNS] for periode in periods(cf, row)]


def indikator_csv(cf: CascadeFile, row: IndikatorRow) -> str:
    """One indicator's CSV, written as the cascade's CSV is (byte order mark, CRLF, formula guard)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column.name for column in INDIKATOR_COLUMNS])
    writer.writerows([neutralise(cell) for cell in cells] for cells in indikator_rows(cf, row))
    return "\ufeff" + out.getvalue()


def indikator_csv_files(cf: CascadeFile) -> dict[str, str]:
    """Every indicator CSV of a cascade by its path in the site, in the cascade's order."""
    return {indikator_csv_path(cf, row.id): indikator_csv(cf, row) for row in cf.tree.indikator}
