"""What several test modules share: the project's paths, the real data's pages, reading built pages, building
and serving a site on 127.0.0.1, opening Chromium, and the site's XLSX download edited and imported again.
Fixtures live in conftest.py and use these; test modules import from here, never from each other."""

from __future__ import annotations

import contextlib
import copy
import functools
import html
import io
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

import markdown
import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from macros.importer import SpreadsheetError, import_spreadsheet
from macros.load import load_cascades
from macros.model import CascadeFile, Program, Sasaran
from macros.naming import overview_page, page_url, program_page
from macros.render.downloads import to_xlsx
from macros.tree import IndikatorRow, Node

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "cascade_data"
KEBASEN = DATA / "kecamatan-kebasen" / "2023.yaml"

# Text that tries every way out of HTML, Markdown, Jinja and Mermaid at once.
HOSTILE = '<script>alert(1)</script> **tebal** [x](javascript:alert(1)) {{ 7*7 }} "]-->X; #1 & `k` | a'


# The real data and its pages

@functools.cache
def real_cascades() -> tuple[CascadeFile, ...]:
    """Every cascade of cascade_data/, loaded once per test session (by the fixtures and by parametrization)."""
    return tuple(load_cascades(DATA, shown_relative_to=ROOT))


class ProgramPage(NamedTuple):
    """A program page of the site: its URL path and the items its diagram shows."""

    path: str
    sasaran: Sasaran
    program: Program


def program_pages(files: tuple[CascadeFile, ...] | list[CascadeFile]) -> list[ProgramPage]:
    """Every program page of `files`, in data order."""
    return [ProgramPage(page_url(program_page(cf, node)), node.parent.item, node.item)
            for cf in files for node in cf.tree.programs]


def program_of(entry: Node | IndikatorRow) -> Program | None:
    """The program an item or indicator belongs to (None above program level)."""
    node = entry.owner if isinstance(entry, IndikatorRow) else entry
    program = node.ancestor("program")
    return None if program is None else program.item


def overview_paths(files: tuple[CascadeFile, ...] | list[CascadeFile]) -> list[str]:
    """The URL path of every cascade's overview page (one per perangkat daerah and year), sorted."""
    return sorted({page_url(overview_page(cf)) for cf in files})


def site_pages(files: tuple[CascadeFile, ...] | list[CascadeFile]) -> list[str]:
    """The URL path of every page a reader browses: home, about, the perangkat daerah, overviews, programs."""
    perangkat_daerah = sorted({f"{cf.slug}/" for cf in files})
    return ["", "tentang/", *perangkat_daerah, *overview_paths(files), *(p.path for p in program_pages(files))]


# Reading pages

def flat(text: str) -> str:
    """Whitespace-normalised text, as a reader sees it."""
    return " ".join(text.split())


def visible_text(fragment: str) -> str:
    """The text of an HTML fragment: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def markdown_to_html(text: str) -> str:
    """Markdown as the site's escaping is meant for: raw HTML escaped, tables and attribute lists on."""
    return markdown.markdown(text, extensions=["pymdownx.escapeall", "attr_list", "tables"],
                             extension_configs={"pymdownx.escapeall": {"hardbreak": False, "nbsp": False}})


def soup_of(site: Path, url: str) -> BeautifulSoup:
    """The built page of a directory URL (`kecamatan-kebasen/2023/`, `` for the home page), parsed."""
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


@functools.cache
def parsed_file(path: Path) -> BeautifulSoup:
    """A built HTML file, parsed once (link checks open the same targets again and again)."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article_text(soup: BeautifulSoup) -> str:
    """The flattened text of a page's article, without header, navigation and footer; a line-break opportunity
    (<wbr>, in an indicator's dotted ID) is no space."""
    article = copy.copy(soup.select_one("article"))
    for wbr in article.find_all("wbr"):
        wbr.decompose()
    article.smooth()
    return flat(article.get_text(" "))


# Building and serving a site

def build_site(site_dir: Path, data_dir: Path = DATA, extra_env: dict[str, str] | None = None, *,
               with_chromium: bool = True) -> subprocess.CompletedProcess:
    """A strict `mkdocs build` of the project, as `make build` runs it, into `site_dir` (not --quiet, which
    would hide warnings from strict mode).

    The build draws the diagrams in the Chromium that `CHROMIUM` names, and the calling test fails if it is
    missing; `with_chromium=False` points the build at a missing browser, which leaves the diagrams to the
    reader's browser.
    """
    chromium = require_chromium() if with_chromium else str(site_dir.with_name("kein-chromium"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CASCADE_DATA": str(data_dir), "CHROMIUM": chromium,
           **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )


class _FolderHandler(SimpleHTTPRequestHandler):
    """Serves a folder under a URL prefix only, as GitHub Pages serves a project site; 404 elsewhere."""

    def __init__(self, *args: object, prefix: str, **kwargs: object) -> None:
        self.prefix = prefix  # before the base class, which handles the request inside __init__
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / ".." / "no-such-folder-outside-the-prefix")
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path, prefix: str = "/") -> Iterator[str]:
    """Serve `folder` over HTTP on a free port of 127.0.0.1 in a background thread, under `prefix` only;
    yields the base URL (`http://127.0.0.1:<port><prefix>`) and stops the server afterwards."""
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_FolderHandler, directory=str(folder), prefix=prefix))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def built_and_served(folder: Path, data: dict[str, str]) -> Iterator[str]:
    """`data` (path below the data folder → YAML text) built strictly, without diagrams, into `folder` and served
    on 127.0.0.1; yields the base URL."""
    for path, text in data.items():
        target = folder / "data" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    built = build_site(folder / "site", folder / "data", with_chromium=False)
    assert built.returncode == 0, built.stderr
    with serve(folder / "site") as url:
        yield url


