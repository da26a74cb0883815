"""The indicator catalogs in headless Chromium: a cascade's catalog narrows its rows as one types and chooses; the
catalog of every cascade builds the matching rows from the cascades' indexes, a hundred at a time, sends an
earlier permalink on to the row, and without JavaScript links every cascade's catalog."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from macros.load import load_cascades
from macros.naming import anchor

from .helpers import DATA, ROOT, build_site, built_and_served, serve

pytestmark = pytest.mark.browser

CATALOG = "kecamatan-kebasen/2023/katalog/"


def visible_rows(page):
    return page.locator("table[data-katalog] tbody tr:visible")


def test_filter_box_and_level_select_narrow_the_table(page, site_url, kebasen):
    page.goto(site_url + CATALOG)
    rows = visible_rows(page)
    assert rows.count() == 45
    count = page.locator(".katalog-count")
    assert count.inner_text() == "45 dari 45 indikator ditampilkan"

    page.get_by_label("Cari indikator", exact=True).fill("apbdes")
    texts = rows.all_inner_texts()
    assert 0 < len(texts) < 45
    assert all("apbdes" in text.lower() for text in texts)
    expected = [r for r in kebasen_rows(kebasen) if "apbdes" in " ".join(r).lower()]
    assert len(texts) == len(expected)
    assert count.inner_text() == f"{len(texts)} dari 45 indikator ditampilkan"

    page.get_by_label("Cari indikator", exact=True).fill("")
    page.get_by_label("Level").select_option("kegiatan")
    assert rows.count() == sum(len(k.indikator) for p in kebasen.programs for k in p.kegiatan)
    assert set(rows.locator("td:nth-child(3)").all_inner_texts()) == {"Kegiatan"}

    page.get_by_label("Tipe penghitungan").select_option("kumulatif")
    assert set(page.locator("table[data-katalog] tbody tr:visible").evaluate_all(
        "rows => rows.map(r => r.dataset.level + ' ' + r.dataset.tipe)")) <= {"kegiatan kumulatif"}

    page.get_by_label("Cari indikator", exact=True).fill("tidak ada kata seperti ini")
    assert rows.count() == 0
    assert page.locator(".katalog-kosong").is_visible()
    assert page.console_errors == []


# The hints of the visible text fields that their field cuts off: the field's text overflows with the hint typed in.
CUT_HINTS_JS = """() => [...document.querySelectorAll('input[placeholder]')].filter(field => field.offsetParent)
  .filter(field => {
    const typed = field.value;
    field.value = field.placeholder;
    const cut = field.scrollWidth > field.clientWidth;
    field.value = typed;
    return cut;
  }).map(field => field.placeholder)"""


@pytest.mark.parametrize("width", [320, 360])
def test_on_a_phone_the_search_field_shows_its_whole_hint_of_what_it_looks_in(open_page, site_url, width):
    page = open_page(viewport={"width": width, "height": 740}, is_mobile=True, has_touch=True)
    for address in (CATALOG, ALL):
        page.goto(site_url + address)
        assert page.get_by_label("Cari indikator", exact=True).get_attribute("placeholder") == \
            "indikator, formulasi, sumber data\u2026"
        assert page.evaluate(CUT_HINTS_JS) == [], address
        assert page.evaluate("document.documentElement.scrollWidth") <= width, address


def test_permalink_to_a_hidden_row_clears_the_filter(page, site_url):
    page.goto(site_url + CATALOG)
    page.get_by_label("Level").select_option("tujuan")
    assert visible_rows(page).count() == 1
    page.evaluate("location.hash = 't1-s1-p1-k1-i1'")
    # A function, not an expression: Playwright polls an expression with eval(), which the page's CSP refuses.
    page.wait_for_function("() => !document.getElementById('t1-s1-p1-k1-i1').hidden")
    assert visible_rows(page).count() == 45
    assert page.get_by_label("Level").input_value() == ""


def test_without_javascript_the_whole_table_shows_and_no_filter(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + CATALOG)
        assert visible_rows(page).count() == 45
        assert not page.locator("form[data-katalog-filter]").is_visible()
    finally:
        context.close()


def kebasen_rows(kebasen):
    """Each indicator's text as the catalog row shows it, to count the expected matches."""

    return [(row.id, row.indikator.uraian, row.owner.item.uraian, row.indikator.formulasi, row.indikator.sumber_data)
            for row in kebasen.tree.indikator]


def test_the_filter_ignores_invisible_characters_in_the_query(page, site_url):
    page.goto(site_url + CATALOG)
    field = page.get_by_label("Cari indikator", exact=True)
    field.fill("apbdes")
    plain = visible_rows(page).all_inner_texts()
    assert plain
    for hidden in ("\u00ad", "\u200b", "\u2060"):
        field.fill(f"ap{hidden}bdes")
        assert visible_rows(page).all_inner_texts() == plain, repr(hidden)


