"""Reading values as Indonesian staff type them: one rule, exact numbers, and refusals that say what to write."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.nilai import (SKALA, Angka, BukanAngka, NilaiTidakTerbaca, Peringkat, Rentang, SkalaTidakJelas, format_angka,
                          parse_nilai, skala_indikator)

D = Decimal

NUMBERS = [
    # typed                 value              satuan
    ("26", D("26"), None),
    ("98,5", D("98.5"), None),
    ("0,125", D("0.125"), None),
    ("1,1250", D("1.125"), None),
    ("1.500", D("1500"), None),
    ("7.742.388.142", D("7742388142"), None),
    ("1.500,25", D("1500.25"), None),
    ("98,5%", D("98.5"), "%"),
    ("98,5 %", D("98.5"), "%"),
    ("%98,5", D("98.5"), "%"),
    ("26 dokumen", D("26"), "dokumen"),
    ("3 kali/tahun", D("3"), "kali/tahun"),
    ("Rp 1.500.000", D("1500000"), "Rp"),
    ("Rp. 7.742.388.142", D("7742388142"), "Rp"),
    ("-2,5", D("-2.5"), None),
    ("−2,5%", D("-2.5"), "%"),
    ("+3", D("3"), None),
    ("  26\u00a0 ", D("26"), None),
    ("007", D("7"), None),
]


@pytest.mark.parametrize(("typed", "value", "satuan"), NUMBERS)
def test_a_number_is_read_exactly_with_its_satuan_and_the_text_kept_as_typed(typed, value, satuan):
    assert parse_nilai(typed) == Angka(value, typed, satuan)


RANGES = [
    ("7-8", D(7), D(8), None),
    ("7–8", D(7), D(8), None),
    ("7—8", D(7), D(8), None),
    ("7 - 8", D(7), D(8), None),
    ("7 – 8", D(7), D(8), None),
    ("7-8 bulan", D(7), D(8), "bulan"),
    ("7%-8%", D(7), D(8), "%"),
    ("7 s.d. 8", D(7), D(8), None),
    ("7 s/d 8", D(7), D(8), None),
    ("7 sampai dengan 8", D(7), D(8), None),
    ("90 hingga 95,5 %", D(90), D("95.5"), "%"),
    ("1.000-2.500", D(1000), D(2500), None),
    ("7-7", D(7), D(7), None),
]


@pytest.mark.parametrize(("typed", "low", "high", "satuan"), RANGES)
def test_a_range_is_two_numbers_low_first_joined_by_a_hyphen_a_dash_or_words(typed, low, high, satuan):
    assert parse_nilai(typed) == Rentang(low, high, typed, satuan)


GRADES = [
    ("WTP", "opini_bpk", 4, "WTP"),
    ("wdp", "opini_bpk", 3, "WDP"),
    ("TW", "opini_bpk", 2, "TW"),
    ("TMP", "opini_bpk", 1, "TMP"),
    ("Wajar  Tanpa Pengecualian", "opini_bpk", 4, "WTP"),
    ("Disclaimer", "opini_bpk", 1, "TMP"),
    ("AA", "predikat_sakip", 7, "AA"),
    ("BB", "predikat_sakip", 5, "BB"),
    ("CC", "predikat_sakip", 3, "CC"),
]


@pytest.mark.parametrize(("typed", "scale", "rank", "grade"), GRADES)
def test_a_grade_is_read_on_its_scale_with_rank_counted_from_the_lowest(typed, scale, rank, grade):
    assert parse_nilai(typed) == Peringkat(scale, rank, grade, typed)


def test_scales_are_data_listed_best_first():
    assert [grade[0] for grade in SKALA["opini_bpk"].grades] == ["WTP", "WDP", "TW", "TMP"]
    assert [grade[0] for grade in SKALA["predikat_sakip"].grades] == ["AA", "A", "BB", "B", "CC", "C", "D"]
    assert [grade[0] for grade in SKALA["mutu_pelayanan"].grades] == ["A", "B", "C", "D"]


def test_a_grade_of_two_scales_is_read_on_the_one_named_and_refused_without_it():
    assert parse_nilai("D", skala="predikat_sakip") == Peringkat("predikat_sakip", 1, "D", "D")
    assert parse_nilai("b", skala="mutu_pelayanan") == Peringkat("mutu_pelayanan", 3, "B", "b")
    with pytest.raises(SkalaTidakJelas) as refused:
        parse_nilai("D")
    assert refused.value.scales == ("predikat_sakip", "mutu_pelayanan")
    assert refused.value.message == ("Nilai 'D' tidak terbaca: 'D' ada pada predikat SAKIP dan mutu pelayanan IKM. "
                                     "Nyatakan skalanya pada indikator: 'skala: predikat_sakip' atau "
                                     "'skala: mutu_pelayanan'.")


@pytest.mark.parametrize(("values", "stated", "scale"), [
    (["BB", "B", "C"], None, "predikat_sakip"),   # BB is on predikat SAKIP only
    (["WTP", "95%"], None, "opini_bpk"),
    (["80", "-"], None, None),                     # no grade
    (["WTP", "BB"], None, None),                   # no scale holds both: the capaian says so
    (["B", "C"], "mutu_pelayanan", "mutu_pelayanan"),
])
def test_an_indicators_scale_is_the_one_stated_else_the_one_all_its_grades_share(values, stated, scale):
    assert skala_indikator(values, stated) == scale


def test_a_stated_scale_must_hold_every_grade_typed():
    with pytest.raises(SkalaTidakJelas, match=r"^nilai 'BB' bukan peringkat mutu pelayanan IKM \(A > B > C > D\) yang "
                                              r"dinyatakan di 'skala: mutu_pelayanan'; perbaiki nilainya atau skalanya$"):
        skala_indikator(["B", "BB", "90%"], "mutu_pelayanan")
    assert skala_indikator(["Sangat Baik", "90%"], "mutu_pelayanan") == "mutu_pelayanan"  # words are no grades


def test_a_grade_of_two_scales_beside_grades_of_a_third_must_have_its_scale_stated():
    with pytest.raises(SkalaTidakJelas, match=r"^nilai 'B', 'C' ada pada predikat SAKIP dan mutu pelayanan IKM"):
        skala_indikator(["WDP", "B", "C"])


def test_an_indicator_whose_grades_are_all_on_two_scales_must_state_one():
    with pytest.raises(SkalaTidakJelas, match=r"nilai 'B', 'C' ada pada predikat SAKIP dan mutu pelayanan IKM; "
                                              r"nyatakan skalanya pada indikator: 'skala: predikat_sakip' atau "
                                              r"'skala: mutu_pelayanan'"):
        skala_indikator(["B", "c", "-"])


def test_naming_a_scale_reads_only_its_grades():
    assert parse_nilai("WTP", skala="opini_bpk") == Peringkat("opini_bpk", 4, "WTP", "WTP")
    assert parse_nilai("WTP", skala="predikat_sakip") == BukanAngka("WTP")
    with pytest.raises(KeyError, match="skala tidak dikenal"):
        parse_nilai("WTP", skala="opini")


@pytest.mark.parametrize(("typed", "kosong"), [
    ("n/a", True), ("N/A", True), ("NA", True), ("-", True), ("–", True), ("—", True), ("", True), ("   ", True),
    ("Tersedia", False), ("Ada", False), ("tidak ada", False), ("Sangat Baik", False),
])
def test_text_without_a_digit_stays_text_and_placeholders_mean_no_value(typed, kosong):
    assert parse_nilai(typed) == BukanAngka(typed, kosong=kosong)


REFUSED = [
    # typed         what the message must say (in order)
    ("1.5", ["'1.5'", "Tulis desimal dengan koma, misalnya '1,5'"]),
    ("1.50", ["'1.50'", "misalnya '1,50'"]),
    ("0.500", ["'0.500'", "misalnya '0,500'"]),
    ("1,500", ["'1,500'", "ribuan (gaya Inggris) atau desimal", "Tulis '1.500'", "atau '1,5'"]),
    ("1,125", ["'1,125'", "Tulis '1.125'", "atau '1,1250' (nol keempat menandai desimal)"]),
    ("1,500,000", ["'1,500,000'", "gaya Inggris", "'1.500.000'"]),
    ("1,500.25", ["'1,500.25'", "gaya Inggris", "'1.500,25'"]),
    ("8-7", ["'8-7'", "batas bawah rentang lebih besar", "misalnya '7-8'"]),
    ("26.", ["'26.'", "bukan angka yang dikenali", "'1.500' atau '98,5'"]),
]


@pytest.mark.parametrize("typed", ["1:20", "1/2", "5 dari 10", "26 (dua puluh enam)", "<script>alert(4)</script>",
                                   "Perda Nomor 3 Tahun 2024"])
def test_text_with_digits_that_is_no_number_is_kept_as_text(typed):
    """A ratio, a fraction or a sentence is published as typed; it is no quantity, so it gives no capaian."""
    assert parse_nilai(typed) == BukanAngka(typed)


@pytest.mark.parametrize(("typed", "phrases"), REFUSED)
def test_an_ambiguous_or_unreadable_value_is_refused_with_what_was_typed_and_a_suggestion(typed, phrases):
    with pytest.raises(NilaiTidakTerbaca) as refused:
        parse_nilai(typed)
    message = refused.value.message
    assert message.startswith(f"Nilai '{typed}' tidak terbaca")
    assert refused.value.text == typed and str(refused.value) == message
    positions = [message.index(phrase) for phrase in phrases]
    assert positions == sorted(positions), message


def test_the_exact_messages_of_the_two_refusals_staff_meet_most():
    with pytest.raises(NilaiTidakTerbaca) as decimal_dot:
        parse_nilai("1.5")
    assert decimal_dot.value.message == ("Nilai '1.5' tidak terbaca: titik hanya dipakai sebagai pemisah ribuan "
                                         "(diikuti tepat tiga angka). Tulis desimal dengan koma, misalnya '1,5'.")
    with pytest.raises(NilaiTidakTerbaca) as thousands:
        parse_nilai("1,500")
    assert thousands.value.message == ("Nilai '1,500' tidak terbaca: koma yang diikuti tepat tiga angka bisa berarti "
                                       "ribuan (gaya Inggris) atau desimal. Tulis '1.500' bila maksudnya ribuan, atau "
                                       "'1,5' bila maksudnya desimal.")


@pytest.mark.parametrize("typed", [1.5, 1500, None, D("1.5")])
def test_only_text_is_read_because_a_yaml_number_has_lost_how_it_was_typed(typed):
    with pytest.raises(TypeError, match="nilai harus berupa teks"):
        parse_nilai(typed)


@pytest.mark.parametrize(("value", "written"), [
    (D("1500"), "1.500"), (D("6.5"), "6,5"), (D("-1234.25"), "-1.234,25"), (D("0.125"), "0,125"),
    (D("1.125"), "1,1250"), (D("1000.125"), "1.000,125"), (D("1E+3"), "1.000"), (D("29"), "29"),
])
def test_a_number_is_written_as_staff_write_it(value, written):
    assert format_angka(value) == written


DECIMALS = st.decimals(min_value=-10**12, max_value=10**12, places=4, allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(DECIMALS)
def test_a_written_number_is_read_back_as_itself(value):
    read = parse_nilai(format_angka(value))
    assert isinstance(read, Angka) and read.value == value


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=10**9, places=2), st.decimals(min_value=0, max_value=10**9, places=2))
def test_a_written_range_is_read_back_as_its_bounds(first, second):
    low, high = sorted((first, second))
    read = parse_nilai(f"{format_angka(low)} – {format_angka(high)}")
    assert isinstance(read, Rentang) and (read.low, read.high) == (low, high)