# Opening Chromium

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def chromium_path() -> str:
    """The Chromium that the browser tests and the build's diagram renderer use: `CHROMIUM`, else Debian's."""
    return os.environ.get("CHROMIUM", "/usr/bin/chromium")


def require_chromium() -> str:
    """The Chromium's path; fails the calling test (never skips it) when there is no such file."""
    path = chromium_path()
    if not Path(path).exists():
        pytest.fail(f"{path} is missing: run `make setup` (it installs Debian's chromium) "
                    "or set CHROMIUM to a Chromium's path")
    return path


@contextlib.contextmanager
def open_chromium() -> Iterator[object]:
    """A headless Chromium driven by Playwright (one at a time: Playwright's sync API allows no more)."""
    from playwright.sync_api import sync_playwright

    path = require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page: object) -> list[str]:
    """axe-core's violations on an open page (all rules, WCAG and best practice, with target size), one line per
    failing element. The page must be opened with `bypass_csp=True`: its Content-Security-Policy refuses the
    evaluated script otherwise."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make setup` (npm ci installs axe-core)")
    page.evaluate(AXE.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    # Target size (WCAG 2.2) is off by default in axe-core; Lighthouse's accessibility score counts it.
    result = page.evaluate(  # type: ignore[attr-defined]
        "axe.run(document, {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}})")
    return [f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary']}"
            for v in result["violations"] for node in v["nodes"]]


# The site's XLSX download, edited as staff do in Excel and imported again (`make import`)

# Cascades whose workbook comes back whole: every optional field of the format, and the shapes of real documents.
FIXTURES = ROOT / "tests" / "fixtures"
SHAPES = FIXTURES / "shapes" / "cascade_data"
CASCADES = {
    "every optional field": FIXTURES / "import" / "cascade_data" / "dinas-contoh-lengkap" / "2025.yaml",
    "capaian fixture": FIXTURES / "capaian" / "cascade_data" / "kecamatan-contoh" / "2024.yaml",
    "IKU list without tujuan": SHAPES / "kecamatan-iku" / "2024.yaml",
    "Renstra period file": SHAPES / "dinas-contoh" / "2021-2026.yaml",
    "several sasaran per program": SHAPES / "dinas-contoh" / "2024.yaml",
}


def sheets_of(workbook: bytes) -> dict[str, list[tuple[object, ...]]]:
    """Every sheet of a workbook by its name, as rows of cell values."""
    book = load_workbook(io.BytesIO(workbook))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def loaded(source: Path):
    """The cascade of one data file, loaded with the others of its fixture folder."""
    return next(cf for cf in load_cascades(source.parent.parent)
                if (cf.slug, cf.path.name) == (source.parent.name, source.name))


def imported_again(source: Path, tmp_path: Path, edit=None):
    """(the cascade as loaded, the workbook the site offers, the cascade `make import` makes of that workbook,
    the imported file's text); `edit` changes the saved workbook first, as staff do in Excel."""
    cf = loaded(source)
    workbook = tmp_path / "unduhan.xlsx"
    workbook.write_bytes(to_xlsx(cf.tree, cf.aturan))
    offered = workbook.read_bytes()
    if edit is not None:
        book = load_workbook(workbook)
        edit(book)
        book.save(workbook)
    imported = import_spreadsheet(workbook)
    folder = tmp_path / "data" / imported.slug
    # Staff keep the source document beside the data file, as the import's comment asks.
    shutil.copytree(source.parent, folder, ignore=shutil.ignore_patterns("*.yaml"))
    (folder / imported.relative_path.name).write_text(imported.text, encoding="utf-8")
    (again,) = load_cascades(tmp_path / "data")
    return cf, offered, again, imported.text


def downloaded_workbook(tmp_path: Path, source: Path = CASCADES["every optional field"]) -> tuple[Path, object]:
    """The XLSX a citizen downloads for a cascade (by default the one with every optional field), saved in tmp_path
    and opened."""
    cf = loaded(source)
    path = tmp_path / "diedit.xlsx"
    path.write_bytes(to_xlsx(cf.tree, cf.aturan))
    return path, load_workbook(path)


def problems_of(path: Path) -> list[str]:
    """The messages `make import` refuses the workbook at `path` with (the test fails if it imports)."""
    with pytest.raises(SpreadsheetError) as caught:
        import_spreadsheet(path)
    return caught.value.problems


def column_of(sheet, header: str) -> int:
    """The column (from 1) the site heads `header` in a sheet of its download."""
    return [cell.value for cell in sheet[1]].index(header) + 1


def letter(sheet, header: str) -> str:
    """The column letter the site heads `header` in a sheet of its download."""
    return get_column_letter(column_of(sheet, header))


def row_of(sheet, position: str) -> int:
    """The first row of the Indikator sheet whose indicator belongs to the item at `position`."""
    return next(row for row in range(2, sheet.max_row + 1)
                if sheet.cell(row, column_of(sheet, "Nomor item")).value == position)
