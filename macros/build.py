"""`make build`: build the site into a temporary folder and replace the target only when the build succeeds.

A failed build (a data mistake, a broken link) leaves the previous site whole, so a web server copying
`site/` never publishes half a site.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def build_site(target: Path, config_file: Path = Path("mkdocs.yml")) -> int:
    """Run a strict MkDocs build into a sibling temporary folder, then swap it into place; return the exit code."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file", str(config_file),
               "--site-dir", str(staging)]
    result = subprocess.run(command)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"\nBuild gagal; {target} tidak diubah.", file=sys.stderr)
        return result.returncode
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Situs ditulis ke {target}")
    return 0


if __name__ == "__main__":
    sys.exit(build_site(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
