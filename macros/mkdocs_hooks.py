"""MkDocs glue: load the cascades once per build, add their generated pages, downloads and navigation.

Everything of substance lives in `macros.load` (YAML → model) and `macros.site` (model → files); this hook
only hands their results to MkDocs.
"""

from __future__ import annotations

import html as html_module
import logging
import os
import re
import sys
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

# `mkdocs serve` re-runs this file on every rebuild: drop the cached core modules so that edits to
# macros/ take effect without restarting the server.
for _name in [n for n in sys.modules if n.startswith("macros.")]:
    del sys.modules[_name]

from macros.csp import add_policy
from macros.diagram_svg import MermaidRenderError, MermaidSvgRenderer
from macros.load import load_cascades
from macros.model import CascadeFile
from macros.naming import diagram_svg_path
from macros.problems import CascadeError
from macros.render.diagram import diagram_figure
from macros.search import build_search_index
from macros.site import generate_files, navigation, program_diagrams

log = logging.getLogger("mkdocs.hooks.cascade")

_cascades: list[CascadeFile] = []
# Program page src_uri → (Mermaid source, its SVG file in the diagram cache).
_diagrams: dict[str, tuple[str, Path]] = {}
_diagram_job: Future[None] | None = None
# The generated files of the current build.
_staging: tempfile.TemporaryDirectory[str] | None = None
_MERMAID_BLOCK = re.compile(r'<pre\s+class="mermaid"\s*><code>.*?</code></pre>', re.S)
_DIAGRAM_MARKER = "<!--cascade-diagram-->"
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
    global _cascades
    project = Path(config.config_file_path).parent
    try:
        _cascades = load_cascades(data_dir(config), shown_relative_to=project)
    except CascadeError as error:
        raise Abort(error.report("perbaiki lalu bangun ulang")) from None
    home, *rest = config.nav or ["index.md"]
    config.nav = [home, *navigation(_cascades), *rest]
    config.extra["cascades"] = _cascades
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _diagrams, _diagram_job, _staging
    # The diagrams render in the background (Chromium in worker processes) while the pages are generated
    # and converted; on_env waits for them. Their files' paths in the cache are known up front.
    _diagrams, _diagram_job = start_diagrams(config)
    # Generated files go to disk as they are rendered, so MkDocs holds each page's Markdown once (as the
    # page's source) rather than twice; the folder is replaced on every `mkdocs serve` rebuild.
    _staging = tempfile.TemporaryDirectory(prefix="kinerja-generated-")
    for src_uri, content in generate_files(_cascades, cache_dir(config)):
        path = Path(_staging.name, src_uri)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        files.append(File.generated(config, src_uri, abs_src_path=str(path)))
    for src_uri, (_, svg_file) in _diagrams.items():
        files.append(File.generated(config, diagram_svg_path(src_uri), abs_src_path=str(svg_file)))
    return files


def start_diagrams(config: MkDocsConfig) -> tuple[dict[str, tuple[str, Path]], Future[None] | None]:
    """Every program diagram's SVG file in the cache (content hash), and the background job that renders the
    missing ones in headless Chromium.

    Without Chromium or the Mermaid package there are none: the pages keep their Mermaid blocks, which
    mermaid2 then renders in the reader's browser.
    """
    project = Path(config.config_file_path).parent
    sources = program_diagrams(_cascades)
    mermaid_js = project / "node_modules/mermaid/dist/mermaid.min.js"
    browser = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not sources or not mermaid_js.is_file() or not MermaidSvgRenderer.available(browser):
        log.info("Diagram tidak dirender saat build (Chromium atau paket mermaid tidak ada); "
                 "diagram akan dirender di browser pembaca")
        return {}, None
    renderer = MermaidSvgRenderer(mermaid_js, cache_dir(config) / "mermaid-svg", browser_path=browser,
                                  config={"flowchart": {"wrappingWidth": 400}})

    def render() -> None:
        with renderer:
            renderer.render_files(list(dict.fromkeys(sources.values())))

    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="diagram")
    job = executor.submit(render)
    executor.shutdown(wait=False)  # no more jobs; this one runs on
    return {page: (source, renderer.svg_path(source)) for page, source in sources.items()}, job


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # MkDocs copies the diagram files right after this event: they must all be rendered by now.
    if _diagram_job is not None:
        try:
            _diagram_job.result()
        except MermaidRenderError as error:
            raise Abort(f"Diagram gagal dirender:\n{error}") from None
    return env


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The indicator tables pass Markdown unparsed (macros/verbatim_html.py), so MkDocs has not seen their rows'
    # ids; links to them from other pages are checked against these.
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(_ID_ATTRIBUTE.findall(html))
    # Only a marker for now: the SVG goes in at on_post_page, after mermaid2's, which would otherwise
    # re-parse every page holding the word "mermaid" (the SVG's styles do) with BeautifulSoup.
    if page.file.src_uri not in _diagrams:
        return html
    return _MERMAID_BLOCK.sub(_DIAGRAM_MARKER, html, count=1)


def on_post_build(config: MkDocsConfig) -> None:
    # Runs for `mkdocs build` and after every `mkdocs serve` rebuild, so search works in both.
    if _staging is not None:
        _staging.cleanup()
    try:
        build_search_index(Path(config.site_dir))
    except RuntimeError as error:
        raise Abort(str(error)) from None


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    rendered = _diagrams.get(page.file.src_uri)
    if rendered is not None:
        source, svg_file = rendered
        svg = svg_file.read_text(encoding="utf-8")
        # page.title is HTML (the front matter title is escaped for the theme): unescape it, diagram_figure escapes.
        caption = f"Diagram hierarki {html_module.unescape(page.title)}"
        output = output.replace(_DIAGRAM_MARKER, diagram_figure(svg, source, caption, "diagram.svg"), 1)
    # Last step of every page: the policy hashes the theme's inline scripts as they were finally written.
    return add_policy(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return add_policy(output_content) if template_name.endswith(".html") else output_content
