"""Parsed cascade files kept between builds, by the hash of their text and of the code that reads them.

Reading a large cascade's YAML with the line of every value is most of loading it (a quarter of a second for a
synthetic Dinas, ten seconds of every build of a Kabupaten's forty); a build after an edit reads again only the
files that changed. What is kept is `parse_yaml`'s result, before validation, which runs on every build.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from .content_cache import ContentCache, code_version
from .yaml_source import ParsedYaml, parse_yaml


class ParseCache:
    """`parse_yaml` with its results kept in `folder`: the build's own cache (`.cache/yaml`), trusted like the
    diagrams kept beside it."""

    def __init__(self, folder: Path):
        self.cache = ContentCache(folder, ".pickle", code_version())

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
