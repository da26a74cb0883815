"""A Renstra's row of years as a reader sees it: on a 1280 px desk the six years fit beside the indicator without
a sideways scroll; on a 360 px phone each indicator is a card where every year's value reads under its year."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import build_site, serve

pytestmark = pytest.mark.browser

SHAPES = Path(__file__).parent / "fixtures" / "shapes" / "cascade_data"
PERIOD_OVERVIEW = "dinas-contoh/2021-2026/"
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
DESK = {"viewport": {"width": 1280, "height": 800}}

_LAY_OUT_ALL = "document.querySelectorAll('.indikator-table').forEach(t => t.style.contentVisibility = 'visible')"
_OVERFLOWING = """() => [...document.querySelectorAll('.indikator-table, .indikator-table table')]
  .filter(box => box.scrollWidth > box.clientWidth + 1).length"""
# The first row's cells: the label shown in front of each (its column's name on a phone) and its box.
_FIRST_ROW = """() => [...document.querySelector('.indikator-periode tbody tr').cells].map(cell => {
  const box = cell.getBoundingClientRect();
  const label = getComputedStyle(cell, '::before');
  const shown = label.display === 'none' ? null : label.content.match(/^"([^"]*)"/);
  return {label: shown ? shown[1] : '', left: box.left,
          right: box.right, text: cell.textContent.trim()};
})"""


@pytest.fixture(scope="module")
def shapes_url(tmp_path_factory: pytest.TempPathFactory):
    site = tmp_path_factory.mktemp("shapes-browser") / "site"
    built = build_site(site, SHAPES, with_chromium=False)
    assert built.returncode == 0, built.stderr
    with serve(site) as url:
        yield url


def _open(open_page, url: str, screen: dict):
    page = open_page(**screen)
    page.goto(url + PERIOD_OVERVIEW)
    page.evaluate(_LAY_OUT_ALL)
    return page


def test_on_a_desk_the_years_of_the_period_fit_beside_each_indicator(open_page, shapes_url):
    page = _open(open_page, shapes_url, DESK)
    headers = page.locator(".indikator-periode").first.locator("thead th").all_inner_texts()
    assert [header.strip() for header in headers][2:8] == ["2021", "2022", "2023", "2024", "2025", "2026"]
    assert page.evaluate(_OVERFLOWING) == 0


def test_on_a_phone_each_year_reads_under_its_year_inside_the_screen(open_page, shapes_url):
    page = _open(open_page, shapes_url, PHONE)
    cells = page.evaluate(_FIRST_ROW)
    by_label = {cell["label"]: cell for cell in cells}
    assert by_label["2021"]["text"] == "3,5Realisasi: 3,2Capaian: 91,4% Sangat Tinggi"
    assert by_label["2026"]["text"] == "6"
    assert all(0 <= cell["left"] and cell["right"] <= 360 for cell in cells)
    assert page.evaluate(_OVERFLOWING) == 0
