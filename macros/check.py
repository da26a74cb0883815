"""`make check`: validate the cascade data files without building the site."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .load import CascadeError, load_cascades


def main() -> int:
    data_dir = Path(os.environ.get("CASCADE_DATA", "cascade_data"))
    try:
        files = load_cascades(data_dir)
    except CascadeError as error:
        print(f"Data cascade berisi {len(error.problems)} kesalahan:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"Data cascade valid: {len(files)} berkas di {data_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
