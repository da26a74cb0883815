"""Site search: a Pagefind index of the built site, stemmed in Indonesian and tolerant of the source's spellings.

Pagefind (the `pagefind-bin` wheel ships its binary) splits the index into small shards fetched per query and
stems words with Snowball's Indonesian stemmer ("dilayani", "pelayanan" and "layanan" share a stem). What a
stemmer cannot know is the source's own spelling variants ("Presentase" for "Persentase"): every variant in
the indexed text gets its standard spelling beside it, and the browser maps a query's variants the same way
(`assets/javascripts/cari.js` reads `pagefind/varian-ejaan.json`, written here from `SPELLING_VARIANTS`).
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

import gzip
import hashlib
import html as html_module
import json
import os
import re
import shutil
import subprocess
import tempfile
import zlib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from .content_cache import atomic_write, code_version, link_or_copy, prune_unused
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
# overview's note on spreadsheets, the same on every overview, whose `007`, `01.02` and `1/2` matched them all.
PAGEFIND_CONFIG = {
    "root_selector": "article.md-content__inner",
    "exclude_selectors": ["figure.diagram", ".diagram-source", "pre.mermaid", "details.info", ".headerlink", "thead",
                          "[data-katalog]", "[data-katalog-filter]", "[data-repeated]", ".catatan-spreadsheet"],
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


def pagefind_executable() -> Path:
    """The Pagefind binary of the installed `pagefind-bin` wheel."""
    from pagefind_bin import get_executable

    return get_executable()


def build_search_index(site_dir: Path, labels: Mapping[str, SearchLabel] | None = None,
                       left_out: Collection[str] = (), cache: Path | None = None) -> bool:
    """Write the Pagefind bundle (index shards, UI, variant map, root map) into `site_dir/pagefind/`.

    `labels` name whose page each built HTML file is, by its path in `site_dir` ('pd/2023/index.html');
    the files of `left_out` (staff pages, the 404 page) are not indexed. A `cache` folder keeps, named by the
    sha256 of what makes them (this package's code and its libraries, Pagefind's wheel among them, and
    PAGEFIND_CONFIG; a page's bytes and label; every indexed page's path, label and bytes):
    - each page's copy for the index with the roots of its words (`page/`): a push that changes one perangkat
      daerah's pages makes only theirs again;
    - the bundles (`bundle/`): a build whose pages are all the same as a kept bundle's links it
      (`content_cache.link_or_copy`) instead of running Pagefind; a warm build of a Kabupaten's year spent a fifth
      of its time on the index.
    Returns whether the bundle came from the cache. Raises RuntimeError when Pagefind fails.
    """
    site_dir = Path(site_dir)
    labels = labels or {}
    bundle = site_dir / BUNDLE_DIR
    # Each indexed page's sha256, by its path: the pages are read again only to be indexed anew (a Kabupaten's five
    # years are some 300 MB of them).
    pages = {}
    for page in sorted(site_dir.rglob("*.html")):
        relative = page.relative_to(site_dir).as_posix()
        if relative.split("/")[0] != BUNDLE_DIR and relative not in left_out:
            pages[relative] = hashlib.sha256(page.read_bytes()).digest()
    version = json.dumps([code_version(), PAGEFIND_CONFIG])
    kept = cache / "bundle" / _bundle_key(version, pages, labels) if cache is not None else None
    if kept is not None and kept.is_dir():
        kept.touch()  # used now: prune (of another build) leaves it alone
        _link_tree(kept, bundle)
        prune_unused(kept.parent, {kept.name})
        return True
    indexed = _IndexedPages(version, cache / "page" if cache is not None else None)
    with tempfile.TemporaryDirectory(prefix="pagefind-") as staging_name:
        staging = Path(staging_name)
        # Pagefind indexes a copy made for search (see page_for_index); the published pages stay as built.
        for relative, digest in pages.items():
            copy = staging / "site" / relative
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(indexed.copy(site_dir / relative, digest, labels.get(relative)), encoding="utf-8")
        (staging / "pagefind.json").write_text(json.dumps(PAGEFIND_CONFIG), encoding="utf-8")
        shutil.rmtree(bundle, ignore_errors=True)
        result = subprocess.run(
            [str(pagefind_executable()), "--site", "site", "--output-path", str(bundle.resolve())],
            cwd=staging, capture_output=True, text=True,
        )
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind gagal membuat indeks pencarian:\n{result.stdout}{result.stderr}")
    (bundle / VARIANTS_FILE).write_text(json.dumps(SPELLING_VARIANTS, ensure_ascii=False), encoding="utf-8")
    (bundle / ROOTS_FILE).write_text(json.dumps(dict(sorted(indexed.root_map.items())), ensure_ascii=False,
                                                separators=(",", ":")), encoding="utf-8")
    indexed.prune()
    if kept is not None:
        _keep(bundle, kept)
        prune_unused(kept.parent, {kept.name})
    return False


class _IndexedPages:
    """The pages' copies for the index (`page_for_index` with the roots of their words), each kept in `folder`
    (when given) by the sha256 of `version`, its page's bytes and label, with the roots its words need in the
    root map (`root_map`, every page's so far)."""

    def __init__(self, version: str, folder: Path | None):
        self._version = version
        self._folder = folder
        self._roots: WordRoots | None = None  # Sastrawi's dictionary loads only if a page is not kept
        self._memo: dict[str, tuple[str, list[str]]] = {}
        self._used: set[str] = set()
        self.root_map: dict[str, str] = {}

    def copy(self, page: Path, digest: bytes, label: SearchLabel | None) -> str:
        """The copy to index of a built page (`digest`: the sha256 of its bytes)."""
        key = hashlib.sha256(f"{self._version}\0{label.attributes() if label else ''}\0".encode() + digest)
        entry = self._folder / f"{key.hexdigest()[:40]}.json.gz" if self._folder is not None else None
        if entry is not None:
            self._used.add(entry.name)
            try:
                kept = json.loads(gzip.decompress(entry.read_bytes()))
                copy, roots = kept["copy"], kept["roots"]
                if isinstance(copy, str) and isinstance(roots, dict):
                    entry.touch()  # used now: prune (of another build) leaves it alone
                    self.root_map.update(roots)
                    return copy
            except (OSError, EOFError, zlib.error, ValueError, KeyError, TypeError):
                pass
        if self._roots is None:
            self._roots = WordRoots()
        seen: set[str] = set()
        copy = page_for_index(page.read_text(encoding="utf-8"), label, self._roots, self._memo, seen)
        # The words the root map gives a root: the words the index looked up (a variant by its standard spelling).
        looked_up = {SPELLING_VARIANTS.get(word, word) for word in seen}
        roots = {word: root for word in looked_up if (root := self._roots.root(word)) != word}
        self.root_map.update(roots)
        if entry is not None:
            entry.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(entry, gzip.compress(json.dumps({"copy": copy, "roots": roots}, ensure_ascii=False)
                                              .encode("utf-8"), 1, mtime=0))
        return copy

    def prune(self) -> None:
        """Remove the kept copies no build used within the hour (`content_cache.prune_unused`)."""
        if self._folder is not None:
            prune_unused(self._folder, self._used)


def _bundle_key(version: str, pages: Mapping[str, bytes], labels: Mapping[str, SearchLabel]) -> str:
    """The name of the bundle made from `pages` (the sha256 of each one's bytes, by path) with their `labels`, by the
    sha256 of what decides it."""
    digest = hashlib.sha256(version.encode())
    for relative, page_digest in pages.items():
        label = labels.get(relative)
        digest.update(f"\0{relative}\0{label.attributes() if label else ''}\0".encode() + page_digest)
    return digest.hexdigest()[:40]


def _keep(bundle: Path, kept: Path) -> None:
    """Copy the new `bundle` into the cache as `kept`, whole or not at all: a build reading the cache meanwhile, or
    one stopped halfway, never finds part of a bundle."""
    kept.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(dir=kept.parent, prefix=kept.name + "."))
    try:
        shutil.copytree(bundle, partial, dirs_exist_ok=True)
        os.chmod(partial, 0o755)
        os.replace(partial, kept)
    except OSError:
        # Another build kept the same bundle first (the folder is no longer empty to be replaced): theirs stays.
        shutil.rmtree(partial, ignore_errors=True)


def _link_tree(kept: Path, bundle: Path) -> None:
    """`bundle` made anew as the cache's `kept` bundle, each file a hard link to the cache's (or a copy)."""
    shutil.rmtree(bundle, ignore_errors=True)
    for source in kept.rglob("*"):
        target = bundle / source.relative_to(kept)
        if source.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            link_or_copy(source, target)
