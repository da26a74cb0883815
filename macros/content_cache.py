"""A folder of build outputs keyed by a hash of everything they are made from, kept between builds."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import distributions
from pathlib import Path


def atomic_write(path: Path, data: bytes) -> None:
    """Write data to path so that a concurrent reader never sees a partial file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        # Readable by all, as a copied file is: the site links these files, and a web server reads them as its own
        # user (mkstemp makes them readable by their owner only).
        os.fchmod(fd, 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def link_or_copy(source: Path, target: Path) -> None:
    """Make `target` (which must not exist) a hard link to `source`, or a copy where the two are on different file
    systems or links are not allowed. For the cache's own files only: they are never written into again (a new
    content is a new file, `atomic_write`), so the link keeps the bytes it was made with."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
        return
    # A web server reads the site as its own user; a file of an older cache (or one restored from an older build)
    # may be readable by its owner only.
    if os.stat(target).st_mode & 0o044 != 0o044:
        os.chmod(target, 0o644)


class ContentCache:
    """Outputs of `make` by the sha256 of `version` and the text they are made from.

    `version` names what else decides the output (the code that makes it, its libraries), so that changing
    either makes new entries instead of serving stale ones.
    """

    def __init__(self, folder: Path, suffix: str, version: str):
        self.folder = Path(folder)
        self.suffix = suffix
        self.version = version

    def path(self, text: str, owner: str | None = None) -> Path:
        """The file that holds (or will hold) the output for text, made from the data file `owner` if given;
        nothing is made or read."""
        key = hashlib.sha256(f"{self.version}\0{text}".encode("utf-8")).hexdigest()
        return self.folder / f"{_owner_prefix(owner)}{key}{self.suffix}"

    def put(self, text: str, data: bytes, owner: str | None = None) -> Path:
        """Store data as the output for text (atomically, so readers in other processes never see part of it).

        With an `owner`, the entries made before from that data file's other texts (or by other code) are removed:
        an entry per edit of each file would otherwise be kept forever.
        """
        path = self.path(text, owner)
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
        if owner is not None:
            self._remove_others(path, owner)
        return path

    def _remove_others(self, kept: Path, owner: str) -> None:
        """Remove the entries of `owner` but `kept`. Another build may be reading one: it keeps reading what it
        opened, or finds no file, which is a cache miss; another's unfinished write ('<entry>.<random>.tmp') is
        no entry."""
        prefix = _owner_prefix(owner)
        entry = re.compile(re.escape(prefix) + "[0-9a-f]{64}" + re.escape(self.suffix))
        for path in self.folder.glob(f"{prefix}*"):
            if path.name == kept.name or not entry.fullmatch(path.name):
                continue
            try:
                path.unlink()
            except OSError:
                # Removed by another build already, or held open where that forbids removing: an entry left
                # behind costs disk space only, and the file's next edit removes it.
                continue

    def get(self, text: str, make: Callable[[], bytes]) -> bytes:
        """The cached output for text, made (and stored) if there is none yet."""
        try:
            return self.path(text).read_bytes()
        except FileNotFoundError:
            pass
        data = make()
        self.put(text, data)
        return data


def _owner_prefix(owner: str | None) -> str:
    """What starts the name of every entry made from the data file `owner`: a hash, not the path, so that any path
    makes a short name of safe characters."""
    return "" if owner is None else hashlib.sha256(owner.encode("utf-8")).hexdigest()[:16] + "-"


# An entry another build (`mkdocs serve` beside `make build`, the tests' builds side by side) made or read within
# this time may still be in use. Well above a Kabupaten's longest build.
PRUNE_AFTER_SECONDS = 3600


def prune_unused(folder: Path, used: set[str]) -> None:
    """Remove the entries of `folder` (files or folders) not named in `used`, unless made or read in the last
    hour: another build may be using them (and may be renaming or removing one while this one looks)."""
    if not folder.is_dir():
        return
    now = time.time()
    for entry in folder.iterdir():
        try:
            if entry.name in used or now - entry.stat().st_mtime < PRUNE_AFTER_SECONDS:
                continue
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                os.unlink(entry)
        except FileNotFoundError:
            continue


def code_version(package: Path = Path(__file__).parent) -> str:
    """What decides any output of the build besides its input, for naming cache entries: the files of `package`
    (this one: code and templates), Python, and every installed distribution with its version."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(f"\0{path.relative_to(package)}\0".encode())
            digest.update(path.read_bytes())
    for name in sorted(f"{dist.metadata['Name']} {dist.version}" for dist in distributions()):
        digest.update(f"\0{name}".encode())
    return digest.hexdigest()
