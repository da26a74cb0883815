"""The same indicator across a perangkat daerah's years: found by its kode, else by its text as written with
capitals and spacing aside, one row per year, and a page name of its own."""

from __future__ import annotations

from pathlib import Path

from macros.indikator_series import indikator_key, kinerja_per_tahun, match_indikator, normalised_text
from macros.model import Cascade, CascadeFile, Indikator


def indikator(uraian: str, kode: str | None = None) -> dict[str, object]:
    return {"uraian": uraian, "formulasi": "", "sumber_data": "", **({"kode": kode} if kode else {})}


def cascade_file(tahun: int, *rows: dict[str, object], program_rows: tuple[dict[str, object], ...] = ()) -> CascadeFile:
    data = {"perangkat_daerah": "Kecamatan Contoh", "tahun": tahun, "tujuan": [{
        "uraian": "Tujuan", "indikator": list(rows),
        "sasaran": [{"uraian": "Sasaran", "program": [{"uraian": "Program X", "indikator": list(program_rows)}]}]}]}
    return CascadeFile("kecamatan-contoh", Path(f"{tahun}.yaml"), Cascade.model_validate(data))


def summary(files: list[CascadeFile]) -> list[tuple[str, list[tuple[int, str]]]]:
    """Each indicator page's name with the (year, position) of its rows."""
    return [(one.slug, [(cf.tahun, row.position) for cf, row in one.rows]) for one in match_indikator(files)]


def test_text_is_compared_without_case_and_spacing_differences():
    assert normalised_text("  Persentase ASN\nyang  TERLAYANI ") == "persentase asn yang terlayani"
    assert normalised_text("Jumlah ＡＳＮ") == "jumlah asn"  # full-width letters pasted from a PDF
    assert indikator_key(Indikator(**indikator("Jumlah ASN"))) == ("uraian", "jumlah asn")
    assert indikator_key(Indikator(**indikator("Jumlah ASN", kode=" 1.02 "))) == ("kode", "1.02")


def test_the_same_text_in_two_years_is_one_indicator_wherever_it_sits():
    files = [cascade_file(2024, indikator("Jumlah  rapat")),
             cascade_file(2023, indikator("Jumlah rapat"), indikator("Indeks kepuasan"))]
    assert summary(files) == [("jumlah-rapat", [(2023, "T1.I1"), (2024, "T1.I1")]),
                              ("indeks-kepuasan", [(2023, "T1.I2")])]
    moved = [cascade_file(2023, indikator("Jumlah rapat")),
             cascade_file(2024, program_rows=(indikator("JUMLAH RAPAT"),))]
    assert summary(moved) == [("jumlah-rapat", [(2023, "T1.I1"), (2024, "T1.S1.P1.I1")])]


def test_a_kode_matches_whatever_the_text_and_different_kodes_are_different_indicators():
    files = [cascade_file(2023, indikator("Jumlah rapat", kode="1.1"), indikator("Indeks", kode="1.2")),
             cascade_file(2024, indikator("Jumlah rapat koordinasi", kode="1.1"), indikator("Indeks", kode="1-2"))]
    assert summary(files) == [("1-1", [(2023, "T1.I1"), (2024, "T1.I1")]), ("1-2", [(2023, "T1.I2")]),
                              ("1-2-2", [(2024, "T1.I2")])]


def test_an_indicator_stated_twice_in_a_year_gives_two_pages_matched_in_order():
    files = [cascade_file(2023, indikator("Jumlah desa"), indikator("Jumlah desa")),
             cascade_file(2024, indikator("Jumlah desa"), program_rows=(indikator("Jumlah desa"),))]
    assert summary(files) == [("jumlah-desa", [(2023, "T1.I1"), (2024, "T1.I1")]),
                              ("jumlah-desa-2", [(2023, "T1.I2"), (2024, "T1.S1.P1.I1")])]


def test_page_names_stay_unique_when_long_texts_share_their_first_words():
    start = "Persentase aparatur sipil negara yang mengikuti pendidikan dan pelatihan teknis fungsional"
    files = [cascade_file(2024, indikator(start + " tingkat dasar"), indikator(start + " tingkat lanjut"))]
    first, second = (slug for slug, _ in summary(files))
    assert first == "persentase-aparatur-sipil-negara-yang-mengikuti-pendidikan-dan-pelatihan-teknis"
    assert second == first + "-2"


def test_each_year_takes_its_values_from_its_own_file_else_from_the_newest_file_stating_them():
    # A 2023 Renstra states targets up to 2025; the 2024 file restates 2024 and 2025 with its own realisasi.
    renstra = {**indikator("Jumlah rapat"), "target": {2023: "10", 2024: "12", 2025: "14"}, "realisasi": {2023: "9"}}
    later = {**indikator("Jumlah rapat"), "target": {2024: "11", 2025: "15"}, "realisasi": {2024: "11"}}
    (series,) = match_indikator([cascade_file(2023, renstra), cascade_file(2024, later)])
    years = [(year.kinerja.tahun, year.menurut, year.kinerja.target, year.kinerja.realisasi)
             for year in kinerja_per_tahun(series)]
    assert years == [(2023, 2023, "10", "9"), (2024, 2024, "11", "11"), (2025, 2024, "15", None)]
