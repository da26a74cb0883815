"""The site's generated files and navigation, computed from the loaded cascades (no MkDocs here)."""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .lint import lint_files
from .model import CascadeFile
from .naming import (
    ARCHIVE_PATH,
    CATALOG_ALL_PAGE,
    REPORT_PAGE,
    catalog_page,
    comparison_page,
    overview_page,
    perangkat_daerah_page,
    program_page,
)
from .render.catalog import render_catalog_all_page, render_catalog_page
from .render.comparison import render_comparison_page
from .render.export import cascade_downloads, to_archive, xlsx_cache
from .render.mermaid import Diagram, program_page_diagrams
from .render.pages import (
    group_by_perangkat_daerah,
    render_overview_page,
    render_perangkat_daerah_page,
    render_program_page,
)
from .render.report import render_quality_report


@dataclass(frozen=True)
class GeneratedFile:
    """A generated page or download: its path relative to the docs folder, its content (bytes for XLSX and ZIP),
    and whether the navigation lists it (staff pages are reached from links instead)."""

    path: str
    content: str | bytes
    in_nav: bool = True


def program_diagrams(files: list[CascadeFile]) -> dict[str, list[Diagram]]:
    """Every program page's diagrams (overview first, then one per kegiatan), by the page's path relative to the
    docs folder."""
    return {program_page(cf, node.item): program_page_diagrams(node) for cf in files for node in cf.tree.programs}


def generate_files(files: list[CascadeFile], diagrams: Mapping[str, list[Diagram]],
                   cache: Path | None = None) -> Iterator[GeneratedFile]:
    """Every generated file, one at a time: a large site's pages are written out as they come instead of all
    being held.

    `diagrams` are the program pages' diagrams (`program_diagrams`), computed once for the pages and the diagram
    renderer; `cache` is a folder for workbooks kept between builds (see `cascade_downloads`).
    """
    workbooks = xlsx_cache(cache / "xlsx") if cache else None
    downloads: dict[str, str | bytes] = {}
    for slug, group in group_by_perangkat_daerah(files).items():
        yield GeneratedFile(perangkat_daerah_page(slug), render_perangkat_daerah_page(group))
        if len(group) > 1:
            yield GeneratedFile(comparison_page(slug), render_comparison_page(group))
        for cf in group:
            yield GeneratedFile(overview_page(cf), render_overview_page(cf, group))
            yield GeneratedFile(catalog_page(cf), render_catalog_page(cf))
            for path, content in cascade_downloads(cf, workbooks).items():
                downloads[path] = content
                yield GeneratedFile(path, content)
            for node in cf.tree.programs:
                page = program_page(cf, node.item)
                yield GeneratedFile(page, render_program_page(cf, node, diagrams[page]))
    if files:
        yield GeneratedFile(CATALOG_ALL_PAGE, render_catalog_all_page(files), in_nav=False)
        yield GeneratedFile(ARCHIVE_PATH, to_archive(downloads))
    # Always there: the footer of every page links to it.
    yield GeneratedFile(REPORT_PAGE, render_quality_report(lint_files(files), files), in_nav=False)


def navigation(files: list[CascadeFile]) -> list[dict[str, Any]]:
    """MkDocs nav entries: one section per perangkat daerah, in it one section per year, newest first."""
    nav: list[dict[str, Any]] = []
    for slug, group in group_by_perangkat_daerah(files).items():
        years: list[Any] = [perangkat_daerah_page(slug)]
        if len(group) > 1:
            years.append({"Perbandingan antartahun": comparison_page(slug)})
        for cf in sorted(group, key=lambda cf: cf.tahun, reverse=True):
            programs = [{html.escape(node.item.uraian): program_page(cf, node.item)} for node in cf.tree.programs]
            catalog = {"Katalog indikator": catalog_page(cf)}
            years.append({str(cf.tahun): [overview_page(cf), *programs, catalog]})
        # Themes insert nav titles into the HTML unescaped: a title is HTML, not text.
        nav.append({html.escape(group[0].cascade.perangkat_daerah): years})
    return nav
