"""Two more engines agree with axe on every kind of page: HTML CodeSniffer (through pa11y, WCAG 2 AA) and the W3C
Nu HTML checker (vnu.jar) find no error that is ours. What they find in the theme's own HTML, which the project
does not override, is listed below with the reason it stays."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

import pytest

from macros.load import load_cascades
from macros.naming import (CATALOG_ALL_PAGE, GLOSSARY_PAGE, NOT_FOUND_FILE, REPORT_PAGE, catalog_page,
                           comparison_page, indikator_group, indikator_page, overview_page, page_url,
                           perangkat_daerah_page, program_page)

from .helpers import KEBASEN, ROOT, build_site, require_chromium, serve

pytestmark = pytest.mark.browser

PA11Y_RUNNER = ROOT / "scripts" / "pa11y_pages.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


class Finding(NamedTuple):
    """One error of one engine: the page's address, the engine ('htmlcs', 'vnu'), its rule or message, and the
    element's markup as the engine quotes it."""

    page: str
    engine: str
    rule: str
    element: str


# The theme's own HTML (Material 9.8.2, templates this project does not override): (engine, rule pattern,
# element pattern), each a regular expression searched in the finding.
THEME_ERRORS = [
    # base.html: the drawer and search toggles are checkboxes with autocomplete="off" (a Firefox workaround that
    # keeps their state across reloads); HTML allows autocomplete on text-like inputs only.
    ("vnu", r"^Attribute “autocomplete” is only allowed when the input type is", r'id="__(drawer|search)"'),
    # partials/toc.html: the table of contents' title is a label for the #__toc toggle, which nav-item.html writes
    # only for a page in the navigation; overviews and the report are not in it, so the label points nowhere.
    ("vnu", r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form",
     r'for="__toc"'),
    # partials/nav-item.html: the #__toc toggle of a page in the navigation whose table of contents is empty
    # (a cascade's catalog) has no label, the label being written by toc.html only when there is a toc.
    ("htmlcs", r"\.(H91\.InputCheckbox\.Name|F68)$", r'id="__toc"'),
    # partials/palette.html: the light/dark switch is a form of radio buttons changed by script, no submit button.
    ("htmlcs", r"\.H32\.2$", r'data-palette-switch'),
]



def _allowed(finding: Finding) -> bool:
    return any(engine == finding.engine and re.search(rule, finding.rule) and re.search(element, finding.element)
               for engine, rule, element in THEME_ERRORS)


@pytest.fixture(scope="module")
def two_years(tmp_path_factory) -> Path:
    """The real site with Kebasen's cascade published for a second year too, so that the comparison page exists:
    built strictly, with its diagrams."""
    folder = tmp_path_factory.mktemp("engines")
    data = folder / "data" / KEBASEN.parent.name
    data.mkdir(parents=True)
    shutil.copy(KEBASEN, data / KEBASEN.name)
    text = KEBASEN.read_text(encoding="utf-8")
    (data / "2024.yaml").write_text(re.sub(r"^tahun: 2023$", "tahun: 2024", text, count=1, flags=re.M),
                                    encoding="utf-8")
    built = build_site(folder / "site", folder / "data")
    assert built.returncode == 0, built.stderr
    return folder / "site"


def _page_kinds(site: Path) -> dict[str, str]:
    """One page of each kind, by its kind: its URL path below the site root."""
    cascades = load_cascades(site.parent / "data")
    newest = max(cascades, key=lambda cascade: cascade.tahun)
    first_program = newest.tree.programs[0]
    pages = {
        "home": "",
        "perangkat daerah": page_url(perangkat_daerah_page(newest.slug)),
        "overview": page_url(overview_page(newest)),
        "program": page_url(program_page(newest, first_program)),
        "indicators": page_url(indikator_page(newest.slug, indikator_group(newest, first_program))),
        "comparison": page_url(comparison_page(newest.slug)),
        "catalog": page_url(CATALOG_ALL_PAGE),
        "cascade catalog": page_url(catalog_page(newest)),
        "glossary": page_url(GLOSSARY_PAGE),
        "report": page_url(REPORT_PAGE),
        "about": "tentang/",
        "404": NOT_FOUND_FILE,
    }
    for kind, path in pages.items():
        assert (site / (path if path.endswith(".html") else path + "index.html")).is_file(), kind
    return pages


def _start_pa11y(base_url: str, paths: list[str]) -> subprocess.Popen:
    if not (ROOT / "node_modules" / "pa11y").is_dir():
        pytest.fail("node_modules/pa11y is missing: run `make setup` (npm ci installs it)")
    return subprocess.Popen(["node", str(PA11Y_RUNNER), *(base_url + path for path in paths)], cwd=ROOT,
                            env={**os.environ, "CHROMIUM": require_chromium()},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _start_vnu(site: Path, paths: list[str]) -> subprocess.Popen:
    if not VNU.is_file():
        pytest.fail(f"{VNU} is missing: run `make setup` (npm ci installs vnu-jar)")
    if shutil.which("java") is None:
        pytest.fail("java is missing: run `make setup` (it installs Debian's default-jre-headless)")
    files = [str(site / (path if path.endswith(".html") else path + "index.html")) for path in paths]
    return subprocess.Popen(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _pa11y_findings(process: subprocess.Popen, base_url: str) -> tuple[set[str], list[Finding]]:
    """The pages checked and the errors found on them."""
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    checked = json.loads(out)
    return ({url.removeprefix(base_url) for url in checked},
            [Finding(url.removeprefix(base_url), "htmlcs", issue["code"], issue["context"])
             for url, issues in checked.items() for issue in issues])


def _vnu_findings(process: subprocess.Popen, site: Path) -> list[Finding]:
    _, report = process.communicate(timeout=300)  # the JSON report goes to stderr
    messages = json.loads(report)["messages"]
    assert all(message["type"] == "error" for message in messages), messages
    prefix = f"file:{site.resolve()}/"  # vnu writes file:/tmp/..., not file:///tmp/...
    return [Finding(message["url"].removeprefix(prefix).removesuffix("index.html"), "vnu", message["message"],
                    message.get("extract", "")) for message in messages]


def test_html_codesniffer_and_the_nu_checker_find_no_error_of_ours_on_any_kind_of_page(two_years):
    pages = _page_kinds(two_years)
    paths = list(pages.values())
    with serve(two_years) as base_url:
        # The two engines run side by side: each takes most of a minute on a shared machine.
        pa11y, vnu = _start_pa11y(base_url, paths), _start_vnu(two_years, paths)
        vnu_found = _vnu_findings(vnu, two_years)
        pa11y_checked, pa11y_found = _pa11y_findings(pa11y, base_url)
    assert [finding for finding in vnu_found + pa11y_found if not _allowed(finding)] == []
    assert pa11y_checked == set(paths)
    # The checker reports no page without errors; base.html's drawer toggle is on each, so each page is named.
    assert {finding.page for finding in vnu_found} == set(paths)
