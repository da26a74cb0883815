"""MkDocs glue: load the cascades once per build, add their generated pages, downloads and navigation.

Everything of substance lives in `macros.load` (YAML → model) and `macros.site` (model → files); this hook
only hands their results to MkDocs.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

# `mkdocs serve` re-runs this file on every rebuild: drop the cached core modules so that edits to
# macros/ take effect without restarting the server.
for _name in [n for n in sys.modules if n.startswith("macros.")]:
    del sys.modules[_name]

from macros.csp import add_policy
from macros.data_dates import shallow_history_note
from macros.diagram_svg import MermaidRenderError, MermaidSvgRenderer
from macros.html_space import collapse_indentation
from macros.load import load_cascades
from macros.model import CascadeFile
from macros.naming import DCAT_CATALOG_PATH, GLOSSARY_PAGE, diagram_file_name, diagram_link, diagram_path
from macros.opendata_settings import OpenDataSettings, SettingsError, read_settings
from macros.problems import NOTICE, CascadeError
from macros.render.diagram import diagram_figure, link_nodes, publishes_png, share_styles
from macros.search_index import build_search_index
from macros.render.chart_maker import ChartMaker
from macros.render.mermaid import Diagram
from macros.generated import GeneratedCache, GeneratedFile
from macros.mkdocs_linked_file import LinkedFile
from macros.mkdocs_page_cache import PageRenderCache, navigation_titles
from macros.site import generate_files, navigation, pages_left_out_of_search, program_diagrams, search_labels

log = logging.getLogger("mkdocs.hooks.cascade")

_MERMAID_BLOCK = re.compile(r'<pre\s+class="mermaid"\s*><code>.*?</code></pre>', re.S)
# Where the n-th diagram of a page goes, between on_page_content and post_page.
_DIAGRAM_MARKER = "<!--cascade-diagram-{}-->"
_DIAGRAM_MARKERS = re.compile(r"<!--cascade-diagram-(\d+)-->")
_ID_ATTRIBUTE = re.compile(r'\sid="([^"]+)"')


def data_dir(config: MkDocsConfig) -> Path:
    """The cascade folder: $CASCADE_DATA, or cascade_data/ beside mkdocs.yml."""
    project = Path(config.config_file_path).parent
    return project / os.environ.get("CASCADE_DATA", "cascade_data")


def cache_dir(config: MkDocsConfig) -> Path:
    """The build caches' folder: $CASCADE_CACHE, or .cache/ beside mkdocs.yml."""
    project = Path(config.config_file_path).parent
    return project / os.environ.get("CASCADE_CACHE", ".cache")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The first event of a build (and of every `mkdocs serve` rebuild, which reloads the config): the cascades
    # make the navigation, and the build's state starts here, on an object MkDocs calls for the later events
    # like any plugin, so that nothing of one build is left in this module for the next.
    project = Path(config.config_file_path).parent
    try:
        cascades = load_cascades(data_dir(config), shown_relative_to=project, capaian=config.extra.get("capaian"),
                                 parse_cache=cache_dir(config) / "yaml", workers=os.cpu_count() or 1)
    except CascadeError as error:
        raise Abort(error.report("perbaiki lalu bangun ulang")) from None
    try:
        opendata = read_settings(config.extra, config.site_name, config.site_url or "")
    except SettingsError as error:
        raise Abort(f"Pengaturan data terbuka di mkdocs.yml salah (perbaiki lalu bangun ulang):\n{error}") from None
    if cascades:
        _note_where_harvesters_would_be_misled(config, opendata)
    home, *rest = config.nav or ["index.md"]
    config.nav = [home, *navigation(cascades), *rest]
    config.extra["cascades"] = cascades
    # overrides/main.html names the catalog in every page's head, for harvesters; there is one only with data.
    config.extra["data_catalog"] = DCAT_CATALOG_PATH if cascades else ""
    config.plugins["cascade-build"] = CascadeBuild(cascades, opendata)
    return config


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
    # The folder the build reads, wherever $CASCADE_DATA puts it: mkdocs.yml's `watch` cannot name it, as a
    # missing folder there would stop `mkdocs serve` with MkDocs' message instead of the build's in Indonesian.
    folder = data_dir(config)
    if folder.is_dir():
        server.watch(str(folder))
    return server


