"""Link checker over the built site: every internal href/src resolves to a file, every #anchor to an id."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from .helpers import parsed_file

pytestmark = pytest.mark.slow

BASE = "http://situs.invalid/"


def _target(site: Path, url: str) -> Path:
    path = site / unquote(urlsplit(url).path.removeprefix(urlsplit(BASE).path))
    return path / "index.html" if url.split("#")[0].split("?")[0].endswith("/") or path.is_dir() else path


def broken_links(site: Path) -> list[str]:
    """Every internal link of every page that leads nowhere, as 'page: link (why)'."""
    broken: list[str] = []
    for html_file in sorted(site.rglob("*.html")):
        relative = html_file.relative_to(site).as_posix()
        page_url = urljoin(BASE, relative.removesuffix("index.html"))
        soup = parsed_file(html_file)
        for tag in soup.find_all(["a", "link", "script", "img", "source", "iframe", "area"]):
            for attribute in ("href", "src"):
                link = tag.get(attribute)
                if not link or urlsplit(link).scheme in ("mailto", "tel", "data"):
                    continue
                url = urljoin(page_url, link)
                if not url.startswith(BASE):
                    continue  # another site's address; test_site checks nothing loads from one
                target = _target(site, url)
                if not target.is_file():
                    broken.append(f"{relative}: {link} (tidak ada berkas {target.relative_to(site)})")
                    continue
                fragment = unquote(urlsplit(url).fragment)
                if fragment and target.suffix == ".html" and not parsed_file(target).find(id=fragment) \
                        and not parsed_file(target).find(attrs={"name": fragment}):
                    broken.append(f"{relative}: {link} (tidak ada id '{fragment}')")
    return broken


def test_every_internal_link_resolves(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) >= 8
    assert broken_links(site) == []


def test_link_checker_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="a/#ada">ok</a><a href="b/">x</a>'
                                         '<a href="a/#hilang">x</a><a href="https://contoh.id/">luar</a>')
    (tmp_path / "a/index.html").write_text('<h2 id="ada">A</h2><img src="../gambar.png">')
    assert broken_links(tmp_path) == [
        "a/index.html: ../gambar.png (tidak ada berkas gambar.png)",
        "index.html: b/ (tidak ada berkas b/index.html)",
        "index.html: a/#hilang (tidak ada id 'hilang')",
    ]


def test_the_build_names_no_link_mkdocs_could_not_follow(site_build):
    # A generated page's Markdown links name the page's source file, which MkDocs checks and turns into its
    # address; a link to the address itself is passed on unchecked, with a notice in the build's log.
    _, result = site_build
    assert "unrecognized relative link" not in result.stderr + result.stdout
