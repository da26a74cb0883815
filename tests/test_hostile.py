"""Hostile text in every field of a cascade: the built site shows it as written and runs none of it.

`tests/fixtures/hostile/` holds a cascade whose every text is HTML, script, Markdown, Jinja, Mermaid,
a spreadsheet formula, a right-to-left mark or an emoji. It is built in strict mode like the real site;
the static checks read every generated file, the browser test opens the pages in Chromium.
"""

from __future__ import annotations

import json
import re
from itertools import takewhile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.load import load_cascades
from macros.model import CascadeFile

from .helpers import program_of
from macros.naming import program_slug
from macros.render.export import to_json

from .helpers import article_text, build_site, flat, serve, soup_of

HOSTILE_DATA = Path(__file__).parent / "fixtures" / "hostile"
PD = "kecamatan-uji"

pytestmark = pytest.mark.slow

@pytest.fixture(scope="module")
def hostile() -> CascadeFile:
    (cf,) = load_cascades(HOSTILE_DATA, shown_relative_to=HOSTILE_DATA)
    return cf


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("hostile-site")
    result = build_site(site, data_dir=HOSTILE_DATA)
    assert result.returncode == 0, result.stderr
    return site


def program_urls(cf: CascadeFile) -> list[str]:
    return [f"{PD}/2023/program/{program_slug(p)}/" for p in cf.programs]


def page_texts(cf: CascadeFile) -> dict[str, list[str]]:
    """Every data text of the cascade, by the page that must show it."""
    pages: dict[str, list[str]] = {"": [cf.cascade.perangkat_daerah], f"{PD}/": [cf.cascade.perangkat_daerah]}
    overview = pages.setdefault(f"{PD}/2023/", [cf.cascade.perangkat_daerah])
    for row in cf.tree.indikator:
        texts = [row.indikator.uraian, row.indikator.formulasi, row.indikator.sumber_data, row.id]
        texts += [row.indikator.satuan] if row.indikator.satuan else []
        if program_of(row) is None:
            overview += texts
        else:
            pages.setdefault(f"{PD}/2023/program/{program_slug(program_of(row))}/", []).extend(texts)
    for place in cf.tree.nodes:
        texts = [place.item.uraian] + ([place.item.sasaran] if getattr(place.item, "sasaran", None) and
                                       isinstance(place.item.sasaran, str) else [])
        if program_of(place) is None:
            overview += texts
        else:
            pages.setdefault(f"{PD}/2023/program/{program_slug(program_of(place))}/", []).extend(texts)
            if place.level == "program":
                overview.append(place.item.uraian)
    return pages


def test_fixture_puts_every_kind_of_payload_into_the_data(hostile):
    texts = " ".join(text for texts in page_texts(hostile).values() for text in texts)
    for payload in ["<script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)", "[x](javascript:alert(1))",
                    "**", "| kolom |", "# Judul palsu", "<!-- komentar -->", "{{ 7*7 }}", "{% include 'x' %}", "{#",
                    '"]-->X', "click A call alert()", '%%{init: {"securityLevel": "loose"}}%%', "classDef", "`kode`",
                    "; #", "\n", "\u202e", "\u200f", "🚀", "=1+1", "@SUM(A1:A9)", "+cmd|"]:
        assert payload in texts, payload
    assert len(page_texts(hostile)) == 3 + len(hostile.programs)


def test_every_text_shows_literally_on_its_page(hostile, hostile_site):
    for url, texts in page_texts(hostile).items():
        shown = article_text(soup_of(hostile_site, url))
        for text in texts:
            assert flat(text) in shown, (url, text)
        assert "Kecamatan 49" not in shown and "{{ 7*7 }}" in shown


