"""The whole site built in strict mode: pages, navigation, downloads, and a failed build that keeps the old site."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from macros.naming import program_slug
from macros.render.export import to_json

from .helpers import ROOT, article_text, program_of, soup_of

pytestmark = pytest.mark.slow


def test_every_item_and_indicator_is_on_its_program_page(site, kebasen):
    rows = kebasen.tree.indikator
    for program in kebasen.programs:
        text = article_text(soup_of(site, f"kecamatan-kebasen/2023/program/{program_slug(program)}"))
        assert program.uraian in text
        for kegiatan in program.kegiatan:
            assert kegiatan.uraian in text and kegiatan.sasaran in text
            for sub in kegiatan.sub_kegiatan:
                assert sub.uraian in text and sub.sasaran in text
        for row in rows:
            if program_of(row) is program:
                for value in (row.indikator.uraian, row.indikator.formulasi, row.indikator.sumber_data):
                    assert value in text, value


def test_overview_lists_levels_with_indicators_and_links(site, kebasen):
    soup = soup_of(site, "kecamatan-kebasen/2023")
    text = article_text(soup)
    tujuan = kebasen.cascade.tujuan[0]
    assert tujuan.uraian in text and tujuan.indikator[0].uraian in text
    assert tujuan.sasaran[0].indikator[0].uraian in text
    links = {a.get_text(" ", strip=True): a["href"] for a in soup.select("article a[href]")}
    for program in kebasen.programs:
        assert links[program.uraian] == f"program/{program_slug(program)}/"
    assert links["JSON"] == "../../data/kecamatan-kebasen/2023.json"


def test_json_download_is_the_export(site, kebasen):
    exported = (site / "data/kecamatan-kebasen/2023.json").read_text(encoding="utf-8")
    assert json.loads(exported) == json.loads(to_json(kebasen.cascade))
    # Compact: indenting took three fifths of a large cascade's file.
    assert exported == json.dumps(json.loads(exported), ensure_ascii=False, separators=(",", ":")) + "\n"


def test_home_lists_perangkat_daerah_and_years(site):
    soup = soup_of(site, ".")
    links = {a.get_text(" ", strip=True): a["href"] for a in soup.select("article a[href]")}
    assert links["Kecamatan Kebasen"] == "kecamatan-kebasen/"
    assert links["2023"] == "kecamatan-kebasen/2023/"
    assert links["katalog semua indikator"] == "katalog/"


def test_the_gunung_kaler_lkjip_shows_its_targets_realisasi_and_capaian_recomputed_from_them(site):
    # LKjIP 2020 of Kecamatan Gunung Kaler, Tabel 3.5 (cascade_data/kecamatan-gunung-kaler/2020.yaml): the site
    # computes realisasi / target x 100 to one decimal; the document prints 104,96, 95,24 (from 66,67, not the
    # 66,7 its realisasi column shows) and 100,00 for 2020, and 107,81, 102,57 and 100,00 for 2019.
    expected = {
        "01.01": ("84,75", "88,95", "105,0%", "82,5", "88,94", "107,8%"),
        "01.02": ("70", "66,7", "95,3%", "65", "66,67", "102,6%"),
        "01.03": ("55,56", "55,56", "100,0%", "44,44", "44,44", "100,0%"),
    }
    overview = soup_of(site, "kecamatan-gunung-kaler/2020")
    indicators = soup_of(site, "kecamatan-gunung-kaler/indikator/tujuan-dan-sasaran")
    # The LKjIP states sasaran and no tujuan: the page names only what it holds.
    assert next(indicators.h1.stripped_strings) == "Indikator sasaran"
    for kode, (target, realisasi, capaian, target_2019, realisasi_2019, capaian_2019) in expected.items():
        row = overview.find("tr", id=kode.replace(".", "-"))
        assert " ".join(row.select_one("td.kinerja").get_text(" ").split()).startswith(
            f"Target: {target} Realisasi: {realisasi} Capaian: {capaian} Sangat Tinggi"), kode
        table = indicators.find("h2", id=kode.replace(".", "-")).find_next("table", class_="indikator-tahunan")
        assert [" ".join(tr.get_text(" ").split()) for tr in table.select("tbody tr")] == [
            f"2020 {target} {realisasi} {capaian} Sangat Tinggi",
            f"2019 (menurut cascade 2020) {target_2019} {realisasi_2019} {capaian_2019} Sangat Tinggi"], kode
    # Fields the document does not state are said to be missing, not left blank.
    definition = indicators.find("h2", id="01-01").find_next("table")
    fields = {" ".join(tr.th.get_text(" ").split()): " ".join(tr.td.get_text(" ").split())
              for tr in definition.select("tr")}
    assert (fields["Formulasi"], fields["Sumber data"], fields["Tipe penghitungan"]) == ("tidak tercantum",) * 3
    assert "Kecamatan Gunung Kaler berada di Kabupaten Tangerang." in article_text(overview)


def test_navigation_groups_by_perangkat_daerah_and_year(site):
    nav = soup_of(site, "kecamatan-kebasen/2023").select_one("nav.md-nav--primary")
    labels = [" ".join(label.get_text(" ").split()) for label in nav.select("label.md-nav__link, a.md-nav__link")]
    assert "Kecamatan Kebasen" in labels and "2023" in labels
    assert labels.index("Kecamatan Kebasen") < labels.index("2023") < labels.index(
        "Program Penunjang Urusan Pemerintahan Daerah Kabupaten / Kota")


def test_search_index_has_programs_kegiatan_sub_kegiatan_and_indicators(site, kebasen):
    # Pagefind's per-page records ("fragments"): gzip, after a 12-byte "pagefind_dcd" marker, then JSON.
    fragments = {}
    for path in (site / "pagefind/fragment").glob("*.pf_fragment"):
        fragment = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])
        fragments[fragment["url"]] = fragment
    program = kebasen.programs[0]
    fragment = fragments[f"/kecamatan-kebasen/2023/program/{program_slug(program)}/"]
    assert fragment["meta"]["title"] == program.uraian
    # Each searchable section is a heading with the id a result links to.
    anchors = {anchor["id"]: anchor["text"] for anchor in fragment["anchors"]}
    kegiatan = program.kegiatan[0]
    assert kegiatan.uraian in anchors["t1-s1-p1-k1"]
    assert kegiatan.sub_kegiatan[0].uraian in anchors["t1-s1-p1-k1-sk1"]
    assert anchors["t1-s1-p1-k1-sk1-i1"] == kegiatan.sub_kegiatan[0].indikator[0].uraian
    # The index adds standard spellings and word roots, marked off, after the words they belong to.
    content = re.sub(r" [\ufdd0\ufdd2][^\ufdd1]*\ufdd1", "", fragment["content"])
    assert kegiatan.sub_kegiatan[0].indikator[0].formulasi in content
    assert not (site / "search/search_index.json").exists()


def test_pages_load_nothing_from_other_hosts(site):
    for html_file in site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("script[src], link[href], img[src]"):
            url = tag.get("src") or tag.get("href")
            assert not url.startswith(("http:", "https:", "//")), (html_file, url)


def test_broken_data_fails_the_build_with_file_line_and_keeps_the_old_site(tmp_path, data_copy):
    data_file = data_copy / "kecamatan-kebasen/2023.yaml"
    data_file.write_text(data_file.read_text(encoding="utf-8").replace(
        "tipe_penghitungan: non_kumulatif", "tipe_penghitungan: non-kumulatif", 1), encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("build sebelumnya", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.build", str(site)], cwd=ROOT, capture_output=True,
                            text=True, env={**os.environ, "CASCADE_DATA": str(data_copy)})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "cascade_data/kecamatan-kebasen/2023.yaml:10 tujuan[0].indikator[0].tipe_penghitungan: " \
           "'non-kumulatif' harus salah satu dari: kumulatif, non_kumulatif" in output
    assert "Traceback" not in output
    assert (site / "index.html").read_text(encoding="utf-8") == "build sebelumnya"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cascade_data", "site"]


def test_make_build_fails_on_a_warning_such_as_a_link_to_a_missing_anchor(tmp_path):
    # MkDocs' --quiet hides warnings from strict mode too; the build must not use it.
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# Beranda\n\n[bagian](lain.md#tidak-ada)\n", encoding="utf-8")
    (tmp_path / "docs/lain.md").write_text("# Lain\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Uji\nvalidation:\n  anchors: warn\n", encoding="utf-8")
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "macros.build", str(site), str(tmp_path / "mkdocs.yml")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "does not contain an anchor '#tidak-ada'" in result.stderr
    assert f"Build gagal; {site} tidak diubah." in result.stderr and not site.exists()


def test_make_build_replaces_the_site_on_success(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "stale.html").write_text("lama", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    result = subprocess.run([sys.executable, "-m", "macros.build", str(site)], cwd=ROOT, capture_output=True, text=True,
                            env=env)
    assert result.returncode == 0, result.stderr
    assert not (site / "stale.html").exists()
    assert (site / "kecamatan-kebasen/2023/index.html").is_file()
    # The build's notes for staff are shown; MkDocs' progress lines are not.
    assert "INFO    -  Catatan: SITE_URL tidak diisi, jadi alamat di katalog DCAT" in result.stderr
    assert "Building documentation" not in result.stderr and "Indeks pencarian" not in result.stderr


def test_a_program_pages_contents_list_its_kegiatan_and_each_kegiatan_its_sub_kegiatan(site, kebasen):
    program = next(program for program in kebasen.programs if any(k.sub_kegiatan for k in program.kegiatan))
    soup = soup_of(site, f"kecamatan-kebasen/2023/program/{program_slug(program)}")
    for contents in soup.select("nav.md-nav--secondary"):
        entries = [" ".join(a.get_text().split()) for a in contents.select("a.md-nav__link")]
        assert [e for e in entries if e.startswith("Kegiatan ")] == [
            f"Kegiatan {n}: {' '.join(k.uraian.split())}" for n, k in enumerate(program.kegiatan, 1)]
        assert not [e for e in entries if e.startswith("Sub kegiatan")]
    # The sub kegiatan are still headings of their own, under their kegiatan's.
    assert soup.select("h3")[0].get_text().startswith("Sub kegiatan 1.1")


def test_program_pages_carry_the_diagram_as_svg_without_the_mermaid_runtime(site, kebasen):
    for program in kebasen.programs:
        folder = site / f"kecamatan-kebasen/2023/program/{program_slug(program)}"
        soup = soup_of(site, f"kecamatan-kebasen/2023/program/{program_slug(program)}")
        overview, *per_kegiatan = soup.select("figure.diagram")
        labels = " ".join(overview.select_one("svg").get_text(" ").split())
        for kegiatan in program.kegiatan:
            assert " ".join(kegiatan.uraian.split()[:2]) in labels
        assert not soup.select("pre.mermaid") and "mermaid.min.js" not in str(soup)
        # The source folded under the diagram, as code but not in a <pre> (which Material measures on load).
        assert "flowchart TB" in soup.select_one("details.diagram-source > code").get_text() and not soup.select("pre")
        # Each diagram downloads as SVG, saved under its own name, from a file named by its source's hash (shared by
        # every page showing the same diagram); the program's overview as PNG too.
        numbers = [n for n, kegiatan in enumerate(program.kegiatan, 1) if kegiatan.sub_kegiatan]
        assert len(per_kegiatan) == len(numbers)
        links = overview.select("a[download]")
        assert [a["download"] for a in links] == ["diagram.svg", "diagram.png"]
        svg_href, png_href = (a["href"] for a in links)
        assert re.fullmatch(r"(\.\./){4}diagram/[0-9a-f]{20}\.svg", svg_href) and png_href == svg_href[:-3] + "png"
        assert (folder / png_href).read_bytes().startswith(b"\x89PNG")
        for figure, name in zip(per_kegiatan, (f"diagram-kegiatan-{n}" for n in numbers)):
            (link,) = figure.select("a[download]")
            assert link["download"] == f"{name}.svg"
            assert (folder / link["href"]).read_text(encoding="utf-8").startswith("<svg")
            assert not (folder / (link["href"][:-3] + "png")).exists()


# In a process of its own: loading mkdocs.yml runs the hook's module, which drops the cached macros.* modules (for
# `mkdocs serve`'s rebuilds) and would leave this test process with two copies of them.
_WATCHED = """
from mkdocs.config import load_config
class Server:
    def __init__(self):
        self.watched = []
    def watch(self, path):
        self.watched.append(path)
