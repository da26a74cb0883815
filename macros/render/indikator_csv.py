"""One CSV per indicator: its definition, and one row per period it reports on, in the columns of one table.

The columns are declared once, in `INDIKATOR_COLUMNS`: each with its header, Table Schema type, Indonesian
description, the BPS MS-Ind metadata field it matches (if any) and how its cell is read from the indicator.
The CSV writer and the Data Package's schema (`macros.render.datapackage`) both read that table, so a new
column (target, realisasi, capaian, predikat) is added there and nowhere else.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

from ..model import LEVEL_LABELS, CascadeFile
from ..naming import indikator_csv_path
from ..tree import IndikatorRow
from .export import Cell, neutralise


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
class IndikatorColumn(Column):
    """A column of the per-indicator CSV, with how its cell is read from the cascade and the indicator."""

    value: Callable[[CascadeFile, IndikatorRow], Cell] = lambda cf, row: ""


INDIKATOR_COLUMNS: tuple[IndikatorColumn, ...] = (
    IndikatorColumn("ID indikator", "string", "Pengenal indikator: kodenya bila ada, selain itu posisinya "
                    "dalam cascade (T1.S1.P2.K1.SK2.I1).", value=lambda cf, row: row.id),
    IndikatorColumn("Perangkat daerah", "string", "Perangkat daerah pemilik cascade.",
                    value=lambda cf, row: cf.cascade.perangkat_daerah),
    IndikatorColumn("Tahun", "integer", "Tahun cascade.", "periode", value=lambda cf, row: cf.tahun),
    IndikatorColumn("Level", "string", "Level item pemilik indikator.", enum=tuple(LEVEL_LABELS),
                    value=lambda cf, row: row.owner.level),
    IndikatorColumn("Nomor item", "string", "Posisi item pemilik indikator dalam cascade (T1.S1.P2).",
                    value=lambda cf, row: row.owner.position),
    IndikatorColumn("Item", "string", "Uraian item (tujuan, sasaran, program, kegiatan atau sub kegiatan) "
                    "pemilik indikator.", value=lambda cf, row: row.owner.item.uraian),
    IndikatorColumn("Indikator", "string", "Uraian indikator kinerja: apa yang diukur.", "nama indikator",
                    value=lambda cf, row: row.indikator.uraian),
    IndikatorColumn("Kode indikator", "string", "Kode indikator sebagaimana ditulis staf (teks, bukan angka).",
                    value=lambda cf, row: row.indikator.kode or ""),
    IndikatorColumn("Formulasi", "string", "Cara menghitung nilai indikator.", "rumus",
                    value=lambda cf, row: row.indikator.formulasi),
    IndikatorColumn("Tipe penghitungan", "string", "Cara nilai antarperiode digabung: kumulatif (dijumlah) "
                    "atau non_kumulatif (nilai terakhir).", enum=("kumulatif", "non_kumulatif"),
                    value=lambda cf, row: row.indikator.tipe_penghitungan),
    IndikatorColumn("Polaritas", "string", "positif: makin tinggi makin baik; negatif: makin rendah makin baik.",
                    "interpretasi", enum=("positif", "negatif"), value=lambda cf, row: row.indikator.polaritas),
    IndikatorColumn("Satuan", "string", "Satuan nilai indikator.", "satuan",
                    value=lambda cf, row: row.indikator.satuan or ""),
    IndikatorColumn("Sumber data", "string", "Dari mana angka indikator diperoleh.", "sumber",
                    value=lambda cf, row: row.indikator.sumber_data),
    IndikatorColumn("Target", "string", "Target tahun cascade, sebagaimana ditulis staf (teks: 1/2, 7-8, "
                    "98,5%); kosong bila tidak ada.",
                    value=lambda cf, row: (row.indikator.target or {}).get(cf.tahun, "")),
)
# The columns that name a row of a per-indicator CSV; one row per indicator and year for now.
INDIKATOR_PRIMARY_KEY: tuple[str, ...] = ("ID indikator", "Tahun")


def indikator_rows(cf: CascadeFile, row: IndikatorRow) -> list[list[Cell]]:
    """The cells of one indicator's CSV below its header: one list per period, in `INDIKATOR_COLUMNS` order."""
    return [[column.value(cf, row) for column in INDIKATOR_COLUMNS]]


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
