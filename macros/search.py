"""Site search: a Pagefind index of the built site, stemmed in Indonesian and tolerant of the source's spellings.

Pagefind (the `pagefind-bin` wheel ships its binary) splits the index into small shards fetched per query and
stems words with Snowball's Indonesian stemmer ("dilayani", "pelayanan" and "layanan" share a stem). What a
stemmer cannot know is the source's own spelling variants ("Presentase" for "Persentase"): every variant in
the indexed text gets its standard spelling beside it, and the browser maps a query's variants the same way
(`assets/javascripts/cari.js` reads `pagefind/varian-ejaan.json`, written from `SPELLING_VARIANTS` by
`macros/search_index.py`, which builds the bundle).
Nor does Snowball know that meN-/peN- drop a root's first letter ("Penetapan" from "tetap"): forms of the root
go beside such words, and the browser maps a query word, or a word still being typed, to its root with
`pagefind/akar-kata.json` (macros/search_words.py). The added words are searchable but never read: they sit
between markers (`ADDED_OPEN`, `ADDED_CLOSE`) that the search dialog's engine (`cari/pagefind.js`) cuts out of
every excerpt with what lies between them. (Pagefind has no attribute for that: `data-pagefind-index-attrs` adds
an attribute's text to the page's content, excerpts included; `data-pagefind-meta` is not tied to a section.)

Each page of a cascade names its perangkat daerah and year to Pagefind (`SearchLabel`): shown under its results
and ordering results of equal relevance newest year first (cari.js). Staff pages are not
indexed at all.
"""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Callable
from dataclasses import dataclass

from .search_words import WORD, WordRoots
from .spelling import SPELLING_VARIANTS

BUNDLE_DIR = "pagefind"
VARIANTS_FILE = "varian-ejaan.json"
ROOTS_FILE = "akar-kata.json"

# Around the words added for search: Unicode noncharacters, which it keeps for a program's internal use and no
# text means to show. Each stands as a word of its own, so Pagefind counts it as one word of the content (excerpts
# are cut by word positions) and the added words are indexed at full weight. The opening marker says whose words
# they are: the word just before (the dialog highlights that word when only they matched), or a heading's (after
# the heading, whose last word may not be theirs). cari/pagefind.js knows all three.
ADDED_OPEN, HEADING_ADDED_OPEN, ADDED_CLOSE = "\ufdd0", "\ufdd2", "\ufdd1"
_MARKERS = re.compile(f"[{ADDED_OPEN}{HEADING_ADDED_OPEN}{ADDED_CLOSE}]")

# What Pagefind reads of a page: the article only (not navigation), without the diagram, its Mermaid
# source and the diagram's text version, which repeat the sections below them and would make results point
# at the diagram instead of at the kegiatan or indicator; nor the indicator catalogue's table and the overview's
# program indicators, which repeat indicators of the program pages, where a result shows them in context; nor the
# overview's note on spreadsheets, the same on every overview, whose `007`, `01.02` and `1/2` matched them all; nor
# the words that stand for a missing value ("Target belum ditetapkan", "tidak dapat dihitung: ...", "tidak
# tercantum", "belum memiliki indikator"), in every row without one, which a search for "penetapan" of anything
# found; nor the links beside an indicator's id, whose "CSV Rincian" ended its excerpts.
PAGEFIND_CONFIG = {
    "root_selector": "article.md-content__inner",
    "exclude_selectors": ["figure.diagram", ".diagram-source", "pre.mermaid", "details.info", ".headerlink", "thead",
                          "[data-katalog]", "[data-katalog-filter]", "[data-repeated]", ".catatan-spreadsheet",
                          ".kinerja-kosong", ".tidak-tercantum", ".indikator-kosong", ".indikator-csv",
                          ".indikator-rincian"],
    "force_language": "id",
    "quiet": True,
}

# An indicator row as `_indikator.html.j2` writes it: id, code cell, name cell, the other cells. Attributes in any
# order: mermaid2 re-serialises a page whose diagram the reader's browser draws, sorting them.
_INDIKATOR_ROW = re.compile(
    r'<tr\s[^>]*?\bid="([^"]+)"[^>]*><td[^>]*>(.*?)</td><th\s[^>]*?\bscope="row"[^>]*>(.*?)</th>(.*?)</tr>')