def test_no_page_holds_markup_from_the_data(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 6
    for html_file in pages:
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        where = html_file.relative_to(hostile_site)
        assert not soup.select("img[src=x], iframe, i, b, strong:-soup-contains('tebal')"), where
        assert not [tag for tag in soup.find_all(True) if any(a.lower().startswith("on") for a in tag.attrs)], where
        assert not [tag for tag in soup.find_all(["a", "iframe"])
                    if re.match(r"\s*javascript:", tag.get("href", "") + tag.get("src", ""), re.I)], where
        assert not [s for s in soup.find_all("script") if "alert" in (s.string or "")], where
        title = soup.title.get_text()
        if "program/" in where.as_posix():
            assert title.startswith("Program <script>alert(2)</script>") or title.startswith("Program [x]"), title


def test_json_download_round_trips_the_hostile_text(hostile, hostile_site):
    exported = json.loads((hostile_site / f"data/{PD}/2023.json").read_text(encoding="utf-8"))
    assert exported == json.loads(to_json(hostile.cascade))
    assert exported["perangkat_daerah"] == hostile.cascade.perangkat_daerah
    assert exported["tujuan"][0]["indikator"][0]["formulasi"] == "# Judul palsu\nbaris kedua <b>tebal</b> & &amp;\n=1+1"


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def test_catalog_and_spreadsheet_downloads_keep_the_text_and_run_no_formula(hostile, hostile_site):
    """The indicator catalog and the CSV/XLSX downloads (if this build has them) show the text as written."""
    import csv

    import openpyxl

    indicator_texts = [text for row in hostile.tree.indikator
                       for text in (row.indikator.uraian, row.indikator.formulasi, row.indikator.sumber_data,
                                    row.indikator.satuan) if text]
    assert '=HYPERLINK("http://contoh.invalid","klik")' in indicator_texts
    catalog = hostile_site / f"{PD}/2023/katalog/index.html"
    index_file = hostile_site / f"{PD}/2023/katalog/indikator.json"
    csv_file = hostile_site / f"data/{PD}/2023.csv"
    xlsx_file = hostile_site / f"data/{PD}/2023.xlsx"
    if not (catalog.exists() and index_file.exists() and csv_file.exists() and xlsx_file.exists()):
        pytest.fail("the build has no indicator catalog, catalog index or CSV/XLSX download; update this test to what "
                    "it has")
    shown = article_text(soup_of(hostile_site, f"{PD}/2023/katalog"))
    for text in indicator_texts:
        assert flat(text) in shown, text
    # The index the catalog of every cascade loads holds each text as it was typed (names on one line).
    index_texts = [value for row in json.loads(index_file.read_text(encoding="utf-8"))["indikator"]
                   for value in row.values() if isinstance(value, str)]
    for text in indicator_texts:
        assert text in index_texts or " ".join(text.split()) in index_texts, text
    with csv_file.open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_START)]
    for text in indicator_texts:
        assert text in cells or "'" + text in cells, text
    workbook = openpyxl.load_workbook(xlsx_file)
    values = []
    for sheet in workbook:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                values.append(cell.value)
    for text in indicator_texts:
        assert text in values or "'" + text in values, text


