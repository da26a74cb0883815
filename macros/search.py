"""Site search: a Pagefind index of the built site, stemmed in Indonesian and tolerant of the source's spellings.

Pagefind (the `pagefind-bin` wheel ships its binary) splits the index into small shards fetched per query and
stems words with Snowball's Indonesian stemmer ("dilayani", "pelayanan" and "layanan" share a stem). What a
stemmer cannot know is the source's own spelling variants ("Presentase" for "Persentase"): every variant in
the indexed text gets its standard spelling beside it, and the browser maps a query's variants the same way
(`assets/javascripts/cari.js` reads `pagefind/varian-ejaan.json`, written here from `SPELLING_VARIANTS`).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from bisect import bisect_right
from functools import cache
from pathlib import Path

from .spelling import SPELLING_VARIANTS

BUNDLE_DIR = "pagefind"
VARIANTS_FILE = "varian-ejaan.json"

# What Pagefind reads of a page: the article only (not navigation), without the diagram, its Mermaid
# source and the diagram's text version, which repeat the sections below them and would make results point
# at the diagram instead of at the kegiatan or indicator; nor the indicator catalogue's table and the overview's
# program indicators, which repeat indicators of the program pages, where a result shows them in context.
PAGEFIND_CONFIG = {
    "root_selector": "article.md-content__inner",
    "exclude_selectors": ["figure.diagram", ".diagram-source", "pre.mermaid", "details.info", ".headerlink", "thead",
                          "[data-katalog]", "[data-katalog-filter]", "[data-repeated]"],
    "force_language": "id",
    "quiet": True,
}

# An indicator row as `_indikator.html.j2` writes it: id, code cell, name cell, the other cells.
_INDIKATOR_ROW = re.compile(r'<tr id="([^"]+)"><td>(.*?)</td><th scope="row">(.*?)</th>(.*?)</tr>')
_ARTICLE = '<article class="md-content__inner'
_DIAGRAM = re.compile(r'<figure class="diagram".*?</figure>', re.S)
_HEADING = re.compile(r"<h([1-6])[\s>].*?</h\1\s*>", re.IGNORECASE | re.S)


def add_standard_spellings(html: str) -> str:
    """`html` with the standard spelling, in brackets, after each variant word of its text (never in its tags).

    In a heading the spellings go after the heading, which Pagefind shows as a result's title unchanged.
    """
    lowered = html.lower()
    # Finding the few variants a page has first is 3x faster than one regex of every variant over every page.
    present = tuple(word for word in SPELLING_VARIANTS if word in lowered)
    if not present:
        return html
    insertions: dict[int, list[str]] = {}  # position in html → standard spellings to insert there
    headings: list[re.Match[str]] | None = None
    for match in _variant_words(present).finditer(html):
        if html.rfind("<", 0, match.start()) > html.rfind(">", 0, match.start()):
            continue  # a tag's name or attribute, not text
        if headings is None:
            headings = list(_HEADING.finditer(html))
        index = bisect_right(headings, match.start(), key=re.Match.start) - 1
        inside = index >= 0 and match.start() < headings[index].end()
        position = headings[index].end() if inside else match.end()
        insertions.setdefault(position, []).append(SPELLING_VARIANTS[match[1].lower()])
    parts, last = [], 0
    for position in sorted(insertions):
        parts += [html[last:position], " (", " ".join(insertions[position]), ")"]
        last = position
    return "".join(parts) + html[last:]


@cache
def _variant_words(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE)


def indikator_rows_as_headings(html: str) -> str:
    """`html` with each indicator's name made a heading carrying its row's id.

    Pagefind makes a sub-result for every heading with an id; this way a search result links to the
    indicator's own row (`#t1-s1-p1-k2-i1`) with the indicator's name as its title.
    """
    return _INDIKATOR_ROW.sub(
        lambda row: f'<tr><th scope="row"><h4 id="{row[1]}">{row[3]}</h4></th><td>{row[2]}</td>{row[4]}</tr>', html)


def page_for_index(html: str) -> str:
    """The HTML Pagefind indexes for a built page: indicators as headings, standard spellings added.

    Only the article is rewritten, without the diagram: the rest of the page is not indexed (PAGEFIND_CONFIG).
    """
    start, end = html.find(_ARTICLE), html.rfind("</article>")
    if start < 0 or end < start:
        start, end = 0, len(html)
    article = _DIAGRAM.sub("", html[start:end], count=1)
    return html[:start] + add_standard_spellings(indikator_rows_as_headings(article)) + html[end:]


def pagefind_executable() -> Path:
    """The Pagefind binary of the installed `pagefind-bin` wheel."""
    from pagefind_bin import get_executable

    return get_executable()


def build_search_index(site_dir: Path) -> None:
    """Write the Pagefind bundle (index shards, UI, variant map) into `site_dir/pagefind/`."""
    site_dir = Path(site_dir)
    bundle = site_dir / BUNDLE_DIR
    with tempfile.TemporaryDirectory(prefix="pagefind-") as staging_name:
        staging = Path(staging_name)
        # Pagefind indexes a copy made for search (see page_for_index); the published pages stay as built.
        for page in site_dir.rglob("*.html"):
            relative = page.relative_to(site_dir)
            if relative.parts[0] == BUNDLE_DIR:
                continue
            copy = staging / "site" / relative
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(page_for_index(page.read_text(encoding="utf-8")), encoding="utf-8")
        (staging / "pagefind.json").write_text(json.dumps(PAGEFIND_CONFIG), encoding="utf-8")
        shutil.rmtree(bundle, ignore_errors=True)
        result = subprocess.run(
            [str(pagefind_executable()), "--site", "site", "--output-path", str(bundle.resolve())],
            cwd=staging, capture_output=True, text=True,
        )
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind gagal membuat indeks pencarian:\n{result.stdout}{result.stderr}")
    (bundle / VARIANTS_FILE).write_text(json.dumps(SPELLING_VARIANTS, ensure_ascii=False), encoding="utf-8")
