"""Shared fixtures: the real data loaded once, one strict site build per session served on 127.0.0.1, and
Chromium pages. What they are made of lives in helpers.py."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from macros.model import CascadeFile

from .helpers import DATA, KEBASEN, ProgramPage, build_site, open_chromium, overview_paths, program_pages, \
    real_cascades, serve


@pytest.fixture(scope="session")
def cascades() -> tuple[CascadeFile, ...]:
    """Every cascade of cascade_data/."""
    return real_cascades()


@pytest.fixture(scope="session")
def kebasen(cascades) -> CascadeFile:
    """Kecamatan Kebasen 2023: the real cascade with every level, from tujuan to sub kegiatan."""
    (cascade,) = (cf for cf in cascades if cf.path == KEBASEN)
    return cascade


@pytest.fixture(scope="session")
def kebasen_text() -> str:
    """The Kebasen data file as staff wrote it."""
    return KEBASEN.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def programs(cascades) -> list[ProgramPage]:
    """Every program page of the real data: URL path, sasaran and program."""
    return program_pages(cascades)


@pytest.fixture(scope="session")
def page_paths(kebasen, programs) -> dict[str, str]:
    """The URL path of one page of each kind: home, about, Kebasen's overview and the first program page."""
    return {"home": "", "about": "tentang/", "overview": overview_paths([kebasen])[0], "program": programs[0].path}


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess]:
    """The real site, built once per test session in strict mode, and what the build printed."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir, result


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    """The real site's folder (`site_build`)."""
    return site_build[0]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of cascade_data/ for tests that break it."""
    target = tmp_path / "cascade_data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(scope="session")
def site_url(site: Path):
    """Base URL of the real site, served on 127.0.0.1."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium (`CHROMIUM`, else Debian's) per test module, driven by Playwright; a missing
    browser fails the tests that need it.

    Module scope: Playwright's sync API allows one instance at a time, and the build-time diagram
    renderer (tests/test_diagram_svg.py) starts its own.
    """
    with open_chromium() as browser:
        yield browser


@pytest.fixture
def open_page(browser):
    """Factory for pages with other context options (phone viewport, dark scheme, no JavaScript), recording like `page`."""
    contexts = []

    def make(**options):
        context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, "locale": "id-ID", **options})
        contexts.append(context)
        page = context.new_page()
        page.console_errors = []
        page.requested_urls = []
        page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
        page.on("pageerror", lambda error: page.console_errors.append(str(error)))
        page.on("request", lambda request: page.requested_urls.append(request.url))
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page):
    """A fresh desktop-size browser page that records console errors and every requested URL."""
    return open_page()
