"""The build's generated files, and a cache that keeps them between builds, per perangkat daerah.

Generating a Kabupaten's pages and downloads was a third of its warm build (17 of 51 seconds for forty perangkat
daerah), though a push usually changes one perangkat daerah's files. So the files made from a perangkat daerah's
cascades (and the data-quality report, made from all of them) are kept in a folder named by the hash of everything
they are made from: those cascades' bytes, places and capaian settings, this package's code and templates, Python
and every installed library. A build reads the files of what is unchanged instead of making them; any change makes
a new entry. The entries a build did not use are removed at its end, unless another build used them within the
hour: the cache holds about one build's files.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .content_cache import code_version, link_or_copy, prune_unused
from .lint import shown_path
from .model import CascadeFile
from .render.chart_maker import ChartMaker

_MANIFEST = "manifest.json"


@dataclass(frozen=True)
class GeneratedFile:
    """A generated page or download: its path relative to the docs folder, its content (bytes for XLSX and ZIP; a
    Path for a file kept by a cache, such as a chart or a page of an unchanged perangkat daerah) and whether the
    navigation lists it (staff pages are reached from links instead)."""

    path: str
    content: str | bytes | Path
    in_nav: bool = True


def cascades_key(name: str, files: list[CascadeFile]) -> str | None:
    """What the files `name` (a perangkat daerah's slug, say) generates from `files` are made from, besides the
    code: each file's place (`lint.shown_path`), bytes (digest) and capaian settings. None when a file was not read
    from disk (no digest): nothing to key by."""
    if any(not cf.source_digest for cf in files):
        return None
    return json.dumps([name, *([shown_path(cf), cf.source_digest, repr(cf.aturan)] for cf in files)])


@dataclass
class GeneratedCache:
    """Generated files in `folder` (None: none are kept), by `code_version` and `cascades_key`.

    An entry is a folder: the files as they were generated below `files/`, and a manifest listing them (path and
    navigation) and the charts their pages show (digest and file name in the chart cache). `hits` and `made` count
    the entries read and written in this build, `made_ahead` those of `made` written by other processes.
    """

    folder: Path | None
    hits: int = 0
    made: int = 0
    made_ahead: int = 0
    # `code_version()`, worked out when first needed (or given: a process making entries for another's build).
    version: str = ""
    _used: set[str] = field(default_factory=set, init=False)

    def files(self, name: str, sources: list[CascadeFile], make: Iterable[GeneratedFile],
              charts: ChartMaker, made_ahead: bool = False) -> Iterable[GeneratedFile]:
        """The files `make` generates from `sources` under `name` (unique in a build), each a Path into the cache:
        read from its entry, or generated, kept, then read; `make` itself where nothing can be kept (no folder, a
        source not read from disk, a chart not in a cache). A kept page's charts are ordered from `charts` again;
        an entry whose charts have left the chart cache is made anew. `made_ahead`: the entry was made in this
        build by another process (it counts as made, not as read)."""
        entry = self._entry(name, sources)
        if entry is None:
            return make
        self._used.add(entry.name)
        kept = self._listing(entry)
        if kept is not None and all(charts.reuse(digest, chart) for digest, chart in kept[1]):
            if made_ahead:
                self.made += 1
                self.made_ahead += 1
            else:
                self.hits += 1
            return kept[0]
        start = len(charts.requested)
        generated = list(make)
        chart_names = {digest: charts.cache_name(digest) for digest in dict.fromkeys(charts.requested[start:])}
        if any(chart is None for chart in chart_names.values()):
            return generated
        self._write(entry, generated, chart_names)
        self.made += 1
        return [GeneratedFile(one.path, entry / "files" / one.path, one.in_nav) for one in generated]

    def missing(self, name: str, sources: list[CascadeFile]) -> bool:
        """True when `files` would make `name`'s files from `sources` and keep them, as far as a glance tells: there
        is a folder and a key, but no entry's manifest (`files` finds a damaged entry, and makes it again)."""
        entry = self._entry(name, sources)
        return entry is not None and not (entry / _MANIFEST).is_file()

    def _entry(self, name: str, sources: list[CascadeFile]) -> Path | None:
        """The folder of `name`'s entry for `sources`, None when nothing can be kept."""
        key = cascades_key(name, sources)
        if self.folder is None or key is None:
            return None
        self.version = self.version or code_version()
        return self.folder / hashlib.sha256(f"{self.version}\0{key}".encode()).hexdigest()

    def _listing(self, entry: Path) -> tuple[list[GeneratedFile], list[tuple[str, str]]] | None:
        """An entry's files and charts (digest, file name), or None when it is missing or damaged (a manifest that
        cannot be read, a file gone or of another size: a `make clean` stopped halfway, a disk filling up).

        Marks the entry as used now, so that `prune` (of another build) leaves it alone. Its files keep their
        times: sites link them (`LinkedFile`, which tells a `--dirty` build what changed by the file itself)."""
        try:
            manifest = json.loads((entry / _MANIFEST).read_text(encoding="utf-8"))
            files = []
            for path, in_nav, size in manifest["files"]:
                file = entry / "files" / path
                if file.stat().st_size != size:
                    return None
                files.append(GeneratedFile(path, file, in_nav))
            os.utime(entry)
            return files, [(digest, chart) for digest, chart in manifest["charts"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _write(self, entry: Path, generated: list[GeneratedFile], charts: dict[str, str | None]) -> None:
        """Write the entry in a folder of its own, then rename it into place: a build stopped halfway leaves no
        entry. An entry already there is kept when whole (another build made it meanwhile, or it was passed over
        because its charts had left the chart cache: the same files) and replaced when damaged."""
        entry.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=entry.parent, prefix=".new-"))
        try:
            listed = []
            for one in generated:
                path = staging / "files" / one.path
                path.parent.mkdir(parents=True, exist_ok=True)
                if isinstance(one.content, Path):
                    link_or_copy(one.content, path)
                else:
                    path.write_bytes(one.content.encode() if isinstance(one.content, str) else one.content)
                listed.append([one.path, one.in_nav, path.stat().st_size])
            manifest = {"files": listed, "charts": list(charts.items())}
            (staging / _MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
            try:
                staging.rename(entry)
            except OSError:
                if self._listing(entry) is None:
                    shutil.rmtree(entry, ignore_errors=True)
                    staging.rename(entry)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def prune(self) -> None:
        """Remove the entries this build did not use, and unfinished ones (see `content_cache.prune_unused`)."""
        if self.folder is not None:
            prune_unused(self.folder, self._used)
