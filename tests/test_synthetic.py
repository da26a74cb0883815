"""Synthetic Kabupaten data: valid, deterministic, kept out of cascade_data/, and a site built from it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros.compare import compare_years
from macros.kinerja import kinerja_tahun
from macros.lint import check_target
from macros.load import load_cascades
from macros.nilai import Peringkat, Rentang, parse_nilai
from macros.render.pages import group_by_perangkat_daerah

from .helpers import DATA, ROOT, article_text, build_site, soup_of

SCRIPT = [sys.executable, str(ROOT / "scripts/make_synthetic.py")]


def make(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*SCRIPT, str(folder), *args], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic") / "data"
    result = make(folder, "--perangkat-daerah", "2", "--years", "2", "--seed", "3")
    assert result.returncode == 0, result.stderr
    return folder


def test_synthetic_cascades_are_valid_and_realistically_sized(synthetic):
    files = load_cascades(synthetic)
    assert sorted((cf.slug, cf.tahun) for cf in files) == [
        ("dinas-kesehatan", 2021), ("dinas-kesehatan", 2022), ("dinas-pendidikan", 2021), ("dinas-pendidikan", 2022)]
    for cf in files:
        assert 5 <= len(cf.programs) <= 10
        assert cf.programs[0].uraian == "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
        for program in cf.programs:
            assert program.uraian.startswith("Program ") and program.indikator
            assert 2 <= len(program.kegiatan) <= 6
            for kegiatan in program.kegiatan:
                assert 2 <= len(kegiatan.sub_kegiatan) <= 8 and kegiatan.indikator
                for sub in kegiatan.sub_kegiatan:
                    assert sub.indikator and all(i.formulasi and i.sumber_data for i in sub.indikator)


def test_names_say_each_word_once_where_a_pattern_meets_its_subject(synthetic):
    # "Pembangunan Sarana" + "Sarana Pertanian" is written "Pembangunan Sarana Pertanian".
    texts = [text for path in synthetic.glob("*/*.yaml") for text in path.read_text(encoding="utf-8").split("\n")]
    assert [text for text in texts if re.search(r"\b(\w+) \1\b", text, re.IGNORECASE)] == []
    assert any("Sarana" in text for text in texts)


def kinerja_of(cf):
    """Each indicator of a cascade file with its commitment and result for the file's year."""
    return [(row.indikator, kinerja_tahun(row.indikator, cf.tahun, cf.aturan)) for row in cf.tree.indikator]


def test_every_indicator_has_a_satuan_and_most_a_target_and_a_predikat(synthetic):
    for cf in load_cascades(synthetic):
        kinerja = kinerja_of(cf)
        assert all(indikator.satuan for indikator, _ in kinerja)
        with_target = [k for _, k in kinerja if k.target or k.target_triwulan]
        with_predikat = [k for _, k in kinerja if k.capaian.predikat]
        assert 0.85 * len(kinerja) <= len(with_target) < len(kinerja), "a few have no target yet"
        assert len(with_predikat) >= 0.6 * len(kinerja)
        # What cannot be computed says why, in the words the pages show.
        reasons = {k.capaian.alasan for _, k in kinerja if not k.capaian.predikat}
        assert {"target belum ditetapkan", "realisasi belum dilaporkan"} <= reasons
        assert {k.capaian.predikat for k in with_predikat} >= {"Sangat Tinggi", "Tinggi", "Sedang"}
        assert any(k.capaian.persen > 100 for k in with_predikat), "some are over target"


def test_a_closed_year_reports_every_quarter_and_the_last_year_is_under_way(synthetic):
    files = {cf.tahun: cf for cf in load_cascades(synthetic) if cf.slug == "dinas-kesehatan"}
    closed = [k for _, k in kinerja_of(files[2021])]
    under_way = [k for _, k in kinerja_of(files[2022])]
    assert all(len(k.realisasi_triwulan) in (0, 4) for k in closed)
    assert sum(k.realisasi is not None for k in closed) >= 0.5 * len(closed)
    # The data are as of the third quarter's report (make_synthetic's default): nobody has the fourth,
    # nobody has a year's realisasi yet, and some indicators are a quarter late.
    reported = [len(k.realisasi_triwulan) for k in under_way]
    assert max(reported) == 3 and 2 in reported
    assert all(k.realisasi is None for k in under_way)


