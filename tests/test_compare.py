"""Comparing a perangkat daerah's years: added, removed and reworded items and changed indicators."""

from __future__ import annotations

import copy
from pathlib import Path

from macros.compare import Change, compare_cascades, compare_years, match_items, normalise
from macros.model import Cascade, CascadeFile
from macros.tree import CascadeTree, walk
from macros.render.comparison import render_comparison_page


def indikator(uraian: str, **fields: str) -> dict:
    return {"uraian": uraian, "formulasi": fields.get("formulasi", f"Rumus {uraian}"),
            "tipe_penghitungan": fields.get("tipe_penghitungan", "kumulatif"),
            "sumber_data": fields.get("sumber_data", "Data Subag Umum")}


def cascade_data(tahun: int = 2023) -> dict:
    return {
        "perangkat_daerah": "Kecamatan Contoh", "tahun": tahun,
        "tujuan": [{"uraian": "Mewujudkan pelayanan prima", "indikator": [indikator("Indeks Kepuasan Masyarakat")],
                    "sasaran": [{"uraian": "Meningkatnya kualitas layanan", "program": [
                        {"uraian": "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
                         "indikator": [indikator("Persentase dokumen perencanaan tepat waktu")],
                         "kegiatan": [
                             {"uraian": "Administrasi Keuangan Perangkat Daerah",
                              "indikator": [indikator("Jumlah ASN yang terbayarkan gaji")],
                              "sub_kegiatan": [
                                  {"uraian": "Penyediaan Gaji dan Tunjangan ASN",
                                   "indikator": [indikator("Jumlah bulan gaji terbayar")]},
                                  {"uraian": "Penyediaan Barang Cetakan dan Penggandaan",
                                   "indikator": [indikator("Jumlah paket barang cetakan")]}]},
                             {"uraian": "Administrasi Umum Perangkat Daerah", "sub_kegiatan": [
                                 {"uraian": "Fasilitasi Kunjungan Tamu"}]}]},
                        {"uraian": "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
                         "kegiatan": [{"uraian": "Pemberdayaan Lembaga Kemasyarakatan"}]}]}]}],
    }


def cascade(data: dict) -> CascadeTree:
    return walk(Cascade.model_validate(data))


def test_identical_years_have_no_changes():
    assert compare_cascades(cascade(cascade_data()), cascade(cascade_data(2024))) == []


def test_case_punctuation_and_spacing_do_not_count_as_changes():
    new = cascade_data(2024)
    new["tujuan"][0]["sasaran"][0]["program"][0]["uraian"] = "PROGRAM Penunjang  Urusan Pemerintahan Daerah Kabupaten / Kota."
    assert compare_cascades(cascade(cascade_data()), cascade(new)) == []
    assert normalise("Kab./Kota  Banyumas") == "kab kota banyumas"


