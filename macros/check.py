"""`make check`: validate the cascade data files without building the site."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .load import load_cascades
from .model import CascadeFile
from .problems import CascadeError


def data_dir() -> Path:
    """The cascade folder the command-line tools read: $CASCADE_DATA, or cascade_data/."""
    return Path(os.environ.get("CASCADE_DATA", "cascade_data"))


def load_or_report(folder: Path) -> list[CascadeFile] | None:
    """The loaded cascades, or None after printing every problem to stderr."""
    try:
        return load_cascades(folder)
    except CascadeError as error:
        print(error.report("perbaiki lalu jalankan lagi"), file=sys.stderr)
        return None


def main() -> int:
    files = load_or_report(data_dir())
    if files is None:
        return 1
    print(f"Data cascade valid: {len(files)} berkas di {data_dir()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