def _note_where_harvesters_would_be_misled(config: MkDocsConfig, opendata: OpenDataSettings) -> None:
    """Say so, as INFO, of a build whose DCAT catalog a data portal would read wrongly: relative addresses without
    SITE_URL, and dates from a shallow clone's cut history. Not warnings: such a build is valid for a preview or an
    intranet copy, and a strict build would stop at one."""
    if not opendata.site_url:
        log.info(f"{NOTICE}SITE_URL tidak diisi, jadi alamat di katalog DCAT ({DCAT_CATALOG_PATH}) relatif: portal "
                 "data (CKAN dan lainnya) yang memanennya tidak dapat memakainya. Untuk situs yang dipanen, bangun "
                 "dengan alamat publik situs, misalnya SITE_URL=https://pemkab.example.go.id/kinerja/ make build")
    shallow = shallow_history_note(data_dir(config))
    if shallow:
        log.info(NOTICE + shallow)


def _finished(html: str, *, preview: bool) -> str:
    """A built page with its Content-Security-Policy, which hashes the inline scripts (in `mkdocs serve`'s
    `preview`, lets any inline one run), then its indentation cut (which leaves scripts as they are): the last step
    of every page and of every page made from a template."""
    return collapse_indentation(add_policy(html, any_inline_script=preview))


def _is_preview(config: MkDocsConfig) -> bool:
    """Whether this build is `mkdocs serve`'s, which sets the site's address to its own (`dev_addr`) and adds a
    live-reload script to every page it serves."""
    host, port = config.dev_addr
    return urlsplit(config.site_url or "").netloc == f"{host}:{port}"


def _digest(cached: Path) -> str:
    """A diagram's digest for its download's name: the start of its cache file's name (the hash of its source and
    renderer; its SVG and PNG share it)."""
    return cached.stem[:20]


