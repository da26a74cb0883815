"""The data tools' command line: `make check` validates the data files, `make lint` lists data-quality findings.

`python -m macros.check` validates; `python -m macros.check lint` prints every finding of `macros.lint` and
fails only when $STRICT is set (`make lint STRICT=1`). Both read $CASCADE_DATA, or cascade_data/. Nothing in
`macros` imports this module: it is the one place that prints and picks exit codes.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from .lint import lint_files, shown_path
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


def check() -> int:
    """Print that the data is valid and exit 0, or print every problem and exit 1."""
    files = load_or_report(data_dir())
    if files is None:
        return 1
    print(f"Data cascade valid: {len(files)} berkas di {data_dir()}")
    return 0


def lint(*, strict: bool) -> int:
    """Print the findings; exit 1 on invalid data, or on any finding when `strict`."""
    files = load_or_report(data_dir())
    if files is None:
        return 1
    findings = lint_files(files)
    # Named so that an editor opens them from here (the report page names them as staff know them, wherever built).
    openable = {shown_path(cf): _openable(cf.path) for cf in files}
    for finding in findings:
        print(replace(finding, path=openable.get(finding.path, finding.path)))
    kind = "kesalahan" if strict else "peringatan"
    print(f"{len(findings)} {kind} kualitas data di {len(files)} berkas", file=sys.stderr)
    return 1 if strict and findings else 0


def _openable(path: Path) -> str:
    """A data file's path from the current folder: relative below it ('cascade_data/...'), absolute elsewhere."""
    path, here = path.resolve(), Path.cwd().resolve()
    return str(path.relative_to(here)) if path.is_relative_to(here) else str(path)


def main(argv: list[str] | None = None) -> int:
    """Run `check` (the default) or `lint`, as the first argument says."""
    parser = argparse.ArgumentParser(prog="python -m macros.check", description=__doc__.splitlines()[0])
    parser.add_argument("command", nargs="?", choices=("check", "lint"), default="check")
    command = parser.parse_args(argv).command
    if command == "lint":
        return lint(strict=os.environ.get("STRICT", "") not in ("", "0"))
    return check()


if __name__ == "__main__":
    sys.exit(main())
