"""Each indicator's own section, on the page of its program's indicators (or of the tujuan and sasaran's): its
definition, where it sits (linking back to its row), its capaian per year with the formula in words, and charts
with their data tables; every indicator row links to it.

The site is the capaian fixture (capaian computed by hand in its comments) plus a 2023 file stating one of its
indicators again, so that a page spans two years and draws a trend.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from macros.model import Cascade, CascadeFile
from macros.render.chart_maker import ChartMaker
from macros.indikator_series import match_indikator
from macros.render.indikator_page import indikator_file, indikator_groups

from .helpers import ROOT, axe_violations, build_site, built_and_served, serve, soup_of

CONTOH = ROOT / "tests/fixtures/capaian/cascade_data"
PD = "kecamatan-contoh"
INDIKATOR = f"{PD}/indikator/"
# The 2023 statement of the fixture's first indicator: (2 − 8,5 / 8) × 100 = 93,75 → 93,8% (Sangat Tinggi).
EARLIER = """\
perangkat_daerah: Kecamatan Contoh
tahun: 2023
tujuan:
  - uraian: Mewujudkan pelayanan prima
    indikator:
      - uraian: Rata-rata lama  penyelesaian izin
        formulasi: Jumlah bulan dibagi jumlah izin
        tipe_penghitungan: non_kumulatif
        polaritas: negatif
        sumber_data: Buku register izin
        satuan: bulan
        target: {2023: "8"}
        realisasi: {2023: "8,5"}
"""
# Each indicator's section, with what its table of years shows for 2024 (the fixture's hand-computed capaian).
EXPECTED = {
    "rata-rata-lama-penyelesaian-izin": "2024 7-8 6,5 107,1% Sangat Tinggi",
    "rata-rata-lama-penyelesaian-pengaduan": "2024 7–8 9 87,5% Tinggi",
    "jumlah-rapat-koordinasi": "2024 I: 10 II: 10 III: 10 IV: 10 I: 8 II: 12 III: 9 96,7% (s.d. triwulan III) "
                               "Sangat Tinggi",
    "opini-bpk-atas-laporan-keuangan": "2024 WTP WDP 75,0% Sedang",
    "persentase-layanan-selesai-tepat-waktu": "2024 80 I: 70 II: 75 93,8% (s.d. triwulan II) Sangat Tinggi",
    "jumlah-dokumen-perencanaan": "2024 50 20 40,0% Sangat Rendah",
    "jumlah-warga-terlatih": "2024 belum ditetapkan 5 tidak dapat dihitung: target belum ditetapkan",
    "jumlah-kejadian-bencana-tertangani": "2024 0 3 tidak dapat dihitung: target bernilai 0",
}


@pytest.fixture(scope="module")
def contoh_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("indikator")
    shutil.copytree(CONTOH, folder / "data")
    (folder / "data" / PD / "2023.yaml").write_text(EARLIER, encoding="utf-8")
    result = build_site(folder / "site", folder / "data", with_chromium=False)
    assert result.returncode == 0, result.stderr
    return folder / "site"


def section_page(site: Path, name: str) -> str:
    """The address of the indicator page holding indicator `name`'s section."""
    (page,) = [path.parent for path in (site / INDIKATOR).glob("*/index.html")
               if f'id="{name}"' in path.read_text(encoding="utf-8")]
    return page.relative_to(site).as_posix() + "/"


def section(site: Path, name: str) -> BeautifulSoup:
    """Indicator `name`'s section: its heading and everything up to the next indicator's."""
    heading = soup_of(site, section_page(site, name)).find("h2", id=name)
    parts = [heading]
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(sibling)
    return BeautifulSoup("".join(str(part) for part in parts), "html.parser")


def years_table(site: Path, name: str) -> list[str]:
    return [" ".join(row.get_text(" ").split()) for row in section(site, name).select("table.indikator-tahunan tbody tr")]


def test_each_indicator_section_shows_its_capaian_with_one_decimal_and_its_predikat(contoh_site):
    for name, expected in EXPECTED.items():
        assert years_table(contoh_site, name)[0].startswith(expected), name


