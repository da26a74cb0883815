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


def test_the_diagram_fits_within_the_printed_page(page, site_url, kebasen):
    page.goto(f"{site_url}kecamatan-kebasen/2023/program/{program_slug(kebasen.programs[0])}/")
    page.emulate_media(media="print")
    # A4 minus the 12 mm side margins of print.css, at 96 CSS pixels per inch.
    page.set_viewport_size({"width": round((210 - 24) / 25.4 * 96), "height": 1000})
    box = page.locator("figure.diagram svg").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"] + 1
    assert box["height"] <= 240 / 25.4 * 96 + 1
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar--primary").is_hidden()


def test_the_catalog_prints_every_indicator_whole(page, site_url, site, kebasen):
    url = f"{site_url}kecamatan-kebasen/2023/katalog/"
    pages = print_to_pdf(page, url)
    assert_printed_cleanly(pages, url, site, kebasen.tree.indikator)
