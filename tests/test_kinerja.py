"""Targets, realisasi and capaian as staff and citizens meet them: refused when unreadable, computed the documented
way, shown on every indicator row with its predikat, summarised per page, carried in the downloads."""

from __future__ import annotations

import copy
import csv
import io
from pathlib import Path

import pytest

from macros.capaian_aturan import AturanCapaian
from macros.kinerja import kinerja_tahun
from macros.load import load_cascades
from macros.model import Indikator
from macros.problems import CascadeError
from macros.render.export import to_csv
from macros.render.indikator_csv import indikator_csv

from .helpers import ROOT, build_site, soup_of

CONTOH = ROOT / "tests/fixtures/capaian/cascade_data"
PD = "kecamatan-contoh"

# Each indicator of the fixture, with the capaian worked out by hand from the rules in the README.
EXPECTED_ROWS = {
    "T1.I1": "Baseline: 9 Target: 7-8 Realisasi: 6,5 Capaian: 107,1% Sangat Tinggi",
    "T1.I2": "Target: 7–8 Realisasi: 9 Capaian: 87,5% Tinggi",
    "T1.S1.I1": "Target: I: 10 · II: 10 · III: 10 · IV: 10 Realisasi: I: 8 · II: 12 · III: 9 "
                "Capaian: 96,7% (s.d. triwulan III) Sangat Tinggi",
    "T1.S1.I2": "Target: WTP Realisasi: WDP Capaian: 75,0% Sedang",
    "T1.S1.P1.I1": "Target: 80 Realisasi: I: 70 · II: 75 Capaian: 93,8% (s.d. triwulan II) Sangat Tinggi",
    "T1.S1.P1.I2": "Target: 50 Realisasi: 20 Capaian: 40,0% Sangat Rendah",
    "T1.S1.P1.I3": "Target: belum ditetapkan Realisasi: 5 Capaian: tidak dapat dihitung: target belum ditetapkan",
    "T1.S1.P1.I4": "Target: 0 Realisasi: 3 Capaian: tidak dapat dihitung: target bernilai 0, sehingga tidak "
                   "dapat menjadi pembagi",
}


def write_cascade(folder: Path, indikator: str, extra: str = "") -> Path:
    """A one-indicator cascade file under `folder`, with the indicator's YAML lines as given (6 spaces in)."""
    path = folder / "kecamatan-x" / "2024.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "perangkat_daerah: Kecamatan X\ntahun: 2024\n" + extra +
        "tujuan:\n  - uraian: Tujuan\n    indikator:\n      - uraian: Lama layanan\n        formulasi: Hari\n"
        "        tipe_penghitungan: kumulatif\n        polaritas: negatif\n        sumber_data: Register\n" +
        indikator, encoding="utf-8")
    return path


def problems(folder: Path, **options) -> list[str]:
    with pytest.raises(CascadeError) as caught:
        load_cascades(folder, shown_relative_to=folder, **options)
    return [str(problem) for problem in caught.value.problems]


def row_text(cell) -> str:
    """The cell's text as read, without the formula folded away under "Cara menghitung"."""
    cell = copy.copy(cell)
    for formula in cell.select("details"):
        formula.decompose()
    return " ".join(cell.get_text(" ").split())


@pytest.fixture(scope="module")
def contoh_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("contoh")
    result = build_site(site, CONTOH)
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.slow
def test_every_row_shows_the_years_target_realisasi_capaian_and_predikat(contoh_site):
    soup = soup_of(contoh_site, f"{PD}/2024/program/penyelenggaraan-pemerintahan-dan-pelayanan-publik")
    overview = soup_of(contoh_site, f"{PD}/2024")
    shown = {}
    for page in (overview, soup):
        for row in page.select("tr[id]"):
            shown[row.select_one(".indikator-id").get_text()] = row_text(row.select_one("td.kinerja"))
    assert shown == EXPECTED_ROWS
    # The predikat is written out, its colour only repeats it.
    badge = soup.select_one("tr#t1-s1-p1-i2 .predikat")
    assert badge.get_text() == "Sangat Rendah" and badge["data-predikat"] == "sangat-rendah"


@pytest.mark.slow
def test_the_formula_that_gave_the_capaian_is_on_the_page_in_words(contoh_site):
    row = soup_of(contoh_site, f"{PD}/2024").select_one("tr#t1-i1 details.rumus")
    assert " ".join(row.get_text(" ").split()) == (
        "Cara menghitung realisasi 6,5 di bawah rentang target 7–8, dibandingkan dengan batas bawah 7: "
        "(2 − realisasi / target) × 100 = (2 − 6,5 / 7) × 100 = 107,1%")


