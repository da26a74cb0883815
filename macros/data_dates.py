"""When each data file last changed, for the catalog's `dct:modified`, the same on every clone and every build.

The rule: the date of the file's last git commit when the file is committed and unchanged since; otherwise
(not in a git repository, git missing, never committed, or edited since the last commit) the file's
modification time. A build from a clean checkout therefore dates every cascade by its history, not by
when the clone was made; a build of work in progress dates what changed by when it was saved. A shallow clone
(CI's default checkout) has no history to date by: `shallow_history_note` says so for the build to warn.
"""

from __future__ import annotations

import datetime
import subprocess
from collections.abc import Iterable
from pathlib import Path

_UTC = datetime.timezone.utc


def _git(args: list[str], cwd: Path) -> str | None:
    """git's output, or None when git is missing or the folder is not in a repository."""
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def _committed_dates(folder: Path) -> dict[Path, datetime.datetime]:
    """The last commit date of every file git knows under `folder` that is unchanged since, in one git log."""
    top = _git(["rev-parse", "--show-toplevel"], folder)
    if top is None:
        return {}
    root = Path(top.strip())
    log = _git(["log", "--format=@%cI", "--name-only", "--no-renames", "--", "."], folder) or ""
    dates: dict[Path, datetime.datetime] = {}
    when: datetime.datetime | None = None
    for line in log.splitlines():
        if line.startswith("@"):
            when = datetime.datetime.fromisoformat(line[1:]).astimezone(_UTC)
        elif line and when is not None:
            dates.setdefault((root / line).resolve(), when)  # newest commit first
    changed = _git(["status", "--porcelain", "--no-renames", "--untracked-files=all", "--", "."], folder) or ""
    for line in changed.splitlines():
        dates.pop((root / line[3:]).resolve(), None)
    return dates


def last_changes(paths: Iterable[Path]) -> dict[Path, datetime.datetime]:
    """Each existing file's last change in UTC (see the module's rule), by the path as given; a path that is
    not a file (a cascade built in code) has none."""
    paths = [path for path in paths if path.is_file()]
    committed: dict[Path, datetime.datetime] = {}
    for folder in {path.resolve().parent.parent for path in paths}:  # the data folder of '<pd>/<tahun>.yaml'
        committed.update(_committed_dates(folder))
    return {path: committed.get(path.resolve())
            or datetime.datetime.fromtimestamp(int(path.stat().st_mtime), _UTC) for path in paths}


def shallow_history_note(folder: Path) -> str | None:
    """An Indonesian warning for staff when `folder` is in a shallow git clone, whose few commits date every file
    they touch by the newest one (each push would then show every dataset as changed); None otherwise."""
    if (_git(["rev-parse", "--is-shallow-repository"], folder) or "").strip() != "true":
        return None
    return (f"Riwayat git folder data ({folder}) tidak lengkap (shallow clone), jadi tanggal perubahan setiap "
            "cascade di katalog DCAT (dct:modified) bisa salah: berkas yang tidak berubah pun bertanggal commit "
            "terakhir, dan portal data menganggap datasetnya berubah. Ambil riwayat lengkap dengan "
            "git fetch --unshallow, atau di GitHub Actions tulis fetch-depth: 0 pada langkah actions/checkout.")
