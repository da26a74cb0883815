"""A generated page converted from Markdown once is read back by the next build exactly as MkDocs converts it; a
page whose Markdown, settings or linked pages changed is converted again, and its warnings still fail a strict
build."""

from __future__ import annotations

import gzip
import logging
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files, InclusionLevel, get_files
from mkdocs.structure.pages import Page

from macros.mkdocs_page_cache import KeptPage, PageRenderCache, navigation_titles

from .helpers import build_site

PAGE = """# Program Pelayanan

Lihat [indikatornya](lain.md#indikator) dan [glosarium](lain.md).

## Kegiatan 1 {#t1-s1-p1-k1}

<p id="baris-1">Satu</p>

### Sub kegiatan 1.1
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small MkDocs project with the site's Markdown settings: a page that links to another's anchor."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "program.md").write_text(PAGE, encoding="utf-8")
    (docs / "lain.md").write_text("# Lain\n\n## Indikator\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Uji\nvalidation:\n  anchors: warn\nmarkdown_extensions:\n  - attr_list\n  - md_in_html\n"
        "  - macros.verbatim_html\n  - toc:\n      permalink: '#'\n", encoding="utf-8")
    return tmp_path


def converted(project: Path, cache: PageRenderCache | None, files: Files | None = None,
              markdown: str | None = None) -> Page:
    """program.md converted as a build converts it: by MkDocs' own Page, or a KeptPage of `cache`."""
    config = load_config(str(project / "mkdocs.yml"))
    files = files if files is not None else get_files(config)
    file = files.get_file_from_path("program.md")
    page = Page(None, file, config) if cache is None else cache.page(None, file, config)
    page.read_source(config)
    if markdown is not None:
        page.markdown = markdown
    page.render(config, files)
    return page


def seen_by_a_build(page: Page) -> tuple:
    """All that converting leaves on a page for the rest of the build."""
    links = {file.src_uri: anchors for file, anchors in (page.links_to_anchors or {}).items()}
    return (page.content, str(page.toc), [item.active for item in page.toc], page.title, page.present_anchor_ids,
            links)


def test_a_page_converted_before_is_read_back_as_mkdocs_converts_it(project):
    config = load_config(str(project / "mkdocs.yml"))
    first = PageRenderCache(project / "cache", config)
    made = converted(project, first)
    assert (first.made, first.hits) == (1, 0)
    again = PageRenderCache(project / "cache", config)
    read = converted(project, again)
    assert (again.made, again.hits) == (0, 1)
    assert seen_by_a_build(read) == seen_by_a_build(made) == seen_by_a_build(converted(project, None))
    assert "baris-1" in read.present_anchor_ids and read.title == "Program Pelayanan"
    assert isinstance(read, KeptPage)


def test_edited_markdown_is_converted_again(project):
    config = load_config(str(project / "mkdocs.yml"))
    converted(project, PageRenderCache(project / "cache", config))
    again = PageRenderCache(project / "cache", config)
    edited = converted(project, again, markdown=PAGE.replace("Satu", "Dua"))
    assert (again.made, again.hits) == (1, 0)
    assert "Dua" in edited.content and "Satu" not in edited.content


def test_other_markdown_settings_convert_again(project):
    converted(project, PageRenderCache(project / "cache", load_config(str(project / "mkdocs.yml"))))
    settings = project / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("permalink: '#'", "permalink: '¶'"),
                        encoding="utf-8")
    again = PageRenderCache(project / "cache", load_config(str(settings)))
    assert "¶" in converted(project, again).content and (again.made, again.hits) == (1, 0)


def test_a_page_whose_linked_page_is_gone_converts_again_and_warns(project, caplog):
    caplog.set_level(logging.INFO)  # for both builds: the log level is part of an entry's name
    config = load_config(str(project / "mkdocs.yml"))
    converted(project, PageRenderCache(project / "cache", config))
    files = get_files(config)
    files.remove(files.get_file_from_path("lain.md"))
    again = PageRenderCache(project / "cache", config)
    converted(project, again, files)
    assert (again.made, again.hits) == (1, 0)
    assert "contains a link 'lain.md#indikator', but the target 'lain.md' is not found" in caplog.text


def test_the_warnings_of_a_conversion_read_from_the_cache_are_logged_again(project, caplog):
    # A strict build that reads the page fails as the one that converted it did.
    caplog.set_level(logging.INFO)
    broken = PAGE + "\n[hilang](tidak-ada.md)\n"
    config = load_config(str(project / "mkdocs.yml"))
    converted(project, PageRenderCache(project / "cache", config), markdown=broken)
    first = [(record.name, record.levelno, record.getMessage()) for record in caplog.records]
    assert any(level == logging.WARNING and "tidak-ada.md" in text for _, level, text in first)
    caplog.clear()
    again = PageRenderCache(project / "cache", config)
    converted(project, again, markdown=broken)
    assert again.hits == 1
    assert [(record.name, record.levelno, record.getMessage()) for record in caplog.records] == first


