"""Search: the index Pagefind reads (indicators as sections, standard spellings) and what a citizen finds."""

from __future__ import annotations

import json
import re

import pytest

from macros.search import add_standard_spellings, indikator_rows_as_headings, page_for_index

from .helpers import serve

PROGRAM_2 = "kecamatan-kebasen/2023/program/penyelenggaraan-pemerintahan-dan-pelayanan-publik/"
PROGRAM_1 = "kecamatan-kebasen/2023/program/penunjang-urusan-pemerintahan-daerah-kabupaten-kota/"
PROGRAM_3 = "kecamatan-kebasen/2023/program/pemberdayaan-masyarakat-desa-dan-kelurahan/"
PROGRAM_5 = "kecamatan-kebasen/2023/program/pembinaan-dan-pengawasan-pemerintahan-desa/"


def test_variant_spellings_get_the_standard_spelling_beside_them_in_text_only():
    html = '<p>Presentase Realisasi PBB, <a href="../presentase-x/">tipe Komulatif</a></p>'
    assert add_standard_spellings(html) == (
        '<p>Presentase (persentase) Realisasi PBB, <a href="../presentase-x/">tipe Komulatif (kumulatif)</a></p>')


def test_headings_keep_their_text_and_get_the_standard_spelling_after_them():
    html = '<h4 id="t1-s1-i1">Presentase Layanan</h4><td>Komulatif</td>'
    assert add_standard_spellings(html) == '<h4 id="t1-s1-i1">Presentase Layanan</h4> (persentase)<td>Komulatif (kumulatif)</td>'


def test_words_that_only_contain_a_variant_are_left_alone():
    assert add_standard_spellings("<p>Presentasenya komulatifnya</p>") == "<p>Presentasenya komulatifnya</p>"


def test_indicator_rows_of_a_built_page_become_headings_with_the_rows_id(site, kebasen):
    html = (site / PROGRAM_2 / "index.html").read_text(encoding="utf-8")
    indexed = indikator_rows_as_headings(html)
    assert '<h4 id="t1-s1-p2-k1-sk1-i1">Jumlah Pemohon pelayanan non perizinan yang dilayani</h4>' in indexed
    # Every indicator row of the page became a heading; nothing else changed.
    assert indexed.count("<h4 id=") == html.count('<tr id="t1-')
    assert indikator_rows_as_headings(indexed) == indexed
    assert "Presentase Realisasi PBB</h4> (persentase)" in page_for_index(html)