@pytest.mark.slow
def test_overview_and_program_pages_open_with_a_summary_by_predikat(contoh_site):
    def summary(url: str) -> str:
        return " ".join(soup_of(contoh_site, url).select_one(".ringkasan-predikat").get_text(" ").split())

    assert summary(f"{PD}/2024") == ("Capaian 8 indikator tahun 2024 menurut predikat : Sangat Tinggi 3 Tinggi 1 "
                                     "Sedang 1 Rendah 0 Sangat Rendah 1 Belum dapat dihitung 2")
    assert summary(f"{PD}/2024/program/penyelenggaraan-pemerintahan-dan-pelayanan-publik") == (
        "Capaian 4 indikator tahun 2024 menurut predikat : Sangat Tinggi 1 Tinggi 0 Sedang 0 Rendah 0 "
        "Sangat Rendah 1 Belum dapat dihitung 2")


@pytest.mark.slow
def test_kebasen_has_no_targets_and_says_so(site):
    cells = soup_of(site, "kecamatan-kebasen/2023").select("td.kinerja")
    assert cells and {cell.get_text() for cell in cells} == {"Target belum ditetapkan; realisasi belum dilaporkan."}


def test_a_value_the_rule_cannot_read_is_refused_with_its_line_and_a_suggestion(tmp_path):
    write_cascade(tmp_path, '        target: {2024: "1.5"}\n        realisasi: {2024: "1,500"}\n')
    assert problems(tmp_path) == [
        "kecamatan-x/2024.yaml:11 tujuan[0].indikator[0].target[2024]: Nilai '1.5' tidak terbaca: titik hanya "
        "dipakai sebagai pemisah ribuan (diikuti tepat tiga angka). Tulis desimal dengan koma, misalnya '1,5'.",
        "kecamatan-x/2024.yaml:12 tujuan[0].indikator[0].realisasi[2024]: Nilai '1,500' tidak terbaca: koma yang "
        "diikuti tepat tiga angka bisa berarti ribuan (gaya Inggris) atau desimal. Tulis '1.500' bila maksudnya "
        "ribuan, atau '1,5' bila maksudnya desimal.",
    ]


def test_an_unquoted_number_is_never_published_as_yaml_read_it(tmp_path):
    """YAML 1.1 reads `1:20` as 80 and `1.500` as 1.5: both are kept as typed; a ratio is no quantity, so it
    gives no capaian, and says why."""
    write_cascade(tmp_path, "        target: {2024: 1.500}\n        realisasi: {2024: 1:20}\n")
    (cf,) = load_cascades(tmp_path)
    indikator = cf.cascade.tujuan[0].indikator[0]
    assert (indikator.target, indikator.realisasi) == ({2024: "1.500"}, {2024: "1:20"})
    record = next(csv.DictReader(io.StringIO(to_csv(cf.tree, cf.aturan).lstrip("\ufeff"))))
    assert (record["Target 2024"], record["Realisasi 2024"], record["Capaian 2024 (%)"]) == ("1.500", "1:20", "")
    assert record["Keterangan capaian 2024"] == "realisasi '1:20' bukan angka"


def test_quarters_must_be_named_i_to_iv(tmp_path):
    write_cascade(tmp_path, '        realisasi_triwulan: {2024: {I: "5", V: "3"}}\n')
    assert problems(tmp_path) == ["kecamatan-x/2024.yaml:11 tujuan[0].indikator[0].realisasi_triwulan[2024].V: "
                                  "triwulan ditulis I, II, III atau IV (angka Romawi, huruf kapital), bukan 'V'"]


def test_a_cascade_and_the_site_may_choose_how_negatif_capaian_is_computed(tmp_path):
    values = '        target: {2024: "7"}\n        realisasi: {2024: "6,5"}\n'
    write_cascade(tmp_path, values)
    (default,) = load_cascades(tmp_path)
    (site_wide,) = load_cascades(tmp_path, capaian={"negatif": "T/R"})
    write_cascade(tmp_path, values, extra="capaian: {batas_atas: 105}\n")
    (own,) = load_cascades(tmp_path, capaian={"negatif": "T/R"})

    def capaian(cf) -> str:
        return next(row for row in csv.DictReader(io.StringIO(to_csv(cf.tree, cf.aturan).lstrip("\ufeff"))))[
            "Capaian 2024 (%)"]

    assert [capaian(cf) for cf in (default, site_wide, own)] == ["107.1", "107.7", "105.0"]


def test_each_indicators_capaian_is_computed_once_per_year_and_settings():
    (cf,) = load_cascades(CONTOH)
    indikator = cf.tree.indikator[0].indikator  # negatif, target 7-8, realisasi 6,5
    first = cf.tree.kinerja(indikator, 2024, cf.aturan)
    assert cf.tree.kinerja(indikator, 2024, cf.aturan) is first
    assert first == kinerja_tahun(indikator, 2024, cf.aturan) and first.persen == "107,1%"
    assert cf.tree.kinerja(indikator, 2024, AturanCapaian(negatif="T/R")).persen == "107,7%"
    # Another indicator object is computed for itself, never taken for one remembered before.
    changed = indikator.model_copy(update={"realisasi": {2024: "9"}})
    assert cf.tree.kinerja(changed, 2024, cf.aturan).persen == "87,5%"


