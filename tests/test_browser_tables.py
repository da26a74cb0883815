"""The indicator tables as a reader sees them on the largest program page of the real data: on a 360 px phone
every field of an indicator reads under its column's name without any sideways scroll; on a 1280 px desk no
column hides behind a scroll and the caption is never cut."""

from __future__ import annotations

import re

import pytest

from .helpers import overview_paths, program_pages, real_cascades

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
DESK = {"viewport": {"width": 1280, "height": 800}}


def _largest_program_path() -> str:
    """The program page with the most indicators (Kebasen's Program Penunjang Urusan ...)."""
    def indicators(page) -> int:
        program = page.program
        count = len(program.indikator)
        for kegiatan in program.kegiatan:
            count += len(kegiatan.indikator) + sum(len(sub.indikator) for sub in kegiatan.sub_kegiatan)
        return count
    return max(program_pages(real_cascades()), key=indicators).path


# Every table laid out as when the reader scrolls to it (content-visibility skips those far from the screen).
_LAY_OUT_ALL = "document.querySelectorAll('.indikator-table').forEach(t => t.style.contentVisibility = 'visible')"

_OVERFLOWING = """() => [...document.querySelectorAll('.indikator-table, .indikator-table table')]
  .filter(box => box.scrollWidth > box.clientWidth)
  .map(box => box.querySelector('caption')?.textContent ?? box.closest('.indikator-table').querySelector('caption').textContent)"""

_CUT_CAPTIONS = """() => [...document.querySelectorAll('.indikator-table')].filter(wrapper => {
  const caption = wrapper.querySelector('caption').getBoundingClientRect();
  const box = wrapper.getBoundingClientRect();
  return caption.width > box.width + 0.5 || caption.left < box.left - 0.5 || caption.right > box.right + 0.5;
}).map(wrapper => wrapper.querySelector('caption').textContent)"""

# Each cell of the first rows: its column's name shown in front of it (the ::before label), its box inside the
# screen's width, and the label matching the header of its column.
_CELLS = """(rows) => {
  const headers = [...document.querySelector('.indikator-table thead tr').cells].map(th => th.textContent.trim());
  return [...document.querySelectorAll('.indikator-table tbody tr')].slice(0, rows).flatMap(row =>
    [...row.cells].map((cell, i) => {
      const box = cell.getBoundingClientRect();
      const label = getComputedStyle(cell, '::before');
      return {header: headers[i], label: label.content, labelShown: label.display !== 'none',
              left: box.left, right: box.right, width: box.width, text: cell.textContent.trim()};
    }));
}"""


@pytest.fixture(scope="module")
def largest_path() -> str:
    return _largest_program_path()


def _open(open_page, site_url: str, path: str, screen: dict):
    page = open_page(**screen)
    page.goto(site_url + path)
    page.evaluate(_LAY_OUT_ALL)
    return page


def test_the_largest_program_page_is_kebasens_penunjang_program(largest_path):
    assert largest_path.endswith("/program/penunjang-urusan-pemerintahan-daerah-kabupaten-kota/")


def test_on_a_phone_every_indicator_field_reads_under_its_name_without_scrolling_sideways(open_page, site_url,
                                                                                         largest_path):
    page = _open(open_page, site_url, largest_path, PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.evaluate(_OVERFLOWING) == []
    cells = page.evaluate(_CELLS, 6)
    assert len(cells) == 6 * 7
    for cell in cells:
        assert cell["left"] >= 0 and cell["right"] <= 360, cell
        assert cell["labelShown"] and cell["label"].startswith(f'"{cell["header"]}"'), cell
        assert cell["text"], cell
    assert page.evaluate(_CUT_CAPTIONS) == []


def test_on_a_phone_the_indicator_name_heads_its_card(open_page, site_url, largest_path):
    page = _open(open_page, site_url, largest_path, PHONE)
    first = page.evaluate("""() => { const row = document.querySelector('.indikator-table tbody tr');
      const top = cell => cell.getBoundingClientRect().top;
      return [...row.cells].every(cell => top(row.querySelector('th')) <= top(cell)); }""")
    assert first


def test_on_a_phone_the_tables_are_still_tables_to_screen_readers(open_page, site_url, largest_path):
    page = _open(open_page, site_url, largest_path, PHONE)
    snapshot = page.locator(".indikator-table").first.aria_snapshot()
    assert snapshot.startswith(("- table", "- 'table"))
    assert "- rowheader" in snapshot and "- columnheader" in snapshot and "- cell" in snapshot
    # The labels drawn in front of each field are not read out a second time after the column header.
    assert '- cell "Target belum ditetapkan' in snapshot


def test_on_a_desk_no_column_hides_behind_a_scroll_and_no_caption_is_cut(open_page, site_url, largest_path):
    page = _open(open_page, site_url, largest_path, DESK)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert page.evaluate("document.querySelectorAll('.indikator-table').length") > 10
    assert page.evaluate(_OVERFLOWING) == []
    assert page.evaluate(_CUT_CAPTIONS) == []
    # A table, not cards: the header row is shown and each row's cells sit side by side.
    assert page.evaluate("getComputedStyle(document.querySelector('.indikator-table thead')).display") == \
        "table-header-group"


@pytest.mark.parametrize("path", overview_paths(real_cascades()))
def test_on_a_desk_a_table_with_targets_and_unstated_fields_fits_its_column(open_page, site_url, path):
    # Gunung Kaler's LKjIP states no formulasi or sumber data: "tidak tercantum" needs no room for long texts, so
    # its capaian column (target, realisasi, capaian and predikat) stays in view beside them.
    page = _open(open_page, site_url, path, DESK)
    assert page.evaluate("document.querySelectorAll('.indikator-table').length") > 0
    assert page.evaluate(_OVERFLOWING) == []


@pytest.mark.parametrize("screen", [PHONE, DESK], ids=["phone", "desk"])
@pytest.mark.parametrize("path", ["kecamatan-kebasen/2023/katalog/", "katalog/"], ids=["cascade", "every-cascade"])
def test_the_catalog_scrolls_at_most_once_and_keeps_its_caption(open_page, site_url, screen, path):
    page = _open(open_page, site_url, path, screen)
    if path == "katalog/":
        # The catalog of every cascade shows rows once a filter asks for them.
        page.get_by_role("combobox", name=re.compile("^Tahun")).select_option("semua")
        page.wait_for_function("() => document.querySelectorAll('[data-katalog-hasil] tbody tr').length === 48")
        page.evaluate(_LAY_OUT_ALL)
    width = screen["viewport"]["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate("document.querySelectorAll('.md-typeset__scrollwrap .indikator-table, "
                         ".indikator-table .md-typeset__scrollwrap').length") == 0
    assert page.evaluate(_CUT_CAPTIONS) == []
