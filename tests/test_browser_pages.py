"""What a reader sees in a real browser: every page stays on the site, every program diagram shows its labels, and
a 360 px phone never scrolls sideways."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .helpers import flat, program_pages, real_cascades, site_pages

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One test per page of the real data: `site_path` runs over every page, `program_page` over every program."""
    if "site_path" in metafunc.fixturenames:
        metafunc.parametrize("site_path", site_pages(real_cascades()))
    if "program_page" in metafunc.fixturenames:
        pages = program_pages(real_cascades())
        metafunc.parametrize("program_page", pages, ids=[page.path for page in pages])


def _expected_labels(sasaran, program) -> list[str]:
    """Every node label of a program's diagrams (the overview, then one per kegiatan with sub kegiatan), as a reader
    would read it out: each kegiatan in the overview and again above its sub kegiatan."""
    labels = [sasaran.uraian, program.uraian]
    labels += [f"{ki} {kegiatan.uraian}" for ki, kegiatan in enumerate(program.kegiatan, 1)]
    for ki, kegiatan in enumerate(program.kegiatan, 1):
        if kegiatan.sub_kegiatan:
            labels.append(f"{ki} {kegiatan.uraian}")
            labels += [f"{ki}.{si} {sub.uraian}" for si, sub in enumerate(kegiatan.sub_kegiatan, 1)]
    return [flat(label) for label in labels]


def _off_site(page, site_url: str) -> list[str]:
    host = urlsplit(site_url).netloc
    return [url for url in page.requested_urls if not url.startswith("data:") and urlsplit(url).netloc != host]


# Each node's text (lines joined by spaces), whether that text is painted, and whether it fits in its box.
NODE_LABELS_JS = """svg => [...svg.querySelectorAll('g.node')].map(node => {
  const text = node.querySelector('text');
  const rows = [...node.querySelectorAll('tspan.row')].map(row => row.textContent);
  const box = node.querySelector('rect, polygon, path').getBoundingClientRect();
  const ink = text.getBoundingClientRect();
  const style = getComputedStyle(text);
  return {
    label: (rows.length ? rows : [text.textContent]).join(' '),
    painted: ink.width > 0 && ink.height > 0 && style.visibility !== 'hidden' && style.display !== 'none'
             && style.opacity !== '0' && style.fill !== 'none',
    inside: ink.left >= box.left - 1 && ink.right <= box.right + 1 && ink.top >= box.top - 1 && ink.bottom <= box.bottom + 1,
  };
})"""


def test_phone_page_loads_only_from_the_site_and_never_scrolls_sideways(open_page, site_url, site_path):
    page = open_page(**PHONE)
    page.goto(site_url + site_path)
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.is_visible()
    assert _off_site(page, site_url) == []
    assert page.console_errors == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_program_diagram_is_an_svg_showing_every_label(page, site_url, program_page):
    path, sasaran, program = program_page
    page.goto(site_url + path)
    svgs = page.locator("figure.diagram .diagram-canvas svg")
    assert svgs.count() == 1 + sum(1 for kegiatan in program.kegiatan if kegiatan.sub_kegiatan)
    nodes = [node for svg in svgs.all() for node in svg.evaluate(NODE_LABELS_JS)]
    shown = [flat(node["label"]) for node in nodes]
    assert sorted(shown) == sorted(_expected_labels(sasaran, program))
    assert all(node["painted"] for node in nodes), [n["label"] for n in nodes if not n["painted"]]
    assert all(node["inside"] for node in nodes), [n["label"] for n in nodes if not n["inside"]]
    # The page holds no Mermaid runtime: the SVG was drawn at build time.
    assert not any("mermaid" in urlsplit(url).path for url in page.requested_urls)


