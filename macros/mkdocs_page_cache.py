"""MkDocs glue: the generated pages' Markdown conversions, kept between builds.

Converting the generated pages' Markdown was the largest part of a warm build left (about 15 of 40 seconds for
the synthetic Kabupaten's 800 pages in one year), though a push usually changes one perangkat daerah's pages. A
generated page is therefore a `KeptPage`: the page MkDocs would make (MkDocs 1.6 takes a page a plugin puts on
`File.page`), whose `render` first looks for what converting the same Markdown gave before.

An entry is named by the sha256 of the page's Markdown, its place (source path, address, and whether it is a draft
or left out of the site, whose broken links MkDocs only notes), the Markdown settings of mkdocs.yml, the build's log
level and `content_cache.code_version` (this package, Python, every installed library with its version). It holds
what `Page.render` leaves on the page (the HTML, the table of contents, the title, the anchors it has and the links
to other pages' anchors), the other pages its links looked up, with what they found then (and whether it was left
out of the site), and the messages the conversion logged. It is used only when every looked-up page is found the
same (a page a link pointed to, gone since, converts again and warns), and its messages are logged again: a warning
fails a strict build that reads it as it failed the one that made it.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import logging
import threading
import zlib
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from .content_cache import atomic_write, code_version, prune_unused

# The loggers a conversion writes to: MkDocs' own (which does not pass its messages on to the root logger) and
# the root logger, which Markdown's extensions' loggers pass theirs on to.
_LOGGERS = ("mkdocs", "")


class PageRenderCache:
    """The Markdown conversions of pages in `folder`, for one build with `config`. `hits` and `made` count the
    pages read and converted in this build."""

    def __init__(self, folder: Path, config: MkDocsConfig):
        self.folder = folder
        self.hits = 0
        self.made = 0
        self._used: set[str] = set()
        settings = {name: config[name] for name in ("markdown_extensions", "mdx_configs", "use_directory_urls",
                                                    "validation")}
        self._version = json.dumps([code_version(), logging.getLogger("mkdocs").getEffectiveLevel(), settings],
                                   sort_keys=True, default=_stable)

    def page(self, title: str | None, file: File, config: MkDocsConfig) -> KeptPage:
        """The page of `file` (titled `title` by the navigation, None to take it from the Markdown), whose
        conversion this cache keeps."""
        return KeptPage(title, file, config, self)

    def prune(self) -> None:
        """Remove the entries no build used within the hour (see `content_cache.prune_unused`)."""
        prune_unused(self.folder, self._used)

    def _entry(self, page: Page) -> Path:
        # A draft's or an excluded page's broken links are only noted (INFO), an included page's warned of.
        key = json.dumps([self._version, page.file.src_uri, page.file.url, page.file.inclusion.name, page.markdown])
        entry = self.folder / f"{hashlib.sha256(key.encode()).hexdigest()}.json.gz"
        self._used.add(entry.name)
        return entry

    def restore(self, page: Page, files: Files) -> bool:
        """Put the kept conversion of `page` on it and log its messages again; False when there is none, it is
        damaged, or a page it linked to is not found the same."""
        entry = self._entry(page)
        try:
            kept = json.loads(gzip.decompress(entry.read_bytes()))
            if any(_found(files, path) != found for path, found in kept["lookups"]):
                return False
            toc = [_anchor_link(item) for item in kept["toc"]]
            links = kept["links_to_anchors"]
            content, title, anchors, messages = kept["content"], kept["title"], set(kept["anchors"]), kept["messages"]
            if not isinstance(content, str) or any(not isinstance(level, int) for _, level, _ in messages):
                return False
            entry.touch()  # used now: prune (of another build) leaves it alone
        except (OSError, EOFError, zlib.error, ValueError, KeyError, TypeError):
            return False
        if toc:
            toc[0].active = True  # as MkDocs marks it (mkdocs.structure.toc.get_toc)
        page.content, page.toc, page._title_from_render, page.present_anchor_ids = (
            content, TableOfContents(toc), title, anchors)
        if links is not None:
            page.links_to_anchors = {files.get_file_from_path(path): linked for path, linked in links}
        for name, level, message in messages:
            logging.getLogger(name).log(level, "%s", message)
        self.hits += 1
        return True

    def keep(self, page: Page, lookups: dict[str, list[str | bool] | None], messages: list[list[Any]]) -> None:
        """Keep the conversion just put on `page`, the pages its links looked up and the messages it logged."""
        entry = self._entry(page)
        self.made += 1
        links = page.links_to_anchors
        kept = {
            "content": page.content,
            "toc": [_toc_item(item) for item in page.toc],
            "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()),
            "links_to_anchors": None if links is None else [[file.src_uri, anchors] for file, anchors in links.items()],
            "lookups": sorted(lookups.items()),
            "messages": messages,
        }
        entry.parent.mkdir(parents=True, exist_ok=True)
        # Compressed at the fastest level to a tenth of the size: a Kabupaten's 800 pages read back in a fraction of a
        # second.
        atomic_write(entry, gzip.compress(json.dumps(kept, ensure_ascii=False).encode("utf-8"), 1, mtime=0))


class KeptPage(Page):
    """A page whose Markdown conversion is read from a `PageRenderCache` when it was made before."""

    def __init__(self, title: str | None, file: File, config: MkDocsConfig, cache: PageRenderCache):
        super().__init__(title, file, config)
        self._cache = cache

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self._cache.restore(self, files):
            return
        lookups = _Lookups(files)
        messages = _Messages()
        for name in _LOGGERS:
            logging.getLogger(name).addHandler(messages)
        try:
            super().render(config, lookups)  # type: ignore[arg-type]  # all a conversion asks of files
        finally:
            for name in _LOGGERS:
                logging.getLogger(name).removeHandler(messages)
        self._cache.keep(self, lookups.seen, messages.seen)


def navigation_titles(nav: list[Any]) -> dict[str, str | None]:
    """Each page's title in an mkdocs.yml-style `nav` (a list of paths, {title: path} and {title: [...]}), by
    path: what MkDocs would title the page it makes for it (None: the page's own title)."""
    titles: dict[str, str | None] = {}
    for item in nav:
        entries = item.items() if isinstance(item, dict) else [(None, item)]
        for title, value in entries:
            if isinstance(value, list):
                titles.update(navigation_titles(value))
            else:
                titles.setdefault(value, title)
    return titles


class _Lookups:
    """The build's files as a conversion sees them, noting each path a link looked up and what it found."""

    def __init__(self, files: Files):
        self._files = files
        self.seen: dict[str, list[str | bool] | None] = {}

    def get_file_from_path(self, path: str) -> File | None:
        file = self._files.get_file_from_path(path)
        self.seen[path] = _described(file)
        return file


class _Messages(logging.Handler):
    """The messages logged in this thread while it is attached, as [logger, level, text]."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self._records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        # Only the conversion's own (the diagrams' background thread logs meanwhile), and each once: a record seen
        # on MkDocs' logger also reaches the root logger when MkDocs' command line has not cut that path.
        if record.thread == threading.get_ident() and not any(seen is record for seen in self._records):
            self._records.append(record)

    @property
    def seen(self) -> list[list[Any]]:
        return [[record.name, record.levelno, record.getMessage()] for record in self._records]


def _found(files: Files, path: str) -> list[str | bool] | None:
    """What a link to `path` finds (`_described`)."""
    return _described(files.get_file_from_path(path))


def _described(file: File | None) -> list[str | bool] | None:
    """A file a link found: its source path, address and whether it is left out of the site (a link to it is
    noted), or None."""
    return None if file is None else [file.src_uri, file.url, file.inclusion.is_excluded()]


def _toc_item(link: AnchorLink) -> dict[str, Any]:
    return {"title": link.title, "id": link.id, "level": link.level,
            "children": [_toc_item(child) for child in link.children]}


def _anchor_link(item: dict[str, Any]) -> AnchorLink:
    link = AnchorLink(item["title"], item["id"], item["level"])
    link.children = [_anchor_link(child) for child in item["children"]]
    return link


def _stable(value: object) -> object:
    """A setting that JSON cannot write, named the same in every build: a function (a custom fence's formatter) by
    its module and name, a partial by its function and arguments, anything else by its text."""
    if isinstance(value, functools.partial):
        return [value.func, value.args, value.keywords]
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{value.__module__}.{value.__qualname__}"
    return repr(value)
