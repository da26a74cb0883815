"""The site's generated files and navigation, computed from the loaded cascades (no MkDocs here)."""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .content_cache import ContentCache
from .processes import spawned_pool
from .data_dates import last_changes
from .generated import GeneratedCache, GeneratedFile
from .importer.template import template_workbook
from .indikator_series import IndikatorSeries, match_indikator
from .lint import lint_files
from .lint_cache import LintCache
from .model import CascadeFile
from .naming import (
    ARCHIVE_PATH,
    CATALOG_ALL_PAGE,
    DATAPACKAGE_PATH,
    DCAT_CATALOG_PATH,
    IMPORT_TEMPLATE_PATH,
    NOT_FOUND_FILE,
    REPORT_PAGE,
    built_file,
    catalog_index_path,
    catalog_page,
    chart_path,
    dokumen_sumber_path,
    comparison_page,
    download_path,
    indikator_page,
    overview_page,
    perangkat_daerah_page,
    program_page,
)
from .render.catalog import render_catalog_all_page, render_catalog_page
from .render.catalog_index import to_catalog_index
from .opendata_settings import OpenDataSettings, read_settings
from .render.comparison import render_comparison_page
from .render.datapackage import to_datapackage
from .render.dcat import to_dcat_catalog
from .render.chart_maker import ChartMaker
from .render.downloads import DOWNLOAD_KINDS, cascade_downloads, to_archive, xlsx_cache
from .render.indikator_page import indikator_file, indikator_groups
from .render.indikator_csv import indikator_csv_files
from .render.mermaid import Diagram, program_page_diagrams
from .render.pages import (
    file_title,
    group_by_perangkat_daerah,
    newest_first,
    render_overview_page,
    render_perangkat_daerah_page,
    render_program_page,
)
from .render.report import render_quality_report
from .search import SearchLabel
from .tree import Node


# Below this many perangkat daerah to make, one process makes them sooner: a worker takes about two seconds to
# start (Python, this package and its templates), what making one perangkat daerah's files takes.
AHEAD_MIN_MISSES = 4


def program_diagrams(files: list[CascadeFile]) -> dict[str, list[Diagram]]:
    """Every program page's diagrams (overview first, then one per kegiatan), by the page's path relative to the
    docs folder."""
    return {program_page(cf, node): program_page_diagrams(node) for cf in files for node in cf.tree.programs}


def generate_files(files: list[CascadeFile], diagrams: Mapping[str, list[Diagram]], cache: Path | None = None,
                   opendata: OpenDataSettings | None = None, charts: ChartMaker | None = None,
                   kept: GeneratedCache | None = None, workers: int = 1) -> Iterator[GeneratedFile]:
    """Every generated file, one at a time: a large site's pages are written out as they come instead of all
    being held.

    `diagrams` are the program pages' diagrams (`program_diagrams`), computed once for the pages and the diagram
    renderer; `cache` is a folder for workbooks (see `cascade_downloads`) and each file's data-quality findings
    (`macros.lint_cache`) kept between builds;
    `opendata` the licence and publisher the Data Package and DCAT catalog state (default: `read_settings`'s);
    `charts` draws the indicator pages' charts (default: one caching in `cache`/charts, drawing in this process);
    their files come last, while they are drawn the rest is generated. `kept` keeps each perangkat daerah's files
    and the report between builds (default: in `cache`/generated); a kept file's content is a Path into it.
    `workers` processes make ahead the files of the perangkat daerah missing from `kept` (see `_made_ahead`).
    """
    opendata = opendata or read_settings({}, "Cascading Kinerja")
    charts = charts or ChartMaker(cache / "charts" if cache else None)
    workbooks = xlsx_cache(cache / "xlsx") if cache else None
    kept = kept or GeneratedCache(cache / "generated" if cache else None)
    downloads: dict[str, str | bytes] = {}
    groups = group_by_perangkat_daerah(files)
    with _made_ahead(groups, diagrams, cache, kept, charts, workers) as ahead:
        for slug, group in groups.items():
            made = kept.files(slug, group, _perangkat_daerah_files(slug, group, diagrams, workbooks, charts), charts,
                              made_ahead=_wait_for(ahead.get(slug), charts))
            download_paths = {download_path(cf, kind) for cf in group for kind in DOWNLOAD_KINDS}
            for generated in made:
                if generated.path in download_paths:
                    content = generated.content
                    downloads[generated.path] = content.read_bytes() if isinstance(content, Path) else content
                yield generated
            for cf in group:
                if cf.cascade.dokumen_sumber:
                    # Published as it is, beside the downloads but not among the data (archive, Data Package).
                    yield GeneratedFile(dokumen_sumber_path(cf, cf.cascade.dokumen_sumber),
                                        (cf.path.parent / cf.cascade.dokumen_sumber).read_bytes())
    if files:
        yield GeneratedFile(CATALOG_ALL_PAGE, render_catalog_all_page(files), in_nav=False)
        yield GeneratedFile(ARCHIVE_PATH, to_archive(downloads))
        yield from _machine_readable(files, downloads, opendata)
    # The template's first year follows the data, so the same data gives the same file.
    yield GeneratedFile(IMPORT_TEMPLATE_PATH, template_workbook(max((cf.years[-1] for cf in files), default=2025)))
    # Always there: the footer of every page links to it.
    yield from kept.files(REPORT_PAGE, files, _quality_report(files, cache), charts)
    kept.prune()
    # Last: the charts the indicator pages ordered, drawn meanwhile (each once, however many pages show it).
    for digest, svg in charts.drawn():
        yield GeneratedFile(chart_path(digest), svg, in_nav=False)


