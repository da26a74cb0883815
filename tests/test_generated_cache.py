"""The build keeps each perangkat daerah's pages and downloads between builds: a build after a push that changed
one perangkat daerah's file makes only that one's again, and publishes exactly what making them all would."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import pytest

from macros import generated
from macros.content_cache import code_version
from macros.generated import GeneratedCache, GeneratedFile
from macros.load import load_cascades
from macros.naming import overview_page
from macros.render.chart_maker import ChartMaker
from macros.site import AHEAD_MIN_MISSES, generate_files, program_diagrams
from tests.helpers import ROOT

GUNUNG_KALER = "kecamatan-gunung-kaler/2020.yaml"


def published(made: Iterable[GeneratedFile]) -> dict[str, bytes]:
    """What the site would hold: every generated file's bytes by its path."""
    def data(content: str | bytes | Path) -> bytes:
        if isinstance(content, Path):
            return content.read_bytes()
        return content.encode() if isinstance(content, str) else content
    return {one.path: data(one.content) for one in made}


def build(data: Path, cache: Path, chart_workers: int = 0) -> tuple[dict[str, bytes], GeneratedCache]:
    """Generate the site's files from `data` with the build's caches in `cache`, as the hook does (which draws the
    charts in worker processes: `chart_workers`)."""
    files = load_cascades(data)
    kept = GeneratedCache(cache / "generated")
    charts = ChartMaker(cache / "charts", workers=chart_workers)
    return published(generate_files(files, program_diagrams(files), cache, charts=charts, kept=kept)), kept


def test_an_unchanged_build_reads_every_perangkat_daerah_and_the_report_from_the_cache(data_copy, tmp_path):
    # Charts drawn in a worker, as in a build: a page is kept while its charts are still being drawn.
    first, kept = build(data_copy, tmp_path / "cache", chart_workers=1)
    assert (kept.made, kept.hits) == (3, 0)  # two perangkat daerah and the data-quality report
    again, kept = build(data_copy, tmp_path / "cache")
    assert (kept.made, kept.hits) == (0, 3)
    assert again == first
    files = load_cascades(data_copy)
    assert published(generate_files(files, program_diagrams(files))) == first, "the cache changes nothing published"


def test_an_edited_file_makes_its_perangkat_daerah_again_and_its_pages_show_the_edit(data_copy, tmp_path):
    first, _ = build(data_copy, tmp_path / "cache")
    path = data_copy / GUNUNG_KALER
    path.write_text(path.read_text(encoding="utf-8").replace('2020: "88,95"', '2020: "90,05"'), encoding="utf-8")
    edited, kept = build(data_copy, tmp_path / "cache")
    assert (kept.made, kept.hits) == (2, 1)  # Gunung Kaler and the report; Kebasen read
    (gunung_kaler,) = (cf for cf in load_cascades(data_copy) if cf.slug == "kecamatan-gunung-kaler")
    overview = overview_page(gunung_kaler)
    assert "90,05" in edited[overview].decode() and "90,05" not in first[overview].decode()
    kebasen = [path for path in first if path.startswith(("kecamatan-kebasen/", "data/kecamatan-kebasen/"))]
    assert kebasen and all(edited[path] == first[path] for path in kebasen)