def test_the_formula_of_each_years_capaian_is_written_out(contoh_site):
    soup = section(contoh_site, "jumlah-rapat-koordinasi")
    assert soup.select_one("ul.indikator-rumus").find_previous("h4").get_text().startswith("Cara menghitung capaian")
    text = " ".join(soup.select_one("ul.indikator-rumus").get_text(" ").split())
    assert "2024: realisasi s.d. triwulan III (kumulatif: jumlah triwulan I, II, III) = " \
           "8 + 12 + 9 = 29" in text
    assert "= 29 / 30 × 100 = 96,7%" in text


def test_an_indicator_stated_in_two_years_has_one_section_with_both_and_a_trend_chart(contoh_site):
    assert years_table(contoh_site, "rata-rata-lama-penyelesaian-izin") == [
        "2024 7-8 6,5 107,1% Sangat Tinggi", "2023 8 8,5 93,8% Sangat Tinggi"]
    soup = section(contoh_site, "rata-rata-lama-penyelesaian-izin")
    (figure,) = soup.select("figure.grafik")
    image = figure.img
    assert (image["width"], image["height"], image["loading"]) == ("320", "280", "lazy")
    assert image["alt"].startswith("Grafik batang target dan realisasi indikator Rata-rata lama penyelesaian izin "
                                   "per tahun")
    # The caption names the bars drawn: here a range target's two bounds.
    assert figure.figcaption.get_text() == (
        "Target, realisasi dan capaian per tahun. Batang merah tua: batas bawah target; batang merah muda: batas "
        "atas target; batang biru: realisasi setahun (tahun yang belum lengkap keempat triwulannya tanpa batang); "
        "angka di atasnya: capaian. Satuan: bulan.")
    chart = (contoh_site / section_page(contoh_site, "rata-rata-lama-penyelesaian-izin") / image["src"]).resolve()
    # Named by what it draws (one file for every page that draws the same chart), in the site's chart folder.
    assert chart.parent == (contoh_site / "grafik").resolve() and re.fullmatch(r"[0-9a-f]{20}\.svg", chart.name)
    assert "107,1%" in chart.read_text(encoding="utf-8")
    # The table right after the chart holds its data.
    assert "data grafik di atas" in figure.find_next("table").caption.get_text()


def test_quarters_get_a_chart_and_a_table_and_an_indicator_without_numbers_gets_no_chart(contoh_site):
    soup = section(contoh_site, "jumlah-rapat-koordinasi")
    (figure,) = soup.select("figure.grafik")
    assert figure.img["src"].startswith("../../../grafik/") and figure.img["src"].endswith(".svg")
    assert quarter_rows(soup) == ["2024 Target 10 10 10 10", "Realisasi 8 12 9 belum dilaporkan"]
    assert figure.figcaption.get_text() == "Target dan realisasi per triwulan, tahun 2024. Batang merah: target; " \
                                           "batang biru: realisasi."
    # Quarters reported against the year's target alone: no red bars, none explained.
    (figure,) = section(contoh_site, "persentase-layanan-selesai-tepat-waktu").select("figure.grafik")
    assert figure.figcaption.get_text() == "Target dan realisasi per triwulan, tahun 2024. Batang biru: realisasi. " \
                                           "Satuan: persen."
    # A grade (opini BPK) and a single year without quarters: numbers in tables, no chart.
    for name in ("opini-bpk-atas-laporan-keuangan", "jumlah-dokumen-perencanaan"):
        assert not section(contoh_site, name).select("figure, img.grafik"), name


def test_indicators_of_the_same_text_on_one_page_are_told_apart_by_their_item_and_else_their_row():
    def indikator(uraian: str) -> dict:
        return {"uraian": uraian, "formulasi": "Jumlah", "sumber_data": "Notulen"}

    data = {"perangkat_daerah": "Kecamatan X", "tahun": 2023, "tujuan": [{
        "uraian": "Pelayanan prima", "indikator": [indikator("Jumlah rapat"), indikator("Jumlah warga")],
        "sasaran": [{"uraian": "Layanan cepat", "indikator": [indikator("Jumlah  rapat")]},
                    {"uraian": "Layanan cepat", "indikator": [indikator("jumlah rapat")]}]}]}
    cf = CascadeFile("kecamatan-x", Path("2023.yaml"), Cascade.model_validate(data))
    ((name, group),) = indikator_groups(match_indikator([cf])).items()
    _, page = indikator_file(name, group, cf.slug, ChartMaker())
    shown = [item.get_text() for item in BeautifulSoup(page, "html.parser").select("ul.indikator-daftar a")]
    assert shown == ["Jumlah rapat (Tujuan Pelayanan prima)", "Jumlah warga",
                     "Jumlah rapat (Sasaran Layanan cepat, baris T1.S1.I1)",
                     "jumlah rapat (Sasaran Layanan cepat, baris T1.S2.I1)"]
    # The section headings (and so the table of contents) too.
    assert "\n## Jumlah rapat (Tujuan Pelayanan prima) {#" in page and "\n## Jumlah warga {#" in page


