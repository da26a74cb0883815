"""The Pagefind bundle of a built site (`macros.search` says what is indexed and how), kept between builds.

A cache folder keeps, each named by the sha256 of what makes it (this package's code and its libraries, Pagefind's
wheel among them, and `PAGEFIND_CONFIG`; then a page's label and bytes, or every indexed page's path, label and
bytes):
- `page/`: each page's copy for Pagefind with the roots of its words, so that a push which changes one perangkat
  daerah's pages rewrites only theirs before Pagefind runs;
- `bundle/`: whole bundles, each with the sha256 of its files: a build whose pages are all the same as a kept
  bundle's links that bundle's files into the site (`content_cache.link_or_copy`) instead of running Pagefind.
  A warm build of a Kabupaten's year spent a fifth of its time on the index. A kept bundle whose files are not all
  there with their sha256 (damaged, or written into through the site's links) is made again.
A cache that cannot be read or written makes the build slower, never wrong.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import zlib
from collections.abc import Collection, Mapping
from pathlib import Path

from .content_cache import atomic_write, code_version, link_or_copy, prune_unused
from .search import BUNDLE_DIR, PAGEFIND_CONFIG, ROOTS_FILE, VARIANTS_FILE, SearchLabel, page_for_index
from .search_words import WordRoots
from .spelling import SPELLING_VARIANTS

# A kept bundle: its files, and their sha256 by path within it.
_FILES, _SUMS = "files", "sha256.json"


def pagefind_executable() -> Path:
    """The Pagefind binary of the installed `pagefind-bin` wheel."""
    from pagefind_bin import get_executable

    return get_executable()


def build_search_index(site_dir: Path, labels: Mapping[str, SearchLabel] | None = None,
                       left_out: Collection[str] = (), cache: Path | None = None) -> bool:
    """Write the Pagefind bundle (index shards, UI, variant map, root map) into `site_dir/pagefind/`.

    `labels` name whose page each built HTML file is, by its path in `site_dir` ('pd/2023/index.html');
    the files of `left_out` (staff pages, the 404 page) are not indexed; `cache` is the folder that keeps copies
    and bundles (see the module). Returns whether the bundle came from the cache. Raises RuntimeError when
    Pagefind fails.
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
    if kept is not None and _linked(kept, bundle):
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
                    os.utime(entry)  # used now: prune (of another build) leaves it alone
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
            try:
                entry.parent.mkdir(parents=True, exist_ok=True)
                atomic_write(entry, gzip.compress(json.dumps({"copy": copy, "roots": roots}, ensure_ascii=False)
                                                  .encode("utf-8"), 1, mtime=0))
            except OSError:
                pass  # kept next time, perhaps
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


def _linked(kept: Path, bundle: Path) -> bool:
    """Make `bundle` the kept bundle `kept`, each file a hard link to the cache's (or a copy), when `kept` is whole:
    every file it lists there with its sha256. False when there is none; False, with `kept` and `bundle` removed,
    when it is not whole, for this build to index anew and keep its own."""
    if not kept.exists():
        return False
    try:
        os.utime(kept)  # used now: prune (of another build) leaves it alone
        sums = json.loads((kept / _SUMS).read_text(encoding="utf-8"))
        files = kept / _FILES
        # Pagefind's entry file names every other file a search loads: a list without it is not a bundle.
        if isinstance(sums, dict) and "pagefind-entry.json" in sums and all(
                hashlib.sha256((files / name).read_bytes()).hexdigest() == digest for name, digest in sums.items()):
            shutil.rmtree(bundle, ignore_errors=True)
            for name in sums:
                (bundle / name).parent.mkdir(parents=True, exist_ok=True)
                link_or_copy(files / name, bundle / name)
            return True
    except (OSError, ValueError, TypeError):
        pass  # damaged, or removed meanwhile by another build's prune
    if kept.is_dir() and not kept.is_symlink():
        shutil.rmtree(kept, ignore_errors=True)
    else:
        kept.unlink(missing_ok=True)
    shutil.rmtree(bundle, ignore_errors=True)
    return False


def _keep(bundle: Path, kept: Path) -> None:
    """Copy the new `bundle` into the cache as `kept` with the sha256 of its files, whole or not at all: a build
    reading the cache meanwhile, or one stopped halfway, never finds part of a bundle."""
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(dir=kept.parent, prefix=kept.name + "."))
    except OSError:
        return
    try:
        shutil.copytree(bundle, partial / _FILES)
        sums = {path.relative_to(partial / _FILES).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
                for path in sorted((partial / _FILES).rglob("*")) if path.is_file()}
        (partial / _SUMS).write_text(json.dumps(sums), encoding="utf-8")
        os.chmod(partial, 0o755)
        os.replace(partial, kept)
    except OSError:
        # Another build kept the same bundle first (the folder is no longer empty to be replaced): theirs stays.
        shutil.rmtree(partial, ignore_errors=True)
