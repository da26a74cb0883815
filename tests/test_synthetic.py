"""Synthetic Kabupaten data: valid, deterministic, kept out of cascade_data/, and a site built from it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from macros.compare import compare_years
from macros.load import load_cascades
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