def test_each_kegiatan_and_sub_kegiatan_of_the_diagram_leads_to_its_indicators(page, site_url, program_page):
    page.goto(site_url + program_page.path)
    targets = page.evaluate("""() => [...document.querySelectorAll('figure.diagram svg g.node')].map(node => ({
      label: [...node.querySelectorAll('tspan.row')].map(row => row.textContent).join(' '),
      level: ['kegiatan', 'sub'].find(level => node.classList.contains(level)) || null,
      href: node.parentElement.closest('a')?.getAttribute('href') || null}))""")
    for target in targets:
        if target["level"] is None:
            continue
        assert target["href"] and target["href"].startswith("#"), target
        heading = page.locator(f"[id='{target['href'][1:]}']")
        assert heading.count() == 1, target
        # The heading names the same item as the node: its number and its name.
        number, name = target["label"].split(" ", 1)
        assert flat(heading.inner_text()).startswith(f"{'Kegiatan' if target['level'] == 'kegiatan' else 'Sub kegiatan'} "
                                                     f"{number}: {flat(name)}"), target
    linked = page.locator("figure.diagram svg a").first
    linked.click()
    assert page.evaluate("location.hash") == linked.get_attribute("href")


def _spoken(page, svg_index: int, role: str) -> list[str]:
    """The names Chromium gives screen readers for the elements of a role inside the page's svg_index-th diagram."""
    cdp = page.context.new_cdp_session(page)
    svg = cdp.send("Runtime.evaluate", {"expression": f"document.querySelectorAll('figure.diagram svg')[{svg_index}]"})
    found = cdp.send("Accessibility.queryAXTree", {"objectId": svg["result"]["objectId"], "role": role})["nodes"]
    return [node["name"]["value"] for node in found if not node.get("ignored")]


def test_screen_readers_hear_each_diagram_node_as_its_words_in_indonesian(page, site_url, program_page):
    # Mermaid draws each line of a label as text of its own: "Perangkat" ending one line and "Daerah" starting the
    # next were read "PerangkatDaerah", and the drawing was announced as "flowchart-v2".
    path, sasaran, program = program_page
    page.goto(site_url + path)
    diagrams = page.locator("figure.diagram svg")
    assert diagrams.count() > 0
    heard = []
    for index in range(diagrams.count()):
        assert diagrams.nth(index).get_attribute("aria-roledescription") == "diagram alir"
        diagrams.nth(index).scroll_into_view_if_needed()  # laid out (and named) only near the screen
        links, images = _spoken(page, index, "link"), _spoken(page, index, "image")
        # A linked node is a link of that name, holding its image.
        assert set(links) <= set(images), (links, images)
        heard += images
    assert sorted(heard) == sorted(_expected_labels(sasaran, program))


@pytest.mark.parametrize("n", [0, 1], ids=["program-1", "program-2"])
def test_hierarchy_list_is_open_and_nested_without_javascript(open_page, site_url, programs, n):
    path, sasaran, program = programs[n]
    page = open_page(java_script_enabled=False, **PHONE)
    page.goto(site_url + path)
    details = page.locator("details", has=page.locator("summary", has_text="Hierarki dalam bentuk daftar"))
    assert details.get_attribute("open") is not None
    top = details.locator(":scope > ul > li")
    assert flat(top.locator(":scope > p, :scope").first.inner_text()).startswith(f"Sasaran: {flat(sasaran.uraian)}")
    program_item = top.locator(":scope > ul > li")
    assert flat(program_item.inner_text()).startswith(f"Program: {flat(program.uraian)}")
    kegiatan_items = program_item.locator(":scope > ul > li")
    assert kegiatan_items.count() == len(program.kegiatan)
    for ki, kegiatan in enumerate(program.kegiatan):
        item = kegiatan_items.nth(ki)
        assert flat(item.inner_text()).startswith(f"Kegiatan {ki + 1}: {flat(kegiatan.uraian)}")
        subs = [flat(t) for t in item.locator(":scope > ul > li").all_inner_texts()]
        assert subs == [f"Sub kegiatan {ki + 1}.{si}: {flat(sub.uraian)}"
                        for si, sub in enumerate(kegiatan.sub_kegiatan, 1)]
    # Without JavaScript the diagrams are still there, fitted to the column.
    for svg in page.locator("figure.diagram svg").all():
        assert svg.is_visible() and svg.bounding_box()["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
