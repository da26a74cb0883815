"""Parsed cascade files kept between builds, by the hash of their text and of the code that reads them.

Reading a large cascade's YAML with the line of every value is most of loading it (a quarter of a second for a
synthetic Dinas, ten seconds of every build of a Kabupaten's forty); a build after an edit reads again only the
files that changed. What is kept is `parse_yaml`'s result, before validation, which runs on every build.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from .content_cache import ContentCache, code_version
from .processes import spawned_pool
from .yaml_source import ParsedYaml, parse_yaml

# Below this many files to parse, one process parses them sooner (a worker takes a while to start).
AHEAD_MIN_MISSES = 8


class ParseCache:
    """`parse_yaml` with its results kept in `folder`: the build's own cache (`.cache/yaml`), trusted like the
    diagrams kept beside it. `version` is `code_version()` (worked out here when not given)."""

    def __init__(self, folder: Path, version: str | None = None):
        self.folder = folder
        self.version = version or code_version()
        self.cache = ContentCache(folder, ".pickle", self.version)

    def parse_ahead(self, files: list[tuple[str, str]], workers: int) -> None:
        """Parse the files (text, shown as) not kept yet in `workers` processes, each keeping its parse, so that
        `parse` then reads them: a first build reads a Kabupaten's YAML on every core. Nothing is done with one
        worker or fewer than AHEAD_MIN_MISSES files to parse; a file that cannot be parsed is left to `parse`,
        which reports it."""
        missing = [(text, shown) for text, shown in files if not self.cache.path(text, owner=shown).is_file()]
        if workers < 2 or len(missing) < AHEAD_MIN_MISSES:
            return
        with spawned_pool(min(workers, len(missing))) as pool:
            for text, shown in missing:
                pool.submit(_parse_kept, self.folder, self.version, text, shown)

    def parse(self, text: str, shown: str) -> ParsedYaml:
        """`parse_yaml(text, shown)`, read back when this text was parsed by this code before.

        A parse that found problems is not kept (its problems name the file as `shown`); errors are raised as by
        `parse_yaml`.
        """
        # Kept by the file it is read from (`shown`), so that an edit's parse replaces the one before.
        try:
            return pickle.loads(self.cache.path(text, owner=shown).read_bytes())
        except (FileNotFoundError, EOFError, pickle.UnpicklingError):
            pass
        parsed = parse_yaml(text, shown)
        if not parsed.problems:
            self.cache.put(text, pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL), owner=shown)
        return parsed


def _parse_kept(folder: Path, version: str, text: str, shown: str) -> None:
    """In a worker process: parse a file into the cache in `folder`. One with problems is not kept, and one that
    cannot be parsed is passed over: the build parses both again and reports them, with every other file's."""
    try:
        ParseCache(folder, version).parse(text, shown)
    except Exception:  # whatever it is, the build's own parse raises it again where it is reported
        pass
