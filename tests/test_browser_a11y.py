"""Accessibility in a real browser: axe-core finds nothing in light and dark schemes, the keyboard reaches the
diagram and the hierarchy list, and the interface speaks Indonesian."""

from __future__ import annotations

import re

import pytest

from .helpers import ROOT, axe_violations

pytestmark = pytest.mark.browser

# Pages by kind; the `page_paths` fixture gives each kind's address in the real data.
AXE_PAGES = ["home", "overview", "program"]
# What Material or the search would show untranslated if the interface fell back to English.
ENGLISH = re.compile(r"\b(Search|Type to start searching|Back to top|Table of contents|Previous|Next|Made with|"
                     r"Copy to clipboard|Skip to content|Initializing search|results?|Clear|Load more|Header|Footer|Navigation)\b")


def _open(open_page, site_url: str, path: str, scheme: str, width: int = 1280):
    # The pages' Content-Security-Policy forbids inline scripts, which is how axe-core gets in.
    page = open_page(color_scheme=scheme, bypass_csp=True, viewport={"width": width, "height": 900})
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", AXE_PAGES)
def test_axe_finds_no_violations(open_page, site_url, page_paths, kind, scheme):
    page = _open(open_page, site_url, page_paths[kind], scheme)
    assert axe_violations(page) == []


@pytest.mark.parametrize("kind", AXE_PAGES)
def test_axe_finds_no_violations_on_a_phone(open_page, site_url, page_paths, kind):
    # Indicator rows are cards there, their links laid out anew.
    page = _open(open_page, site_url, page_paths[kind], "light", width=360)
    assert axe_violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_in_search_results(open_page, site_url, scheme):
    page = _open(open_page, site_url, "", scheme)
    page.get_by_role("button", name="Cari di situs ini").click()
    page.locator("#cari input.pagefind-ui__search-input").fill("pelayanan")
    results = page.locator(".pagefind-ui__result")
    results.first.wait_for()
    assert results.count() > 0
    assert axe_violations(page) == []
    assert page.console_errors == []


def test_keyboard_reaches_the_diagrams_links_and_the_hierarchy_list(page, site_url, page_paths):
    page.goto(site_url + page_paths["program"])
    page.wait_for_load_state("networkidle")
    reached = []
    while len(reached) < 300 and not any("|SUMMARY|Hierarki" in r for r in reached):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("""() => {
          const e = document.activeElement;
          return [e.closest('figure.diagram svg') ? 'diagram' : '', e.tagName.toUpperCase(),
                  e.getAttribute('href') || '', (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 60)
                 ].join('|');
        }"""))
    in_diagram = [r for r in reached if r.startswith("diagram|A|#")]
    assert in_diagram, reached
    assert any("|SUMMARY|" in r and "Hierarki dalam bentuk daftar" in r for r in reached), reached
    # Focus order follows the page: the diagrams' kegiatan and sub kegiatan, then the hierarchy list.
    summary = next(i for i, r in enumerate(reached) if "Hierarki dalam bentuk daftar" in r)
    assert reached.index(in_diagram[-1]) < summary
    # Enter on a kegiatan follows its link to the kegiatan's indicators.
    page.locator("figure.diagram svg a").first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == page.locator("figure.diagram svg a").first.get_attribute("href")


@pytest.mark.parametrize("kind", ["home", "about", "overview", "program"])
def test_interface_is_indonesian_with_title_and_description(page, site_url, page_paths, kind):
    page.goto(site_url + page_paths[kind])
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.title().endswith(" - Cascading Kinerja") and len(page.title()) > len(" - Cascading Kinerja")
    description = page.locator('meta[name="description"]').get_attribute("content")
    # Its own description, not the site-wide fallback Material writes for pages without one.
    site_description = re.search(r"^site_description: (.+)$", (ROOT / "mkdocs.yml").read_text(), re.M).group(1)
    assert description and len(description) > 40 and description != site_description.strip()
    # Visible text plus the names and hints that screen readers and tooltips give.
    texts = [page.locator("body").inner_text(), *page.evaluate(
        "() => [...document.querySelectorAll('[aria-label],[title],[placeholder]')]"
        ".flatMap(e => ['aria-label', 'title', 'placeholder'].map(a => e.getAttribute(a)).filter(Boolean))")]
    english = sorted({m.group(0) for text in texts for m in ENGLISH.finditer(text)})
    assert english == [], english


def test_not_found_page_is_indonesian(page, site_url):
    page.goto(site_url + "404.html")
    assert page.title() == "Halaman tidak ditemukan - Cascading Kinerja"
    assert page.locator("h1").inner_text() == "404 - Halaman tidak ditemukan"
    english = sorted({m.group(0) for m in ENGLISH.finditer(page.locator("body").inner_text())} | (
        {"Not found"} if "Not found" in page.locator("body").inner_text() else set()))
    assert english == []


# Where keyboard focus is, what it is, and whether a sighted reader sees it on the screen (Material's scheme switch,
# a hidden radio button, through the label after it, which its focus ring outlines).
FOCUSED_JS = """() => {
  const e = document.activeElement;
  const onScreen = (element) => {
    const box = element.getBoundingClientRect();
    return element.checkVisibility({visibilityProperty: true}) && box.width > 0 && box.right > 0
           && box.left < innerWidth;
  };
  return {what: e.tagName + ' ' + (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40),
          shown: [e, e.matches('input') && e.nextElementSibling].some((shown) => shown && onScreen(shown))};
}"""


@pytest.mark.parametrize("kind", ["home", "overview", "program"])
def test_on_a_phone_tab_goes_from_the_skip_link_to_what_is_on_screen(open_page, site_url, page_paths, kind):
    # Closed, Material's navigation drawer sits off-screen: its twenty links took the first Tab stops, unseen.
    page = open_page(viewport={"width": 360, "height": 740})
    page.goto(site_url + page_paths[kind])
    page.wait_for_load_state("networkidle")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    stops = []
    for _ in range(8):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED_JS))
    assert [stop["what"] for stop in stops if not stop["shown"]] == [], stops
    # The menu button is a Tab stop, a button that says the drawer is closed; Enter opens the drawer and puts
    # focus on its first link, shown; Escape closes it and gives focus back to the button.
    button = page.get_by_role("button", name="Menu navigasi")
    assert button.get_attribute("aria-expanded") == "false"
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary') !== null")
    # Shown once the drawer has slid in (it was measured mid-slide now and then).
    page.wait_for_function(f"() => ({FOCUSED_JS})().shown", timeout=2000)
    assert button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.activeElement.matches('.md-header button.menu-navigasi')")
    assert button.get_attribute("aria-expanded") == "false"
    page.keyboard.press(" ")
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary') !== null")
    assert button.get_attribute("aria-expanded") == "true"
    # Opened, the drawer's links are there to read and to reach.
    first_link = page.locator(".md-sidebar--primary a.md-nav__link:visible").first
    first_link.wait_for(state="visible")
    first_link.focus()
    assert page.evaluate(FOCUSED_JS)["shown"]
