"""Real documents of other shapes than Kebasen's cascade: an IKU list without tujuan, programs with several
outcomes or serving two sasaran, and a Renstra covering a period. Each is shown as its source has it, with
nothing invented to fill a level it does not have."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from macros.compare import compare_cascades, compare_years
from macros.lint import check_spelling
from macros.load import load_cascades
from macros.model import Cascade, CascadeFile
from macros.naming import anchor, download_path, overview_page, program_page
from macros.problems import CascadeError
from macros.render.catalog import render_catalog_page
from macros.render.downloads import to_xlsx
from macros.render.export import to_csv, to_json
from macros.render.indikator_csv import indikator_csv_files
from macros.render.mermaid import program_page_diagrams
from macros.render.pages import render_overview_page, render_perangkat_daerah_page, render_program_page
from macros.site import navigation

from .helpers import article_text, build_site, flat, markdown_to_html, soup_of, visible_text

SHAPES = Path(__file__).parent / "fixtures" / "shapes" / "cascade_data"


@pytest.fixture(scope="module")
def shapes() -> dict[str, CascadeFile]:
    """The fixture cascades by '<perangkat daerah folder>/<file name without .yaml>'."""
    return {f"{cf.slug}/{cf.path.stem}": cf for cf in load_cascades(SHAPES)}


@pytest.fixture(scope="module")
def iku(shapes) -> CascadeFile:
    return shapes["kecamatan-iku/2024"]


@pytest.fixture(scope="module")
def shapes_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture cascades built into a whole site in strict mode (diagrams left to the browser)."""
    site = tmp_path_factory.mktemp("shapes") / "site"
    built = build_site(site, SHAPES, with_chromium=False)
    assert built.returncode == 0, built.stderr
    return site


def html_of(markdown_text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown_to_html(markdown_text), "html.parser")


def page_text(markdown_text: str) -> str:
    return flat(visible_text(markdown_to_html(markdown_text)))


# A document without tujuan (an IKU list)

def test_an_iku_list_numbers_its_sasaran_from_the_top_without_an_invented_tujuan(iku):
    assert [node.position for node in iku.tree.nodes] == ["S1", "S2", "S2.P1", "S2.P1.K1"]
    assert [row.id for row in iku.tree.indikator] == ["S1.I1", "S2.I1", "S2.P1.I1", "S2.P1.K1.I1"]
    assert iku.tree.at("tujuan") == [] and iku.tree.levels[0] == "sasaran"


def test_the_overview_of_an_iku_list_shows_its_sasaran_and_no_tujuan_heading(iku):
    page = html_of(render_overview_page(iku, [iku]))
    headings = [flat(h.get_text(" ")) for h in page.find_all(["h2", "h3"])]
    assert headings == ["Sasaran: Meningkatnya kualitas pelayanan publik kecamatan",
                        "Sasaran: Meningkatnya tata kelola pemerintahan desa",
                        "Program 1: 7.01.02 Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
                        "Data dan unduhan"]
    text = flat(page.get_text(" "))
    # A citizen reads the cascade first: downloads and machine metadata wait in the last section.
    assert text.index("Program 1: 7.01.02") < text.index("Unduh data:") < text.index("Metadata untuk mesin")
    assert "Dokumen sumbernya tidak mencantumkan tujuan." in text
    assert "Tujuan" not in text.replace("tidak mencantumkan tujuan", "")
    assert page.find("tr", id=anchor("S1.I1")) is not None


def test_a_program_page_of_an_iku_list_names_its_sasaran_and_no_tujuan(iku):
    program = iku.tree.programs[0]
    markdown = render_program_page(iku, program, program_page_diagrams(program))
    text = page_text(markdown)
    assert "Sasaran: Meningkatnya tata kelola pemerintahan desa" in text
    assert "Tujuan" not in text
    # Its description (search engines, link previews) names what the program has: kegiatan, no sub kegiatan.
    description = next(line for line in markdown.splitlines() if line.startswith("description:"))
    assert description.endswith("Program Penyelenggaraan Pemerintahan dan Pelayanan Publik, kegiatan dan indikator "
                                 'kinerjanya."'), description


