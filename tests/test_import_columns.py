"""How `make import` reads the headers of Renstra/Renja matrices: each header text as Bappeda templates write
it → what the column holds, and the year of a column per year."""

from __future__ import annotations

import pytest

from macros.importer.columns import read_columns
from macros.importer.sheets import Sheet


def role_of(*header_rows: str) -> tuple[str, int | None]:
    sheet = Sheet("Renstra", [[text] for text in header_rows])
    columns = read_columns(sheet, 0, len(header_rows) - 1)
    return columns.roles[0], columns.years.get(0)


@pytest.mark.parametrize(("headers", "role", "year"), [
    (("Kode",), "kode", None),
    (("Program/Kegiatan/Sub Kegiatan",), "nama", None),
    (("Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output)",), "indikator", None),
    (("Target Kinerja Program dan Kerangka Pendanaan", "Tahun 2025", "Target"), "target", 2025),
    (("Target Kinerja Program dan Kerangka Pendanaan", "Tahun 2025", "Rp"), "pagu", 2025),
    (("Pagu Indikatif (Rp)", "2026"), "pagu", 2026),
    (("Target 2027",), "target", 2027),
    (("Realisasi", "2025"), "realisasi", 2025),
    (("Kondisi Kinerja Awal (2024)",), "baseline", 2024),
    (("Baseline 2023",), "baseline", 2023),
    (("Kondisi Kinerja pada Akhir Periode Renstra PD", "Target"), "target_akhir", None),
    (("Kondisi Kinerja pada Akhir Periode Renstra PD", "Rp"), "catatan", None),
    (("Unit Kerja Perangkat Daerah Penanggung Jawab",), "penanggung_jawab", None),
    (("IKU",), "iku", None),
    (("Satuan",), "satuan", None),
    (("Capaian Kinerja 2024 (%)",), "catatan", None),
    (("Realisasi Capaian Kinerja dan Anggaran Renstra s.d. Renja Tahun Lalu",), "catatan", None),
    (("Lokasi",), "catatan", None),
])
def test_a_header_names_what_its_column_holds(headers, role, year):
    assert role_of(*headers) == (role, year)


def test_a_baseline_without_a_year_is_the_year_before_the_first_target():
    sheet = Sheet("Renstra", [["Data Capaian pada Tahun Awal Perencanaan", "Target 2026", "Target 2025"]])
    columns = read_columns(sheet, 0, 0)
    assert (columns.roles[0], columns.years[0], columns.guessed_years) == ("baseline", 2024, {0})