@pytest.fixture(scope="module")
def iku_site_url(tmp_path_factory):
    """The real cascade with two of its indicators marked as IKU, built and served."""
    text = (DATA / "kecamatan-kebasen" / "2023.yaml").read_text(encoding="utf-8")
    marked = re.sub(r"^( *)tipe_penghitungan: \w+\n", r"\g<0>\1iku: true\n", text, count=2, flags=re.MULTILINE)
    assert marked.count("iku: true") == 2
    with built_and_served(tmp_path_factory.mktemp("iku"), {"kecamatan-kebasen/2023.yaml": marked}) as url:
        yield url


def test_the_iku_box_shows_only_the_indikator_kinerja_utama(page, iku_site_url):
    page.goto(iku_site_url + CATALOG)
    rows = visible_rows(page)
    assert rows.count() == 45
    page.get_by_label("Hanya Indikator Kinerja Utama (IKU)").check()
    assert rows.count() == 2
    assert [text.endswith("IKU") for text in rows.locator("th").all_inner_texts()] == [True, True]
    assert page.locator(".katalog-count").inner_text() == "2 dari 45 indikator ditampilkan"
    page.get_by_label("Hanya Indikator Kinerja Utama (IKU)").uncheck()
    assert rows.count() == 45
    assert page.console_errors == []


# The catalog of every cascade

ALL = "katalog/"


def built_rows(page):
    return page.locator("[data-katalog-hasil] tbody tr")


def test_the_catalog_of_every_cascade_finds_rows_by_text_and_links_each_to_its_row(page, site_url, kebasen):
    page.goto(site_url + ALL)
    count = page.locator(".katalog-count")
    assert count.inner_text() == "Pilih saringan untuk menampilkan indikator."
    assert built_rows(page).count() == 0
    # No empty table and no "next" button before a filter, on screen or on paper.
    for media in ("print", "screen"):
        page.emulate_media(media=media)
        assert not page.locator("[data-katalog-hasil]").is_visible(), media
        assert not page.locator(".katalog-lagi").is_visible(), media

    page.get_by_label("Cari indikator", exact=True).fill("apbdes")
    expected = [row for row in kebasen.tree.indikator
                if "apbdes" in " ".join((row.indikator.uraian, row.indikator.formulasi, row.indikator.sumber_data,
                                         row.owner.item.uraian)).lower()]
    assert expected
    page.wait_for_function("() => document.querySelector('.katalog-count').textContent.includes('cocok')")
    # Every cascade's indicators are searched: Kebasen's 45 and Gunung Kaler's 3.
    assert count.inner_text() == f"{len(expected)} dari 48 indikator cocok"
    assert built_rows(page).locator("a.indikator-id").all_inner_texts() == [row.id for row in expected]
    assert built_rows(page).locator("td:nth-child(2)").all_inner_texts() == ["Kecamatan Kebasen 2023"] * len(expected)

    built_rows(page).first.locator("a.indikator-id").click()
    page.wait_for_url(f"**/{CATALOG}#{anchor(expected[0].id)}")
    assert page.locator(f"tr#{anchor(expected[0].id)}").is_visible()
    assert page.console_errors == []


def test_the_catalog_of_every_cascade_says_which_fields_the_source_does_not_state(page, site_url):
    # Gunung Kaler's LKjIP states no formulasi or sumber data: said in words, as in its own catalog.
    page.goto(site_url + ALL)
    page.get_by_label("Cari indikator", exact=True).fill("pertanggungjawaban")
    row = built_rows(page).filter(has_text="01.03")
    row.wait_for()
    for label in ("Formulasi", "Sumber data"):
        cell = row.locator(f'td[data-label="{label}"]')
        assert (cell.inner_text(), cell.get_attribute("class")) == ("tidak tercantum", None), label
    own = page.context.new_page()
    own.goto(site_url + "kecamatan-gunung-kaler/2020/katalog/")
    assert own.locator('tr[id="01-03"] td[data-label="Formulasi"]').inner_text() == "tidak tercantum"
    # Marked alike in both catalogs, with the tipe penghitungan it does not state either.
    for catalog in (row, own.locator('tr[id="01-03"]')):
        assert catalog.locator(".tidak-tercantum").all_inner_texts() == ["tidak tercantum"] * 3
    assert page.console_errors == []


def test_an_earlier_permalink_to_a_row_of_every_cascade_lands_on_the_row_in_its_cascade_catalog(page, site_url):
    page.goto(site_url + ALL + "#kecamatan-kebasen-2023-t1-s1-p1-k1-i1")
    page.wait_for_url(f"**/{CATALOG}#t1-s1-p1-k1-i1")
    row = page.locator("tr#t1-s1-p1-k1-i1")
    assert row.is_visible()
    box = row.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"], "the row is on the screen"