def test_the_downloads_of_an_iku_list_have_no_tujuan_column_or_sheet(iku):
    header, first, *_ = list(csv.reader(io.StringIO(to_csv(iku.tree))))
    assert "Tujuan" not in header
    assert header[header.index("Nomor item"):header.index("Nomor item") + 4] == [
        "Nomor item", "Perangkat daerah", "Tahun", "Sasaran"]
    assert first[header.index("Sasaran")] == "Meningkatnya kualitas pelayanan publik kecamatan"
    workbook = load_workbook(io.BytesIO(to_xlsx(iku.tree)))
    assert workbook.sheetnames == ["Indikator", "Triwulan", "Sasaran", "Program", "Kegiatan", "Sub Kegiatan",
                                  "Cascade"]
    assert [cell.value for cell in workbook["Program"][1]][:3] == ["Nomor item", "Sasaran", "Program"]


def test_the_catalog_of_an_iku_list_offers_no_tujuan_level(iku):
    page = html_of(render_catalog_page(iku))
    levels = [option.get_text() for option in page.find("select", attrs={"name": "level"}).find_all("option")]
    assert levels == ["Semua level", "Sasaran", "Program", "Kegiatan", "Sub Kegiatan"]
    assert "dari sasaran sampai sub kegiatan" in flat(page.get_text(" "))


@pytest.mark.slow
def test_an_iku_list_builds_into_an_overview_and_program_pages(shapes_site, iku):
    overview = article_text(soup_of(shapes_site, "kecamatan-iku/2024"))
    assert "Indeks Kepuasan Masyarakat" in overview and "Tujuan:" not in overview
    program = article_text(soup_of(shapes_site, "kecamatan-iku/2024/program/penyelenggaraan-pemerintahan-dan-"
                                                "pelayanan-publik"))
    assert "Jumlah laporan koordinasi" in program
    csv_text = (shapes_site / "data/kecamatan-iku/2024.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].split(",")[:6] == ["ID indikator", "Level", "Nomor item", "Perangkat daerah",
                                                      "Tahun", "Sasaran"]


def test_two_years_of_an_iku_list_are_compared_from_their_sasaran(iku):
    assert compare_cascades(iku.tree, iku.tree) == []


# A program with several outcomes

@pytest.fixture(scope="module")
def dinas(shapes) -> CascadeFile:
    return shapes["dinas-contoh/2024"]


def test_a_program_with_several_sasaran_shows_them_as_a_list_in_the_order_written(dinas):
    program = dinas.tree.programs[0]
    assert program.item.sasaran == ["Meningkatnya usaha mikro yang memiliki izin usaha",
                                    "Meningkatnya omzet usaha mikro binaan"]
    page = html_of(render_program_page(dinas, program, program_page_diagrams(program)))
    label = page.find("strong", string="Sasaran program:")
    assert [flat(li.get_text()) for li in label.find_parent("p").find_next_sibling("ul").find_all("li")] == \
        program.item.sasaran
    # The facts under the heading stay, after the list.
    assert "Pagu 2024: Rp 1.250.000.000" in flat(page.get_text(" "))
    kegiatan = page.find("strong", string="Sasaran kegiatan:").find_parent("p").find_next_sibling("ul")
    assert [flat(li.get_text()) for li in kegiatan.find_all("li")] == [
        "Meningkatnya kapasitas pelaku usaha mikro", "Meningkatnya akses pasar usaha mikro"]


def test_the_overview_lists_a_programs_several_sasaran(dinas):
    page = html_of(render_overview_page(dinas, [dinas]))
    label = page.find("strong", string="Sasaran program:")
    assert [flat(li.get_text()) for li in label.find_parent("p").find_next_sibling("ul").find_all("li")] == \
        dinas.tree.programs[0].item.sasaran
    assert "1 kegiatan, 0 sub kegiatan." in flat(page.get_text(" "))


def test_several_sasaran_are_one_per_line_in_the_spreadsheet_cell_and_a_list_in_the_json(dinas):
    header, *rows = list(csv.reader(io.StringIO(to_csv(dinas.tree))))
    row = next(row for row in rows if row[0] == "T1.S1.P1.I1")
    assert row[header.index("Sasaran program")] == (
        "Meningkatnya usaha mikro yang memiliki izin usaha\nMeningkatnya omzet usaha mikro binaan")
    assert json.loads(to_json(dinas.cascade))["tujuan"][0]["sasaran"][0]["program"][0]["sasaran"] == [
        "Meningkatnya usaha mikro yang memiliki izin usaha", "Meningkatnya omzet usaha mikro binaan"]


