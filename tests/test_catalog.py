"""The indicator catalog: every indicator once, with working links and permalinks, in the built site."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from openpyxl import load_workbook

from macros.model import Cascade, CascadeFile
from macros.naming import anchor, catalog_index_path, page_url, relative_url, source_link
from macros.render.catalog import render_catalog_all_page, render_catalog_page
from macros.render.catalog_index import to_catalog_index
from macros.render.downloads import to_xlsx
from macros.render.export import to_csv, to_json

from .helpers import HOSTILE, markdown_to_html, parsed_file, soup_of

CATALOG = "kecamatan-kebasen/2023/katalog/"


def resolve(site: Path, from_url: str, href: str) -> tuple[Path, str]:
    """The built file a relative link opens, and its fragment."""
    parts = urlsplit(urljoin("http://site.test/" + from_url, href))
    path = parts.path.removeprefix("/")
    target = site / path / "index.html" if path.endswith("/") or path == "" else site / path
    return target, parts.fragment


def test_page_url_and_relative_links_follow_directory_urls():
    assert page_url("kecamatan-kebasen/2023/katalog.md") == "kecamatan-kebasen/2023/katalog/"
    assert page_url("kecamatan-kebasen/2023/index.md") == "kecamatan-kebasen/2023/"
    assert page_url("index.md") == ""
    assert relative_url("kecamatan-kebasen/2023/katalog.md", "kecamatan-kebasen/2023/index.md", "t1") == "../#t1"
    assert relative_url("katalog.md", "kecamatan-kebasen/2023/program/x.md") == "../kecamatan-kebasen/2023/program/x/"
    assert relative_url("katalog.md", "data/cascading-kinerja.zip") == "../data/cascading-kinerja.zip"
    assert source_link("kecamatan-kebasen/2023/katalog.md", "katalog.md") == "../../katalog.md"


def test_a_cascades_catalog_index_sits_in_its_catalog_folder(kebasen):
    assert catalog_index_path(kebasen) == "kecamatan-kebasen/2023/katalog/indikator.json"


@pytest.fixture
def hostile(kebasen) -> CascadeFile:
    """Kebasen with hostile text as its first kegiatan's name and as that kegiatan's first indicator's formulasi."""
    data = kebasen.cascade.model_dump()
    kegiatan = data["tujuan"][0]["sasaran"][0]["program"][0]["kegiatan"][0]
    kegiatan["uraian"] = HOSTILE
    kegiatan["indikator"][0]["formulasi"] = HOSTILE
    return CascadeFile(kebasen.slug, kebasen.path, Cascade.model_validate(data))


def test_catalog_escapes_hostile_text(hostile):
    body = render_catalog_page(hostile).split("---", 2)[2]
    rendered = markdown_to_html(body)
    assert "<script" not in rendered and "javascript:alert" not in re.sub(r">[^<]*<", "><", rendered)
    assert rendered.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 2


@pytest.mark.slow
def test_catalog_lists_all_45_indicators_once_with_their_fields(site, kebasen):
    soup = soup_of(site, CATALOG)
    rows = soup.select("table[data-katalog] tbody tr")
    expected = kebasen.tree.indikator
    assert len(rows) == len(expected) == 45
    for tr, row in zip(rows, expected):
        cells = [" ".join(cell.get_text(" ").split()) for cell in tr.find_all(["td", "th"])]
        ind = row.indikator
        assert tr["id"] == anchor(row.id) and tr["data-level"] == row.owner.level
        assert tr.td.get_text() == row.id
        assert cells[1] == " ".join(ind.uraian.split())
        assert cells[2] == {"tujuan": "Tujuan", "sasaran": "Sasaran", "program": "Program", "kegiatan": "Kegiatan",
                            "sub_kegiatan": "Sub Kegiatan"}[row.owner.level]
        assert cells[3] == " ".join(row.owner.item.uraian.split())
        assert cells[4] == " ".join(ind.formulasi.split()) and cells[7] == " ".join(ind.sumber_data.split())
        assert cells[5] == {"kumulatif": "Kumulatif", "non_kumulatif": "Non kumulatif"}[ind.tipe_penghitungan]
        assert cells[6].startswith(ind.polaritas.capitalize() if ind.polaritas else "tidak tercantum")
    levels = [tr["data-level"] for tr in rows]
    programs = kebasen.programs
    kegiatan = [k for p in programs for k in p.kegiatan]
    assert levels.count("program") == sum(len(p.indikator) for p in programs) == 5
    assert levels.count("kegiatan") == sum(len(k.indikator) for k in kegiatan)
    assert levels.count("sub_kegiatan") == sum(len(sk.indikator) for k in kegiatan for sk in k.sub_kegiatan)


