"""The capaian engine, as a specification: formulas, values to date, predikat, settings and every refusal."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.capaian import Capaian, SampaiDengan, compute_capaian, format_persen, realisasi_to_date, target_to_date
from macros.capaian_aturan import PERMENDAGRI_86_2017, AturanCapaian, AturanTidakSah, BatasPredikat, predikat_for
from macros.nilai import Angka, Rentang, format_angka

D = Decimal
QUARTERS_10 = {"I": "10", "II": "10", "III": "10", "IV": "10"}


def capaian(tipe="kumulatif", polaritas="positif", target=None, realisasi=None, target_triwulan=None,
            realisasi_triwulan=None, skala=None, **settings_mapping) -> Capaian:
    return compute_capaian(tipe_penghitungan=tipe, polaritas=polaritas, target=target, target_triwulan=target_triwulan,
                           realisasi=realisasi, realisasi_triwulan=realisasi_triwulan,
                           aturan=AturanCapaian.from_settings(settings_mapping), skala=skala)


def test_worked_case_negatif_below_a_range_target_counts_against_the_lower_bound():
    result = capaian("non_kumulatif", "negatif", target="7-8 bulan", realisasi="6,5")
    assert result == Capaian(D("107.1"), "Sangat Tinggi", None, (
        "realisasi 6,5 di bawah rentang target 7–8, dibandingkan dengan batas bawah 7: "
        "(2 − realisasi / target) × 100 = (2 − 6,5 / 7) × 100 = 107,1%"), "tahun")


def test_worked_case_negatif_above_a_range_target_counts_against_the_upper_bound():
    result = capaian("non_kumulatif", "negatif", target="7–8", realisasi="9")
    assert (result.persen, result.predikat) == (D("87.5"), "Tinggi")
    assert result.rumus.endswith("batas atas 8: (2 − realisasi / target) × 100 = (2 − 9 / 8) × 100 = 87,5%")


def test_worked_case_positif_kumulatif_to_date_sums_the_reported_quarters_and_their_targets():
    result = capaian("kumulatif", "positif", target="40", target_triwulan=QUARTERS_10,
                     realisasi_triwulan={"I": "8", "II": "12", "III": "9"})
    assert result == Capaian(D("96.7"), "Sangat Tinggi", None, (
        "realisasi s.d. triwulan III (kumulatif: jumlah triwulan I, II, III) = 8 + 12 + 9 = 29; "
        "target s.d. triwulan III (kumulatif: jumlah triwulan I, II, III) = 10 + 10 + 10 = 30; "
        "realisasi / target × 100 = 29 / 30 × 100 = 96,7%"), "III")


# A target met exactly is 100% under every formula (one e-SAKIP app computes R / (T × 100) and shows 1%).
@pytest.mark.parametrize(("polaritas", "negatif", "target", "realisasi"), [
    ("positif", "2-R/T", "26", "26"),
    ("positif", "2-R/T", "98,5%", "98,5"),
    ("negatif", "2-R/T", "7", "7"),
    ("negatif", "T/R", "7", "7,0"),
    ("positif", "2-R/T", "1.500", "1.500"),
    ("negatif", "2-R/T", "7-8", "7,5"),
    ("positif", "T/R", "7-8", "8"),
])
def test_a_target_met_exactly_gives_100_percent(polaritas, negatif, target, realisasi):
    result = capaian("non_kumulatif", polaritas, target=target, realisasi=realisasi, negatif=negatif)
    assert (result.persen, result.predikat, format_persen(result.persen)) == (D(100), "Sangat Tinggi", "100,0%")


FORMULAS = [
    # polaritas  negatif  target  realisasi  persen   end of rumus
    ("positif", "2-R/T", "26", "27", "103.8", "realisasi / target × 100 = 27 / 26 × 100 = 103,8%"),
    ("positif", "T/R", "80%", "60%", "75.0", "realisasi / target × 100 = 60 / 80 × 100 = 75,0%"),
    ("negatif", "2-R/T", "10", "12", "80.0", "(2 − realisasi / target) × 100 = (2 − 12 / 10) × 100 = 80,0%"),
    ("negatif", "T/R", "10", "12", "83.3", "target / realisasi × 100 = 10 / 12 × 100 = 83,3%"),
    ("negatif", "T/R", "10", "8", "125.0", "target / realisasi × 100 = 10 / 8 × 100 = 125,0%"),
    ("negatif", "2-R/T", "10", "25", "-50.0", "(2 − 25 / 10) × 100 = -50,0%"),
    ("positif", "2-R/T", "7-8", "6", "85.7", "batas bawah 7: realisasi / target × 100 = 6 / 7 × 100 = 85,7%"),
    ("positif", "2-R/T", "7-8", "10", "125.0", "batas atas 8: realisasi / target × 100 = 10 / 8 × 100 = 125,0%"),
    ("negatif", "T/R", "7-8", "10", "80.0", "batas atas 8: target / realisasi × 100 = 8 / 10 × 100 = 80,0%"),
    ("negatif", "2-R/T", "7-8", "7,5", "100.0", "realisasi 7,5 berada dalam rentang target 7–8: capaian = 100,0%"),
    ("positif", "2-R/T", "Rp 1.000.000", "Rp 750.000", "75.0", "= 750.000 / 1.000.000 × 100 = 75,0%"),
]


@pytest.mark.parametrize(("polaritas", "negatif", "target", "realisasi", "persen", "rumus"), FORMULAS)
def test_formula_by_polaritas_and_setting_with_the_numbers_in_words(polaritas, negatif, target, realisasi, persen,
                                                                    rumus):
    result = capaian("non_kumulatif", polaritas, target=target, realisasi=realisasi, negatif=negatif)
    assert result.persen == D(persen) and result.alasan is None
    assert result.rumus.endswith(rumus), result.rumus


GRADES = [
    # target  realisasi  persen  predikat
    ("WTP", "WTP", "100.0", "Sangat Tinggi"),
    ("WDP", "WTP", "100.0", "Sangat Tinggi"),  # beating a grade earns no more than meeting it
    ("WTP", "WDP", "75.0", "Sedang"),
    ("WTP", "TMP", "25.0", "Sangat Rendah"),
    ("A", "BB", "83.3", "Tinggi"),
    ("BB", "AA", "100.0", "Sangat Tinggi"),
]


@pytest.mark.parametrize(("target", "realisasi", "persen", "predikat"), GRADES)
def test_a_grade_target_is_met_by_rank_else_rank_ratio_counted_from_the_lowest(target, realisasi, persen, predikat):
    result = capaian(None, None, target=target, realisasi=realisasi)
    assert (result.persen, result.predikat) == (D(persen), predikat)


def test_a_grade_of_several_scales_is_read_on_the_scale_stated_or_shared_else_not_computed():
    # 'B' and 'C' are grades of predikat SAKIP (AA > A > BB > B > CC > C > D) and of mutu pelayanan IKM (A > B > C > D).
    assert capaian(None, None, target="B", realisasi="C", skala="predikat_sakip").persen == D("50.0")
    assert capaian(None, None, target="B", realisasi="C", skala="mutu_pelayanan").persen == D("66.7")
    assert capaian(None, None, target="BB", realisasi="B").persen == D("80.0")  # BB is on predikat SAKIP only
    # Grades of no one scale: the realisasi is off the target's; unless one of them could be on two.
    assert capaian(None, None, target="WTP", realisasi="BB").alasan == (
        "realisasi 'BB' tidak ada pada skala opini BPK (WTP > WDP > TW > TMP) yang dipakai targetnya 'WTP'")
    assert capaian(None, None, target="WTP", realisasi="B").alasan.startswith(
        "nilai 'B' ada pada predikat SAKIP dan mutu pelayanan IKM; nyatakan skalanya")
    with pytest.raises(ValueError, match="skala harus salah satu dari"):
        capaian(None, None, target="B", realisasi="C", skala="Mutu_Pelayanan")
    unclear = capaian(None, None, target="B", realisasi="C")
    assert unclear.persen is None and unclear.alasan == (
        "nilai 'B', 'C' ada pada predikat SAKIP dan mutu pelayanan IKM; nyatakan skalanya pada indikator: "
        "'skala: predikat_sakip' atau 'skala: mutu_pelayanan'")


def test_the_grade_formula_in_words_names_the_scale_and_its_order():
    assert capaian(None, "positif", target="WTP", realisasi="WDP").rumus == (
        "realisasi WDP di bawah target WTP pada skala opini BPK (WTP > WDP > TW > TMP): peringkat realisasi / "
        "peringkat target × 100, dihitung dari yang terendah (TMP = 1) = 3 / 4 × 100 = 75,0%")
    assert capaian(None, None, target="WDP", realisasi="WTP").rumus == (
        "realisasi WTP mencapai atau melampaui target WDP pada skala opini BPK (WTP > WDP > TW > TMP): "
        "capaian = 100,0%")


TO_DATE = [
    # tipe          target  target_triwulan                      realisasi  realisasi_triwulan            persen periode
    ("non_kumulatif", "90", {"I": "80", "II": "85", "III": "90"}, None, {"I": "70", "II": "85"}, "100.0", "II"),
    ("non_kumulatif", "90", None, None, {"I": "70", "II": "81"}, "90.0", "II"),   # a level target holds all year
    ("kumulatif", "40", None, None, {"I": "8", "II": "12", "III": "9"}, "72.5", "III"),  # progress to the year
    ("kumulatif", "40", QUARTERS_10, None, {"I": "8", "III": "9"}, "85.0", "III"),  # only reported quarters count
    ("kumulatif", "40", QUARTERS_10, "44", {"I": "8"}, "110.0", "tahun"),  # the year's own realisasi wins
    ("kumulatif", "40", QUARTERS_10, "-", {"I": "8", "II": "-"}, "80.0", "I"),  # '-' is no value
    ("kumulatif", None, QUARTERS_10, "36", None, "90.0", "tahun"),  # the year's target from its four quarters
    ("non_kumulatif", None, {"I": "5", "II": "6", "III": "7", "IV": "8"}, "8", None, "100.0", "tahun"),
    ("kumulatif", "40", {"I": "9-11", "II": "9-11"}, None, {"I": "8", "II": "12"}, "100.0", "II"),
    ("kumulatif", "40", {"I": "9-11", "II": "9-11"}, None, {"I": "8", "II": "8"}, "88.9", "II"),
]


@pytest.mark.parametrize(("tipe", "target", "target_triwulan", "realisasi", "realisasi_triwulan", "persen",
                          "periode"), TO_DATE)
def test_values_to_date_by_tipe_penghitungan(tipe, target, target_triwulan, realisasi, realisasi_triwulan, persen,
                                            periode):
    result = capaian(tipe, "positif", target=target, target_triwulan=target_triwulan, realisasi=realisasi,
                     realisasi_triwulan=realisasi_triwulan)
    assert (result.persen, result.periode, result.alasan) == (D(persen), periode, None), result.rumus


def test_values_to_date_say_how_they_were_combined():
    latest = realisasi_to_date("non_kumulatif", None, {"I": "70", "II": "85"})
    assert latest == SampaiDengan(Angka(D(85), "85"), ("I", "II"), "realisasi s.d. triwulan II (non kumulatif: "
                                                                    "nilai triwulan II) = 85")
    assert realisasi_to_date("kumulatif", "", {}) is None
    year_only = target_to_date("kumulatif", "40", None, ("I", "II", "III"))
    assert year_only.rumus == "target s.d. triwulan III = target tahunan 40 (target per triwulan belum ditetapkan)"
    ranges = target_to_date("kumulatif", None, {"I": "9-11", "II": "9-11"}, ("I", "II"))
    assert ranges.nilai == Rentang(D(18), D(22), "18–22") and ranges.periode == "II"
    assert target_to_date(None, "40", None).nilai == Angka(D(40), "40") and year_only.periode == "III"
    # All four quarters are the year, not a part of it to date.
    whole = capaian("kumulatif", "positif", target="40", realisasi_triwulan={"I": "8", "II": "12", "III": "9",
                                                                            "IV": "10"})
    assert whole.rumus == ("realisasi setahun (kumulatif: jumlah triwulan I, II, III, IV) = 8 + 12 + 9 + 10 = 39; "
                           "realisasi / target × 100 = 39 / 40 × 100 = 97,5%")


NOT_COMPUTED = [
    # tipe, polaritas, target, target_triwulan, realisasi, realisasi_triwulan, negatif → alasan
    (("kumulatif", "positif", None, None, "5", None, "2-R/T"), "target belum ditetapkan"),
    (("kumulatif", "positif", "n/a", {"I": "-"}, "5", None, "2-R/T"), "target belum ditetapkan"),
    (("kumulatif", "positif", "10", None, None, {"I": ""}, "2-R/T"), "realisasi belum dilaporkan"),
    (("kumulatif", "positif", "0", None, "5", None, "2-R/T"),
     "target bernilai 0, sehingga tidak dapat menjadi pembagi"),
    (("kumulatif", "negatif", "0-5", None, "-1", None, "2-R/T"),
     "target bernilai 0, sehingga tidak dapat menjadi pembagi"),
    (("kumulatif", "negatif", "10", None, "0", None, "T/R"),
     "realisasi bernilai 0, sehingga tidak dapat menjadi pembagi pada rumus target / realisasi (polaritas negatif)"),
    (("kumulatif", "positif", "-2", None, "-1", None, "2-R/T"),
     "target bernilai negatif (-2); rumus perbandingan tidak berlaku"),
    (("kumulatif", "positif", "WTP", None, "Baik", None, "2-R/T"),
     "realisasi 'Baik' tidak ada pada skala opini BPK (WTP > WDP > TW > TMP) yang dipakai targetnya 'WTP'"),
    (("kumulatif", "positif", "WTP", None, "BB", None, "2-R/T"),
     "realisasi 'BB' tidak ada pada skala opini BPK (WTP > WDP > TW > TMP) yang dipakai targetnya 'WTP'"),
    (("kumulatif", "positif", "WTP", None, "100", None, "2-R/T"),
     "realisasi '100' tidak ada pada skala opini BPK (WTP > WDP > TW > TMP) yang dipakai targetnya 'WTP'"),
    (("kumulatif", "negatif", "WTP", None, "WDP", None, "2-R/T"),
     "polaritas negatif tidak berlaku untuk peringkat opini BPK: urutan skalanya (WTP > WDP > TW > TMP) sudah "
     "menentukan mana yang lebih baik"),
    (("kumulatif", "positif", "100", None, "WTP", None, "2-R/T"),
     "realisasi 'WTP' berupa peringkat opini BPK, sedangkan targetnya angka"),
    (("kumulatif", "positif", "7-8", None, "6-7", None, "2-R/T"),
     "realisasi '6-7' berupa rentang; realisasi harus satu nilai"),
    (("kumulatif", "positif", "10", QUARTERS_10, None, {"I": "4", "II": "3-4"}, "2-R/T"),
     "realisasi triwulan II '3-4' berupa rentang; realisasi harus satu nilai"),
    (("kumulatif", "positif", "10", None, "Tersedia", None, "2-R/T"), "realisasi 'Tersedia' bukan angka"),
    (("kumulatif", "positif", "Tersedia", None, "1", None, "2-R/T"),
     "target 'Tersedia' bukan angka dan bukan peringkat pada skala yang dikenal"),
    (("kumulatif", "positif", "10", QUARTERS_10, None, {"I": "4", "II": "Ada"}, "2-R/T"),
     "realisasi triwulan II 'Ada' bukan angka, sehingga tidak dapat dijumlahkan"),
    (("kumulatif", "positif", "WTP", None, None, {"I": "WTP", "II": "WTP"}, "2-R/T"),
     "realisasi triwulan I 'WTP' berupa peringkat, yang tidak dapat dijumlahkan (indikator kumulatif)"),
    ((None, "positif", "10", QUARTERS_10, None, {"I": "4"}, "2-R/T"),
     "tipe penghitungan belum dinyatakan (kumulatif atau non kumulatif), padahal realisasi s.d. triwulan I "
     "dihitung dari nilai per triwulan"),
    (("kumulatif", None, "10", None, "5", None, "2-R/T"), "polaritas belum dinyatakan (positif atau negatif)"),
    (("kumulatif", "positif", "40", {"I": "10", "II": "10"}, None, {"I": "9", "III": "9"}, "2-R/T"),
     "target triwulan III belum ditetapkan, padahal realisasinya dilaporkan"),
    (("kumulatif", "positif", None, {"I": "10", "II": "10"}, "30", None, "2-R/T"),
     "target tahunan belum ditetapkan (target triwulan baru ada untuk I, II)"),
    (("kumulatif", "positif", "10", None, "1.5", None, "2-R/T"),
     "realisasi: Nilai '1.5' tidak terbaca: titik hanya dipakai sebagai pemisah ribuan (diikuti tepat tiga angka). "
     "Tulis desimal dengan koma, misalnya '1,5'."),
    (("kumulatif", "positif", "10", None, None, {"I": "1:20"}, "2-R/T"),
     "realisasi triwulan I '1:20' bukan angka, sehingga tidak dapat dijumlahkan"),
    (("kumulatif", "positif", "1,500", None, "1", None, "2-R/T"), "target: Nilai '1,500' tidak terbaca"),
]


@pytest.mark.parametrize(("inputs", "alasan"), NOT_COMPUTED)
def test_what_cannot_be_computed_gives_no_number_and_says_why(inputs, alasan):
    tipe, polaritas, target, target_triwulan, realisasi, realisasi_triwulan, negatif = inputs
    result = capaian(tipe, polaritas, target=target, target_triwulan=target_triwulan, realisasi=realisasi,
                     realisasi_triwulan=realisasi_triwulan, negatif=negatif)
    assert (result.persen, result.predikat, result.dapat_dihitung) == (None, None, False)
    assert result.alasan.startswith(alasan), result.alasan
    assert result.rumus == f"tidak dapat dihitung: {result.alasan}"


@pytest.mark.parametrize(("persen", "predikat"), [
    ("120", "Sangat Tinggi"), ("90.1", "Sangat Tinggi"), ("90", "Tinggi"), ("90.0", "Tinggi"), ("76", "Tinggi"),
    ("75.5", "Tinggi"), ("75", "Sedang"), ("66", "Sedang"), ("65.1", "Sedang"), ("65", "Rendah"), ("51", "Rendah"),
    ("50.1", "Rendah"), ("50", "Sangat Rendah"), ("0", "Sangat Rendah"), ("-10", "Sangat Rendah"),
])
def test_predikat_bands_of_permendagri_86_2017_use_their_boundaries_as_thresholds(persen, predikat):
    assert predikat_for(D(persen)) == predikat


def test_the_predikat_matches_the_figure_shown_because_banding_follows_rounding():
    result = capaian("non_kumulatif", "positif", target="1.000.000", realisasi="900.400")  # 90,04 shows as 90,0
    assert (format_persen(result.persen), result.predikat) == ("90,0%", "Tinggi")


def test_a_cap_applies_before_banding_and_the_formula_says_so():
    result = capaian("non_kumulatif", "positif", target="26", realisasi="52", batas_atas=120)
    assert (result.persen, result.predikat) == (D("120.0"), "Sangat Tinggi")
    assert result.rumus == "realisasi / target × 100 = 52 / 26 × 100 = 200,0%, dibatasi menjadi 120,0%"
    under = capaian("non_kumulatif", "positif", target="26", realisasi="27", batas_atas="120")
    assert under.persen == D("103.8") and "dibatasi" not in under.rumus


def test_custom_bands_from_settings():
    bands = [{"lebih_dari": 100, "predikat": "Melampaui"}, {"lebih_dari": "99,5", "predikat": "Tercapai"},
             {"predikat": "Tidak Tercapai"}]
    assert [capaian("non_kumulatif", "positif", target="100", realisasi=realisasi, predikat=bands).predikat
            for realisasi in ("101", "100", "99,5")] == ["Melampaui", "Tercapai", "Tidak Tercapai"]


def test_settings_default_to_the_kondisi_khusus_formula_no_cap_and_permendagri_bands():
    for empty in (None, {}):
        assert AturanCapaian.from_settings(empty) == AturanCapaian("2-R/T", None, PERMENDAGRI_86_2017)
    assert AturanCapaian.from_settings({"negatif": "T/R", "batas_atas": 120.5, "predikat": [
        {"lebih_dari": 50, "predikat": "Baik"}, {"predikat": "Kurang"}]}) == AturanCapaian(
        "T/R", D("120.5"), (BatasPredikat(D(50), "Baik"), BatasPredikat(None, "Kurang")))


BAD_SETTINGS = [
    ({"rumus": "T/R"}, "Pengaturan capaian: 'rumus' tidak dikenal. Yang dikenal: batas_atas, negatif, predikat."),
    ({"negatif": "R/T"}, "Pengaturan capaian 'negatif' tidak dikenal: 'R/T'. Pilih salah satu: '2-R/T', 'T/R'."),
    ({"batas_atas": 0}, "Pengaturan capaian 'batas_atas' harus lebih dari 0, bukan 0."),
    ({"batas_atas": True}, "Pengaturan capaian 'batas_atas' harus berupa angka, bukan True."),
    ({"batas_atas": "seratus"}, "Pengaturan capaian 'batas_atas' harus berupa angka, bukan 'seratus'."),
    ({"batas_atas": "1.5"}, "Pengaturan capaian 'batas_atas': Nilai '1.5' tidak terbaca"),
    ({"predikat": []}, "Pengaturan capaian 'predikat' harus berupa daftar batas"),
    ({"predikat": ["Baik"]}, "Pengaturan capaian 'predikat' nomor 1 harus berupa {lebih_dari: angka, predikat: teks}"),
    ({"predikat": [{"di_atas": 50, "predikat": "Baik"}]},
     "Pengaturan capaian 'predikat' nomor 1: 'di_atas' tidak dikenal. Yang dikenal: lebih_dari, predikat."),
    ({"predikat": [{"lebih_dari": 50, "predikat": "Baik"}]},
     "Pengaturan capaian 'predikat' nomor 1 ('Baik'): hanya batas terakhir yang tanpa 'lebih_dari'"),
    ({"predikat": [{"predikat": "Baik"}, {"predikat": "Kurang"}]},
     "Pengaturan capaian 'predikat' nomor 1 ('Baik'): hanya batas terakhir yang tanpa 'lebih_dari'"),
    ({"predikat": [{"lebih_dari": 50}, {"predikat": "Kurang"}]},
     "Pengaturan capaian 'predikat' nomor 1: nama predikat belum diisi."),
    ({"predikat": [{"lebih_dari": 50, "predikat": "A"}, {"lebih_dari": 60, "predikat": "B"}, {"predikat": "C"}]},
     "Pengaturan capaian 'predikat': urutkan batas dari yang tertinggi"),
    (["negatif"], "Pengaturan capaian harus berupa pasangan nama: nilai"),
]


@pytest.mark.parametrize(("settings_mapping", "message"), BAD_SETTINGS)
def test_a_setting_that_cannot_be_used_is_refused_in_indonesian(settings_mapping, message):
    with pytest.raises(AturanTidakSah) as refused:
        AturanCapaian.from_settings(settings_mapping)
    assert str(refused.value).startswith(message), str(refused.value)


@pytest.mark.parametrize(("name", "value"), [("tipe_penghitungan", "Kumulatif"), ("polaritas", "negative")])
def test_a_tipe_or_polaritas_outside_the_models_values_is_the_callers_mistake(name, value):
    arguments = {"tipe_penghitungan": "kumulatif", "polaritas": "positif", "target": "1", "realisasi": "1",
                 name: value}
    with pytest.raises(ValueError, match=f"{name} harus salah satu dari"):
        compute_capaian(**arguments)


def test_a_quarter_key_other_than_i_to_iv_is_the_callers_mistake_even_when_the_year_wins():
    with pytest.raises(ValueError, match=r"realisasi_triwulan: triwulan tidak dikenal \['1'\]; gunakan I, II, III, IV"):
        compute_capaian(tipe_penghitungan="kumulatif", polaritas="positif", target="1", realisasi="1",
                        realisasi_triwulan={"1": "1"})


@pytest.mark.parametrize(("persen", "shown"), [
    (D("107.142857"), "107,1%"), (D("96.65"), "96,7%"), (D("100"), "100,0%"), (D("1250"), "1.250,0%"),
    (D("-50"), "-50,0%"), (D("0.04"), "0,0%"),
])
def test_a_capaian_is_shown_with_one_decimal_and_a_decimal_comma(persen, shown):
    assert format_persen(persen) == shown


POSITIVE = st.decimals(min_value=D("0.0001"), max_value=10**12, places=4)


@settings(max_examples=200, deadline=None)
@given(POSITIVE, st.sampled_from(["positif", "negatif"]), st.sampled_from(["2-R/T", "T/R"]))
def test_realisasi_equal_to_any_positive_target_is_100_percent(value, polaritas, negatif):
    typed = format_angka(value)
    result = capaian("non_kumulatif", polaritas, target=typed, realisasi=typed, negatif=negatif)
    assert result.persen == 100 and result.predikat == "Sangat Tinggi"


@settings(max_examples=200, deadline=None)
@given(POSITIVE, POSITIVE)
def test_negatif_kondisi_khusus_mirrors_positif_around_100(target, realisasi):
    positif = capaian("non_kumulatif", "positif", target=format_angka(target), realisasi=format_angka(realisasi))
    negatif = capaian("non_kumulatif", "negatif", target=format_angka(target), realisasi=format_angka(realisasi))
    # (2 − R/T) × 100 = 200 − R/T × 100; the two are rounded separately, so they agree to one step of rounding.
    assert abs(positif.persen + negatif.persen - 200) <= D("0.1")
