"""The site's generated files and navigation, computed from the loaded cascades (no MkDocs here)."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .lint import lint_files
from .model import CascadeFile
from .naming import (
    ARCHIVE_PATH,
    CATALOG_ALL_PAGE,
    cascade_dir,
    catalog_page,
    program_page,
)
from .render.catalog import render_catalog_all_page, render_catalog_page
from .render.comparison import comparison_page, render_comparison_page
from .render.export import cascade_downloads, to_archive, xlsx_cache
from .render.mermaid import program_diagram
from .render.report import REPORT_PAGE, render_quality_report
from .render.pages import (
    group_by_perangkat_daerah,
    render_overview_page,
    render_perangkat_daerah_page,
    render_program_page,
)


def generate_files(files: list[CascadeFile], cache: Path | None = None,
                   diagrams: dict[str, str] | None = None) -> Iterator[tuple[str, str | bytes]]:
    """Every generated file as (path relative to the docs folder, content), one at a time: a large site's pages
    are written out as they come instead of all being held (bytes for XLSX and ZIP).

    `cache` is a folder for workbooks kept between builds (see `cascade_downloads`); `diagrams` the Mermaid
    sources of `program_diagrams(files)` when the caller has them already.
    """
    workbooks = xlsx_cache(cache / "xlsx") if cache else None
    downloads: dict[str, str | bytes] = {}
    for slug, group in group_by_perangkat_daerah(files).items():
        yield f"{slug}/index.md", render_perangkat_daerah_page(group)
        if len(group) > 1:
            yield comparison_page(slug), render_comparison_page(group)
        years = [cf.tahun for cf in group]
        for cf in group:
            yield f"{cascade_dir(cf)}/index.md", render_overview_page(cf, years)
            yield catalog_page(cf), render_catalog_page(cf)
            for path, content in cascade_downloads(cf, workbooks).items():
                downloads[path] = content
                yield path, content
            for tujuan in cf.cascade.tujuan:
                for sasaran in tujuan.sasaran:
                    for nomor, program in enumerate(sasaran.program, 1):
                        page = program_page(cf, program)
                        diagram = diagrams[page] if diagrams is not None else None
                        yield page, render_program_page(cf, tujuan, sasaran, program, nomor, diagram)
    if files:
        yield CATALOG_ALL_PAGE, render_catalog_all_page(files)
        yield ARCHIVE_PATH, to_archive(downloads)
    # Always there: the footer of every page links to it.
    yield REPORT_PAGE, render_quality_report(lint_files(files), files)


def navigation(files: list[CascadeFile]) -> list[dict[str, Any]]:
    """MkDocs nav entries: one section per perangkat daerah, in it one section per year, newest first."""
    nav: list[dict[str, Any]] = []
    for slug, group in group_by_perangkat_daerah(files).items():
        years: list[Any] = [f"{slug}/index.md"]
        if len(group) > 1:
            years.append({"Perbandingan antartahun": comparison_page(slug)})
        for cf in sorted(group, key=lambda cf: cf.tahun, reverse=True):
            programs = [{html.escape(p.uraian): program_page(cf, p)} for p in cf.programs]
            catalog = {"Katalog indikator": catalog_page(cf)}
            years.append({str(cf.tahun): [f"{cascade_dir(cf)}/index.md", *programs, catalog]})
        # Themes insert nav titles into the HTML unescaped: a title is HTML, not text.
        nav.append({html.escape(group[0].cascade.perangkat_daerah): years})
    return nav


def program_diagrams(files: list[CascadeFile]) -> dict[str, str]:
    """The Mermaid source of every program page's diagram, by the page's path relative to the docs folder."""
    return {
        program_page(cf, program): program_diagram(sasaran, program)
        for cf in files
        for tujuan in cf.cascade.tujuan
        for sasaran in tujuan.sasaran
        for program in sasaran.program
    }
