"""The search index kept between builds: a build whose pages are the same as a kept index's reuses it; any other
runs Pagefind again on the pages' copies for the index, each made again only when its page changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from macros.search import BUNDLE_DIR, ROOTS_FILE, SearchLabel
from macros.search_index import build_search_index

PAGE = ('<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        '<article class="md-content__inner md-typeset"><h1>{title}</h1><p>{text}</p></article></body></html>')


def write_site(site: Path, text: str = "Penetapan target pelayanan desa") -> None:
    for path, title in (("index.html", "Beranda"), ("dinas-contoh/2024/index.html", "Dinas Contoh")):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(PAGE.format(title=title, text=text), encoding="utf-8")


def bundle_files(site: Path) -> dict[str, bytes]:
    bundle = site / BUNDLE_DIR
    return {path.relative_to(bundle).as_posix(): path.read_bytes() for path in bundle.rglob("*") if path.is_file()}


def test_a_build_with_the_same_pages_reuses_the_kept_index_whole(tmp_path):
    first, second, cache = tmp_path / "first", tmp_path / "second", tmp_path / "cache"
    write_site(first)
    write_site(second)
    assert build_search_index(first, cache=cache) is False
    assert build_search_index(second, cache=cache) is True
    assert bundle_files(second) == bundle_files(first)
    assert "pagefind-entry.json" in bundle_files(second)
    assert json.loads(bundle_files(second)[ROOTS_FILE])["penetapan"] == "tetap"


def test_a_changed_page_is_indexed_again(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    write_site(site)
    build_search_index(site, cache=cache)
    write_site(site, text="Pengelolaan arsip daerah")
    assert build_search_index(site, cache=cache) is False
    roots = json.loads(bundle_files(site)[ROOTS_FILE])
    assert roots["pengelolaan"] == "kelola" and "penetapan" not in roots


def test_after_one_page_changed_the_index_is_the_one_made_from_scratch(tmp_path):
    site, cache, fresh = tmp_path / "site", tmp_path / "cache", tmp_path / "fresh"
    write_site(site)
    (site / "dinas-lain/2024/index.html").parent.mkdir(parents=True)
    (site / "dinas-lain/2024/index.html").write_text(PAGE.format(title="Dinas Lain", text="Penataan ruang, ditangani"),
                                                     encoding="utf-8")
    build_search_index(site, cache=cache)
    copies = {entry.name for entry in (cache / "page").iterdir()}
    assert len(copies) == 3
    (site / "index.html").write_text(PAGE.format(title="Beranda", text="Pengelolaan arsip"), encoding="utf-8")
    assert build_search_index(site, cache=cache) is False
    # Only the changed page's copy was made again; the others' (and the roots of their words) were read back.
    assert len({entry.name for entry in (cache / "page").iterdir()} - copies) == 1
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns(BUNDLE_DIR))
    build_search_index(fresh)
    assert bundle_files(site) == bundle_files(fresh)
    assert {"penataan": "tata", "ditangani": "tangan", "pengelolaan": "kelola", "penetapan": "tetap"}.items() <= \
        json.loads(bundle_files(site)[ROOTS_FILE]).items()


def test_a_page_labelled_anew_or_left_out_is_indexed_again(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    write_site(site)
    build_search_index(site, cache=cache)
    labels = {"dinas-contoh/2024/index.html": SearchLabel("Dinas Contoh", 2024)}
    assert build_search_index(site, labels, cache=cache) is False
    assert build_search_index(site, labels, cache=cache) is True
    assert build_search_index(site, labels, left_out={"index.html"}, cache=cache) is False


def test_the_site_links_the_kept_index_and_the_next_index_replaces_the_links(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    write_site(site)
    build_search_index(site, cache=cache)
    [kept] = (cache / "bundle").iterdir()
    build_search_index(site, cache=cache)
    entry = site / BUNDLE_DIR / "pagefind-entry.json"
    assert entry.stat().st_nlink == 2 and entry.stat().st_mode & 0o044 == 0o044
    kept_entry = (kept / "files/pagefind-entry.json").read_bytes()
    write_site(site, text="Pengelolaan arsip daerah")
    build_search_index(site, cache=cache)
    assert (kept / "files/pagefind-entry.json").read_bytes() == kept_entry


def damage_by_writing_into_the_site(site: Path, kept: Path) -> None:
    with (site / BUNDLE_DIR / "pagefind-entry.json").open("a", encoding="utf-8") as linked:
        linked.write("/* a tool rewrote this file in place */")


def damage_by_deleting_a_file(site: Path, kept: Path) -> None:
    (kept / "files" / ROOTS_FILE).unlink()


def damage_by_cutting_a_file(site: Path, kept: Path) -> None:
    with (kept / "files/pagefind-entry.json").open("r+b") as file:
        file.truncate(10)


def damage_by_emptying_the_bundle(site: Path, kept: Path) -> None:
    shutil.rmtree(kept)
    kept.mkdir()


def damage_by_a_file_in_its_place(site: Path, kept: Path) -> None:
    shutil.rmtree(kept)
    kept.touch()


def damage_by_emptying_its_list_of_files(site: Path, kept: Path) -> None:
    (kept / "sha256.json").write_text("{}", encoding="utf-8")


@pytest.mark.parametrize("damage", [damage_by_writing_into_the_site, damage_by_deleting_a_file,
                                    damage_by_cutting_a_file, damage_by_emptying_the_bundle,
                                    damage_by_a_file_in_its_place, damage_by_emptying_its_list_of_files])
def test_a_kept_index_not_as_it_was_kept_is_made_again_and_kept_anew(tmp_path, damage):
    site, cache, fresh = tmp_path / "site", tmp_path / "cache", tmp_path / "fresh"
    write_site(site)
    write_site(fresh)
    build_search_index(fresh)
    build_search_index(site, cache=cache)
    build_search_index(site, cache=cache)
    [kept] = (cache / "bundle").iterdir()
    damage(site, kept)
    assert build_search_index(site, cache=cache) is False
    assert bundle_files(site) == bundle_files(fresh)
    assert build_search_index(site, cache=cache) is True
    assert bundle_files(site) == bundle_files(fresh)


def test_a_cache_that_cannot_be_written_leaves_the_index_whole(tmp_path):
    site, cache, fresh = tmp_path / "site", tmp_path / "cache", tmp_path / "fresh"
    write_site(site)
    write_site(fresh)
    build_search_index(fresh)
    (cache / "page").mkdir(parents=True)
    (cache / "bundle").write_text("not a folder", encoding="utf-8")
    build_search_index(site, cache=cache)
    for entry in (cache / "page").iterdir():
        entry.unlink()
        entry.mkdir()  # a folder where the page's copy would be written
    assert build_search_index(site, cache=cache) is False
    assert bundle_files(site) == bundle_files(fresh)


def test_without_a_cache_folder_every_build_indexes(tmp_path):
    write_site(tmp_path)
    assert build_search_index(tmp_path) is False
    assert build_search_index(tmp_path) is False
