"""The cache of slow build outputs: same input and version, same file; anything else, a new one."""

from __future__ import annotations

import errno
import os

import time

from macros.content_cache import ContentCache, link_or_copy
from macros.mkdocs_linked_file import LinkedFile
from macros.render.downloads import cascade_downloads, xlsx_cache
from macros.naming import download_path


def test_output_is_made_once_per_text_and_version(tmp_path):
    made: list[str] = []

    def make(label: str):
        return lambda: made.append(label) or label.encode()

    cache = ContentCache(tmp_path, ".bin", "v1")
    assert cache.get("data", make("first")) == b"first"
    assert cache.get("data", make("second")) == b"first"
    assert cache.get("other data", make("third")) == b"third"
    assert ContentCache(tmp_path, ".bin", "v2").get("data", make("fourth")) == b"fourth"
    assert made == ["first", "third", "fourth"]
    assert len(list(tmp_path.glob("*.bin"))) == 3


def test_cached_workbook_is_the_workbook_and_follows_the_data(tmp_path, kebasen):
    uncached = cascade_downloads(kebasen)
    cache = xlsx_cache(tmp_path)
    assert cascade_downloads(kebasen, cache) == uncached
    assert cascade_downloads(kebasen, cache) == uncached
    assert len(list(tmp_path.glob("*.xlsx"))) == 1

    data = kebasen.cascade.model_dump()
    data["tujuan"][0]["uraian"] = "Tujuan yang diubah"
    changed = type(kebasen)(kebasen.slug, kebasen.path, type(kebasen.cascade).model_validate(data))
    assert cascade_downloads(changed, cache)[download_path(changed, "xlsx")] == cascade_downloads(changed)[download_path(changed, "xlsx")]
    assert cascade_downloads(changed, cache)[download_path(changed, "xlsx")] != uncached[download_path(kebasen, "xlsx")]
    assert len(list(tmp_path.glob("*.xlsx"))) == 2


def test_a_site_keeps_the_bytes_it_was_built_with_when_the_cache_writes_again(tmp_path):
    cache = ContentCache(tmp_path / "cache", ".svg", "v1")
    published = tmp_path / "site" / "grafik.svg"
    published.parent.mkdir()
    link_or_copy(cache.put("chart", b"<svg>lama</svg>"), published)
    assert published.stat().st_nlink == 2  # linked, not copied
    cache.put("chart", b"<svg>baru</svg>")  # an entry written again (a damaged one replaced)
    assert published.read_bytes() == b"<svg>lama</svg>"


def test_a_cached_file_is_readable_by_a_web_server_running_as_another_user(tmp_path):
    cached = ContentCache(tmp_path / "cache", ".svg", "v1").put("chart", b"<svg/>")
    assert cached.stat().st_mode & 0o777 == 0o644
    older = tmp_path / "older.svg"  # from an older cache, readable by its owner only
    older.write_bytes(b"<svg/>")
    older.chmod(0o600)
    link_or_copy(older, tmp_path / "site.svg")
    assert (tmp_path / "site.svg").stat().st_mode & 0o777 == 0o644


def test_a_dirty_build_puts_back_the_file_of_a_reverted_edit(tmp_path):
    # The old file was made hours ago and is reused: its time is older than the edited file's link in the site.
    cache = ContentCache(tmp_path / "cache", ".svg", "v1")
    old, edited = cache.put("before", b"<svg>lama</svg>"), cache.put("after", b"<svg>baru</svg>")
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))

    def publish(source, dirty):
        file = LinkedFile("grafik/a.svg", src_dir=None, dest_dir=str(tmp_path / "site"), use_directory_urls=True)
        file.abs_src_path = str(source)
        file.copy_file(dirty)

    publish(old, dirty=False)
    publish(edited, dirty=True)
    publish(old, dirty=True)
    assert (tmp_path / "site" / "grafik" / "a.svg").read_bytes() == b"<svg>lama</svg>"


def test_a_cache_on_another_file_system_is_copied_into_the_site(tmp_path, monkeypatch):
    def cross_device(source, target):
        raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))

    cached = ContentCache(tmp_path / "cache", ".csv", "v1").put("table", b"kode;uraian\n")
    monkeypatch.setattr(os, "link", cross_device)
    link_or_copy(cached, tmp_path / "table.csv")
    assert (tmp_path / "table.csv").read_bytes() == b"kode;uraian\n"
    assert cached.stat().st_nlink == 1


def test_path_names_the_file_before_put_makes_it(tmp_path):
    cache = ContentCache(tmp_path / "svg", ".svg", "v1")
    path = cache.path("diagram")
    assert not path.exists() and not (tmp_path / "svg").exists()
    assert cache.put("diagram", b"<svg/>") == path
    assert path.read_bytes() == b"<svg/>" and cache.get("diagram", lambda: b"other") == b"<svg/>"


def test_an_entry_made_for_a_data_file_replaces_that_files_older_entries_and_no_other(tmp_path):
    # The parse and lint caches keep one entry per data file: each edit of a file would otherwise leave one more.
    cache, owner = ContentCache(tmp_path, ".pickle", "v1"), "cascade_data/a/2024.yaml"
    older = cache.put("teks lama", b"lama", owner=owner)
    other_file = cache.put("teks lama", b"lama", owner="cascade_data/b/2024.yaml")
    no_file = cache.put("teks lama", b"lama")
    # Another build writing an entry of the same file: its unfinished file is not an entry yet.
    unfinished = tmp_path / f"{older.name}.k2j4.tmp"
    unfinished.write_bytes(b"sebagian")
    newer = cache.put("teks baru", b"baru", owner=owner)
    assert sorted(tmp_path.iterdir()) == sorted([newer, other_file, no_file, unfinished])
    # Written again (another build of the same text): the entry stays.
    assert cache.put("teks baru", b"baru", owner=owner) == newer and newer.read_bytes() == b"baru"
    assert cache.path("teks baru", owner=owner) == newer != cache.path("teks baru")
    # Made by other code (after an upgrade): it replaces the file's entry too.
    upgraded = ContentCache(tmp_path, ".pickle", "v2").put("teks baru", b"baru", owner=owner)
    assert upgraded.exists() and not newer.exists()