def quarter_rows(soup: BeautifulSoup) -> list[str]:
    return [" ".join(row.get_text(" ").split()) for row in soup.select("table.indikator-triwulan tbody tr")]


def test_every_years_quarters_share_one_table_a_year_to_a_row_group_the_newest_drawn():
    years = {2023: ({"I": "4", "II": "4", "III": "4", "IV": "5"}, {"I": "4", "II": "3", "III": "4", "IV": "5"}),
             2024: ({"I": "5", "II": "6", "III": "6", "IV": "6"}, {"I": "5", "II": "5"})}
    files = [CascadeFile("kecamatan-x", Path(f"{tahun}.yaml"), Cascade.model_validate(
        {"perangkat_daerah": "Kecamatan X", "tahun": tahun, "tujuan": [{"uraian": "Tujuan", "indikator": [
            {"uraian": "Jumlah rapat", "formulasi": "Jumlah", "sumber_data": "Notulen", "satuan": "rapat",
             "tipe_penghitungan": "kumulatif", "polaritas": "positif",
             "target_triwulan": {tahun: target}, "realisasi_triwulan": {tahun: realisasi}}]}]}))
        for tahun, (target, realisasi) in years.items()]
    ((name, group),) = indikator_groups(match_indikator(files)).items()
    _, page = indikator_file(name, group, "kecamatan-x", ChartMaker())
    soup = BeautifulSoup(page, "html.parser")
    (table,) = soup.select("table.indikator-triwulan")
    assert [" ".join(th.get_text(" ").split()) for th in table.thead.select("th")] == [
        "Tahun", "Nilai", "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"]
    # Newest first; each year's anchor is its row group, as it was its own section's before.
    assert [group["id"] for group in table.select("tbody")] == ["jumlah-rapat-triwulan-2024", "jumlah-rapat-triwulan-2023"]
    assert quarter_rows(soup) == ["2024 Target 5 6 6 6", "Realisasi 5 5 belum dilaporkan belum dilaporkan",
                                  "2023 Target 4 4 4 5", "Realisasi 4 3 4 5"]
    assert [th["scope"] for th in table.select("tbody th")] == ["rowgroup", "row", "row"] * 2
    # One chart of quarters, the newest year's, right above the table that holds its data.
    figures = soup.select("h3#jumlah-rapat-triwulan ~ .indikator-blok figure.grafik")
    assert len(figures) == 1 and "tahun 2024" in figures[0].img["alt"]
    assert "capaian per tahun, dengan grafik." in page
    assert table.caption.get_text() == "Target dan realisasi per triwulan (tahun 2024: data grafik di atas)"


def test_quarters_of_grades_get_their_table_and_no_chart():
    cf = CascadeFile("kecamatan-x", Path("2024.yaml"), Cascade.model_validate(
        {"perangkat_daerah": "Kecamatan X", "tahun": 2024, "tujuan": [{"uraian": "Tujuan", "indikator": [
            {"uraian": "Mutu pelayanan", "formulasi": "IKM", "sumber_data": "Survei", "skala": "mutu_pelayanan",
             "tipe_penghitungan": "non_kumulatif", "polaritas": "positif", "target": {2024: "B"},
             "realisasi_triwulan": {2024: {"I": "C", "II": "B"}}}]}]}))
    ((name, group),) = indikator_groups(match_indikator([cf])).items()
    _, page = indikator_file(name, group, "kecamatan-x", ChartMaker())
    soup = BeautifulSoup(page, "html.parser")
    assert quarter_rows(soup) == ["2024 Target belum ditetapkan belum ditetapkan belum ditetapkan belum ditetapkan",
                                  "Realisasi C B belum dilaporkan belum dilaporkan"]
    assert not soup.select("figure.grafik")
    assert soup.select_one("table.indikator-triwulan caption").get_text() == "Target dan realisasi per triwulan"
    # Its introduction promises no chart either.
    assert "capaian per tahun." in page and "dengan grafik" not in page


