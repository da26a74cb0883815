"""The built site in a real headless Chromium: pages open, show their content, and stay on the site."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_program_page_shows_its_title_and_stays_on_the_site(page, site_url):
    page.goto(site_url + "kecamatan-kebasen/2023/program/pemberdayaan-masyarakat-desa-dan-kelurahan/")
    assert page.locator("h1").inner_text().startswith("Program Pemberdayaan Masyarakat Desa dan Kelurahan")
    assert page.title().startswith("Program Pemberdayaan Masyarakat Desa dan Kelurahan")
    page.wait_for_load_state("networkidle")
    assert all(url.startswith(site_url) or url.startswith("data:") for url in page.requested_urls), page.requested_urls
    assert page.console_errors == []
