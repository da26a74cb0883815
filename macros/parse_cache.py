"""Parsed cascade files kept between builds, by the hash of their text and of the code that reads them.

Reading a large cascade's YAML with the line of every value is most of loading it (a quarter of a second for a
synthetic Dinas, ten seconds of every build of a Kabupaten's forty); a build after an edit reads again only the
files that changed. What is kept is `parse_yaml`'s result, before validation, which runs on every build.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from functools import cache
from pathlib import Path

import yaml

from .content_cache import ContentCache
from .yaml_source import ParsedYaml, parse_yaml


def parse_yaml_cached(text: str, shown: str, folder: Path | None) -> ParsedYaml:
    """`parse_yaml(text, shown)`, read from `folder` when this text was parsed by this code before.

    A parse that found problems is not kept (its problems name the file as `shown`); errors are raised as by
    `parse_yaml`. The cache is the build's own folder (`.cache`), trusted like the diagrams it also holds.
    """
    if folder is None:
        return parse_yaml(text, shown)
    cache = ContentCache(folder, ".pickle", _code_version())
    try:
        return pickle.loads(cache.path(text).read_bytes())
    except (FileNotFoundError, EOFError, pickle.UnpicklingError):
        pass
    parsed = parse_yaml(text, shown)
    if not parsed.problems:
        cache.put(text, pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))
    return parsed


@cache
def _code_version() -> str:
    """What decides a parse besides the text: this package's code (the reader, the model's fields), PyYAML and
    Python."""
    digest = hashlib.sha256(f"{sys.version}\0{yaml.__version__}".encode())
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()