def test_an_indicator_pages_terms_link_to_the_glossary_where_first_shown_only(contoh_site):
    pages = {section_page(contoh_site, name) for name in EXPECTED}
    tables = {page: soup_of(contoh_site, page).select("table.indikator-tahunan") for page in pages}
    assert max(len(found) for found in tables.values()) > 1
    for page in pages:
        terms = [link["href"].split("#")[1] for link in soup_of(contoh_site, page).select("article a.istilah")]
        assert len(terms) == len(set(terms)), page
        if len(tables[page]) > 1:
            assert {"formulasi", "polaritas", "target", "realisasi", "capaian", "predikat"} <= set(terms)
            # The later sections name the same terms, as text.
            assert all(not table.select("a") and "Target" in table.thead.get_text() for table in tables[page][1:])


def test_the_definition_and_place_in_the_cascade_link_back_to_the_row(contoh_site):
    soup = section(contoh_site, "persentase-layanan-selesai-tepat-waktu")
    definition = {" ".join(row.th.get_text().split()): " ".join(row.td.get_text().split())
                  for row in soup.select("table.indikator-definisi tr")}
    # Without a kode of its own, the indicator goes by its row: the ID in the program page's "Kode" column.
    assert definition == {"Uraian": "Persentase layanan selesai tepat waktu",
                          "Kode": "tidak tercantum di dokumen; situs ini memakai letak barisnya, T1.S1.P1.I1",
                          "Satuan": "persen", "Formulasi": "Layanan tepat waktu dibagi semua layanan X 100%",
                          "Tipe penghitungan": "Non kumulatif", "Polaritas": "Positif (makin tinggi makin baik)",
                          "Sumber data": "Laporan layanan"}
    # A baseline is stated with its year.
    izin = {" ".join(row.th.get_text().split()): " ".join(row.td.get_text().split())
            for row in section(contoh_site, "rata-rata-lama-penyelesaian-izin").select("table.indikator-definisi tr")}
    assert izin["Baseline"] == "9 (2023)"
    # The scale its grades are ranked on, where its values are grades.
    opini = {" ".join(row.th.get_text().split()): " ".join(row.td.get_text().split())
             for row in section(contoh_site, "opini-bpk-atas-laporan-keuangan").select("table.indikator-definisi tr")}
    assert opini["Skala peringkat"] == "opini BPK (WTP > WDP > TW > TMP)"
    assert "Skala peringkat" not in definition and "Skala peringkat" not in izin
    (place,) = soup.select("ul.indikator-letak li")
    # Each item's text in quotation marks (<q>: the browser adds them), after its level.
    assert " ".join(place.get_text(" ").split()) == (
        "Tujuan Mewujudkan pelayanan prima › Sasaran Meningkatnya kualitas layanan › Program "
        "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik · baris indikator T1.S1.P1.I1 tahun 2024")
    assert [q.get_text() for q in place.select("q")] == [
        "Mewujudkan pelayanan prima", "Meningkatnya kualitas layanan",
        "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"]
    link = place.a["href"]
    assert link == "../../2024/program/penyelenggaraan-pemerintahan-dan-pelayanan-publik/#t1-s1-p1-i1"
    assert section_page(contoh_site, "persentase-layanan-selesai-tepat-waktu") == \
        f"{INDIKATOR}penyelenggaraan-pemerintahan-dan-pelayanan-publik/"
    target = soup_of(contoh_site, f"{PD}/2024/program/penyelenggaraan-pemerintahan-dan-pelayanan-publik")
    assert target.select_one("tr#t1-s1-p1-i1") is not None
    # Years that place an indicator alike share one entry, with a link to each year's row.
    (place,) = section(contoh_site, "rata-rata-lama-penyelesaian-izin").select("ul.indikator-letak li")
    assert " ".join(place.get_text(" ").split()).endswith("· baris indikator T1.I1 tahun 2024 , 2023")
    assert [(a.get_text(), a["href"]) for a in place.select("a")] == [("2024", "../../2024/#t1-i1"),
                                                                     ("2023", "../../2023/#t1-i1")]