@pytest.mark.slow
def test_catalog_links_open_the_item_and_permalinks_point_at_their_row(site):
    soup = soup_of(site, CATALOG)
    for tr in soup.select("table[data-katalog] tbody tr"):
        permalink = tr.select_one("a.indikator-id")["href"]
        assert permalink == "#" + tr["id"]
        owner = tr.find_all("td")[2].a
        target, fragment = resolve(site, CATALOG, owner["href"])
        assert target.is_file(), owner["href"]
        owner_page = parsed_file(target)
        heading = owner_page.find(id=fragment)
        assert heading is not None, owner["href"]
        # A program's indicators sit under "Indikator program" on the page titled with the program's name.
        shown = owner_page.h1 if tr["data-level"] == "program" else heading
        assert owner.get_text(" ", strip=True) in shown.get_text(" ", strip=True), owner["href"]
        if tr["data-level"] not in ("tujuan", "sasaran"):
            # The same identifier is the row's anchor on the program page.
            assert owner_page.find("tr", id=tr["id"]) is not None


@pytest.mark.slow
def test_the_catalog_of_every_cascade_ships_no_rows_and_links_each_cascade_catalog(site, kebasen):
    soup = soup_of(site, "katalog/")
    assert not soup.select("article tbody tr"), "the rows come from the cascades' indexes, on demand"
    items = soup.select("[data-katalog-daftar] li")
    assert [" ".join(item.get_text(" ").split()) for item in items] == [
        "Kecamatan Gunung Kaler : 2020 (3 indikator)", "Kecamatan Kebasen : 2023 (45 indikator)"]
    item = items[1]
    link = item.a
    target, _ = resolve(site, "katalog/", link["href"])
    assert target == site / CATALOG / "index.html"
    index_file, _ = resolve(site, "katalog/", link["data-indeks"])
    assert json.loads(index_file.read_text(encoding="utf-8")) == json.loads(to_catalog_index(kebasen))
    # The earlier all-rows page gave each row the id '<pd>-<tahun>-<id>': the script sends such a link on.
    assert link["data-anchor"] == "kecamatan-kebasen-2023-"


@pytest.mark.slow
def test_each_row_of_a_catalog_index_links_its_row_and_its_item(site, kebasen):
    index_url = CATALOG + "indikator.json"
    index = json.loads((site / index_url).read_text(encoding="utf-8"))
    assert (index["perangkat_daerah"], index["tahun"]) == ("Kecamatan Kebasen", 2023)
    rows = index["indikator"]
    assert [row["id"] for row in rows] == [row.id for row in kebasen.tree.indikator]
    catalog = soup_of(site, CATALOG)
    for row in rows:
        for href in (row["link"], row["owner_link"]):
            target, fragment = resolve(site, index_url, href)
            assert target.is_file() and parsed_file(target).find(id=fragment), href
        assert resolve(site, index_url, row["link"])[0] == site / CATALOG / "index.html"
        shown = catalog.find("tr", id=anchor(row["id"]))
        assert " ".join(shown.th.get_text(" ").split()).startswith(row["uraian"])
        assert row["anchor"] == anchor(f"kecamatan-kebasen-2023-{row['id']}")