_ARTICLE = '<article class="md-content__inner'
_DIAGRAM = re.compile(r'<figure class="diagram".*?</figure>', re.S)
_TAG_OR_TEXT = re.compile(r"<[^>]*>|[^<]+")
_HEADING_OPEN = re.compile(r"<h[1-6][\s>]", re.IGNORECASE)
_HEADING_CLOSE = re.compile(r"</h[1-6]\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class SearchLabel:
    """Whose page it is, shown under each of its results: the perangkat daerah, and the year (None on a page
    of every year, such as the perangkat daerah's own page). Results are ordered newest year first."""

    perangkat_daerah: str
    # The year ('2023'), or a period file's period ('2021-2026').
    tahun: str | int | None = None

    def attributes(self) -> str:
        """The attributes telling Pagefind the label: metadata shown with a result, and the year's sort.

        Each value is read from an attribute of its own: Pagefind splits `key:value` lists at commas, which
        names such as "Dinas Koperasi, Usaha Kecil dan Menengah" hold.
        """
        keys = ["perangkat daerah[data-perangkat-daerah]"]
        values = f' data-perangkat-daerah="{html_module.escape(self.perangkat_daerah)}"'
        if self.tahun is not None:
            keys.append("tahun[data-tahun]")
            values += f' data-tahun="{self.tahun}" data-pagefind-sort="tahun[data-tahun]"'
        # No Pagefind filters: its filter panel inserts the values as HTML, and unescapes them first.
        return f' data-pagefind-meta="{", ".join(keys)}"{values}'


def add_standard_spellings(html: str) -> str:
    """`html` with the standard spelling, between the markers, after each variant word of its text (never in its
    tags).

    In a heading the spellings go after the heading, which Pagefind shows as a result's title unchanged.
    """
    return add_search_words(html, _standard_spelling)


def _standard_spelling(word: str) -> list[str]:
    standard = SPELLING_VARIANTS.get(word)
    return [standard] if standard else []


def search_words(roots: WordRoots) -> Callable[[str], list[str]]:
    """What the index gets beside a lower-case word: its standard spelling, then forms of its root."""
    def additions(word: str) -> list[str]:
        standard = SPELLING_VARIANTS.get(word)
        return [standard, *roots.helper_forms(standard)] if standard else list(roots.helper_forms(word))
    return additions


def add_search_words(html: str, additions: Callable[[str], list[str]],
                     memo: dict[str, tuple[str, list[str]]] | None = None, seen: set[str] | None = None) -> str:
    """`html` with `additions(word)` (a lower-case word → words), between `ADDED_OPEN` and `ADDED_CLOSE`, after
    each word of its text that has some; never inside a tag. In a heading they go after the heading (opened by
    `HEADING_ADDED_OPEN`), whose text Pagefind shows unchanged as a result's title. A marker the text itself
    holds is dropped from this copy, so only added words are ever cut from an excerpt.

    `memo` (text → the same text with its additions, and its lower-case words) may be shared by the pages of one
    build, for one `additions`: their tables repeat the same cells hundreds of times. `seen` gets every lower-case
    word of the text, whether its additions came from `memo` or not."""
    memo = {} if memo is None else memo
    seen = set() if seen is None else seen
    parts: list[str] = []
    pending: list[str] = []  # additions of the open heading's words
    in_heading = False
    for segment in _TAG_OR_TEXT.finditer(html):
        text = segment[0]
        if text.startswith("<"):
            parts.append(text)
            if _HEADING_OPEN.match(text):
                in_heading = True
            elif in_heading and _HEADING_CLOSE.match(text):
                in_heading = False
                if pending:
                    parts.append(_marked(pending, HEADING_ADDED_OPEN))
                    pending = []
            continue
        if in_heading:
            text = _MARKERS.sub("", text)
            parts.append(text)
            for word in WORD.finditer(text):
                seen.add(word[0].lower())
                pending += additions(word[0].lower())
            continue
        if text not in memo:
            words: list[str] = []

            def with_additions(word: re.Match[str]) -> str:
                words.append(word[0].lower())
                return _with_additions(word[0], additions(words[-1]))

            memo[text] = (WORD.sub(with_additions, _MARKERS.sub("", text)), words)
        rewritten, words = memo[text]
        parts.append(rewritten)
        seen.update(words)
    return "".join(parts)


def _with_additions(word: str, added: list[str]) -> str:
    return word + _marked(added, ADDED_OPEN) if added else word


def _marked(added: list[str], opening: str) -> str:
    return f" {opening} {' '.join(added)} {ADDED_CLOSE}"


def indikator_rows_as_headings(html: str) -> str:
    """`html` with each indicator's name made a heading carrying its row's id.

    Pagefind makes a sub-result for every heading with an id; this way a search result links to the
    indicator's own row (`#t1-s1-p1-k2-i1`) with the indicator's name as its title.
    """
    return _INDIKATOR_ROW.sub(
        lambda row: f'<tr><th scope="row"><h4 id="{row[1]}">{row[3]}</h4></th><td>{row[2]}</td>{row[4]}</tr>', html)


def page_for_index(html: str, label: SearchLabel | None = None, roots: WordRoots | None = None,
                   memo: dict[str, tuple[str, list[str]]] | None = None, seen: set[str] | None = None) -> str:
    """The HTML Pagefind indexes for a built page: indicators as headings, standard spellings added, and with
    `roots` the forms of word roots Snowball misses; `label` (whose page, which year) on the article. `memo` and
    `seen`: `add_search_words`', the memo shared by the pages of one build with the same `roots`.

    Only the article is rewritten, without the diagram: the rest of the page is not indexed (PAGEFIND_CONFIG).
    """
    start, end = html.find(_ARTICLE), html.rfind("</article>")
    if start < 0 or end < start:
        start, end = 0, len(html)
    article = indikator_rows_as_headings(_DIAGRAM.sub("", html[start:end], count=1))
    if roots:
        article = add_search_words(article, search_words(roots), memo, seen)
    else:
        article = add_standard_spellings(article)
    if label is not None and article.startswith(_ARTICLE):
        tag_end = article.index(">")
        article = article[:tag_end] + label.attributes() + article[tag_end:]
    return html[:start] + article + html[end:]
