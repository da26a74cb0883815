"""The indicator catalog's filter in headless Chromium: typing and choosing narrow the visible rows."""

from __future__ import annotations

import re

import pytest

from .helpers import DATA, built_and_served

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