class CascadeBuild:
    """One build's state: the cascades, each program page's diagrams (computed once, for the page and for their
    SVG and PNG), whether they are rendered at build, the background job rendering them, the folder of generated
    files, and the open-data settings the Data Package and DCAT catalog state."""

    def __init__(self, cascades: list[CascadeFile], opendata: OpenDataSettings):
        self.cascades = cascades
        self.opendata = opendata
        # Program page src_uri → its diagrams.
        self.diagrams: dict[str, list[Diagram]] = program_diagrams(cascades)
        self.renderer: MermaidSvgRenderer | None = None
        self.diagram_job: Future[float] | None = None
        self.staging: tempfile.TemporaryDirectory[str] | None = None
        self.page_cache: PageRenderCache | None = None

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # The generated pages link every term to the glossary in finished HTML, which a strict build does not
        # check: without the page, each of those links would lead to a 404.
        if self.cascades and files.get_file_from_path(GLOSSARY_PAGE) is None:
            raise Abort(f"Halaman {config.docs_dir}/{GLOSSARY_PAGE} tidak ada, padahal setiap tabel indikator "
                        f"menautkan istilahnya ke sana. Kembalikan berkas itu (isinya memanggil {{{{ glosarium() }}}}),"
                        f" misalnya dengan: git checkout -- docs/{GLOSSARY_PAGE}")
        # The generated pages join the docs' own files here, before MkDocs reads any page. The diagrams render in
        # the background (Chromium in worker processes) meanwhile; on_env waits for them.
        self.start_diagrams(config)
        # Generated pages go to disk as they are rendered, so MkDocs holds each page's Markdown once (as the
        # page's source) rather than twice.
        self.staging = tempfile.TemporaryDirectory(prefix="kinerja-generated-")
        # Charts missing from the cache are drawn on every core while the pages are generated.
        charts = ChartMaker(cache_dir(config) / "charts", workers=os.cpu_count() or 1)
        kept = GeneratedCache(cache_dir(config) / "generated")
        # The generated pages' Markdown conversions are kept too; each is titled as the navigation titles it.
        self.page_cache = PageRenderCache(cache_dir(config) / "pages", config)
        titles = navigation_titles(config.nav or [])
        try:
            # A first build makes the perangkat daerah's pages on every core (as the diagrams' Chromium does).
            for generated in generate_files(self.cascades, self.diagrams, cache_dir(config), self.opendata, charts,
                                            kept, workers=os.cpu_count() or 1):
                file = self._file(generated, config)
                if file.is_documentation_page():
                    self.page_cache.page(titles.get(file.src_uri), file, config)
                files.append(file)
        finally:
            charts.close()  # the chart workers, if generating stopped before their charts were collected
        elsewhere = f" ({kept.made_ahead} di proses lain)" if kept.made_ahead else ""
        log.info(f"Halaman dan unduhan per perangkat daerah (dan laporan kualitas data): {kept.made} dibuat"
                 f"{elsewhere}, {kept.hits} dari cache")
        # Drawn in other processes, beside this one, charts cost processor time more than this process's seconds.
        log.info(f"Grafik indikator: {charts.count} grafik dalam {charts.seconds:.1f} detik "
                 f"({charts.made} dibuat, sisanya dari cache; menggambar memakai {charts.drawing_cpu:.1f} detik "
                 f"prosesor)")
        if self.renderer is not None:
            published: set[str] = set()
            for diagrams in self.diagrams.values():
                for diagram in diagrams:
                    downloads = [("svg", self.renderer.svg_path(diagram.source))]
                    if publishes_png(diagram.kegiatan):
                        downloads.append(("png", self.renderer.png_path(diagram.source)))
                    for suffix, file in downloads:
                        # Named by the source's hash: the same diagram on several pages is one file.
                        path = diagram_path(_digest(file), suffix)
                        if path not in published:
                            published.add(path)
                            files.append(self._file(GeneratedFile(path, file), config))
        return files

    def _file(self, generated: GeneratedFile, config: MkDocsConfig) -> File:
        """A generated file for MkDocs: a file of the cache (a chart, a diagram, a kept page or download) as it is,
        any other page from the staging folder, and any other download from memory, which MkDocs writes once into
        the site (tens of thousands at a Kabupaten's size: staging them too wrote each twice and deleted it)."""
        inclusion = InclusionLevel.UNDEFINED if generated.in_nav else InclusionLevel.NOT_IN_NAV
        if isinstance(generated.content, Path):
            return LinkedFile.generated(config, generated.path, abs_src_path=str(generated.content),
                                        inclusion=inclusion)
        if not generated.path.endswith(".md"):
            return File.generated(config, generated.path, content=generated.content, inclusion=inclusion)
        assert self.staging is not None and isinstance(generated.content, str)
        path = Path(self.staging.name, generated.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(generated.content, encoding="utf-8")
        return File.generated(config, generated.path, abs_src_path=str(path), inclusion=inclusion)

    def start_diagrams(self, config: MkDocsConfig) -> None:
        """Know every program diagram's SVG and PNG files in the cache (content hash) and start the background job
        that renders the missing ones in headless Chromium.

        Without Chromium or the Mermaid package there are none: the pages keep their Mermaid blocks, which
        mermaid2 then renders in the reader's browser.
        """
        project = Path(config.config_file_path).parent
        mermaid_js = project / "node_modules/mermaid/dist/mermaid.min.js"
        browser = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        if not self.diagrams or not mermaid_js.is_file() or not MermaidSvgRenderer.available(browser):
            log.info("Diagram tidak dirender saat build (Chromium atau paket mermaid tidak ada); "
                     "diagram akan dirender di browser pembaca")
            return
        renderer = MermaidSvgRenderer(mermaid_js, cache_dir(config) / "mermaid-svg", browser_path=browser,
                                      config={"flowchart": {"wrappingWidth": 400, "rankSpacing": 32}})
        sources = list(dict.fromkeys(diagram.source for diagrams in self.diagrams.values() for diagram in diagrams))
        # Only the published PNGs are drawn (the overviews'): a kegiatan's diagram is published as SVG alone.
        png_for = {diagram.source for diagrams in self.diagrams.values() for diagram in diagrams
                   if publishes_png(diagram.kegiatan)}

        def render() -> float:
            start = time.perf_counter()
            with renderer:
                renderer.render_files(sources, png_for)
            return time.perf_counter() - start

        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="diagram")
        self.diagram_job = executor.submit(render)
        executor.shutdown(wait=False)  # no more jobs; this one runs on
        self.renderer = renderer

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        # MkDocs copies the diagram files right after this event: they must all be rendered by now.
        if self.diagram_job is not None and self.renderer is not None:
            waited = time.perf_counter()
            try:
                seconds = self.diagram_job.result()
            except MermaidRenderError as error:
                pages = {diagram.source: page for page, diagrams in self.diagrams.items() for diagram in diagrams}
                raise Abort(error.report(pages)) from None
            # How long the pages waited for the diagrams is what they add to a build (they render meanwhile).
            log.info(f"Diagram program: {self.renderer.rendered_count} dirender dalam {seconds:.1f} detik (sisanya "
                     f"dari cache); build menunggu diagram {time.perf_counter() - waited:.1f} detik")
        return env

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Right after Markdown, whatever the plugins do: only reads ids and swaps the Mermaid blocks for markers.
        # The indicator tables pass Markdown unparsed (macros/verbatim_html.py), so MkDocs has not seen their rows'
        # ids; links to them from other pages are checked against these.
        if page.present_anchor_ids is not None:
            page.present_anchor_ids.update(_ID_ATTRIBUTE.findall(html))
        if page.file.src_uri in self.diagrams:
            # A program page's contents list its kegiatan, not each sub kegiatan (each kegiatan's section opens
            # with its sub kegiatan): the theme writes the list twice and reads every entry's place on load, which
            # on a large program page kept a phone busy past Lighthouse's budget.
            for title in page.toc.items:
                for section in title.children:
                    section.children = []
        # Only a marker for now: the SVG goes in at post_page, after mermaid2's, which would otherwise
        # re-parse every page holding the word "mermaid" (the SVG's styles do) with BeautifulSoup.
        if self.renderer is None or page.file.src_uri not in self.diagrams:
            return html
        count = iter(range(len(self.diagrams[page.file.src_uri])))
        return _MERMAID_BLOCK.sub(lambda block: _DIAGRAM_MARKER.format(next(count)), html)

    @event_priority(-50)
    def insert_diagram(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Late (after mermaid2's post_page, priority 0): the page mermaid2 sees holds the marker, not the SVG."""
        src_uri = page.file.src_uri
        if self.renderer is None or src_uri not in self.diagrams:
            return output
        renderer, diagrams = self.renderer, self.diagrams[src_uri]
        svgs = share_styles([link_nodes(renderer.svg_path(diagram.source).read_text(encoding="utf-8"), diagram.links)
                             for diagram in diagrams])

        def figure(marker: re.Match[str]) -> str:
            index = int(marker.group(1))
            diagram = diagrams[index]
            digest = _digest(renderer.svg_path(diagram.source))
            names = (diagram_file_name(diagram.kegiatan, "svg"), diagram_file_name(diagram.kegiatan, "png"))
            return diagram_figure(svgs[index], diagram.source, diagram.caption, diagram_link(src_uri, digest, "svg"),
                                  diagram_link(src_uri, digest, "png") if publishes_png(diagram.kegiatan) else None,
                                  names)

        return _DIAGRAM_MARKERS.sub(figure, output)

    @event_priority(-100)
    def add_page_policy(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Last of every post_page: the page as it is finally written (`_finished`)."""
        return _finished(output, preview=_is_preview(config))

    on_post_page = CombinedEvent(insert_diagram, add_page_policy)

    @event_priority(-100)
    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        # Last, like add_page_policy: the policy of a page made from a template alone (404.html, sitemap).
        return _finished(output_content, preview=_is_preview(config)) if template_name.endswith(".html") \
            else output_content

    def on_post_build(self, config: MkDocsConfig) -> None:
        # After every page is written (for `mkdocs build` and every `mkdocs serve` rebuild), so search indexes
        # the final pages; the build's generated files are dropped here, the end of its state.
        if self.staging is not None:
            self.staging.cleanup()
            self.staging = None
        if self.page_cache is not None:
            log.info(f"Halaman yang dibuat: {self.page_cache.hits} dari cache, {self.page_cache.made} dikonversi "
                     "dari Markdown")
            self.page_cache.prune()
        try:
            reused = build_search_index(Path(config.site_dir), search_labels(self.cascades),
                                        pages_left_out_of_search(self.cascades), cache_dir(config) / "search")
        except RuntimeError as error:
            raise Abort(str(error)) from None
        log.info("Indeks pencarian: " + ("halaman sama dengan build sebelumnya, indeks diambil dari cache" if reused
                                         else "dibuat"))