@pytest.mark.parametrize(("realisasi_triwulan", "sampai"), [
    ({"I": "8", "II": "12", "III": "9"}, "s.d. triwulan III"),
    ({"I": "8", "II": "12", "IV": "9"}, "s.d. triwulan IV"),
    ({"I": "8", "II": "12", "III": "9", "IV": "11"}, None),
])
def test_a_capaian_to_date_names_its_last_quarter_until_the_year_is_complete(realisasi_triwulan, sampai):
    indikator = Indikator(uraian="Jumlah rapat", formulasi="Jumlah rapat", tipe_penghitungan="kumulatif",
                          polaritas="positif", sumber_data="Notulen", target={2024: "40"},
                          realisasi_triwulan={2024: realisasi_triwulan})
    assert kinerja_tahun(indikator, 2024, AturanCapaian()).sampai == sampai


def test_downloads_say_up_to_which_quarter_a_capaian_of_a_year_under_way_runs(tmp_path):
    write_cascade(tmp_path, '        target: {2024: "40"}\n'
                            '        realisasi_triwulan: {2024: {I: "8", II: "12", III: "9"}}\n')
    (cf,) = load_cascades(tmp_path)
    record = next(csv.DictReader(io.StringIO(to_csv(cf.tree, cf.aturan).lstrip("\ufeff"))))
    assert (record["Capaian 2024 (%)"], record["Keterangan capaian 2024"]) == ("127.5", "s.d. triwulan III")
    per_indicator = indikator_csv(cf, cf.tree.indikator[0]).lstrip("\ufeff")
    rows = {r["Triwulan"]: r for r in csv.DictReader(io.StringIO(per_indicator))}
    assert (rows["setahun"]["Capaian (%)"], rows["setahun"]["Keterangan capaian"]) == ("127.5", "s.d. triwulan III")
    assert rows["III"]["Keterangan capaian"] == ""
    # The four quarters in, the capaian is the whole year's.
    write_cascade(tmp_path, '        target: {2024: "40"}\n'
                            '        realisasi_triwulan: {2024: {I: "8", II: "12", III: "9", IV: "11"}}\n')
    (cf,) = load_cascades(tmp_path)
    record = next(csv.DictReader(io.StringIO(to_csv(cf.tree, cf.aturan).lstrip("\ufeff"))))
    assert (record["Capaian 2024 (%)"], record["Keterangan capaian 2024"]) == ("100.0", "")


def test_unknown_capaian_settings_are_refused_where_they_are_written(tmp_path):
    write_cascade(tmp_path, "", extra="capaian: {batas_ats: 120}\n")
    assert problems(tmp_path) == ["kecamatan-x/2024.yaml:3 capaian: Pengaturan capaian: 'batas_ats' tidak dikenal. "
                                  "Yang dikenal: batas_atas, negatif, predikat."]
    write_cascade(tmp_path, "")
    assert problems(tmp_path, capaian={"negatif": "R/T"}) == [
        "mkdocs.yml extra.capaian: Pengaturan capaian 'negatif' tidak dikenal: 'R/T'. Pilih salah satu: '2-R/T', 'T/R'."]


def test_downloads_carry_baseline_target_realisasi_capaian_and_predikat_per_year():
    (cf,) = load_cascades(CONTOH)
    records = list(csv.DictReader(io.StringIO(to_csv(cf.tree, cf.aturan).lstrip("\ufeff"))))
    first = records[0]
    assert (first["Satuan"], first["Baseline 2023"], first["Target 2024"], first["Realisasi 2024"],
            first["Capaian 2024 (%)"], first["Predikat 2024"]) == ("bulan", "9", "7-8", "6,5", "107.1", "Sangat Tinggi")
    no_target = next(r for r in records if r["ID indikator"] == "T1.S1.P1.I3")
    assert (no_target["Capaian 2024 (%)"], no_target["Predikat 2024"], no_target["Keterangan capaian 2024"]) == (
        "", "", "target belum ditetapkan")


@pytest.mark.slow
def test_each_indicator_csv_has_a_row_per_year_and_quarter_with_the_years_capaian(contoh_site):
    text = (contoh_site / f"data/{PD}/2024/indikator/t1-s1-i1.csv").read_text(encoding="utf-8-sig")
    rows = [(r["Tahun"], r["Triwulan"], r["Target"], r["Realisasi"], r["Capaian (%)"], r["Predikat"])
            for r in csv.DictReader(io.StringIO(text))]
    assert rows == [("2024", "setahun", "", "", "96.7", "Sangat Tinggi"), ("2024", "I", "10", "8", "", ""),
                    ("2024", "II", "10", "12", "", ""), ("2024", "III", "10", "9", "", ""),
                    ("2024", "IV", "10", "", "", "")]