def test_a_first_build_makes_the_perangkat_daerah_in_other_processes_and_publishes_what_one_process_makes(tmp_path):
    data = tmp_path / "data"
    made = subprocess.run([sys.executable, str(ROOT / "scripts/make_synthetic.py"), str(data), "--perangkat-daerah",
                           str(AHEAD_MIN_MISSES), "--years", "1"], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    files = load_cascades(data)

    def first_build(cache: Path, workers: int) -> tuple[dict[str, bytes], GeneratedCache, ChartMaker]:
        kept, charts = GeneratedCache(cache / "generated"), ChartMaker(cache / "charts")
        return published(generate_files(files, program_diagrams(files), cache, charts=charts, kept=kept,
                                        workers=workers)), kept, charts

    alone, kept_alone, charts_alone = first_build(tmp_path / "one", workers=1)
    shared, kept_shared, charts_shared = first_build(tmp_path / "two", workers=2)
    assert (kept_alone.made, kept_alone.made_ahead) == (AHEAD_MIN_MISSES + 1, 0)
    # Every perangkat daerah made elsewhere; the data-quality report (from every cascade) here.
    assert (kept_shared.made, kept_shared.made_ahead, kept_shared.hits) == (AHEAD_MIN_MISSES + 1, AHEAD_MIN_MISSES, 0)
    # The charts drawn elsewhere are counted; two workers may both draw a chart that two perangkat daerah show
    # (the same values) if they reach it at the same moment, into the same file.
    assert charts_shared.made >= charts_alone.made > 0
    assert sorted(os.listdir(tmp_path / "two" / "charts")) == sorted(os.listdir(tmp_path / "one" / "charts"))
    assert charts_shared.drawing_cpu > 0 and charts_alone.drawing_cpu > 0
    assert shared == alone
    again, kept_again, _ = first_build(tmp_path / "two", workers=2)
    assert (kept_again.made, kept_again.hits) == (0, AHEAD_MIN_MISSES + 1) and again == alone


def test_other_code_makes_every_entry_again(data_copy, tmp_path, monkeypatch):
    build(data_copy, tmp_path / "cache")
    monkeypatch.setattr(generated, "code_version", lambda: "another version of the code")
    _, kept = build(data_copy, tmp_path / "cache")
    assert (kept.made, kept.hits) == (3, 0)


def test_the_code_version_follows_the_templates_and_the_code(tmp_path):
    package = tmp_path / "macros"
    shutil.copytree(Path(generated.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    version = code_version(package)
    assert version == code_version(package) and len(version) == 64
    template = next((package / "render" / "templates").glob("*.j2"))
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_template = code_version(package)
    (package / "site.py").write_text((package / "site.py").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert len({version, after_template, code_version(package)}) == 3


def test_entries_no_build_used_within_the_hour_are_removed(data_copy, tmp_path):
    folder = tmp_path / "cache" / "generated"
    build(data_copy, tmp_path / "cache")
    before = set(os.listdir(folder))
    path = data_copy / GUNUNG_KALER
    path.write_text(path.read_text(encoding="utf-8") + "# disunting\n", encoding="utf-8")
    build(data_copy, tmp_path / "cache")
    after = set(os.listdir(folder))
    replaced = before - after
    assert not replaced and len(after - before) == 2, "an hour's grace: another build may still read them"
    hours_ago = time.time() - 2 * 3600
    for name in before:
        os.utime(folder / name, (hours_ago, hours_ago))
    _, kept = build(data_copy, tmp_path / "cache")
    assert kept.hits == 3
    # Kebasen's entry was read again (and so kept); Gunung Kaler's and the report's old ones went.
    assert len(set(os.listdir(folder)) & before) == 1 and len(os.listdir(folder)) == 3


def test_a_kept_page_whose_chart_left_the_chart_cache_is_made_again_with_it(data_copy, tmp_path):
    first, _ = build(data_copy, tmp_path / "cache")
    charts = sorted((tmp_path / "cache" / "charts").glob("*.svg"))
    assert charts
    for chart in charts:
        chart.unlink()
    again, kept = build(data_copy, tmp_path / "cache", chart_workers=1)
    assert kept.made >= 1 and again == first


def test_a_cascade_not_read_from_a_file_or_a_build_without_a_cache_folder_keeps_nothing(kebasen, tmp_path):
    built = type(kebasen)(kebasen.slug, kebasen.path, kebasen.cascade)
    assert not built.source_digest and kebasen.source_digest == hashlib.sha256(kebasen.path.read_bytes()).hexdigest()
    made = [GeneratedFile("halaman.md", "isi")]
    assert GeneratedCache(tmp_path).files("kecamatan-kebasen", [built], made, ChartMaker(tmp_path / "charts")) is made
    assert GeneratedCache(None).files("kecamatan-kebasen", [kebasen], made, ChartMaker()) is made
    assert not any(tmp_path.iterdir())


def entry_of(cache: Path, slug: str) -> Path:
    """The cache entry holding a perangkat daerah's files."""
    (entry,) = (manifest.parent for manifest in (cache / "generated").glob("*/manifest.json")
                if (manifest.parent / "files" / slug).is_dir())
    return entry


@pytest.mark.parametrize("damage", ["a page deleted", "a download emptied", "the manifest cut short",
                                    "the manifest deleted", "the manifest emptied"])
def test_a_damaged_entry_is_made_again_and_repaired(data_copy, tmp_path, damage):
    # What a `make clean` stopped halfway, or a full disk, leaves behind.
    cache = tmp_path / "cache"
    first, _ = build(data_copy, cache)
    entry = entry_of(cache, "kecamatan-kebasen")
    manifest = entry / "manifest.json"
    if damage == "a page deleted":
        (entry / "files" / "kecamatan-kebasen" / "2023" / "index.md").unlink()
    elif damage == "a download emptied":
        (entry / "files" / "data" / "kecamatan-kebasen" / "2023.csv").write_bytes(b"")
    elif damage == "the manifest cut short":
        manifest.write_text(manifest.read_text(encoding="utf-8")[:40], encoding="utf-8")
    elif damage == "the manifest deleted":
        manifest.unlink()
    else:
        manifest.write_text("{}", encoding="utf-8")
    again, kept = build(data_copy, cache)
    assert (kept.made, kept.hits) == (1, 2) and again == first
    _, kept = build(data_copy, cache)
    assert (kept.made, kept.hits) == (0, 3), "the entry was repaired"


def test_a_reused_entry_keeps_its_files_times_which_sites_linking_them_show(data_copy, tmp_path):
    # A web server's Last-Modified and ETag come from a file's time: a later build must not change a published one.
    cache = tmp_path / "cache"
    build(data_copy, cache)
    entry = entry_of(cache, "kecamatan-gunung-kaler")
    times = {file: file.stat().st_mtime_ns for file in (entry / "files").rglob("*.*")}
    time.sleep(0.01)
    _, kept = build(data_copy, cache)
    assert kept.hits == 3
    assert {file: file.stat().st_mtime_ns for file in (entry / "files").rglob("*.*")} == times
