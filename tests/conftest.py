"""Shared fixtures: the project's paths, the real data loaded once, and one strict site build per session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.load import load_cascades
from macros.model import CascadeFile

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "cascade_data"
KEBASEN = DATA / "kecamatan-kebasen" / "2023.yaml"


@pytest.fixture(scope="session")
def kebasen() -> CascadeFile:
    (cascade,) = load_cascades(DATA, shown_relative_to=ROOT)
    return cascade


def build_site(site_dir: Path, data_dir: Path = DATA, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """A strict `mkdocs build` of the project, as `make build` runs it, into `site_dir`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CASCADE_DATA": str(data_dir), **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session in strict mode."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of cascade_data/ for tests that break it."""
    target = tmp_path / "cascade_data"
    shutil.copytree(DATA, target)
    return target
