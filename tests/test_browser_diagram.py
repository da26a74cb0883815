"""The program diagrams read at first sight: on a 360 × 740 phone and a 1280 × 800 desk, with no click, zoom or
pan, every kegiatan and sub kegiatan label before the first table is drawn at 12 CSS px or more and lies inside
the screen's width, and the page only scrolls down. On every program page of the real data, and on the largest
program a page is built for (8 kegiatan of 6 sub kegiatan, names of 120 characters)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from macros.load import load_cascades

from .helpers import ROOT, build_site, program_pages, real_cascades, serve

pytestmark = pytest.mark.browser

SCREENS = {
    "phone": {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True},
    "desk": {"viewport": {"width": 1280, "height": 800}},
}
SMALLEST_LABEL_PX = 12

# Every kegiatan and sub kegiatan label in the diagrams above the first table: its drawn font size (the SVG's
# font size times the SVG's scale on screen) and its text's box on screen.
LABELS_JS = """() => {
  const table = document.querySelector('article table');
  const before = svg => !table || (svg.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING);
  return [...document.querySelectorAll('figure.diagram svg')].filter(before).flatMap(svg => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll('g.node.kegiatan text, g.node.sub text')].map(text => {
      const box = text.getBoundingClientRect();
      return {label: text.textContent, px: parseFloat(getComputedStyle(text).fontSize) * scale,
              left: box.left, right: box.right, height: box.height};
    });
  });
}"""


def assert_readable_at_first_sight(page, url: str, screen: str, expected_labels: int) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    width = SCREENS[screen]["viewport"]["width"]
    labels = page.evaluate(LABELS_JS)
    assert len(labels) == expected_labels
    small = [(label["label"], round(label["px"], 1)) for label in labels if label["px"] < SMALLEST_LABEL_PX]
    assert small == []
    outside = [label["label"] for label in labels if label["left"] < 0 or label["right"] > width or not label["height"]]
    assert outside == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def _label_count(program) -> int:
    """Kegiatan in the overview, and each kegiatan with sub kegiatan again above them in its own diagram."""
    with_subs = [kegiatan for kegiatan in program.kegiatan if kegiatan.sub_kegiatan]
    return len(program.kegiatan) + len(with_subs) + sum(len(kegiatan.sub_kegiatan) for kegiatan in with_subs)


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("program_page", program_pages(real_cascades()),
                         ids=[page.path for page in program_pages(real_cascades())])
def test_every_program_diagram_reads_at_first_sight(open_page, site_url, program_page, screen):
    page = open_page(**SCREENS[screen])
    assert_readable_at_first_sight(page, site_url + program_page.path, screen, _label_count(program_page.program))


@pytest.fixture(scope="module")
def largest(tmp_path_factory):
    """A synthetic site whose first cascade holds the largest program: URL and the program page."""
    data = tmp_path_factory.mktemp("largest-data")
    subprocess.run([sys.executable, str(ROOT / "scripts/make_synthetic.py"), str(data), "--perangkat-daerah", "1",
                    "--years", "1", "--largest-program"], check=True, capture_output=True)
    site = tmp_path_factory.mktemp("largest-site")
    result = build_site(site, data)
    assert result.returncode == 0, result.stderr
    biggest = max(program_pages(load_cascades(data)), key=lambda page: _label_count(page.program))
    with serve(site) as url:
        yield url, biggest


def test_the_largest_program_is_8_kegiatan_of_6_with_names_of_120_characters(largest):
    _, page = largest
    names = [page.program.uraian, *(k.uraian for k in page.program.kegiatan),
             *(s.uraian for k in page.program.kegiatan for s in k.sub_kegiatan)]
    assert [len(k.sub_kegiatan) for k in page.program.kegiatan] == [6] * 8
    assert {len(name) for name in names} == {120}


@pytest.mark.parametrize("screen", SCREENS)
def test_the_largest_program_diagram_reads_at_first_sight(open_page, largest, screen):
    url, program_page = largest
    page = open_page(**SCREENS[screen])
    assert_readable_at_first_sight(page, url + program_page.path, screen, 8 + 8 + 48)
