"""Printing: a program page and the catalog as Chromium prints them to PDF on A4, read back with pypdf."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from pypdf import PdfReader

from macros.naming import program_slug

from .helpers import flat, program_of

pytestmark = pytest.mark.browser

A4_POINTS = (595.3, 841.9)
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]
# What the screen shows around the content: header, navigation, search, footer.
CHROME_LABELS = ["Beranda", "Tentang", "Glosarium", "Cari", "Lewati ke isi", "Laporan kualitas data", "Untuk staf"]


def print_to_pdf(page, url: str) -> list[str]:
    """The page printed on A4 by Chromium: the text of each PDF page, after checking every page is A4."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    for pdf_page in reader.pages:
        width, height = float(pdf_page.mediabox.width), float(pdf_page.mediabox.height)
        assert (round(width), round(height)) in [(596, 843), (595, 842)], (width, height)
    return [pdf_page.extract_text() for pdf_page in reader.pages]


def build_date(site) -> str:
    stamp = datetime.datetime.fromtimestamp((site / "index.html").stat().st_mtime, datetime.timezone.utc)
    return f"{stamp.day} {BULAN[stamp.month - 1]} {stamp.year}"


def assert_printed_cleanly(pages: list[str], url: str, site, kebasen_rows) -> None:
    everything = flat(" ".join(pages))
    # The footer block: the address the page was printed from and the date of the data.
    assert url in re.sub(r"\s", "", pages[-1])
    assert f"Data per {build_date(site)}" in flat(pages[-1])
    for label in CHROME_LABELS:
        assert not re.search(rf"\b{label}\b", everything), label
    # Tables whole: each indicator's row on one page, its identifier followed by its whole name, and its
    # source on that page too.
    for row in kebasen_rows:
        holding = [text for text in pages if flat(f"{row.id} {row.indikator.uraian}") in flat(text)]
        assert len(holding) == 1, row.id
        assert flat(row.indikator.sumber_data) in flat(holding[0]), row.id


def test_a_program_page_prints_on_a4_with_its_content_url_and_date_and_no_chrome(page, site_url, site, kebasen):
    program = kebasen.programs[0]
    url = f"{site_url}kecamatan-kebasen/2023/program/{program_slug(program)}/"
    pages = print_to_pdf(page, url)
    everything = flat(" ".join(pages))
    for kegiatan in program.kegiatan:
        assert flat(kegiatan.uraian) in everything
    assert_printed_cleanly(pages, url, site, [r for r in kebasen.tree.indikator if program_of(r) is program])


def test_the_printed_address_and_data_date_are_on_paper_only(page, site_url, kebasen):
    page.goto(f"{site_url}kecamatan-kebasen/2023/program/{program_slug(kebasen.programs[0])}/")
    footer = page.locator("footer.print-info")
    assert footer.is_hidden()
    page.emulate_media(media="print")
    assert footer.is_visible() and "Dicetak dari" in footer.inner_text()


def test_glossary_terms_print_as_plain_text(page, site_url, kebasen):
    page.goto(f"{site_url}kecamatan-kebasen/2023/program/{program_slug(kebasen.programs[0])}/")
    term = page.locator("article a.istilah").first
    decoration = "a => getComputedStyle(a).textDecorationLine"
    # On screen a dotted underline marks a term whose definition a tap opens; on paper it would mean nothing.
    assert term.evaluate(decoration) == "underline"
    page.emulate_media(media="print")
    assert term.evaluate(decoration) == "none"


def printed_text(page, url: str) -> list[list[tuple[str, float, float]]]:
    """The page printed on A4 by Chromium: each PDF page's text runs as (text, its top in points from the page's
    top, its drawn size in points)."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    pages = []
    for pdf_page in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages:
        height = float(pdf_page.mediabox.height)
        runs: list[tuple[str, float, float]] = []

        def visit(text, cm, tm, font, size, runs=runs, height=height):
            if text.strip():
                # The text matrix times the current transformation: the run's place and scale on the page.
                c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
                f = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                runs.append((text, height - f, size * (c * c + d * d) ** 0.5))

        pdf_page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


@pytest.mark.parametrize("which", range(5), ids=lambda n: f"program-{n + 1}")
def test_a_program_page_starts_with_its_title_and_diagram_with_labels_of_6_pt_and_the_caption_below(
        page, site_url, kebasen, which):
    program = kebasen.tree.programs[which]
    pages = printed_text(page, f"{site_url}kecamatan-kebasen/2023/program/{program_slug(program.item)}/")
    first = pages[0]
    text = flat(" ".join(run for run, _, _ in first))
    assert text.startswith(flat(program.item.uraian))
    # Page 1 holds the overview: the sasaran, the program and every kegiatan, each at 6 pt or more.
    for kegiatan in program.children:
        assert flat(f"{kegiatan.number} {kegiatan.item.uraian}") in text
    # Between the section's heading and the caption: the legend and the overview's labels, all at 6 pt or more.
    heading, caption = (top for run, top, _ in first if run.startswith("Diagram hierarki"))
    drawn = [(run, top, size) for run, top, size in first if heading < top < caption]
    assert drawn and all(size >= 6 for _, _, size in drawn), drawn
    # The caption is below the whole diagram: the last kegiatan's label is above it.
    last = flat(program.children[-1].item.uraian).split()[0]
    assert any(last in run for run, _, _ in drawn), (last, drawn)
    # Every diagram's labels, on every page, print at 6 pt or more; the smallest text anywhere is the tables'.
    sizes = [size for runs in pages for _, _, size in runs]
    assert min(sizes) >= 6, min(sizes)


def test_a_table_that_runs_onto_the_next_page_repeats_its_header_row(page, site_url, kebasen):
    # The catalog holds every indicator of the cascade in tables long enough to run over pages.
    pages = printed_text(page, f"{site_url}kecamatan-kebasen/2023/katalog/")
    assert len(pages) > 2
    for runs in pages[1:]:
        top = [run for run, _, _ in sorted(runs, key=lambda run: run[1])][:12]
        assert "Formulasi" in " ".join(top), top


def test_the_catalog_prints_every_indicator_whole(page, site_url, site, kebasen):
    url = f"{site_url}kecamatan-kebasen/2023/katalog/"
    pages = print_to_pdf(page, url)
    assert_printed_cleanly(pages, url, site, kebasen.tree.indikator)


def test_download_links_print_their_address_and_links_back_to_the_overview_do_not_print(page, site_url, kebasen):
    # On paper a link is plain text: "Unduh data: JSON · CSV · XLSX" said nothing of where the files are.
    overview = " ".join(print_to_pdf(page, f"{site_url}kecamatan-kebasen/2023/"))
    printed = re.sub(r"\s", "", overview)
    for label, extension in (("JSON", "json"), ("CSV", "csv"), ("XLSX", "xlsx")):
        assert f"{label}({site_url}data/kecamatan-kebasen/2023.{extension})" in printed, label
    # So does the metadata a data portal reads.
    assert f"DataPackage({site_url}data/datapackage.json)" in printed
    assert f"({site_url}data/catalog.jsonld)" in printed
    assert "Lihat diagram" not in flat(overview)
    # A link that only moves around the site has nothing to say on paper.
    program = f"{site_url}kecamatan-kebasen/2023/program/{program_slug(kebasen.programs[0])}/"
    assert "kembali ke ringkasan" not in flat(" ".join(print_to_pdf(page, program)))
    page.emulate_media(media="screen")
    assert page.get_by_role("link", name="kembali ke ringkasan cascade").is_visible()