def test_values_are_typed_as_staff_type_them_and_quarters_make_the_years_target(synthetic):
    for cf in load_cascades(synthetic):
        typed = [(v, k.skala) for _, k in kinerja_of(cf)
                 for v in (k.baseline, k.target, k.realisasi, *k.target_triwulan.values(),
                           *k.realisasi_triwulan.values())
                 if v is not None]
        # None refused by the reading rule, on its indicator's scale.
        values = [parse_nilai(v, skala) for v, skala in typed]
        assert any("," in v for v, _ in typed), "decimal comma"
        assert any(isinstance(v, Rentang) for v in values), "a range such as 3-5"
        assert any(isinstance(v, Peringkat) for v in values), "a grade such as WTP"
        # The data-quality report finds only realisasi typed without a target, never quarters off the year's.
        assert {"belum punya target" in issue.message for issue in check_target(cf.tree)} <= {True}


def test_consecutive_years_differ_a_little(synthetic):
    for group in group_by_perangkat_daerah(load_cascades(synthetic)).values():
        (comparison,) = compare_years(group)
        assert 1 <= len(comparison.changes) <= 20


def test_the_same_seed_writes_the_same_files(synthetic, tmp_path):
    assert make(tmp_path / "again", "--perangkat-daerah", "2", "--years", "2", "--seed", "3").returncode == 0
    for path in synthetic.rglob("*.yaml"):
        assert (tmp_path / "again" / path.relative_to(synthetic)).read_bytes() == path.read_bytes()
    assert make(tmp_path / "other", "--perangkat-daerah", "2", "--years", "2", "--seed", "4").returncode == 0
    assert (tmp_path / "other/dinas-pendidikan/2021.yaml").read_bytes() != \
        (synthetic / "dinas-pendidikan/2021.yaml").read_bytes()


def test_refuses_the_published_data_folder_and_a_folder_of_other_files(tmp_path):
    before = sorted(p.relative_to(DATA) for p in DATA.rglob("*"))
    for target in (DATA, DATA / "sintetis"):
        result = make(target, "--perangkat-daerah", "1", "--years", "1")
        assert result.returncode != 0 and "menolak menulis data sintetis" in result.stderr
    assert sorted(p.relative_to(DATA) for p in DATA.rglob("*")) == before
    (tmp_path / "catatan.txt").write_text("milik orang lain", encoding="utf-8")
    result = make(tmp_path, "--perangkat-daerah", "1", "--years", "1")
    assert result.returncode != 0 and "pilih folder kosong" in result.stderr


@pytest.mark.slow
def test_site_builds_strictly_from_synthetic_data(synthetic, tmp_path):
    site = tmp_path / "site"
    result = build_site(site, synthetic)
    assert result.returncode == 0, result.stderr

    home = soup_of(site, "")
    rows = [[" ".join(td.get_text(" ").split()) for td in tr.select("td")] for tr in home.select("article tbody tr")]
    assert ["Dinas Kesehatan", "2022", "2021"] in rows and ["Dinas Pendidikan", "2022", "2021"] in rows

    pd_page = soup_of(site, "dinas-pendidikan")
    buttons = {a.get_text(" ", strip=True): a["href"] for a in pd_page.select("article a.md-button")}
    assert buttons == {"Lihat cascade terbaru: tahun 2022": "2022/", "Perbandingan antartahun": "perbandingan/"}

    older = soup_of(site, "dinas-pendidikan/2021")
    text = article_text(older)
    assert "Tahun cascade: 2022 (terbaru) · 2021 (sedang dilihat) · Perbandingan antartahun" in text
    assert "Bukan tahun terbaru" in text

    comparison = soup_of(site, "dinas-pendidikan/perbandingan")
    assert comparison.select_one("article h2").get_text(" ", strip=True).startswith("2021 → 2022")
    (expected,) = compare_years(group_by_perangkat_daerah(load_cascades(synthetic))["dinas-pendidikan"])
    shown = article_text(comparison)
    for change in expected.changes:
        assert " ".join(change.uraian.split()) in shown