@pytest.mark.slow
def test_catalog_is_linked_from_overview_and_navigation(site):
    overview = soup_of(site, "kecamatan-kebasen/2023")
    # The cascade's downloads, not the CSV link of each indicator's row.
    links = {a.get_text(" ", strip=True): a["href"] for a in overview.select("article a[href]:not(.indikator-csv)")}
    assert links["semua indikator cascade ini dalam satu tabel"] == "katalog/"
    nav = overview.select_one("nav.md-nav--primary")
    assert any(a["href"].rstrip("/").endswith("katalog") and a.get_text(strip=True) == "Katalog indikator"
               for a in nav.select("a.md-nav__link[href]"))
    catalog = soup_of(site, CATALOG)
    # The form is there from the start (nothing moves when the script comes); without JS a style hides it.
    assert catalog.select_one("form[data-katalog-filter] output").get_text() == "45 dari 45 indikator ditampilkan"
    assert "form.katalog-filter { display: none; }" in "".join(tag.decode_contents()
                                                                for tag in catalog.select("head noscript"))
    # Each catalog loads its own script; other pages load none of them.
    scripts = [s["src"] for s in catalog.select("script[src]")]
    assert [src for src in scripts if "katalog" in src] == ["../../../assets/javascripts/katalog.js"]
    scripts = [s["src"] for s in soup_of(site, "katalog/").select("script[src]")]
    assert [src for src in scripts if "katalog" in src] == ["../assets/javascripts/katalog-semua.js"]
    assert not [s for s in overview.select("script[src]") if "katalog" in s["src"]]
    # The forms keep no attribute of the Markdown source (the HTML checker refuses `markdown`).
    for url in (CATALOG, "katalog/"):
        assert not soup_of(site, url).select("[markdown]"), url


@pytest.mark.slow
def test_overview_downloads_open_and_hold_the_cascade(site, kebasen):
    overview = soup_of(site, "kecamatan-kebasen/2023")
    # The cascade's downloads, not the CSV link of each indicator's row.
    links = {a.get_text(" ", strip=True): a["href"] for a in overview.select("article a[href]:not(.indikator-csv)")}
    files = {label: resolve(site, "kecamatan-kebasen/2023/", links[label])[0]
             for label in ("JSON", "CSV", "XLSX", "semua cascade (ZIP)")}
    assert json.loads(files["JSON"].read_text(encoding="utf-8")) == json.loads(to_json(kebasen.cascade))
    assert files["CSV"].read_bytes() == to_csv(kebasen.tree).encode("utf-8")
    assert files["CSV"].read_bytes().startswith(b"\xef\xbb\xbf")
    assert files["XLSX"].read_bytes() == to_xlsx(kebasen.tree)
    workbook = load_workbook(io.BytesIO(files["XLSX"].read_bytes()))
    assert workbook["Indikator"].max_row == 1 + 45
    with zipfile.ZipFile(files["semua cascade (ZIP)"]) as archive:
        assert archive.read("kecamatan-kebasen/2023.xlsx") == files["XLSX"].read_bytes()


def test_catalog_of_all_cascades_lists_each_perangkat_daerah_once_with_its_years_newest_first(kebasen):
    newer = CascadeFile(kebasen.slug, kebasen.path, kebasen.cascade.model_copy(update={"tahun": 2024}))
    page = html_of_page(render_catalog_all_page([kebasen, newer]))
    (item,) = page.select("[data-katalog-daftar] li")
    assert [(a.get_text(), a["href"], a["data-indeks"]) for a in item.select("a")] == [
        ("2024 (45 indikator)", "../kecamatan-kebasen/2024/katalog/", "../kecamatan-kebasen/2024/katalog/indikator.json"),
        ("2023 (45 indikator)", "../kecamatan-kebasen/2023/katalog/", "../kecamatan-kebasen/2023/katalog/indikator.json"),
    ]
    years = [option.get_text() for option in page.select("select[name=tahun] option")]
    assert years == ["Tahun terbaru tiap perangkat daerah", "Semua tahun", "2024", "2023"]
    assert [o.get_text() for o in page.select("select[name=perangkat_daerah] option")] == [
        "Semua perangkat daerah", "Kecamatan Kebasen"]
    assert "90 indikator kinerja dari 1 perangkat daerah, tahun 2023–2024." in page.get_text()


def test_a_catalog_index_keeps_hostile_text_as_text(hostile):
    rows = json.loads(to_catalog_index(hostile))["indikator"]
    (row,) = [row for row in rows if row["id"] == hostile.tree.rows_of(hostile.tree.programs[0].children[0])[0].id]
    assert row["formulasi"] == HOSTILE and row["owner"] == HOSTILE


def html_of_page(page: str):
    """A rendered page's body (after its front matter) as Markdown turns it into HTML."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(markdown_to_html(page.split("---", 2)[2]), "html.parser")