def test_the_search_bundle_is_built_for_indonesian_with_the_variant_map(site):
    entry = (site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8")
    assert '"id"' in entry
    assert (site / "pagefind/wasm.id.pagefind").is_file()
    variants = json.loads((site / "pagefind/varian-ejaan.json").read_text(encoding="utf-8"))
    assert variants["presentase"] == "persentase" and variants["komulatif"] == "kumulatif"
    # The published pages keep the source's spelling.
    assert "Presentase (persentase)" not in (site / PROGRAM_2 / "index.html").read_text(encoding="utf-8")


def open_search(page):
    """Open the header search with the keyboard, as a citizen without a mouse would; return the query field."""
    page.keyboard.press("/")
    field = page.get_by_role("dialog").get_by_placeholder("Cari")
    field.wait_for()
    return field


def search(page, query: str) -> dict[str, str]:
    """Type `query` into the open search; return the results shown, as {link address: link text}."""
    page.get_by_role("dialog").get_by_placeholder("Cari").fill(query)
    # "Mencari <query>" shows while searching; then "Ditemukan N hasil untuk <query>" or "<query> tidak ditemukan".
    done = re.compile(rf"hasil untuk {re.escape(query)}$|^{re.escape(query)} tidak ditemukan")
    page.locator(".pagefind-ui__message").filter(has_text=done).wait_for()
    # Each result shows a placeholder until its page's record has arrived.
    # A function, not an expression: Playwright polls an expression with eval(), which the page's CSP refuses.
    page.wait_for_function("() => !document.querySelector('.cari .pagefind-ui__loading')")
    links = page.locator(".cari .pagefind-ui__result-link")
    return {link.get_attribute("href"): link.inner_text().strip() for link in links.all()}


# (query, an address among the results, the text of that result): affixed forms, then the source's spellings.
QUERIES = [
    ("layanan", PROGRAM_2 + "#t1-s1-p2-k1-sk1-i1", "Jumlah Pemohon pelayanan non perizinan yang dilayani"),
    ("layanan", PROGRAM_2, "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"),
    ("dilayani", PROGRAM_2 + "#t1-s1-p2-k1-sk1-i1", "Jumlah Pemohon pelayanan non perizinan yang dilayani"),
    ("dilayani", PROGRAM_2 + "#t1-s1-p2-i1", "Persentase Pemohon Pelayanan di Kecamatan yang terlayani dengan baik"),
    ("berdaya", PROGRAM_3, "Program Pemberdayaan Masyarakat Desa dan Kelurahan"),
    ("pemberdayaan", PROGRAM_3 + "#t1-s1-p3-k1", "Kegiatan 1: Koordinasi Kegiatan Pemberdayaan Desa"),
    ("dibina", PROGRAM_5, "Program Pembinaan dan Pengawasan Pemerintahan Desa"),
    ("pembinaan", PROGRAM_5 + "#t1-s1-p5-i1",
     "Persentase desa yang mendapatkan pembinaan dan pengawasan administrasi pemerintahan desa"),
    ("sediakan", PROGRAM_1 + "#t1-s1-p1-k2-sk1", "Sub kegiatan 2.1: Penyediaan Gaji dan Tunjangan ASN"),
    ("penyediaan", PROGRAM_1 + "#t1-s1-p1-k2-sk1", "Sub kegiatan 2.1: Penyediaan Gaji dan Tunjangan ASN"),
    ("persentase", PROGRAM_2 + "#t1-s1-p2-k1-sk2-i1", "Presentase Realisasi PBB"),
    ("presentase", PROGRAM_2 + "#t1-s1-p2-i1", "Persentase Pemohon Pelayanan di Kecamatan yang terlayani dengan baik"),
]


@pytest.mark.browser
def test_indonesian_queries_find_the_item_under_its_own_anchor(page, site_url):
    page.goto(site_url)
    open_search(page)
    for query, address, text in QUERIES:
        results = search(page, query)
        assert results.get("/" + address, "").startswith(text.rstrip(".")[:75]), (query, address, results)
    # The source's spelling variants find what the standard spelling finds.
    assert search(page, "komulatif") == search(page, "kumulatif")
    assert any(re.fullmatch(r"/kecamatan-kebasen/2023/program/[a-z-]+/#t1-[a-z0-9-]+-i\d+", address)
               for address in search(page, "kumulatif"))
    assert search(page, "Presentase") == search(page, "persentase")
    assert page.console_errors == []


@pytest.mark.browser
def test_a_program_indicator_is_found_once_on_its_program_page_not_again_on_the_overview(page, site_url):
    page.goto(site_url)
    open_search(page)
    results = search(page, "terlayani")
    assert results.get("/" + PROGRAM_2 + "#t1-s1-p2-i1", "").startswith("Persentase Pemohon Pelayanan"), results
    assert [address for address in results if re.search(r"#t1-s1-p\d+-i\d+$", address)] == [
        "/" + PROGRAM_2 + "#t1-s1-p2-i1"]


@pytest.mark.browser
def test_a_result_opens_the_program_page_at_the_indicator(page, site_url):
    page.goto(site_url + PROGRAM_3)
    open_search(page)
    search(page, "dilayani")
    page.locator(f'.cari a[href="/{PROGRAM_2}#t1-s1-p2-k1-sk1-i1"]').click()
    page.wait_for_url(site_url + PROGRAM_2 + "#t1-s1-p2-k1-sk1-i1")
    row = page.locator("tr:target")
    assert "Jumlah Pemohon pelayanan non perizinan yang dilayani" in row.inner_text()
    assert row.is_visible()
    assert not page.get_by_role("dialog").is_visible()


@pytest.mark.browser
def test_search_is_reached_and_left_with_the_keyboard(page, site_url):
    page.goto(site_url + PROGRAM_2)
    toggle = page.get_by_role("button", name="Cari di situs ini")
    for _ in range(15):
        page.keyboard.press("Tab")
        if toggle.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("the search button is not reachable with Tab")
    page.keyboard.press("Enter")
    field = page.get_by_role("dialog").get_by_placeholder("Cari")
    field.wait_for()
    assert field.evaluate("element => element === document.activeElement")
    assert field.get_attribute("placeholder") == "Cari"
    page.keyboard.type("layanan")
    page.locator(".pagefind-ui__message").filter(has_text=re.compile("hasil untuk layanan$")).wait_for()
    page.keyboard.press("Escape")
    assert not page.get_by_role("dialog").is_visible()
    assert toggle.evaluate("element => element === document.activeElement")


@pytest.mark.browser
def test_search_works_under_a_sub_path_and_loads_only_the_sites_files(page, site):
    with serve(site, prefix="/cascading/") as base:
        page.goto(base + PROGRAM_5)
        page.wait_for_load_state("networkidle")
        before = len(page.requested_urls)
        open_search(page)
        results = search(page, "layanan")
        assert results["/cascading/" + PROGRAM_2 + "#t1-s1-p2-k1-sk1-i1"].startswith("Jumlah Pemohon pelayanan")
        search_requests = page.requested_urls[before:]
        assert search_requests and all(url.startswith(base) for url in search_requests), search_requests
        # What a first search downloads (served without compression here): its UI, engine and index shards.
        sizes = page.evaluate("""() => performance.getEntriesByType("resource")
            .filter(entry => entry.name.includes("/pagefind/") || entry.name.includes("cari.css"))
            .map(entry => entry.encodedBodySize)""")
        assert 0 < sum(sizes) <= 500_000, sizes
        assert page.console_errors == []