def test_added_and_removed_items_at_each_level_name_their_parent():
    new = cascade_data(2024)
    program = new["tujuan"][0]["sasaran"][0]["program"][0]
    keuangan = program["kegiatan"][0]
    keuangan["sub_kegiatan"].append({"uraian": "Koordinasi dan Pelaksanaan Akuntansi SKPD"})
    program["kegiatan"].pop(1)
    new["tujuan"][0]["sasaran"][0]["program"].pop(1)
    new["tujuan"][0]["sasaran"][0]["program"].append({"uraian": "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"})
    changes = compare_cascades(cascade(cascade_data()), cascade(new))
    penunjang = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
    assert set(changes) == {
        Change("ditambah", "sub_kegiatan", "Koordinasi dan Pelaksanaan Akuntansi SKPD",
               f"{penunjang} › Kegiatan Administrasi Keuangan Perangkat Daerah"),
        Change("dihapus", "kegiatan", "Administrasi Umum Perangkat Daerah", penunjang),
        Change("dihapus", "program", "Program Pemberdayaan Masyarakat Desa dan Kelurahan", ""),
        Change("ditambah", "program", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", ""),
    }


def test_a_similar_name_at_the_same_place_is_a_rewording():
    new = cascade_data(2024)
    subs = new["tujuan"][0]["sasaran"][0]["program"][0]["kegiatan"][0]["sub_kegiatan"]
    subs[1]["uraian"] = "Penyediaan Barang Cetak dan Penggandaan"
    changes = compare_cascades(cascade(cascade_data()), cascade(new))
    assert [(c.kind, c.level, c.before, c.uraian) for c in changes] == [
        ("diubah", "sub_kegiatan", "Penyediaan Barang Cetakan dan Penggandaan", "Penyediaan Barang Cetak dan Penggandaan")]


def test_a_different_name_at_the_same_place_is_a_removal_and_an_addition():
    new = cascade_data(2024)
    subs = new["tujuan"][0]["sasaran"][0]["program"][0]["kegiatan"][0]["sub_kegiatan"]
    subs[1]["uraian"] = "Pemeliharaan Peralatan dan Mesin Lainnya"
    kinds = sorted((c.kind, c.uraian) for c in compare_cascades(cascade(cascade_data()), cascade(new)))
    assert kinds == [("dihapus", "Penyediaan Barang Cetakan dan Penggandaan"),
                     ("ditambah", "Pemeliharaan Peralatan dan Mesin Lainnya")]


def test_an_indicator_with_the_same_uraian_and_another_formula_or_source_is_changed():
    new = cascade_data(2024)
    kegiatan = new["tujuan"][0]["sasaran"][0]["program"][0]["kegiatan"][0]
    kegiatan["indikator"][0]["formulasi"] = "Jumlah ASN dibagi jumlah seluruh ASN X 100%"
    kegiatan["indikator"][0]["tipe_penghitungan"] = "non_kumulatif"
    new["tujuan"][0]["indikator"][0]["sumber_data"] = "Laporan survei IKM"
    changes = compare_cascades(cascade(cascade_data()), cascade(new))
    assert [(c.level, c.uraian, c.before, c.fields) for c in changes] == [
        ("indikator", "Indeks Kepuasan Masyarakat", None,
         (("sumber_data", "Data Subag Umum", "Laporan survei IKM"),)),
        ("indikator", "Jumlah ASN yang terbayarkan gaji", None,
         (("formulasi", "Rumus Jumlah ASN yang terbayarkan gaji", "Jumlah ASN dibagi jumlah seluruh ASN X 100%"),
          ("tipe_penghitungan", "kumulatif", "non_kumulatif"))),
    ]
    assert changes[1].parent.endswith("› Kegiatan Administrasi Keuangan Perangkat Daerah")


def test_match_items_pairs_same_names_anywhere_and_reworded_names_by_position():
    same, reworded = match_items(["Alpha Beta Gamma", "Penyediaan Gaji ASN", "Delta"],
                                 ["Delta", "Pengadaan Gaji ASN", "Alpha Beta Gamma", "Sesuatu yang baru"])
    assert same == [(0, 2), (2, 0)]
    assert reworded == [(1, 1)]


def test_compare_years_pairs_consecutive_years_newest_first():
    base = cascade_data(2022)
    later = copy.deepcopy(base) | {"tahun": 2023}
    latest = copy.deepcopy(later) | {"tahun": 2024}
    latest["tujuan"][0]["sasaran"][0]["program"].pop()
    files = [CascadeFile("kecamatan-contoh", Path(f"{d['tahun']}.yaml"), Cascade.model_validate(d)) for d in (latest, base, later)]
    comparisons = compare_years(files)
    assert [(c.before, c.after) for c in comparisons] == [(2023, 2024), (2022, 2023)]
    assert [c.count("dihapus") for c in comparisons] == [1, 0]


def test_comparison_page_shows_each_change_escaped():
    base = cascade_data(2023)
    new = cascade_data(2024)
    new["tujuan"][0]["sasaran"][0]["program"].append({"uraian": "Program <b>Baru</b> | {{ x }}"})
    files = [CascadeFile("kecamatan-contoh", Path(f"{d['tahun']}.yaml"), Cascade.model_validate(d)) for d in (base, new)]
    page = render_comparison_page(files)
    assert "## 2023 → 2024" in page
    assert "[Cascade 2023](2023/index.md)" in page and "1 ditambah, 0 dihapus, 0 diubah" in page
    assert "<caption>Ditambah (1) pada 2024 dibanding 2023</caption>" in page
    assert "Program &lt;b&gt;Baru&lt;/b&gt; | {{ x }}" in page and "<b>Baru</b>" not in page