@contextmanager
def _made_ahead(groups: dict[str, list[CascadeFile]], diagrams: Mapping[str, list[Diagram]], cache: Path | None,
                kept: GeneratedCache, charts: ChartMaker, workers: int) -> Iterator[dict[str, Future[tuple[int, float]]]]:
    """Make the files of the perangkat daerah (`groups`, by slug) missing from `kept` in `workers` processes, each
    writing them into the cache (their charts into the chart cache), from where this process reads them as it
    reads an unchanged one's: the same files, made by the same code. A first build, or the first after the code
    changed, then makes a Kabupaten's pages on every core.

    Yields each started one's future (the charts it drew, and their processor seconds) by slug: none with one
    worker, without the caches, or with fewer than AHEAD_MIN_MISSES to make (a push changes one or two). The
    workers stop when the block ends, those not started cancelled.
    """
    can_keep = workers > 1 and cache is not None and charts.cache_dir is not None
    missing = [slug for slug, group in groups.items() if can_keep and kept.missing(slug, group)]
    if len(missing) < AHEAD_MIN_MISSES:
        yield {}
        return
    pool = spawned_pool(min(workers, len(missing)))
    try:
        yield {slug: pool.submit(_make_kept, slug, groups[slug], _diagrams_of(groups[slug], diagrams),
                                 GeneratedCache(kept.folder, version=kept.version), charts.cache_dir, cache / "xlsx")
               for slug in missing}
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _wait_for(ahead: Future[tuple[int, float]] | None, charts: ChartMaker) -> bool:
    """Wait for a perangkat daerah being made ahead and count the charts it drew in `charts`. False when it was not
    (or its process died, so this one makes it); a worker's error is raised here."""
    if ahead is None:
        return False
    try:
        drawn, cpu = ahead.result()
    except BrokenProcessPool:
        return False
    charts.made += drawn
    charts.drawing_cpu += cpu
    return True


def _make_kept(slug: str, group: list[CascadeFile], diagrams: Mapping[str, list[Diagram]], kept: GeneratedCache,
               chart_cache: Path, workbook_cache: Path) -> tuple[int, float]:
    """In a worker process: make a perangkat daerah's files into `kept`, drawing their charts here into
    `chart_cache`; return how many charts it drew, and their processor seconds."""
    charts = ChartMaker(chart_cache)
    kept.files(slug, group, _perangkat_daerah_files(slug, group, diagrams, xlsx_cache(workbook_cache), charts), charts)
    return charts.made, charts.drawing_cpu


def _diagrams_of(group: list[CascadeFile], diagrams: Mapping[str, list[Diagram]]) -> dict[str, list[Diagram]]:
    """The diagrams of a perangkat daerah's program pages."""
    pages = (program_page(cf, node) for cf in group for node in cf.tree.programs)
    return {page: diagrams[page] for page in pages}


def _perangkat_daerah_files(slug: str, group: list[CascadeFile], diagrams: Mapping[str, list[Diagram]],
                            workbooks: ContentCache | None, charts: ChartMaker) -> Iterator[GeneratedFile]:
    """A perangkat daerah's pages and downloads, made from its cascades alone (the source documents aside)."""
    # Years are compared with each other and followed by each indicator's page; a period file (a Renstra)
    # stands beside them, its targets per year in its own pages' row of years.
    yearly = [cf for cf in group if not cf.is_periode]
    indikator = _indikator_groups(yearly)
    # Each row's indicator section (page, anchor) by year and position, for the overview's and program pages' links.
    pages = {(cf.tahun, row.position): (indikator_page(slug, name), one.slug)
             for name, series in indikator.items() for one in series for cf, row in one.rows}
    yield GeneratedFile(perangkat_daerah_page(slug), render_perangkat_daerah_page(group))
    if len(yearly) > 1:
        yield GeneratedFile(comparison_page(slug), render_comparison_page(yearly))
    for cf in group:
        own = {position: page for (tahun, position), page in pages.items() if tahun == cf.tahun}
        yield GeneratedFile(overview_page(cf), render_overview_page(cf, group, own))
        yield GeneratedFile(catalog_page(cf), render_catalog_page(cf))
        yield GeneratedFile(catalog_index_path(cf), to_catalog_index(cf))
        for path, content in cascade_downloads(cf, workbooks).items():
            yield GeneratedFile(path, content)
        for path, content in indikator_csv_files(cf).items():
            yield GeneratedFile(path, content)
        for node in cf.tree.programs:
            page = program_page(cf, node)
            yield GeneratedFile(page, render_program_page(cf, node, diagrams[page], own))
    for name, series in indikator.items():
        # Out of the navigation: hundreds of pages would weigh on every page; each row links to its section.
        yield GeneratedFile(*indikator_file(name, series, slug, charts), in_nav=False)


