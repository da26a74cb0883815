"""The light/dark switch in the header (partials/palette.html, assets/javascripts/palette-switch.js): it follows
the reader's system setting on a first visit, switches on a tap or with the keyboard, is remembered on the next
page, and colours the browser's own bar as the header is."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGE = "kecamatan-kebasen/2023/"
SCHEME = "document.body.getAttribute('data-md-color-scheme')"
THEME_COLOR = "document.querySelector('meta[name=theme-color]')?.content"
HEADER_COLOR = """() => '#' + getComputedStyle(document.querySelector('header')).backgroundColor.match(/\\d+/g)
  .slice(0, 3).map(c => (+c).toString(16).padStart(2, '0')).join('')"""


def switch_label(page):
    """The one switch a reader sees (the label for the palette after the current one)."""
    labels = page.locator("form[data-palette-switch] label:visible")
    assert labels.count() == 1
    return labels.first


@pytest.mark.parametrize(("system", "first", "then"), [("light", "default", "slate"), ("dark", "slate", "default")])
def test_the_first_visit_follows_the_system_and_a_tap_switches_for_the_next_pages(open_page, site_url, system,
                                                                                   first, then):
    page = open_page(color_scheme=system)
    page.goto(site_url + PAGE)
    page.wait_for_load_state("networkidle")
    assert page.evaluate(SCHEME) == first
    page.wait_for_function(f"{THEME_COLOR} !== undefined")
    assert page.evaluate(THEME_COLOR) == page.evaluate(HEADER_COLOR)

    switch_label(page).click()
    assert page.evaluate(SCHEME) == then
    assert page.evaluate(THEME_COLOR) == page.evaluate(HEADER_COLOR)
    assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == (
        "dark" if then == "slate" else "light")
    assert page.evaluate("document.body.hasAttribute('data-md-color-switching')") is False

    page.goto(site_url + "tentang/")
    assert page.evaluate(SCHEME) == then
    assert switch_label(page).get_attribute("title") == ("Ganti ke mode terang" if then == "slate"
                                                          else "Ganti ke mode gelap")
    assert page.console_errors == []


def test_enter_on_the_focused_switch_changes_the_palette(page, site_url):
    page.goto(site_url + PAGE)
    page.locator("form[data-palette-switch] input:checked").focus()
    page.keyboard.press("Enter")
    assert page.evaluate(SCHEME) == "slate"
    assert page.evaluate("document.activeElement.getAttribute('data-md-color-scheme')") == "slate"


def test_without_javascript_no_switch_shows(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + PAGE)
        assert page.evaluate(SCHEME) == "default"
        assert not page.locator("form[data-palette-switch]").is_visible()
    finally:
        context.close()
