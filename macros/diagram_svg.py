"""Build-time rendering of Mermaid diagrams to static SVG and PNG with headless Chromium, kept in a content-hash
cache."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from .content_cache import ContentCache
from .processes import spawned_pool
from . import mermaid_bundle
from .mermaid_bundle import with_shared_config_copy

BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

DEFAULT_CONFIG = {
    "startOnLoad": False,
    # "strict" passes each finished drawing through DOMPurify again, a seventh of a diagram's time. The labels are
    # text already (macros.render.escape.mermaid_label, no HTML labels, each label still sanitised by Mermaid), no
    # source binds a click, and macros/diagram_page.js refuses a drawing holding anything but a flowchart's
    # elements or an attribute that could run or fetch something.
    "securityLevel": "loose",
    "theme": "default",
    # Mermaid 11 reads the root flag first; the flowchart flag is kept for older 11.x releases.
    "htmlLabels": False,
    "deterministicIds": True,
    # Some node shapes are drawn through rough.js, whose curves follow a random seed unless one is set: the same
    # source gave another SVG (the same picture) on every cold build.
    "handDrawnSeed": 1,
    "flowchart": {"htmlLabels": False, "useMaxWidth": True},
}

# Bump when this module changes what it keeps of the page's output, so old files are not reused (a change of the
# page script or of macros/mermaid_bundle.py is seen by their hash).
CACHE_FORMAT = "4"

BATCH_SIZE = 25

# Below this many cache misses one browser is faster: each worker pays ~2 s to start Python and Chromium.
PARALLEL_MIN_MISSES = 40
# Each worker runs its own Chromium (~200 MB); the build machines have 2 cores.
MAX_WORKERS = 2

_PAGE_HTML = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>'

# The page script that renders batches: macros/diagram_page.js.
_PAGE_HELPER = Path(__file__).with_name("diagram_page.js")


@dataclass(frozen=True)
class DiagramFailure:
    """A diagram Mermaid could not render: its place in the list given to the renderer (`index`, from 0), the
    SVG id it would have had, its source, and Mermaid's own error text."""

    index: int
    dom_id: str
    source: str
    error: str

    @property
    def excerpt(self) -> str:
        """The start of the source on one line, for a message."""
        flat = " ".join(self.source.split())
        return flat if len(flat) <= 60 else flat[:59] + "…"

    def message(self, page: str | None = None) -> str:
        """What staff read (Indonesian): which diagram failed, the start of its source, and Mermaid's error."""
        which = f"Diagram program {page}" if page else f"Diagram ke-{self.index + 1}"
        return (f"{which} gagal dirender: {self.error}\n"
                f"  (id {self.dom_id}, sumbernya diawali {self.excerpt!r})")


class MermaidRenderError(RuntimeError):
    """One or more diagrams failed to render; `failures` (a tuple of DiagramFailure) is ordered by index."""

    def __init__(self, failures: Sequence[DiagramFailure]):
        self.failures = tuple(sorted(failures, key=lambda failure: failure.index))
        super().__init__(self.report())

    def report(self, pages: Mapping[str, str] | None = None) -> str:
        """Every failure's message, naming its program page where `pages` (source → page) knows the source."""
        pages = pages or {}
        lines = [failure.message(pages.get(failure.source)) for failure in self.failures]
        return f"{len(self.failures)} diagram gagal dirender:\n" + "\n".join(lines)