def test_a_draft_and_an_included_page_keep_their_conversions_apart(project, caplog):
    # MkDocs notes a draft's broken link (INFO) but warns of an included page's, which fails a strict build.
    caplog.set_level(logging.INFO)
    broken = PAGE + "\n[hilang](tidak-ada.md)\n"
    config = load_config(str(project / "mkdocs.yml"))
    files = get_files(config)
    files.get_file_from_path("program.md").inclusion = InclusionLevel.DRAFT
    converted(project, PageRenderCache(project / "cache", config), files, markdown=broken)
    assert [record.levelno for record in caplog.records if "tidak-ada.md" in record.getMessage()] == [logging.INFO]
    caplog.clear()
    again = PageRenderCache(project / "cache", config)
    converted(project, again, markdown=broken)
    assert (again.made, again.hits) == (1, 0)
    assert [record.levelno for record in caplog.records if "tidak-ada.md" in record.getMessage()] == [logging.WARNING]


def test_a_page_linking_to_a_page_left_out_since_converts_again(project, caplog):
    # MkDocs notes each link to a page left out of the site.
    caplog.set_level(logging.INFO)
    config = load_config(str(project / "mkdocs.yml"))
    converted(project, PageRenderCache(project / "cache", config))
    files = get_files(config)
    files.get_file_from_path("lain.md").inclusion = InclusionLevel.EXCLUDED
    again = PageRenderCache(project / "cache", config)
    converted(project, again, files)
    assert (again.made, again.hits) == (1, 0)
    assert "which is excluded from the built site" in caplog.text


@pytest.mark.parametrize("damage", [
    pytest.param(b"", id="empty"),
    pytest.param(b'{"content": "x"}', id="not gzip"),
    pytest.param(gzip.compress(b'{"content": "<p>separuh', mtime=0)[:-9], id="cut short"),
    pytest.param(gzip.compress(b"[]", mtime=0), id="not an object"),
    pytest.param(gzip.compress(b'{"content": "x"}', mtime=0), id="no lookups"),
    pytest.param(gzip.compress(b'{"lookups": [], "toc": [], "links_to_anchors": null}', mtime=0), id="no content"),
    pytest.param(gzip.compress(b'{"lookups": [], "toc": [], "links_to_anchors": null, "content": null, "title": null,'
                               b' "anchors": [], "messages": []}', mtime=0), id="content not text"),
    pytest.param(gzip.compress(b'{"lookups": [], "toc": [], "links_to_anchors": null, "content": "x", "title": null,'
                               b' "anchors": [], "messages": [["mkdocs", "WARNING", "x"]]}', mtime=0),
                 id="level not a number"),
])
def test_a_damaged_entry_is_converted_again_and_replaced(project, damage):
    config = load_config(str(project / "mkdocs.yml"))
    made = converted(project, PageRenderCache(project / "cache", config))
    [entry] = (project / "cache").iterdir()
    entry.write_bytes(damage)
    again = PageRenderCache(project / "cache", config)
    assert seen_by_a_build(converted(project, again)) == seen_by_a_build(made)
    assert (again.made, again.hits) == (1, 0)
    later = PageRenderCache(project / "cache", config)
    converted(project, later)
    assert later.hits == 1


def test_pages_take_their_titles_from_the_navigation():
    nav = ["index.md", {"Dinas &amp; Badan": [{"2023": ["d/2023/index.md", {"Program A": "d/2023/program/a.md"}]}]}]
    assert navigation_titles(nav) == {"index.md": None, "d/2023/index.md": None, "d/2023/program/a.md": "Program A"}


@pytest.mark.slow
def test_a_second_build_converts_no_generated_page_and_publishes_the_same_site(tmp_path, data_copy):
    cache = {"CASCADE_CACHE": str(tmp_path / "cache")}
    first = build_site(tmp_path / "first", data_copy, cache, with_chromium=False)
    assert first.returncode == 0, first.stderr
    again = build_site(tmp_path / "again", data_copy, cache, with_chromium=False)
    assert again.returncode == 0, again.stderr
    made = "Halaman yang dibuat: 0 dari cache"
    assert made in first.stderr and "Halaman yang dibuat:" in again.stderr and made not in again.stderr
    assert " 0 dikonversi dari Markdown" in again.stderr
    published = {path.relative_to(tmp_path / "first"): path.read_bytes()
                 for path in (tmp_path / "first").rglob("*") if path.is_file()}
    assert published == {path.relative_to(tmp_path / "again"): path.read_bytes()
                         for path in (tmp_path / "again").rglob("*") if path.is_file()}