def test_an_empty_list_of_sasaran_is_refused_at_its_line(tmp_path):
    text = (SHAPES / "dinas-contoh/2024.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "dinas-contoh"
    broken.mkdir()
    start = text.index("            sasaran:\n              - Meningkatnya usaha mikro yang memiliki izin usaha")
    end = text.index("            pagu:")
    (broken / "2024.yaml").write_text(text[:start] + "            sasaran: []\n" + text[end:], encoding="utf-8")
    with pytest.raises(CascadeError) as caught:
        load_cascades(tmp_path, shown_relative_to=tmp_path)
    assert [str(problem) for problem in caught.value.problems] == [
        "dinas-contoh/2024.yaml:22 tujuan[0].sasaran[0].program[0].sasaran: harus berisi paling sedikit satu butir"]


def test_lint_reads_each_of_several_sasaran_at_its_own_place(dinas):
    data = dinas.cascade.model_dump(exclude_none=True)
    data["tujuan"][0]["sasaran"][0]["program"][0]["sasaran"][1] = "Meningkatnya presentase omzet usaha mikro"
    cf = replace(dinas, cascade=Cascade.model_validate(data), lines={})
    assert [issue.loc for issue in check_spelling(cf.tree)] == [
        ("tujuan", 0, "sasaran", 0, "program", 0, "sasaran", 1)]


# The same program serving two sasaran

def _page_of(cf: CascadeFile, position: str) -> str:
    return next(program_page(cf, node) for node in cf.tree.programs if node.position == position)


def test_the_same_program_under_two_sasaran_keeps_both_pages_with_distinct_addresses(dinas):
    first, second = (node for node in dinas.tree.programs if node.item.kode == "2.17.01")
    assert (first.position, second.position) == ("T1.S1.P2", "T1.S2.P1")
    assert program_page(dinas, first) == "dinas-contoh/2024/program/penunjang-urusan-pemerintahan-daerah-kabupaten-kota.md"
    assert program_page(dinas, second) == (
        "dinas-contoh/2024/program/penunjang-urusan-pemerintahan-daerah-kabupaten-kota-t1-s2.md")


def test_the_first_of_the_two_keeps_the_address_it_had_before_it_served_a_second_sasaran(dinas):
    data = dinas.cascade.model_dump(exclude_none=True)
    del data["tujuan"][0]["sasaran"][1]["program"]
    alone = replace(dinas, cascade=Cascade.model_validate(data), lines={})
    assert _page_of(alone, "T1.S1.P2") == _page_of(dinas, "T1.S1.P2")


def test_each_page_of_the_same_program_says_its_sasaran_and_links_the_other(dinas):
    first, second = (node for node in dinas.tree.programs if node.item.kode == "2.17.01")
    for node, own, other, link in ((first, "Meningkatnya usaha mikro yang naik kelas", "Meningkatnya koperasi yang sehat",
                                    "penunjang-urusan-pemerintahan-daerah-kabupaten-kota-t1-s2/"),
                                   (second, "Meningkatnya koperasi yang sehat", "Meningkatnya usaha mikro yang naik kelas",
                                    "../penunjang-urusan-pemerintahan-daerah-kabupaten-kota/")):
        markdown_text = render_program_page(dinas, node, program_page_diagrams(node))
        text = page_text(markdown_text)
        assert f"Sasaran: {own}" in text
        assert f"Program yang sama juga mendukung sasaran lain: {other}" in text
        assert markdown_text.count("(" + link.removesuffix("/").split("/")[-1] + ".md)") == 1


def test_the_overview_lists_the_program_under_each_of_its_sasaran(dinas):
    page = html_of(render_overview_page(dinas, [dinas]))
    titles = [flat(h.get_text(" ")) for h in page.find_all(["h2", "h3"])]
    assert titles[1:] == [
        "Sasaran: Meningkatnya usaha mikro yang naik kelas",
        "Program 1: 2.17.07 Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro",
        "Program 2: 2.17.01 Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
        "Sasaran: Meningkatnya koperasi yang sehat",
        "Program 3: 2.17.01 Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
        "Data dan unduhan"]
    links = [h.find("a")["href"] for h in page.find_all("h3")]
    assert links[1:] == ["program/penunjang-urusan-pemerintahan-daerah-kabupaten-kota.md",
                         "program/penunjang-urusan-pemerintahan-daerah-kabupaten-kota-t1-s2.md"]


@pytest.mark.slow
def test_both_pages_of_the_same_program_are_built_with_their_own_indicators(shapes_site):
    first = article_text(soup_of(shapes_site, "dinas-contoh/2024/program/penunjang-urusan-pemerintahan-daerah-"
                                              "kabupaten-kota"))
    second = article_text(soup_of(shapes_site, "dinas-contoh/2024/program/penunjang-urusan-pemerintahan-daerah-"
                                               "kabupaten-kota-t1-s2"))
    assert "Nilai SAKIP dinas" in first and "Nilai SAKIP dinas" not in second
    assert "Persentase layanan administrasi koperasi tepat waktu" in second


# A Renstra covering a period

@pytest.fixture(scope="module")
def renstra(shapes) -> CascadeFile:
    return shapes["dinas-contoh/2021-2026"]


def test_a_period_file_is_named_by_its_period_and_has_its_own_addresses(renstra):
    assert (renstra.label, renstra.years) == ("2021-2026", [2021, 2022, 2023, 2024, 2025, 2026])
    assert overview_page(renstra) == "dinas-contoh/2021-2026/index.md"
    assert program_page(renstra, renstra.tree.programs[0]) == (
        "dinas-contoh/2021-2026/program/pengawasan-dan-pemeriksaan-koperasi.md")
    assert download_path(renstra, "csv") == "data/dinas-contoh/2021-2026.csv"


def _year_row(page: BeautifulSoup, indikator_id: str) -> dict[str, str]:
    """One indicator's row of a period table: each year's cell text by its column's header."""
    row = page.find("tr", id=anchor(indikator_id))
    headers = [flat(th.get_text(" ")) for th in row.find_parent("table").find("thead").find_all("th")]
    return dict(zip(headers, (flat(cell.get_text(" ")) for cell in row.find_all(["td", "th"]))))


def test_the_overview_of_a_period_shows_each_indicator_as_a_row_of_years(renstra, shapes):
    page = html_of(render_overview_page(renstra, [shapes["dinas-contoh/2024"], renstra]))
    cells = _year_row(page, "T1.I1")
    assert list(cells)[2:] == ["2021", "2022", "2023", "2024", "2025", "2026"]
    # The capaian only where a realisasi is reported: 3,2 / 3,5 and 4,4 / 4.
    assert cells["2021"] == "3,5 Realisasi: 3,2 Capaian: 91,4% Sangat Tinggi"
    assert cells["2022"] == "4 Realisasi: 4,4 Capaian: 110,0% Sangat Tinggi"
    assert [cells[str(year)] for year in range(2023, 2027)] == ["4,5", "5", "5,5", "6"]
    # The baseline before the period and the end target stand under the indicator's name.
    assert cells["Indikator kinerja"].startswith(
        "Pertumbuhan jumlah usaha mikro (persen) IKU Baseline: 3 Target akhir periode: 6 Definisi Formulasi:")
    assert "Baseline" not in _year_row(page, "T1.S1.I1")["Indikator kinerja"]
    text = flat(page.get_text(" "))
    assert "Tahun cascade: 2024 (terbaru) · Renstra: 2021-2026 (sedang dilihat)" in text
    assert "Cascading kinerja Dinas Contoh 2021-2026" in text


def test_a_program_page_of_a_period_shows_its_row_of_years(renstra):
    program = renstra.tree.programs[0]
    page = html_of(render_program_page(renstra, program, program_page_diagrams(program)))
    cells = _year_row(page, "T1.S1.P1.I1")
    assert cells["2021"] == "20 Realisasi: 22 Capaian: 110,0% Sangat Tinggi"
    assert cells["2022"] == "25"
    # A year under way says up to which quarter its capaian runs, as a year's page does: 8 + 9 + 7 of 30.
    assert cells["2023"] == "30 Realisasi: I: 8 · II: 9 · III: 7 Capaian: 80,0% (s.d. triwulan III) Tinggi"
    assert "Dinas Contoh · periode 2021-2026 · Program 1" in flat(page.get_text(" "))


def test_the_years_of_a_perangkat_daerah_list_its_renstra_beside_them(renstra, shapes):
    group = [shapes["dinas-contoh/2024"], renstra]
    yearly = html_of(render_overview_page(shapes["dinas-contoh/2024"], group))
    assert "Tahun cascade: 2024 (sedang dilihat, terbaru) · Renstra: 2021-2026" in flat(yearly.get_text(" "))
    assert yearly.find("a", string="2021-2026")["href"] == "../2021-2026/index.md"
    listing = flat(html_of(render_perangkat_daerah_page(group)).get_text(" "))
    assert "Tahun 2024 : 3 program, 7 indikator (terbaru) Renstra 2021-2026 : 1 program, 3 indikator" in listing
    nav = next(entry["Dinas Contoh"] for entry in navigation(list(shapes.values())) if "Dinas Contoh" in entry)
    assert [next(iter(entry)) for entry in nav[1:]] == ["2024", "Renstra 2021-2026"]
    assert nav[2]["Renstra 2021-2026"][0] == "dinas-contoh/2021-2026/index.md"


def test_a_period_is_not_compared_with_the_years(renstra, shapes):
    assert compare_years([shapes["dinas-contoh/2024"], renstra]) == []


def test_the_downloads_of_a_period_carry_it_and_its_years(renstra):
    header, first, *_ = list(csv.reader(io.StringIO(to_csv(renstra.tree))))
    assert "Tahun" not in header and first[header.index("Periode")] == "2021-2026"
    assert [name for name in header if re.fullmatch(r"Target \d{4}", name)] == [
        f"Target {year}" for year in range(2021, 2027)]
    assert first[header.index("Realisasi 2022")] == "4,4" and first[header.index("Realisasi 2023")] == ""


@pytest.mark.slow
def test_a_period_file_builds_with_its_pages_downloads_and_navigation(shapes_site):
    overview = soup_of(shapes_site, "dinas-contoh/2021-2026")
    assert "Cascading kinerja Dinas Contoh 2021-2026" in article_text(overview)
    nav = [flat(a.get_text(" ")) for a in overview.select("nav.md-nav--primary a")]
    assert "Renstra 2021-2026" in nav
    assert (shapes_site / "dinas-contoh/2021-2026/program/pengawasan-dan-pemeriksaan-koperasi/index.html").is_file()
    for extension in ("json", "csv", "xlsx"):
        assert (shapes_site / f"data/dinas-contoh/2021-2026.{extension}").is_file()
    package = json.loads((shapes_site / "data/datapackage.json").read_text(encoding="utf-8"))
    csv_resource = next(r for r in package["resources"] if r["name"] == "dinas-contoh-2021-2026-csv")
    assert csv_resource["temporal"] == {"start": "2021-01-01", "end": "2026-12-31"}
    assert not (shapes_site / "dinas-contoh/perbandingan/index.html").exists()


def test_an_indicators_own_csv_in_a_period_has_a_row_per_year_of_the_period(renstra):
    files = indikator_csv_files(renstra)
    assert "data/dinas-contoh/2021-2026/indikator/t1-i1.csv" in files
    header, *rows = list(csv.reader(io.StringIO(files["data/dinas-contoh/2021-2026/indikator/t1-i1.csv"])))
    assert [row[header.index("Tahun")] for row in rows] == [str(year) for year in range(2021, 2027)]
    # The file covers a period, not one year: its "Tahun cascade" stays empty rather than name one of them.
    assert {row[header.index("Tahun cascade")] for row in rows} == {""}


def test_the_navigation_says_which_sasaran_each_of_the_same_programs_serves(shapes):
    nav = next(entry["Dinas Contoh"] for entry in navigation(list(shapes.values())) if "Dinas Contoh" in entry)
    year = next(entry["2024"] for entry in nav[1:] if "2024" in entry)
    titles = [next(iter(entry)) for entry in year[1:-1]]
    assert titles == [
        "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro",
        "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota (sasaran: Meningkatnya usaha mikro yang naik kelas)",
        "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota (sasaran: Meningkatnya koperasi yang sehat)"]