def palette_png(png: bytes) -> bytes:
    """The PNG of a diagram in 256 colours: a quarter of the bytes of the browser's full-colour one.

    A diagram has a few fills and the grey edges of its letters; the MAXCOVERAGE palette keeps every pixel within
    5/255 of the drawn colour and white as white (measured on the synthetic Kabupaten's 375 overview PNGs, 51 MB
    before), where the faster octree turned the white background grey. Not dithered: flat fills stay flat.
    """
    with Image.open(io.BytesIO(png)) as image:
        drawn = image.convert("RGB").quantize(256, method=Image.Quantize.MAXCOVERAGE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    drawn.save(out, "PNG")
    return out.getvalue()


def _deep_merge(base: dict, override: dict) -> dict:
    """Return base updated recursively with override."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def open_render_page(browser, bundle: str, config: dict):
    """A new page of a Playwright `browser` that renders batches (`window.__mmdRenderBatch`): Mermaid's browser
    bundle (`bundle`, its script text) initialised with `config`, and the page script."""
    page = browser.new_page()
    # The page must never reach the network; Mermaid is injected from disk.
    page.route("**/*", lambda route: route.abort())
    page.set_content(_PAGE_HTML)
    page.add_script_tag(content=bundle)
    page.add_script_tag(path=str(_PAGE_HELPER))
    page.evaluate("config => mermaid.initialize(config)", config)
    return page


def _render_chunk(
    mermaid_js: str, cache_dir: str, browser_path: str, config: dict, pending: list[tuple[int, str, bool]]
) -> tuple[list[DiagramFailure], int, int]:
    """Render (index, source, with PNG) items into the cache in a worker process; return failures, browser starts
    and renders."""
    with MermaidSvgRenderer(Path(mermaid_js), Path(cache_dir), browser_path, config, workers=1) as renderer:
        failures = renderer._render_pending(pending)
        return failures, renderer.browser_starts, renderer.rendered_count


class MermaidSvgRenderer:
    """Renders Mermaid sources to SVG and PNG in one reused headless Chromium (or a few, in worker processes),
    keeping each in a ContentCache (`cache_dir`, one `.svg` and one `.png` file per source) versioned by Mermaid,
    its config, the page script and macros/mermaid_bundle.py. Labels are expected as
    `macros.render.escape.mermaid_label` writes them.

    The SVG carries `xml:space="preserve"` (its word spaces survive outside browsers); the PNG, made only for the
    sources that need one, is the SVG drawn by the same browser at twice its size on white.
    """

    def __init__(
        self,
        mermaid_js: Path,
        cache_dir: Path,
        browser_path: str = "/usr/bin/chromium",
        config: dict | None = None,
        workers: int | None = None,
    ):
        self.mermaid_js = Path(mermaid_js)
        self.browser_path = browser_path
        self.config = _deep_merge(DEFAULT_CONFIG, config or {})
        # None: up to MAX_WORKERS processes, one per core, once there are PARALLEL_MIN_MISSES misses.
        self.workers = workers if workers is not None else min(MAX_WORKERS, os.cpu_count() or 1)
        self.browser_starts = 0
        self.rendered_count = 0
        self.cache_hits = 0
        self._playwright = None
        self._browser = None
        self._page = None
        # The page script and how the bundle is changed (macros/mermaid_bundle.py) decide the output as Mermaid does.
        helper = hashlib.sha256(_PAGE_HELPER.read_bytes() + Path(mermaid_bundle.__file__).read_bytes()).hexdigest()
        version = "\0".join([CACHE_FORMAT, self._mermaid_version(), json.dumps(self.config, sort_keys=True), helper])
        self.cache = ContentCache(cache_dir, ".svg", version)
        self.png_cache = ContentCache(cache_dir, ".png", version)

    def __enter__(self) -> MermaidSvgRenderer:
        """Return self; the browser starts only when a diagram is not cached."""
        return self

    def __exit__(self, *exc_info) -> None:
        """Close the browser if it was started."""
        self.close()

    @staticmethod
    def available(browser_path: str = "/usr/bin/chromium") -> bool:
        """Return True if the browser executable exists and Playwright can be imported."""
        if not (os.path.isfile(browser_path) and os.access(browser_path, os.X_OK)):
            return False
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            return False
        return True

    def svg_path(self, source: str) -> Path:
        """Return the file in the cache that holds (or will hold) the SVG for source."""
        return self.cache.path(source)

    def png_path(self, source: str) -> Path:
        """Return the file in the cache that holds (or will hold) the PNG for source."""
        return self.png_cache.path(source)

    def dom_id(self, source: str) -> str:
        """Return the SVG element id of source's diagram (from its cache key, so unique per source)."""
        return "mmd-" + self.svg_path(source).stem[:12]

    def render_files(self, sources: list[str], png_for: Collection[str] | None = None) -> dict[str, Path]:
        """Return each source's SVG file in the cache, rendering only the sources not cached yet; the sources in
        `png_for` (all when None) also get a PNG (`png_path`): drawing one takes a fifth to a third of a
        diagram's time.

        The SVGs are not kept in memory: a large site reads each back when it writes the page that shows it.
        Raises MermaidRenderError naming every source Mermaid could not render (by its index in `sources`).
        """
        files: dict[str, Path] = {}
        pending: list[tuple[int, str, bool]] = []
        for index, source in enumerate(sources):
            if source in files:
                continue
            files[source] = self.svg_path(source)
            png = png_for is None or source in png_for
            if files[source].is_file() and (not png or self.png_path(source).is_file()):
                self.cache_hits += 1
            else:
                pending.append((index, source, png))
        if self.workers > 1 and len(pending) >= PARALLEL_MIN_MISSES:
            failures = self._render_parallel(pending)
        else:
            failures = self._render_pending(pending)
        if failures:
            raise MermaidRenderError(failures)
        return files

    def render_many(self, sources: list[str]) -> dict[str, str]:
        """Return a mapping of each source to its SVG markup, rendering only cache misses."""
        return {source: path.read_text(encoding="utf-8") for source, path in self.render_files(sources).items()}

    def _render_pending(self, pending: list[tuple[int, str, bool]]) -> list[DiagramFailure]:
        """Render (index, source, with PNG) items in this process's browser into the cache; return failures."""
        failures = []
        for start in range(0, len(pending), BATCH_SIZE):
            batch = pending[start : start + BATCH_SIZE]
            page = self._ensure_page()
            payload = [[self.dom_id(source), source, png] for _, source, png in batch]
            outputs = page.evaluate("items => window.__mmdRenderBatch(items)", payload)
            for (index, source, _), output in zip(batch, outputs):
                if "error" in output:
                    failures.append(DiagramFailure(index, self.dom_id(source), source, output["error"].strip()))
                    continue
                # The PNG first: a source counts as cached once its SVG is there.
                if "png" in output:
                    self.png_cache.put(source, palette_png(base64.b64decode(output["png"])))
                self.cache.put(source, output["svg"].encode("utf-8"))
                self.rendered_count += 1
        return failures

    def _render_parallel(self, pending: list[tuple[int, str, bool]]) -> list[DiagramFailure]:
        """Render (index, source, with PNG) items split over worker processes, each with its own Chromium; return failures."""
        count = min(self.workers, len(pending))
        # Interleaved chunks, so runs of large diagrams (neighbouring pages) are shared out evenly.
        chunks = [pending[offset::count] for offset in range(count)]
        args = (str(self.mermaid_js), str(self.cache.folder), self.browser_path, self.config)
        failures: list[DiagramFailure] = []
        # Playwright's sync API must not inherit a live driver or browser: spawned_pool starts each afresh.
        with spawned_pool(count) as pool:
            futures = [pool.submit(_render_chunk, *args, chunk) for chunk in chunks]
            for future in futures:
                chunk_failures, starts, rendered = future.result()
                failures.extend(chunk_failures)
                self.browser_starts += starts
                self.rendered_count += rendered
        return failures

    def close(self) -> None:
        """Stop the browser and Playwright if they are running."""
        if self._browser is not None:
            self._browser.close()
            self._browser = None
            self._page = None
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None

    def _mermaid_version(self) -> str:
        """Return the Mermaid version from its package.json, or a hash of the script."""
        package_json = self.mermaid_js.parent.parent / "package.json"
        try:
            meta = json.loads(package_json.read_text(encoding="utf-8"))
            if meta.get("name") == "mermaid" and meta.get("version"):
                return "mermaid@" + meta["version"]
        except (OSError, ValueError):
            pass
        digest = hashlib.sha256(self.mermaid_js.read_bytes()).hexdigest()
        return "sha256:" + digest

    def _ensure_page(self):
        """Start Chromium and load Mermaid on first use, then reuse the page."""
        if self._page is not None:
            return self._page
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(
                executable_path=self.browser_path, headless=True, args=BROWSER_ARGS
            )
            self.browser_starts += 1
            bundle = with_shared_config_copy(self.mermaid_js.read_text(encoding="utf-8"))
            page = open_render_page(self._browser, bundle, self.config)
        except BaseException:
            self.close()
            raise
        self._page = page
        return page