def test_the_catalog_says_when_a_capaian_is_to_date(contoh_site):
    rows = {" ".join(row.th.get_text(" ").split()): " ".join(row.select("td")[-1].get_text(" ").split())
            for row in soup_of(contoh_site, f"{PD}/2024/katalog/").select("table[data-katalog] tbody tr")}
    assert rows["Jumlah rapat koordinasi"] == "96,7% (2024, s.d. triwulan III) Sangat Tinggi"
    assert rows["Jumlah dokumen perencanaan"] == "40,0% (2024) Sangat Rendah"
    # The catalog of every cascade builds its rows from the cascade's index: the same words.
    index = json.loads((contoh_site / f"{PD}/2024/katalog/indikator.json").read_text(encoding="utf-8"))
    capaian = {row["uraian"]: row["capaian"] for row in index["indikator"]}
    assert capaian["Jumlah rapat koordinasi"] == "96,7% (2024, s.d. triwulan III)"
    assert capaian["Jumlah dokumen perencanaan"] == "40,0% (2024)"


def test_every_indicator_row_links_to_its_section(contoh_site):
    pages = {f"{PD}/2024/": 4 + 4, f"{PD}/2024/program/penyelenggaraan-pemerintahan-dan-pelayanan-publik/": 4,
             f"{PD}/2023/": 1}
    for url, count in pages.items():
        links = soup_of(contoh_site, url).select("tr[id] a.indikator-rincian")
        assert len(links) == count, url
        for link in links:
            address, _, anchor = urljoin("http://situs/" + url, link["href"]).removeprefix("http://situs/").partition("#")
            assert address.startswith(INDIKATOR) and section_page(contoh_site, anchor) == address, link["href"]
            assert link.get_text() == "Rincian" and link["aria-label"].startswith("Rincian indikator ")


def test_an_indicator_without_target_or_realisasi_says_so_in_plain_words():
    data = {"perangkat_daerah": "Kecamatan X", "tahun": 2023, "tujuan": [{"uraian": "Tujuan", "indikator": [
        {"uraian": "Jumlah desa", "formulasi": "Jumlah", "sumber_data": "Data desa"}]}]}
    cf = CascadeFile("kecamatan-x", Path("2023.yaml"), Cascade.model_validate(data))
    ((name, group),) = indikator_groups(match_indikator([cf])).items()
    maker = ChartMaker()
    path, page = indikator_file(name, group, cf.slug, maker)
    assert path == "kecamatan-x/indikator/tujuan-dan-sasaran.md" and maker.count == 0 and not list(maker.drawn())
    assert "Target dan realisasi belum tersedia." in page and "<figure" not in page
    assert "\n# Indikator tujuan\n" in page and "pada [tingkat tujuan](" in page


