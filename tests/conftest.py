"""Shared fixtures: the project's paths, the real data loaded once, and one strict site build per session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.load import load_cascades
from macros.model import CascadeFile

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "cascade_data"
KEBASEN = DATA / "kecamatan-kebasen" / "2023.yaml"


@pytest.fixture(scope="session")
def kebasen() -> CascadeFile:
    (cascade,) = load_cascades(DATA, shown_relative_to=ROOT)
    return cascade


def build_site(site_dir: Path, data_dir: Path = DATA, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """A strict `mkdocs build` of the project, as `make build` runs it, into `site_dir` (not --quiet, which
    would hide warnings from strict mode)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CASCADE_DATA": str(data_dir), **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session in strict mode."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of cascade_data/ for tests that break it."""
    target = tmp_path / "cascade_data"
    shutil.copytree(DATA, target)
    return target


class _QuietHandler(__import__("http.server").server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_folder(folder: Path):
    """Serve `folder` over HTTP on a free port of 127.0.0.1 in a background thread; returns (server, base_url)."""
    import functools
    import threading
    from http.server import ThreadingHTTPServer

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(site: Path):
    """Base URL of the real site, served on 127.0.0.1."""
    server, url = serve_folder(site)
    yield url
    server.shutdown()


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def browser():
    """A headless Debian Chromium per test module, driven by Playwright.

    Module scope: Playwright's sync API allows one instance at a time, and the build-time diagram
    renderer (tests/test_diagram_svg.py) starts its own.
    """
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make setup` (it installs Debian's chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


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
