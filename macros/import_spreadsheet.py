"""`make import FILE=<xlsx or csv> [PERANGKAT_DAERAH=... TAHUN=... FORCE=1]`: a spreadsheet → a data file.

`python -m macros.import_spreadsheet FILE [--perangkat-daerah NAMA] [--tahun TAHUN] [--force]` writes
$CASCADE_DATA (or cascade_data/)/<perangkat-daerah>/<tahun>.yaml (a Renstra period: <perangkat-daerah>/2021-2026.yaml);
every problem is printed as `Lembar!Sel: pesan`,
without a traceback. Nothing in `macros` imports this module.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from .importer import SpreadsheetError, import_spreadsheet, write_imported
from .model import FIRST_YEAR, LAST_YEAR


def main(argv: list[str] | None = None) -> int:
    """Import one spreadsheet; exit 0 with the written path, or 1 with every problem on stderr."""
    parser = argparse.ArgumentParser(prog="python -m macros.import_spreadsheet", description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--perangkat-daerah", default="")
    parser.add_argument("--tahun", default="")
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    if args.tahun and not (re.fullmatch(r"[0-9]{4}", args.tahun) and FIRST_YEAR <= int(args.tahun) <= LAST_YEAR):
        print(f"TAHUN={args.tahun}: tulis tahun lengkap ({FIRST_YEAR}–{LAST_YEAR}), misalnya TAHUN=2024",
              file=sys.stderr)
        return 1
    try:
        imported = import_spreadsheet(args.file, args.perangkat_daerah or None, int(args.tahun) if args.tahun else None)
        data = Path(os.environ.get("CASCADE_DATA", "cascade_data"))
        written = write_imported(imported, data, force=args.force)
    except SpreadsheetError as error:
        listing = "\n".join(f"  {problem}" for problem in error.problems)
        print(f"Impor gagal ({len(error.problems)} masalah):\n{listing}", file=sys.stderr)
        return 1
    print(f"Ditulis: {written}. Periksa baris komentar '#' di dalamnya, lalu jalankan make check.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
