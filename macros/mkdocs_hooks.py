"""MkDocs glue: load the cascades once per build, add their generated pages, downloads and navigation.

Everything of substance lives in `macros.load` (YAML → model) and `macros.site` (model → files); this hook
only hands their results to MkDocs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

# `mkdocs serve` re-runs this file on every rebuild: drop the cached core modules so that edits to
# macros/ take effect without restarting the server.
for _name in [n for n in sys.modules if n.startswith("macros.")]:
    del sys.modules[_name]

from macros.load import CascadeError, load_cascades
from macros.model import CascadeFile
from macros.site import generate_pages, navigation


_cascades: list[CascadeFile] = []


def data_dir(config: MkDocsConfig) -> Path:
    """The cascade folder: $CASCADE_DATA, or cascade_data/ beside mkdocs.yml."""
    project = Path(config.config_file_path).parent
    return project / os.environ.get("CASCADE_DATA", "cascade_data")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _cascades
    project = Path(config.config_file_path).parent
    try:
        _cascades = load_cascades(data_dir(config), shown_relative_to=project)
    except CascadeError as error:
        count = len(error.problems)
        listing = "\n".join(f"  {problem}" for problem in error.problems)
        raise Abort(f"Data cascade berisi {count} kesalahan; perbaiki lalu bangun ulang:\n{listing}") from None
    home, *rest = config.nav or ["index.md"]
    config.nav = [home, *navigation(_cascades), *rest]
    config.extra["cascades"] = _cascades
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for src_uri, content in generate_pages(_cascades).items():
        files.append(File.generated(config, src_uri, content=content))
    return files