def test_without_javascript_the_catalog_of_every_cascade_links_each_cascade_catalog(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + ALL)
        assert not page.locator("form[data-katalog-filter], form[data-katalog-semua]").is_visible()
        assert not page.locator("[data-katalog-hasil]").is_visible()
        item = page.locator("[data-katalog-daftar] li", has_text="Kecamatan Kebasen")
        item.get_by_role("link", name="2023 (45 indikator)").click()
        page.wait_for_url(f"**/{CATALOG}")
        assert visible_rows(page).count() == 45
    finally:
        context.close()


@pytest.fixture(scope="module")
def kabupaten(tmp_path_factory):
    """A synthetic Kabupaten of two perangkat daerah over two years (about a thousand indicators), built without
    diagrams and served: (base URL, its cascades)."""
    folder = tmp_path_factory.mktemp("kabupaten")
    made = subprocess.run([sys.executable, str(ROOT / "scripts/make_synthetic.py"), str(folder / "data"),
                           "--perangkat-daerah", "2", "--years", "2", "--seed", "3"], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    built = build_site(folder / "site", folder / "data", with_chromium=False)
    assert built.returncode == 0, built.stderr
    with serve(folder / "site") as url:
        yield url, load_cascades(folder / "data")


def test_a_wide_filter_shows_a_hundred_rows_and_the_next_hundred_on_request(page, kabupaten):
    url, cascades = kabupaten
    total = sum(len(cf.tree.indikator) for cf in cascades)
    assert total > 300
    page.goto(url + ALL)
    page.get_by_role("combobox", name=re.compile("^Tahun")).select_option("semua")
    count = page.locator(".katalog-count")
    page.wait_for_function("() => document.querySelector('.katalog-count').textContent.includes('cocok')")
    assert count.inner_text() == f"{total} dari {total} indikator cocok; 100 pertama ditampilkan"
    assert built_rows(page).count() == 100
    page.get_by_role("button", name="Tampilkan 100 indikator berikutnya").click()
    page.wait_for_function("() => document.querySelectorAll('[data-katalog-hasil] tbody tr').length === 200")
    assert count.inner_text() == f"{total} dari {total} indikator cocok; 200 pertama ditampilkan"
    assert page.console_errors == []


def test_perangkat_daerah_year_and_level_narrow_the_rows_of_every_cascade(page, kabupaten):
    url, cascades = kabupaten
    page.goto(url + ALL)
    newest = max(cascades, key=lambda cf: (cf.slug == "dinas-kesehatan", cf.tahun))
    older = min((cf for cf in cascades if cf.slug == newest.slug), key=lambda cf: cf.tahun)
    page.get_by_role("combobox", name=re.compile("^Perangkat daerah")).select_option(newest.slug)
    page.get_by_label("Level").select_option("program")
    expected = [row.id for row in newest.tree.indikator if row.owner.level == "program"]
    page.wait_for_function("() => document.querySelector('.katalog-count').textContent.includes('cocok')")
    assert built_rows(page).locator("a.indikator-id").all_inner_texts() == expected
    assert page.locator(".katalog-count").inner_text() == \
        f"{len(expected)} dari {len(newest.tree.indikator)} indikator cocok"
    # Another year: the rows of that year's cascade, named with it.
    page.get_by_role("combobox", name=re.compile("^Tahun")).select_option(str(older.tahun))
    expected = [row.id for row in older.tree.indikator if row.owner.level == "program"]
    page.wait_for_function(f"() => document.querySelector('.katalog-count').textContent.endsWith("
                           f"'dari {len(older.tree.indikator)} indikator cocok')")
    assert built_rows(page).locator("a.indikator-id").all_inner_texts() == expected
    assert set(built_rows(page).locator("td:nth-child(2)").all_inner_texts()) == {
        f"{older.cascade.perangkat_daerah} {older.tahun}"}
    page.get_by_label("Cari indikator", exact=True).fill("tidak ada kata seperti ini")
    page.locator(".katalog-kosong").wait_for()
    assert built_rows(page).count() == 0
    assert page.console_errors == []


@pytest.mark.parametrize(("address", "count", "rows"), [
    (CATALOG, "11 dari 45 indikator ditampilkan", "table[data-katalog] tbody tr:visible"),
    (ALL, "11 dari 48 indikator cocok", "[data-katalog-hasil] tbody tr:visible"),
])
def test_going_back_to_a_catalog_shows_the_rows_of_the_filter_the_browser_restored(page, site_url, address, count,
                                                                                    rows):
    page.goto(site_url + address)
    page.wait_for_load_state("networkidle")
    page.get_by_label("Level").select_option("kegiatan")
    page.locator(".katalog-count", has_text=count).wait_for()
    page.goto(site_url + "tentang/")
    page.go_back()
    page.wait_for_load_state("networkidle")
    assert page.get_by_label("Level").input_value() == "kegiatan"
    page.locator(".katalog-count", has_text=count).wait_for(timeout=5000)
    assert page.locator(rows).count() == 11
