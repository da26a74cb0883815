"""The data format takes what real documents hold: fields left out when the source does not state them,
and the optional fields real Renstra and Renja tables carry, each shown where a reader looks for it."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import replace

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook
from pydantic import ValidationError

from macros.load import load_cascades
from macros.model import Cascade, CascadeFile
from macros.naming import anchor
from macros.problems import CascadeError
from macros.render.catalog import render_catalog_page
from macros.render.downloads import to_xlsx
from macros.render.export import indikator_table, to_csv
from macros.render.mermaid import program_page_diagrams
from macros.render.pages import render_overview_page, render_program_page
from macros.site import generate_files, program_diagrams
from macros.validation import validate_cascade
from macros.yaml_source import parse_yaml

from .helpers import HOSTILE, flat, markdown_to_html, visible_text


def changed(kebasen: CascadeFile, change: Callable[[dict], None]) -> CascadeFile:
    """The real cascade as code builds it, with `change(data)` applied to its data first."""
    data = kebasen.cascade.model_dump(exclude_none=True, exclude_unset=True)
    change(data)
    return replace(kebasen, cascade=Cascade.model_validate(data), lines={})


def html_of(markdown_text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown_to_html(markdown_text), "html.parser")


def without_tipe_and_polaritas(data: dict) -> None:
    """The first indicator without tipe and polaritas; the next one states both (Kebasen's source states no
    polaritas but one negatif, so the data leaves it out)."""
    first = data["tujuan"][0]["indikator"][0]
    del first["tipe_penghitungan"]
    first.pop("polaritas", None)
    data["tujuan"][0]["sasaran"][0]["indikator"][0]["polaritas"] = "positif"


def test_tipe_and_polaritas_left_out_are_shown_as_tidak_tercantum_not_invented(kebasen):
    cf = changed(kebasen, without_tipe_and_polaritas)
    row = cf.tree.indikator[0]
    assert (row.indikator.tipe_penghitungan, row.indikator.polaritas) == (None, None)
    page = html_of(render_overview_page(cf, [cf]))
    cells = [flat(cell.get_text(" ")) for cell in page.find("tr", id=anchor(row.id)).find_all(["th", "td"])]
    assert cells[3:5] == ["tidak tercantum", "tidak tercantum"]
    assert cells[3:5] == [flat(cell.get_text(" ")) for cell in page.find("tr", id=anchor(row.id)).find_all("td")[2:4]]
    # A row that states them keeps its words and their links to the glossary.
    other = page.find("tr", id=anchor(cf.tree.indikator[1].id)).find_all("td")
    assert [flat(cell.get_text(" ")) for cell in other[2:4]] == ["Non kumulatif", "Positif (makin tinggi makin baik)"]
    assert [cell.find("a", class_="istilah")["href"].split("#")[-1] for cell in other[2:4]] == [
        "non-kumulatif", "polaritas"]


def test_tipe_and_polaritas_left_out_are_empty_cells_in_the_downloads(kebasen):
    cf = changed(kebasen, without_tipe_and_polaritas)
    (header, first, *_) = list(csv.reader(io.StringIO(to_csv(cf.tree))))
    assert first[header.index("Tipe penghitungan")] == "" and first[header.index("Polaritas")] == ""
    table = indikator_table(cf.tree)
    assert table.rows[1][table.columns.index("Polaritas")] == "positif"


def test_the_catalog_filters_indicators_whose_tipe_is_not_stated(kebasen):
    cf = changed(kebasen, without_tipe_and_polaritas)
    page = html_of(render_catalog_page(cf))
    choices = {option["value"]: option.get_text() for option in page.find("select", attrs={"name": "tipe"}).find_all("option")}
    assert choices["tidak_tercantum"] == "Tidak tercantum"
    row = page.find("tr", id=anchor(cf.tree.indikator[0].id))
    assert row["data-tipe"] == "tidak_tercantum"
    assert flat(row.get_text(" ")).count("tidak tercantum") == 2


def program_of(data: dict) -> dict:
    return data["tujuan"][0]["sasaran"][0]["program"][0]


def with_renstra_fields(data: dict) -> None:
    """What a Renstra table carries beside the indicators: pagu, penanggung jawab, bidang urusan, IKU, end targets."""
    data["tujuan"][0]["penanggung_jawab"] = "Camat"
    program = program_of(data)
    program.update(pagu={2023: "7.742.388.142", 2024: "8.000.000.000"}, penanggung_jawab="Sekretaris Kecamatan",
                   bidang_urusan="2.17 Bidang Koperasi, Usaha Kecil dan Menengah")
    kegiatan = program["kegiatan"][0]
    kegiatan.update(pagu={2023: "1.250.000"}, penanggung_jawab=HOSTILE)
    kegiatan["sub_kegiatan"][0].update(pagu={2023: "Rp 350.000"}, penanggung_jawab="Kasubbag Umum")
    program["indikator"][0].update(iku=True, target_akhir="100% pada akhir periode (2026)")


def program_page_of(cf: CascadeFile) -> BeautifulSoup:
    program = cf.tree.programs[0]
    return html_of(render_program_page(cf, program, program_page_diagrams(program)))


def test_pagu_penanggung_jawab_and_bidang_urusan_are_shown_under_each_items_heading(kebasen):
    cf = changed(kebasen, with_renstra_fields)
    text = flat(visible_text(str(program_page_of(cf))))
    assert ("Sasaran program: " in text and "Bidang urusan: 2.17 Bidang Koperasi, Usaha Kecil dan Menengah "
            "Penanggung jawab: Sekretaris Kecamatan Pagu 2023: Rp 7.742.388.142 Pagu 2024: Rp 8.000.000.000" in text)
    assert "Penanggung jawab: " + flat(HOSTILE) + " Pagu 2023: Rp 1.250.000" in text
    # A pagu typed with its "Rp" is not given a second one.
    assert "Penanggung jawab: Kasubbag Umum Pagu 2023: Rp 350.000" in text
    overview = flat(visible_text(str(html_of(render_overview_page(cf, [cf])))))
    assert "Penanggung jawab: Camat" in overview
    assert "Penanggung jawab: Sekretaris Kecamatan Pagu 2023: Rp 7.742.388.142 Pagu 2024: Rp 8.000.000.000" in overview


def test_the_optional_fields_are_text_never_markup(kebasen):
    cf = changed(kebasen, with_renstra_fields)
    page = program_page_of(cf)
    assert page.find("script") is None and page.find("strong", string="tebal") is None


@pytest.mark.parametrize("pagu", ["tujuh milyar", "B"])  # 'B', a grade of two scales, is no number either
def test_an_unreadable_pagu_is_refused_with_its_place(pagu):
    def bad(data):
        program_of(data)["pagu"] = {2023: pagu}

    data = {"perangkat_daerah": "Kecamatan Contoh", "tahun": 2023, "tujuan": [{"uraian": "T", "sasaran": [
        {"uraian": "S", "program": [{"uraian": "Program A"}]}]}]}
    bad(data)
    with pytest.raises(ValidationError) as caught:
        Cascade.model_validate(data)
    (error,) = caught.value.errors()
    assert error["loc"] == ("tujuan", 0, "sasaran", 0, "program", 0, "pagu", 2023)
    assert error["msg"] == f'pagu harus berupa satu angka rupiah, mis. 7.742.388.142; tertulis "{pagu}"'



@pytest.mark.parametrize(("pagu", "message"), [
    ("7,7 M", "pagu ditulis angka rupiah lengkap tanpa satuan ('M'); tulis angkanya utuh, mis. 7.700.000.000"),
    ("Rp 2 juta", "pagu ditulis angka rupiah lengkap tanpa satuan ('juta'); tulis angkanya utuh, mis. 2.000.000"),
    ("1,5 miliar", "pagu ditulis angka rupiah lengkap tanpa satuan ('miliar'); tulis angkanya utuh, mis. "
                   "1.500.000.000"),
    ("50%", "pagu ditulis sebagai jumlah rupiah, bukan persen; tulis angka rupiahnya, mis. 7.742.388.142"),
    ("-5.000", "pagu ditulis tanpa tanda minus atau plus: jumlah rupiah 0 atau lebih, mis. 5.000"),
    ("Rp -5.000", "pagu ditulis tanpa tanda minus atau plus: jumlah rupiah 0 atau lebih, mis. 5.000"),
    # As invoices write a whole amount: its ",-" is not part of a number.
    ('"Rp. 1.000.000,-"', 'pagu ditulis tanpa ",-" di akhir: tulis "Rp. 1.000.000"'),
])
def test_a_pagu_that_pages_would_show_as_rp_and_something_else_is_refused_at_its_line(pagu, message):
    """Pages put "Rp" before a pagu: '2 juta' would be published as "Rp 2 juta", '50%' as "Rp 50%"."""
    text = ("perangkat_daerah: Kecamatan Contoh\ntahun: 2023\ntujuan:\n  - uraian: T\n    sasaran:\n"
            "      - uraian: S\n        program:\n          - uraian: Program A\n            pagu:\n"
            f"              2022: 1.000\n              2023: {pagu}\n")
    with pytest.raises(CascadeError) as caught:
        validate_cascade(parse_yaml(text, "2023.yaml"), "2023.yaml")
    (problem,) = caught.value.problems
    assert str(problem) == (f"2023.yaml:11 tujuan[0].sasaran[0].program[0].pagu[2023]: {message}; "
                            f'tertulis "{pagu.strip(chr(34))}"')


@pytest.mark.parametrize("pagu", ["7.742.388.142", "Rp 350.000", "Rp. 1.250.000,50", "0", "1500000"])
def test_a_pagu_written_as_an_amount_with_or_without_rp_is_kept_as_typed(pagu):
    data = {"perangkat_daerah": "Kecamatan Contoh", "tahun": 2023, "tujuan": [{"uraian": "T", "sasaran": [
        {"uraian": "S", "program": [{"uraian": "Program A", "pagu": {2023: pagu}}]}]}]}
    assert Cascade.model_validate(data).tujuan[0].sasaran[0].program[0].pagu == {2023: pagu}

def test_an_iku_is_marked_in_its_row_and_its_end_of_period_target_is_in_the_kinerja_cell(kebasen):
    cf = changed(kebasen, with_renstra_fields)
    row = next(row for row in cf.tree.indikator if row.indikator.iku)
    table_row = program_page_of(cf).find("tr", id=anchor(row.id))
    assert flat(table_row.find("th").get_text(" ")).endswith(" IKU")
    assert table_row.find("span", class_="iku")["title"] == "Indikator Kinerja Utama"
    assert flat(table_row.find("td", class_="kinerja").get_text(" ")).endswith(
        "Target akhir periode: 100% pada akhir periode (2026)")
    others = [tr for tr in program_page_of(cf).find_all("tr", id=True) if tr["id"] != anchor(row.id)]
    assert others and not any(tr.find("span", class_="iku") for tr in others)


def test_the_catalog_offers_a_filter_for_iku(kebasen):
    cf = changed(kebasen, with_renstra_fields)
    page = html_of(render_catalog_page(cf))
    box = page.find("input", attrs={"name": "iku", "type": "checkbox"})
    assert flat(box.parent.get_text()) == "Hanya Indikator Kinerja Utama (IKU)"
    marked = [tr["id"] for tr in page.find("table").find_all("tr", attrs={"data-iku": True})]
    assert marked == [anchor(row.id) for row in cf.tree.indikator if row.indikator.iku] and len(marked) == 1


def test_the_spreadsheet_lists_each_items_pagu_per_year_and_penanggung_jawab(kebasen):
    cf = changed(kebasen, with_renstra_fields)
    workbook = load_workbook(io.BytesIO(to_xlsx(cf.tree)))
    sheet = workbook["Program"]
    header = [cell.value for cell in sheet[1]]
    first = dict(zip(header, [cell.value for cell in sheet[2]]))
    assert (first["Bidang urusan"], first["Penanggung jawab"], first["Pagu 2023"], first["Pagu 2024"]) == (
        "2.17 Bidang Koperasi, Usaha Kecil dan Menengah", "Sekretaris Kecamatan", "7.742.388.142", "8.000.000.000")
    sub = dict(zip([c.value for c in workbook["Sub Kegiatan"][1]], [c.value for c in workbook["Sub Kegiatan"][2]]))
    assert (sub["Penanggung jawab"], sub["Pagu 2023"]) == ("Kasubbag Umum", "Rp 350.000")
    assert "Pagu 2023" not in [cell.value for cell in workbook["Tujuan"][1]]


def test_programs_are_numbered_once_across_the_cascade(kebasen):
    def two_sasaran(data):
        sasaran = data["tujuan"][0]["sasaran"][0]
        moved = sasaran["program"].pop()
        data["tujuan"][0]["sasaran"].append({"uraian": "Sasaran kedua", "program": [moved]})

    cf = changed(kebasen, two_sasaran)
    count = len(cf.tree.programs)
    assert [node.parent.item.uraian for node in cf.tree.programs][-1] == "Sasaran kedua"
    headings = [flat(h.get_text(" ")) for h in html_of(render_overview_page(cf, [cf])).find_all("h3")]
    assert [h.split(":")[0] for h in headings] == [f"Program {n}" for n in range(1, count + 1)]
    last = cf.tree.programs[-1]
    page = flat(visible_text(render_program_page(cf, last, program_page_diagrams(last))))
    assert f"· Program {count} ·" in page


def test_a_code_is_shown_before_the_name_in_headings_diagrams_and_tables(kebasen):
    def coded(data):
        program = program_of(data)
        program["kode"] = "7.01.02"
        program["kegiatan"][0]["kode"] = "7.01.02.2.01"
        program["kegiatan"][0]["sub_kegiatan"][0]["kode"] = "7.01.02.2.01.0005"

    cf = changed(kebasen, coded)
    program = cf.tree.programs[0]
    page = program_page_of(cf)
    assert flat(page.find("h1").get_text()) == "7.01.02 " + program.item.uraian
    kegiatan, sub = program.children[0], program.children[0].children[0]
    assert flat(page.find(id=anchor(kegiatan.position)).get_text()) == f"Kegiatan 1: 7.01.02.2.01 {kegiatan.item.uraian}"
    assert flat(page.find(id=anchor(sub.position)).get_text()) == (
        f"Sub kegiatan 1.1: 7.01.02.2.01.0005 {sub.item.uraian}")
    overview, first_kegiatan, *_ = program_page_diagrams(program)
    assert '["7.01.02 ' in overview.source and '("1 7.01.02.2.01 ' in overview.source
    assert '[["1.1 7.01.02.2.01.0005 ' in first_kegiatan.source
    assert [flat(c.get_text()) for c in page.find_all("caption")][:1] == [
        "Indikator kinerja program: 7.01.02 " + program.item.uraian]
    catalog = html_of(render_catalog_page(cf))
    row = catalog.find("tr", id=anchor(cf.tree.rows_of(program)[0].id))
    assert "7.01.02 " + program.item.uraian in [flat(a.get_text()) for a in row.find_all("a")]
    overview_page = html_of(render_overview_page(cf, [cf]))
    assert flat(overview_page.find(id=anchor(program.position)).get_text()).startswith("Program 1: 7.01.02 ")


def test_the_source_document_is_published_and_linked_from_the_overview(tmp_path, kebasen_text):
    folder = tmp_path / "kecamatan-kebasen"
    folder.mkdir()
    (folder / "2023.yaml").write_text(
        kebasen_text.replace("tahun: 2023\n", "tahun: 2023\ndokumen_sumber: Cascading Kinerja 2023.PDF\n", 1),
        encoding="utf-8")
    (folder / "Cascading Kinerja 2023.PDF").write_bytes(b"%PDF-1.4 isi dokumen")
    (folder / "README.md").write_text("Catatan transkripsi\n", encoding="utf-8")
    (cf,) = load_cascades(tmp_path)
    published = {generated.path: generated.content for generated in generate_files([cf], program_diagrams([cf]))}
    path = "data/kecamatan-kebasen/2023/dokumen-sumber/cascading-kinerja-2023.pdf"
    assert published[path] == b"%PDF-1.4 isi dokumen"
    page = html_of(published["kecamatan-kebasen/2023/index.md"])
    link = page.find("a", string="Cascading Kinerja 2023.PDF")
    assert link["href"] == "../../" + path
    assert flat(link.parent.get_text(" ")).startswith("Dokumen sumber cascade ini: Cascading Kinerja 2023.PDF")
    # It is the source, not data: the archive of every cascade's data leaves it out.
    assert path.encode() not in published["data/cascading-kinerja.zip"]
