"""Each cascade file's data-quality findings kept between builds, by the hash of its text and of the code.

The report lists every file's findings, so a push that edits one file made the build check all of them again:
eight seconds of a Kabupaten's five years (200 files). Only the checks of a file on its own are kept; those that
compare a perangkat daerah's years run on every build.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

from .content_cache import ContentCache, code_version
from .lint import Finding, file_findings, shown_path
from .model import CascadeFile


class LintCache:
    """`lint.file_findings` with its results kept in `folder` (the build's own cache, `.cache/lint`)."""

    def __init__(self, folder: Path):
        self.cache = ContentCache(folder, ".pickle", code_version())

    def findings(self, cf: CascadeFile) -> list[Finding]:
        """`file_findings(cf)`, read back when this text under this name was checked by this code before; a file
        loaded without its text's hash (`source_digest`) is checked every time."""
        if not cf.source_digest:
            return file_findings(cf)
        # The findings name the file as staff see it ('cascade_data/<pd>/<tahun>.yaml'); kept by that file, so that
        # an edit's findings replace the ones before.
        shown = shown_path(cf)
        key = json.dumps([shown, cf.source_digest])
        try:
            return pickle.loads(self.cache.path(key, owner=shown).read_bytes())
        except (FileNotFoundError, EOFError, pickle.UnpicklingError):
            pass
        found = file_findings(cf)
        self.cache.put(key, pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL), owner=shown)
        return found