config = load_config("mkdocs.yml")
(hook,) = config.hooks.values()
print(hook.on_serve(Server(), config, builder=lambda: None).watched)
"""


@pytest.mark.parametrize("elsewhere", [False, True])
def test_mkdocs_serve_watches_the_cascade_folder_the_build_reads(tmp_path, elsewhere):
    env = {key: value for key, value in os.environ.items() if key != "CASCADE_DATA"}
    if elsewhere:
        env["CASCADE_DATA"] = str(tmp_path)
    result = subprocess.run([sys.executable, "-c", _WATCHED], cwd=ROOT, env={**env, "NO_MKDOCS_2_WARNING": "1"},
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip() == repr([str(tmp_path if elsewhere else ROOT / "cascade_data")])


def test_a_build_without_the_glossary_page_fails_and_says_how_to_restore_it(tmp_path):
    # The generated tables link their terms to the glossary in finished HTML, which MkDocs does not check: a
    # project whose docs lost glosarium.md (and its nav entry) must not publish pages full of dead links.
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    for name in ("macros", "overrides", "node_modules"):
        (project / name).symlink_to(ROOT / name)
    for page in (ROOT / "docs").iterdir():
        if page.name != "glosarium.md":
            (project / "docs" / page.name).symlink_to(page)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - Glosarium: glosarium.md\n" in config
    (project / "mkdocs.yml").write_text(config.replace("  - Glosarium: glosarium.md\n", ""), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CASCADE_DATA": str(ROOT / "cascade_data"),
           "CASCADE_CACHE": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "glosarium.md tidak ada" in output
    assert "git checkout -- docs/glosarium.md" in output
    assert not (tmp_path / "site" / "kecamatan-kebasen").exists()
