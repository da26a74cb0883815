"""Search: the index Pagefind reads (indicators as sections, standard spellings) and what a citizen finds."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from macros.search import (ADDED_CLOSE, ADDED_OPEN, HEADING_ADDED_OPEN, add_standard_spellings,
                           indikator_rows_as_headings, page_for_index)

from .helpers import ROOT, built_and_served, flat, overview_paths, serve

PROGRAM_2 = "kecamatan-kebasen/2023/program/penyelenggaraan-pemerintahan-dan-pelayanan-publik/"
PROGRAM_1 = "kecamatan-kebasen/2023/program/penunjang-urusan-pemerintahan-daerah-kabupaten-kota/"
PROGRAM_3 = "kecamatan-kebasen/2023/program/pemberdayaan-masyarakat-desa-dan-kelurahan/"
PROGRAM_5 = "kecamatan-kebasen/2023/program/pembinaan-dan-pengawasan-pemerintahan-desa/"


def added(*words: str, opening: str = ADDED_OPEN) -> str:
    """Words the index gets beside a word (or after a heading), marked for the search dialog to leave out."""
    return f" {opening} {' '.join(words)} {ADDED_CLOSE}"


def test_variant_spellings_get_the_standard_spelling_beside_them_in_text_only():
    html = '<p>Presentase Realisasi PBB, <a href="../presentase-x/">tipe Komulatif</a></p>'
    assert add_standard_spellings(html) == (f'<p>Presentase{added("persentase")} Realisasi PBB, '
                                            f'<a href="../presentase-x/">tipe Komulatif{added("kumulatif")}</a></p>')


def test_headings_keep_their_text_and_get_the_standard_spelling_after_them():
    html = '<h4 id="t1-s1-i1">Presentase Layanan</h4><td>Komulatif</td>'
    assert add_standard_spellings(html) == (
        f'<h4 id="t1-s1-i1">Presentase Layanan</h4>{added("persentase", opening=HEADING_ADDED_OPEN)}'
        f'<td>Komulatif{added("kumulatif")}</td>')


def test_markers_typed_in_the_data_are_dropped_so_only_added_words_are_ever_cut_from_an_excerpt():
    html = f"<p>Presentase {ADDED_OPEN}Layanan{ADDED_CLOSE}{HEADING_ADDED_OPEN}</p>"
    assert add_standard_spellings(html) == f'<p>Presentase{added("persentase")} Layanan</p>'


def test_words_that_only_contain_a_variant_are_left_alone():
    assert add_standard_spellings("<p>Presentasenya komulatifnya</p>") == "<p>Presentasenya komulatifnya</p>"


def test_indicator_rows_of_a_built_page_become_headings_with_the_rows_id(site, kebasen):
    html = (site / PROGRAM_2 / "index.html").read_text(encoding="utf-8")
    indexed = indikator_rows_as_headings(html)
    assert '<h4 id="t1-s1-p2-k1-sk1-i1">Jumlah Pemohon pelayanan non perizinan yang dilayani</h4>' in indexed
    # Every indicator row of the page became a heading; nothing else changed.
    assert indexed.count("<h4 id=") == html.count('<tr id="t1-')
    assert indikator_rows_as_headings(indexed) == indexed
    assert "Presentase Realisasi PBB</h4>" + added("persentase", opening=HEADING_ADDED_OPEN) in page_for_index(html)


def test_the_search_bundle_is_built_for_indonesian_with_the_variant_map(site):
    entry = (site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8")
    assert '"id"' in entry
    assert (site / "pagefind/wasm.id.pagefind").is_file()
    variants = json.loads((site / "pagefind/varian-ejaan.json").read_text(encoding="utf-8"))
    assert variants["presentase"] == "persentase" and variants["komulatif"] == "kumulatif"
    # The published pages keep the source's spelling.
    published = (site / PROGRAM_2 / "index.html").read_text(encoding="utf-8")
    assert "Presentase Realisasi PBB" in published and ADDED_OPEN not in published and "persentase)" not in published


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
    # The UI may still be swapping the last query's results for these: read them once they hold still (the same
    # text at two polls 200 ms apart), or a result's title can be read with its predecessor's labels.
    page.wait_for_function("""() => {
        const now = [...document.querySelectorAll('.cari .pagefind-ui__result')].map(r => r.innerText).join('\\n');
        const still = window.shownBefore === now;
        window.shownBefore = now;
        return still;
    }""", polling=200)
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


# Four perangkat daerah of a synthetic Kabupaten (scripts/make_synthetic.py) over two years: their names carry
# the affixes Snowball's stemmer gets wrong (Penetapan, Pengelolaan, Penataan, Penanganan) and the same programs
# in both years. The generator's other bodies only make the build longer.
SEARCHED_BODIES = {"dinas-pendidikan", "dinas-pekerjaan-umum-dan-penataan-ruang", "dinas-sosial",
                   "satuan-polisi-pamong-praja"}


@pytest.fixture(scope="module")
def kabupaten_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kabupaten")
    made = subprocess.run([sys.executable, str(ROOT / "scripts/make_synthetic.py"), str(folder / "data"),
                           "--perangkat-daerah", "7", "--years", "2", "--seed", "1"], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    bodies = {body.name for body in (folder / "data").iterdir() if body.is_dir()}
    assert SEARCHED_BODIES <= bodies, bodies
    for body in bodies - SEARCHED_BODIES:
        shutil.rmtree(folder / "data" / body)
    # The diagrams are not what is tested here: the build leaves them to the reader's browser.
    with built_and_served(folder, {}) as url:
        yield url


def shown_results(page) -> list[dict]:
    """The results the search shows, in order: address, title, the labels under it ("Perangkat daerah: …",
    "Tahun: …") and the titles of its sections."""
    return page.evaluate("""() => [...document.querySelectorAll('.cari .pagefind-ui__result')].map(result => ({
        address: result.querySelector('.pagefind-ui__result-link').getAttribute('href'),
        title: result.querySelector('.pagefind-ui__result-link').innerText.trim(),
        labels: [...result.querySelectorAll('.pagefind-ui__result-tag')].map(tag => tag.innerText.trim()),
        sections: [...result.querySelectorAll('.pagefind-ui__result-nested .pagefind-ui__result-link')]
            .map(link => link.innerText.trim()),
    }))""")


# (what a citizen types, first in part then whole; a word that the results' titles or sections must hold)
AFFIXED_QUERIES = [
    ("ditetapkan", "Penetapan"),
    ("dikelola", "Pengelolaan"),
    ("ditata", "Penataan"),
    ("ditangani", "Penanganan"),
    ("pemberdayaan", "Pemberdayaan"),
    ("ketenteraman", "Ketenteraman"),
]
STAFF_PAGES = re.compile(r"/katalog/|/laporan-kualitas-data/|404")


@pytest.mark.browser
@pytest.mark.parametrize(("query", "word"), AFFIXED_QUERIES)
def test_affixed_words_typed_in_part_or_whole_find_the_other_forms_of_their_root(page, kabupaten_url, query, word):
    page.goto(kabupaten_url)
    open_search(page)
    for typed in (query[:-2], query):
        search(page, typed)
        results = shown_results(page)
        assert any(word in result["title"] or any(word in section for section in result["sections"])
                   for result in results), (typed, results)
        for result in results:
            assert not STAFF_PAGES.search(result["address"]), (typed, result)
            assert result["labels"] and result["labels"][0].startswith("Perangkat daerah: "), (typed, result)
            year = re.search(r"/(20\d\d)/", result["address"])
            if year:
                assert "Tahun: " + year[1] in result["labels"], result
    assert page.console_errors == []


@pytest.mark.browser
def test_the_same_program_in_two_years_is_shown_newest_year_first(page, kabupaten_url):
    page.goto(kabupaten_url)
    open_search(page)
    search(page, "Penetapan Kurikulum Muatan Lokal")
    addresses = [result["address"] for result in shown_results(page)]
    program = "/dinas-pendidikan/{}/program/pengembangan-kurikulum/"
    assert program.format(2022) in addresses and program.format(2021) in addresses, addresses
    assert addresses.index(program.format(2022)) < addresses.index(program.format(2021))


def shown_excerpts(page) -> dict[str, str]:
    """Each result's and section's excerpt as shown, by its link's address; highlighted words as <mark>word</mark>."""
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll(
        '.cari .pagefind-ui__result-link')].map(link => {
            const box = link.closest('.pagefind-ui__result-nested') || link.closest('.pagefind-ui__result');
            const excerpt = box.querySelector('.pagefind-ui__result-excerpt');
            return [link.getAttribute('href'), excerpt ? excerpt.innerHTML : ''];
        }))""")


# What the index adds beside the page's words (standard spellings, forms of roots), a citizen never reads.
ADDED_FOR_SEARCH = re.compile(r"[\ufdd0-\ufdd2]|\((persentase|kumulatif|menetap|tetap|ditetap)\b")


@pytest.mark.browser
def test_excerpts_show_the_pages_words_not_the_words_added_for_search(page, site_url, kabupaten_url):
    page.goto(site_url)
    open_search(page)
    search(page, "diselesaikan")
    excerpts = shown_excerpts(page)
    # The row's words, not the links beside its id ("CSV", "Rincian").
    assert any(text.startswith("Layanan Kecamatan <mark>diselesaikan</mark> tepat Waktu. T1.S1.I1 Jumlah layanan")
               for text in excerpts.values()), excerpts
    search(page, "presentase")
    excerpts = shown_excerpts(page)
    # Found by the standard spelling the index holds beside the variant; shown as the data writes it.
    assert excerpts["/" + PROGRAM_2 + "#t1-s1-p2-k1-sk2-i1"].startswith("Presentase Realisasi PBB."), excerpts
    assert not [text for text in excerpts.values() if ADDED_FOR_SEARCH.search(text)], excerpts
    # A word found only through its root is the word highlighted: "ditangani" finds "penanganan" (root tangan)
    # in a formulasi; in a name (a heading) nothing is highlighted rather than the wrong word.
    search(page, "ditangani")
    excerpts = shown_excerpts(page)
    assert any("Jumlah <mark>penanganan</mark>" in text for text in excerpts.values()), excerpts
    assert not [text for text in excerpts.values() if re.search(r"<mark>(SOP|APBDES|Desa)\.", text)], excerpts
    page.goto(kabupaten_url)
    open_search(page)
    search(page, "ditetapkan")
    excerpts = shown_excerpts(page)
    assert any(text.startswith("Penetapan Kurikulum Muatan Lokal.") for text in excerpts.values()), excerpts
    assert not [text for text in excerpts.values() if ADDED_FOR_SEARCH.search(text)], excerpts
    assert page.console_errors == []


@pytest.mark.browser
def test_staff_pages_are_not_in_citizens_results(page, site_url):
    page.goto(site_url)
    open_search(page)
    for query in ("laporan kualitas data", "katalog indikator", "Halaman tidak ditemukan", "kualitas"):
        search(page, query)
        assert not [result for result in shown_results(page) if STAFF_PAGES.search(result["address"])], query


@pytest.mark.browser
def test_the_overviews_note_on_spreadsheets_is_read_but_not_found(page, site_url, cascades):
    # Every overview warns that a spreadsheet turns `007` into 7, `01.02` into 1,02 and `1/2` into a date: a search
    # for such a code or target listed every overview, for that note. (A code the data states is still found.)
    overviews = {"/" + path for path in overview_paths(cascades)}
    page.goto(site_url + overview_paths(cascades)[0])
    assert "kode 007 menjadi 7, 01.02 menjadi 1,02" in flat(page.locator("article").inner_text())
    open_search(page)
    assert not [address for address in search(page, "menebak") if address.split("#")[0] in overviews]
    for query in ("007", "01.02", "1/2"):
        search(page, query)
        excerpts = [flat(text) for text in page.locator(".cari .pagefind-ui__result-excerpt").all_inner_texts()]
        assert not [text for text in excerpts if re.search(r"menjadi (7|1,02|tanggal)\b", text)], (query, excerpts)


@pytest.mark.browser
def test_the_words_for_a_missing_value_are_read_but_not_found(page, site_url, kebasen):
    # Every Kebasen row says "Target belum ditetapkan; realisasi belum dilaporkan": a search for "penetapan" of
    # anything listed every program page, for that note. No text of the data holds the root "tetap".
    page.goto(site_url + overview_paths([kebasen])[0])
    assert "Target belum ditetapkan; realisasi belum dilaporkan." in page.locator("article").inner_text()
    open_search(page)
    for query in ("ditetapkan", "penetapan"):
        assert search(page, query) == {}, query
        assert page.locator(".pagefind-ui__message").inner_text() == f"{query} tidak ditemukan"


def test_the_root_map_sends_affixed_forms_to_their_root_and_stays_small(site):
    roots = json.loads((site / "pagefind/akar-kata.json").read_text(encoding="utf-8"))
    assert roots["dilayani"] == "layan" and roots["pelayanan"] == "layan"
    assert "ketenteraman" in roots.values() or roots.get("ketenteraman") == "tenteram"
    # Loaded with the search UI on first use: a few kilobytes for a Kecamatan.
    assert (site / "pagefind/akar-kata.json").stat().st_size < 20_000


KODE_DATA = """\
perangkat_daerah: Kecamatan Contoh
tahun: 2024
tujuan:
  - uraian: Mewujudkan pelayanan prima
    sasaran:
      - uraian: Meningkatnya pelayanan
        program:
          - uraian: Program Penunjang Urusan Pemerintahan Daerah
            kode: 7.01.01
          - uraian: Program Penyelenggaraan Pemerintahan dan Pelayanan Publik
            kode: 7.01.02
            kegiatan:
              - uraian: Pelayanan Langsung dan Tidak Langsung
                kode: 7.01.02.2.01
                sub_kegiatan:
                  - uraian: Penyelenggaraan Pelayanan Non Perizinan
                    kode: 7.01.02.2.01.0005