@pytest.mark.browser
def test_browser_runs_nothing_and_shows_the_text(hostile, hostile_site, open_page):
    page = open_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    with serve(hostile_site) as base:
        for url, texts in page_texts(hostile).items():
            page.goto(base + url)
            page.wait_for_load_state("networkidle")
            injected = page.evaluate("""() => ({
                elements: document.querySelectorAll('img[src="x"], iframe, [onerror], [onload], article b, article i').length,
                scripts: [...document.scripts].filter(s => /alert/.test(s.textContent)).length,
                links: [...document.querySelectorAll('[href], [src]')].filter(
                    e => /^\\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src'))).length,
            })""")
            assert injected == {"elements": 0, "scripts": 0, "links": 0}, url
            # Tables far below the diagrams are laid out only near the screen (content-visibility): lay them all out.
            page.evaluate("document.querySelectorAll('.indikator-table').forEach(t => t.style.contentVisibility = 'visible')")
            shown = flat(page.inner_text("article"))
            for text in texts:
                assert flat(text) in shown, (url, text)
            assert page.title().endswith("Cascading Kinerja")
        program = hostile.programs[0]
        page.goto(base + program_urls(hostile)[0])
        assert page.title() == "Program <script>alert(2)</script> - Cascading Kinerja"
        page.locator("figure.diagram svg").first.wait_for(state="visible")
        # Every label line of the page's diagrams (the overview and one per kegiatan), as a reader reads them.
        label = page.evaluate("""() => [...document.querySelectorAll('figure.diagram svg tspan.row')]
                                 .map(row => row.textContent).join(' ')""")
        for text in [program.uraian, '"]-->X', '%%{init:', "classDef", "`kode`", "🚀"]:
            assert text in label, text
        # Search results (Pagefind) show titles and excerpts of the hostile pages as text too.
        page.locator(".cari-toggle").click()
        page.locator("#cari input").fill("alert")
        page.locator("#cari .pagefind-ui__result-link").first.wait_for(timeout=15000)
        page.wait_for_timeout(500)
        results = page.locator("#cari .pagefind-ui__results")
        assert "Program <script>alert(2)</script>" in results.inner_text()
        assert page.evaluate("Array.from(document.querySelectorAll('#cari img, #cari script, #cari iframe, #cari [onerror]'))"
                             ".map(e => e.parentElement.outerHTML.slice(0, 300))") == []
        # The catalog of every cascade builds its rows from the JSON index: as text, and nothing runs.
        page.goto(base + "katalog/")
        page.get_by_role("combobox", name=re.compile("^Perangkat daerah")).select_option(PD)
        page.locator("[data-katalog-hasil] tbody tr").first.wait_for()
        assert page.evaluate("""() => document.querySelectorAll(
            '[data-katalog-hasil] img, [data-katalog-hasil] script, [data-katalog-hasil] iframe, [data-katalog-hasil] b, '
            + '[data-katalog-hasil] [onerror], [data-katalog-hasil] a[href^="javascript"]').length""") == 0
        shown = flat(page.inner_text("[data-katalog-hasil] tbody"))
        for row in hostile.tree.indikator:
            for text in (row.indikator.uraian, row.indikator.formulasi, row.indikator.sumber_data, row.id):
                assert flat(text) in shown, text
        page.goto(base + f"data/{PD}/2023.json")
        assert json.loads(page.inner_text("body")) == json.loads(to_json(hostile.cascade))
        assert dialogs == [] and errors == []


def test_previous_and_next_links_name_the_program_as_written(hostile, hostile_site):
    """A reader of a screen reader hears the title as staff wrote it: not HTML entities, and no markup runs."""
    names = []
    for url in ["", f"{PD}/", f"{PD}/2023/", *program_urls(hostile)]:
        for link in soup_of(hostile_site, url).select("a.md-footer__link"):
            names.append(link["aria-label"])
    for program in hostile.programs:
        assert any(name.endswith(": " + flat(program.uraian)) for name in names), (program.uraian, names)
    assert not [name for name in names if "&amp;" in name or "&#" in name or "&lt;" in name], names
    # Parsed as text: the page holds no element made from a title.
    raw = (hostile_site / f"{PD}/2023/index.html").read_text(encoding="utf-8")
    assert "<script>alert(2)" not in raw


def test_each_indicator_section_shows_its_texts_literally(hostile, hostile_site):
    pages = sorted((hostile_site / PD / "indikator").glob("*/index.html"))
    sections = {}
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for heading in soup.select("article h2[id]"):
            parts = [heading, *takewhile(lambda tag: tag.name != "h2", heading.find_next_siblings())]
            sections[heading["id"]] = flat(" ".join(part.get_text(" ") for part in parts))
    assert len(sections) == len(hostile.tree.indikator)
    for row in hostile.tree.indikator:
        ind = row.indikator
        texts = [ind.uraian, ind.formulasi, ind.sumber_data, *(t for t in (ind.satuan, ind.kode) if t),
                 *(ind.target or {}).values()]
        # Its section is the one headed by the indicator's name.
        (shown,) = [text for text in sections.values() if text.startswith(flat(ind.uraian))]
        for text in texts:
            assert flat(text) in shown, (ind.uraian, text)
        assert "Kecamatan 49" not in shown
