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

from .problems import NOTICE


def build_site(target: Path, config_file: Path = Path("mkdocs.yml")) -> int:
    """Run a strict MkDocs build into a sibling temporary folder, then swap it into place; return the exit code."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    staging.chmod(0o755)  # a web server reads the site as its own user; mkdtemp opens it to its owner only
    # Not --quiet: it drops warnings before strict mode counts them, so the build would no longer fail on them.
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file),
               "--site-dir", str(staging)]
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True) as build:
        assert build.stderr is not None
        for line in build.stderr:
            if not line.startswith("INFO") or NOTICE in line:  # not MkDocs' and the plugins' progress notes
                print(line, end="", file=sys.stderr, flush=True)
    if build.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"\nBuild gagal; {target} tidak diubah.", file=sys.stderr)
        return build.returncode
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Situs ditulis ke {target}")
    return 0


if __name__ == "__main__":
    sys.exit(build_site(*map(Path, sys.argv[1:] or ["site"])))