"""
KODE_PROGRAM = "/kecamatan-contoh/2024/program/penyelenggaraan-pemerintahan-dan-pelayanan-publik/"


@pytest.fixture(scope="module")
def kode_site_url(tmp_path_factory):
    with built_and_served(tmp_path_factory.mktemp("kode"), {"kecamatan-contoh/2024.yaml": KODE_DATA}) as url:
        yield url


# Pagefind keeps a dotted code as one word and matches a query's last word as a prefix: a program's code finds
# its kegiatan and sub kegiatan with no help from the indexed copy (checked here, so an upgrade that splits codes
# at their dots would show).
@pytest.mark.browser
def test_a_code_is_found_whole_and_by_the_codes_it_belongs_to(page, kode_site_url):
    page.goto(kode_site_url)
    open_search(page)
    sub = search(page, "7.01.02.2.01.0005")
    assert sub.get(KODE_PROGRAM + "#t1-s1-p2-k1-sk1", "").startswith("Sub kegiatan 1.1: 7.01.02.2.01.0005 "), sub
    kegiatan = search(page, "7.01.02.2.01")
    assert kegiatan.get(KODE_PROGRAM + "#t1-s1-p2-k1", "").startswith("Kegiatan 1: 7.01.02.2.01 "), kegiatan
    # A part of a code that no heading writes out finds the items under it.
    part = search(page, "7.01.02.2")
    assert part.get(KODE_PROGRAM + "#t1-s1-p2-k1-sk1", "").startswith("Sub kegiatan 1.1: 7.01.02.2.01.0005 "), part
    program = search(page, "7.01.02")
    assert program.get(KODE_PROGRAM, "").startswith("7.01.02 Program Penyelenggaraan"), program
    # Another program's code is another query.
    assert not any("penunjang" in address for address in program), program
    assert any("penunjang" in address for address in search(page, "7.01.01"))
    assert page.console_errors == []


SATUAN_DATA = """\
perangkat_daerah: Kecamatan Contoh
tahun: 2024
tujuan:
  - uraian: Mewujudkan pelayanan prima
    sasaran:
      - uraian: Meningkatnya pelayanan
        program:
          - uraian: Program Penyelenggaraan Pemerintahan dan Pelayanan Publik
            indikator:
              - uraian: Jumlah dokumen perencanaan yang disusun
                formulasi: Jumlah dokumen
                sumber_data: Arsip
                satuan: eksemplar
                target: {2024: "12"}
              - uraian: Opini atas laporan keuangan kecamatan
                formulasi: Opini pemeriksa
                sumber_data: Laporan hasil pemeriksaan
                target: {2024: "WTP"}
                realisasi: {2024: "WDP"}
"""


@pytest.fixture(scope="module")
def satuan_site_url(tmp_path_factory):
    with built_and_served(tmp_path_factory.mktemp("satuan"), {"kecamatan-contoh/2024.yaml": SATUAN_DATA}) as url:
        yield url


@pytest.mark.browser
def test_an_indicator_is_found_by_its_satuan_and_its_target_text_on_its_program_page(page, satuan_site_url):
    page.goto(satuan_site_url)
    open_search(page)
    # Words that only the satuan and the target say: the result is the indicator's row (not its own page, which
    # search leaves out: one result per indicator).
    for query, row, name in [("eksemplar", "#t1-s1-p1-i1", "Jumlah dokumen perencanaan yang disusun (eksemplar)"),
                             ("WTP", "#t1-s1-p1-i2", "Opini atas laporan keuangan kecamatan")]:
        results = search(page, query)
        # The program page's result, with the indicator's row under it (the glossary may explain the word too).
        assert [address for address in results if address.startswith("/kecamatan-contoh/")] == [
            KODE_PROGRAM, KODE_PROGRAM + row], (query, results)
        assert results[KODE_PROGRAM + row] == name, (query, results)
    assert page.console_errors == []