@pytest.mark.parametrize("count", [3, 8])
def test_a_long_page_lays_out_its_sections_near_the_screen_but_the_last_and_a_short_page_all(count):
    data = {"perangkat_daerah": "Kecamatan X", "tahun": 2023, "tujuan": [{"uraian": "Tujuan", "indikator": [
        {"uraian": f"Jumlah desa {n}", "formulasi": "Jumlah", "sumber_data": "Data desa", "satuan": "desa",
         "target": {2023: "10"}, "realisasi": {2023: "9"}}
        for n in range(count)]}]}
    cf = CascadeFile("kecamatan-x", Path("2023.yaml"), Cascade.model_validate(data))
    ((name, group),) = indikator_groups(match_indikator([cf])).items()
    _, page = indikator_file(name, group, cf.slug, ChartMaker())
    sections = [BeautifulSoup(part, "html.parser").select("div.indikator-blok")
                for part in re.split(r"^## ", page, flags=re.M)[1:]]
    assert len(sections) == count and all(sections)
    deferred = [all("ditunda" in block["class"] for block in blocks) for blocks in sections]
    assert deferred == ([True] * (count - 1) + [False] if count > 6 else [False] * count)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_indicator_page_on_a_phone_has_no_sideways_scroll_and_no_axe_violations(contoh_site, open_page, scheme):
    page = open_page(viewport={"width": 360, "height": 740}, color_scheme=scheme, bypass_csp=True)
    with serve(contoh_site) as base:
        page.goto(base + section_page(contoh_site, "jumlah-rapat-koordinasi"))
        page.wait_for_load_state("networkidle")
        chart = page.locator("#jumlah-rapat-koordinasi ~ .indikator-blok figure.grafik img").first
        chart.scroll_into_view_if_needed()
        chart.evaluate("img => img.decode()")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        # A block is painted within its own box (content-visibility): what is wider is cut off, not scrolled to.
        quarters = page.locator("#jumlah-rapat-koordinasi-triwulan + .indikator-blok table.indikator-triwulan")
        quarters.scroll_into_view_if_needed()
        assert quarters.evaluate("""t => t.getBoundingClientRect().right <= t.parentElement.getBoundingClientRect().right
            && [...t.querySelectorAll('th, td')].filter(cell => getComputedStyle(cell).position !== 'absolute')
                .every(cell => cell.scrollWidth <= cell.clientWidth)""")
        # Drawn at its own width (320 px), so its 12 px labels stay 12 px.
        assert chart.evaluate("img => [img.naturalWidth, img.getBoundingClientRect().width]") == [320, 320]
        assert axe_violations(page) == []
        assert page.console_errors == []
        # Every text the chart shows is at least 12 px (the image is drawn at its own size).
        page.goto(urljoin(page.url, chart.get_attribute("src")))
        shown = page.evaluate("""() => [...document.querySelectorAll('text')]
            .filter(t => t.getBBox().width > 0 && getComputedStyle(t).display !== 'none'
                         && getComputedStyle(t).visibility !== 'hidden' && getComputedStyle(t).opacity !== '0')
            .map(t => [t.textContent, parseFloat(getComputedStyle(t).fontSize)])""")
        assert {"I", "IV", "Triwulan", "Target", "Realisasi"} <= {text for text, _ in shown}
        assert min(size for _, size in shown) >= 12, shown


# An address as staff paste it into sumber_data: one word wider than a phone.
LONG_ADDRESS = "https://data.contoh.go.id/dataset/laporan-survei-kepuasan-masyarakat-kecamatan-contoh-2024/ikm.xlsx"
WITH_ADDRESS = f"""\
perangkat_daerah: Kecamatan Contoh
tahun: 2024
tujuan:
  - uraian: Mewujudkan pelayanan prima
    indikator:
      - uraian: Indeks kepuasan masyarakat
        formulasi: Rata-rata nilai survei
        tipe_penghitungan: non_kumulatif
        polaritas: positif
        sumber_data: {LONG_ADDRESS}
"""


@pytest.mark.browser
def test_on_a_phone_a_long_address_in_the_definition_wraps_and_its_names_stay_whole(open_page, tmp_path):
    with built_and_served(tmp_path, {f"{PD}/2024.yaml": WITH_ADDRESS}) as url:
        page = open_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
        page.goto(url + section_page(tmp_path / "site", "indeks-kepuasan-masyarakat"))
        table = page.locator("table.indikator-definisi")
        assert LONG_ADDRESS in table.inner_text().replace("\n", "")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        # Inside the screen, and every value inside its cell (a block is painted within its own box: what is wider
        # is cut off, not scrolled to).
        assert table.evaluate("""t => t.getBoundingClientRect().right <= t.parentElement.getBoundingClientRect().right
            && [...t.querySelectorAll('th, td')].every(cell => cell.scrollWidth <= cell.clientWidth)""")
        # The names of the fields ("Formulasi", "Sumber data") break between words only: no word on two lines.
        broken = table.evaluate("""t => [...t.querySelectorAll('th')].flatMap(th => {
          const range = document.createRange(), texts = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
          const words = [];
          for (let n = texts.nextNode(); n; n = texts.nextNode()) {
            for (const match of n.data.matchAll(/\\S+/g)) {
              range.setStart(n, match.index);
              range.setEnd(n, match.index + match[0].length);
              if (new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1) words.push(match[0]);
            }
          }
          return words;
        })""")
        assert broken == []