def _quality_report(files: list[CascadeFile], cache: Path | None) -> Iterator[GeneratedFile]:
    findings = lint_files(files, LintCache(cache / "lint").findings) if cache else lint_files(files)
    yield GeneratedFile(REPORT_PAGE, render_quality_report(findings, files), in_nav=False)


def _machine_readable(files: list[CascadeFile], downloads: dict[str, str | bytes],
                      opendata: OpenDataSettings) -> Iterator[GeneratedFile]:
    """The Data Package and the DCAT catalog of the downloads (content by path, for sizes and checksums)."""
    yield GeneratedFile(DATAPACKAGE_PATH, to_datapackage(files, downloads, opendata))
    modified = last_changes([cf.path for cf in files])
    yield GeneratedFile(DCAT_CATALOG_PATH, to_dcat_catalog(files, downloads, modified, opendata))


def navigation(files: list[CascadeFile]) -> list[dict[str, Any]]:
    """MkDocs nav entries: one section per perangkat daerah, in it one section per year, newest first."""
    nav: list[dict[str, Any]] = []
    for slug, group in group_by_perangkat_daerah(files).items():
        years: list[Any] = [perangkat_daerah_page(slug)]
        if sum(not cf.is_periode for cf in group) > 1:
            years.append({"Perbandingan antartahun": comparison_page(slug)})
        for cf in newest_first(group):
            programs = [{html.escape(_nav_title(cf, node)): program_page(cf, node)} for node in cf.tree.programs]
            catalog = {"Katalog indikator": catalog_page(cf)}
            years.append({file_title(cf) if cf.is_periode else cf.label: [overview_page(cf), *programs, catalog]})
        # Themes insert nav titles into the HTML unescaped: a title is HTML, not text.
        nav.append({html.escape(group[0].cascade.perangkat_daerah): years})
    return nav


def _nav_title(cf: CascadeFile, program: Node) -> str:
    """A program's title in the navigation: its name, and the sasaran it serves there when the same program
    serves two sasaran (two entries of one name would not say which is which)."""
    name = program.item.uraian
    if program.parent is None or sum(node.item.uraian == name for node in cf.tree.programs) < 2:
        return name
    return f"{name} (sasaran: {program.parent.item.uraian})"


def search_labels(files: list[CascadeFile]) -> dict[str, SearchLabel]:
    """Whose page each citizen's page of a cascade is, by its built file ('pd/2023/index.html'): the perangkat
    daerah, and the year for the pages of one year."""
    labels: dict[str, SearchLabel] = {}
    for slug, group in group_by_perangkat_daerah(files).items():
        everyone = SearchLabel(group[0].cascade.perangkat_daerah)
        labels[built_file(perangkat_daerah_page(slug))] = everyone
        labels[built_file(comparison_page(slug))] = everyone
        for cf in group:
            label = SearchLabel(cf.cascade.perangkat_daerah, cf.label)
            labels[built_file(overview_page(cf))] = label
            for node in cf.tree.programs:
                labels[built_file(program_page(cf, node))] = label
    return labels


def _indikator_groups(yearly: list[CascadeFile]) -> dict[str, list[IndikatorSeries]]:
    """A perangkat daerah's indicators across its yearly files by the page that shows them."""
    return indikator_groups(match_indikator(yearly))


def pages_left_out_of_search(files: list[CascadeFile]) -> set[str]:
    """The built files search leaves out: staff pages (the data-quality report, the indicator catalogs, which
    have their own filter), the 404 page, and the indicator pages, whose rows search finds on the program and
    overview pages (one result per indicator, each row linking to its page)."""
    indikator = {built_file(indikator_page(slug, name)) for slug, group in group_by_perangkat_daerah(files).items()
                 for name in _indikator_groups([cf for cf in group if not cf.is_periode])}
    return {built_file(REPORT_PAGE), built_file(CATALOG_ALL_PAGE), NOT_FOUND_FILE,
            *(built_file(catalog_page(cf)) for cf in files), *indikator}
