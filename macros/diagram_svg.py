"""Build-time rendering of Mermaid diagrams to static SVG with headless Chromium."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from html.entities import name2codepoint
from pathlib import Path

from .content_cache import atomic_write

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
    "securityLevel": "strict",
    "theme": "default",
    # Mermaid 11 reads the root flag first; the flowchart flag is kept for older 11.x releases.
    "htmlLabels": False,
    "deterministicIds": True,
    "flowchart": {"htmlLabels": False, "useMaxWidth": True},
}

# Bump when the pre/post-processing below changes, so stale cache entries are not reused.
CACHE_FORMAT = "1"

BATCH_SIZE = 25

# Below this many cache misses one browser is faster: each worker pays ~2 s to start Python and Chromium.
PARALLEL_MIN_MISSES = 40
# Each worker runs its own Chromium (~200 MB); the build machines have 2 cores.
MAX_WORKERS = 2

# Private-use plane 15 carries label characters Mermaid would mangle; see _prepare_source.
PLACEHOLDER_BASE = 0xF0000
PLACEHOLDER_LAST = 0xFFFFD
_UNSAFE_IN_STRING = frozenset('"#&<>\\%`°¶')
_ENTITY = re.compile(r"#(?:(\d+)|([A-Za-z][A-Za-z0-9]*));")
_STYLE_LINE = re.compile(r"^\s*(?:style|classDef|linkStyle|class)\b")
_RESERVED = re.compile("[\U000F0000-\U000FFFFD]")

_PAGE_HTML = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>'

_PAGE_HELPER = r"""
const restore = (text) => text.replace(/[\u{F0000}-\u{FFFFD}]/gu,
  (c) => String.fromCodePoint(c.codePointAt(0) - 0xF0000));
const hasPlaceholders = (text) => /[\u{F0000}-\u{FFFFD}]/u.test(text);
// Swap placeholders back as soon as mermaid writes a label, so node sizes (measured
// asynchronously after the text is set) use the real glyphs; finish() is the safety net.
// It watches only diagrams that have placeholders: walking every added node costs time.
const labelWatcher = new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let text = node.nodeType === Node.TEXT_NODE ? node : walker.nextNode(); text;
           text = walker.nextNode()) {
        if (text.parentNode && text.parentNode.localName !== 'style') {
          const restored = restore(text.data);
          if (restored !== text.data) text.data = restored;
        }
      }
    }
  }
});
window.__mmdRenderBatch = async (items) => {
  const finish = (markup) => {
    // mermaid returns HTML-serialised markup (e.g. &nbsp;), so re-serialise it as XML.
    const doc = new DOMParser().parseFromString(markup, 'text/html');
    const svg = doc.querySelector('svg');
    const walker = doc.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentNode.localName !== 'style') node.data = restore(node.data);
    }
    // Edge geometry kept only for mermaid's client-side interactivity.
    for (const el of svg.querySelectorAll('[data-points]')) el.removeAttribute('data-points');
    const xml = new XMLSerializer().serializeToString(svg);
    // Braces in label text become character references so the markup stays inert if a
    // template engine (Jinja in mkdocs-macros) ever sees it; the CSS in <style> needs them raw.
    return xml.replace(/(<style\b[^>]*>[^<]*)|>([^<]+)/g, (match, style, text) =>
      style !== undefined ? style : '>' + text.replace(/\{/g, '&#123;').replace(/\}/g, '&#125;'));
  };
  const out = [];
  for (const [id, src] of items) {
    if (hasPlaceholders(src)) labelWatcher.observe(document.body, { childList: true, subtree: true });
    try {
      const { svg } = await mermaid.render(id, src);
      out.push({ svg: finish(svg) });
    } catch (e) {
      out.push({ error: String((e && (e.message || e.str)) || e) });
    } finally {
      labelWatcher.disconnect();
      for (const leftover of document.querySelectorAll('#d' + id + ', #i' + id + ', #' + id)) leftover.remove();
    }
  }
  return out;
};
"""


class MermaidRenderError(RuntimeError):
    """Raised when one or more Mermaid diagrams cannot be rendered."""

    def __init__(self, failures: list[dict]):
        self.failures = failures
        lines = [
            f"Mermaid diagram #{f['index']} (id {f['id']}, starting {f['excerpt']!r}): {f['error']}"
            for f in failures
        ]
        super().__init__(f"{len(failures)} Mermaid diagram(s) failed to render:\n" + "\n".join(lines))


def _deep_merge(base: dict, override: dict) -> dict:
    """Return base updated recursively with override."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _excerpt(source: str, limit: int = 60) -> str:
    """Return a short single-line preview of a diagram source."""
    flat = " ".join(source.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _decode_entity(match: re.Match, in_string: bool) -> str:
    """Turn one Mermaid entity code into a literal character or a placeholder."""
    if match.group(1) is not None:
        code = int(match.group(1))
    else:
        code = name2codepoint.get(match.group(2))
        if code is None:
            return match.group(0)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        code = 0xFFFD
    if PLACEHOLDER_BASE <= code <= PLACEHOLDER_LAST:
        raise ValueError(f"character U+{code:X} is reserved for label placeholders")
    char = chr(code)
    if char.isalnum() or char == " ":
        return char
    if in_string and char.isprintable() and char not in _UNSAFE_IN_STRING:
        return char
    if code > 0xFFFF:
        return char
    return chr(PLACEHOLDER_BASE + code)


def _prepare_source(source: str) -> str:
    """Rewrite Mermaid entity codes so SVG text labels show the literal characters."""
    # With htmlLabels off, Mermaid 11 writes the entity text (e.g. "&#60;") into <tspan>
    # instead of decoding it, so decoding happens here: characters that are harmless
    # inside a quoted label become literals (exact text measurement), the rest become
    # private-use placeholders that the page helper maps back after layout.
    if _RESERVED.search(source):
        raise ValueError("source contains a character reserved for label placeholders")
    lines = []
    for line in source.split("\n"):
        if _STYLE_LINE.match(line):
            lines.append(line)
            continue
        parts = line.split('"')
        for index, part in enumerate(parts):
            in_string = index % 2 == 1
            parts[index] = _ENTITY.sub(lambda m: _decode_entity(m, in_string), part)
        lines.append('"'.join(parts))
    return "\n".join(lines)


def _render_chunk(
    mermaid_js: str, cache_dir: str, browser_path: str, config: dict, prepared: list[tuple]
) -> tuple[list[dict], int, int]:
    """Render prepared diagrams into the cache in a worker process; return failures, browser starts and renders."""
    with MermaidSvgRenderer(Path(mermaid_js), Path(cache_dir), browser_path, config, workers=1) as renderer:
        failures = renderer._render_prepared(prepared)
        return failures, renderer.browser_starts, renderer.rendered_count


class MermaidSvgRenderer:
    """Renders Mermaid sources to SVG in one reused headless Chromium, with an on-disk cache keyed by content hash."""

    def __init__(
        self,
        mermaid_js: Path,
        cache_dir: Path,
        browser_path: str = "/usr/bin/chromium",
        config: dict | None = None,
        workers: int | None = None,
    ):
        self.mermaid_js = Path(mermaid_js)
        self.cache_dir = Path(cache_dir)
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
        self._key_prefix = "\0".join(
            [CACHE_FORMAT, self._mermaid_version(), json.dumps(self.config, sort_keys=True)]
        )

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

    def cache_key(self, source: str) -> str:
        """Return the sha256 hex digest identifying the SVG for source."""
        return hashlib.sha256((self._key_prefix + "\0" + source).encode("utf-8")).hexdigest()

    def svg_path(self, source: str) -> Path:
        """Return the file in the cache that holds (or will hold) the SVG for source."""
        return self._cache_path(self.cache_key(source))

    @staticmethod
    def dom_id(key: str) -> str:
        """Return the SVG element id used for the diagram with this cache key."""
        return "mmd-" + key[:12]

    def render_files(self, sources: list[str]) -> dict[str, Path]:
        """Return each source's SVG file in the cache, rendering only the sources not cached yet.

        The SVGs are not kept in memory: a large site reads each back when it writes the page that shows it.
        """
        keys: dict[str, str] = {}
        pending: dict[str, tuple[int, str]] = {}
        for index, source in enumerate(sources):
            if source in keys:
                continue
            key = keys[source] = self.cache_key(source)
            if self._cache_path(key).is_file():
                self.cache_hits += 1
            else:
                pending[key] = (index, source)

        failures = []
        prepared = []
        for key, (index, source) in pending.items():
            try:
                prepared.append((key, index, source, _prepare_source(source)))
            except ValueError as exc:
                failures.append(self._failure(index, key, source, str(exc)))

        if self.workers > 1 and len(prepared) >= PARALLEL_MIN_MISSES:
            failures.extend(self._render_parallel(prepared))
        else:
            failures.extend(self._render_prepared(prepared))

        if failures:
            raise MermaidRenderError(sorted(failures, key=lambda f: f["index"]))
        return {source: self._cache_path(key) for source, key in keys.items()}

    def render_many(self, sources: list[str]) -> dict[str, str]:
        """Return a mapping of each source to its SVG markup, rendering only cache misses."""
        return {source: path.read_text(encoding="utf-8") for source, path in self.render_files(sources).items()}

    def _render_prepared(self, prepared: list[tuple]) -> list[dict]:
        """Render (key, index, source, prepared text) items in this process's browser into the cache; return failures."""
        failures = []
        for start in range(0, len(prepared), BATCH_SIZE):
            batch = prepared[start : start + BATCH_SIZE]
            page = self._ensure_page()
            payload = [[self.dom_id(key), text] for key, _, _, text in batch]
            outputs = page.evaluate("items => window.__mmdRenderBatch(items)", payload)
            for (key, index, source, _), output in zip(batch, outputs):
                if "error" in output:
                    failures.append(self._failure(index, key, source, output["error"]))
                    continue
                svg = output["svg"]
                if _RESERVED.search(svg):
                    failures.append(self._failure(index, key, source, "label placeholder left in SVG"))
                    continue
                self._write_cache(key, svg)
                self.rendered_count += 1
        return failures

    def _render_parallel(self, prepared: list[tuple]) -> list[dict]:
        """Render prepared items split over worker processes, each with its own Chromium; return failures."""
        count = min(self.workers, len(prepared))
        # Interleaved chunks, so runs of large diagrams (neighbouring pages) are shared out evenly.
        chunks = [prepared[offset::count] for offset in range(count)]
        # Spawned, not forked: Playwright's sync API must not inherit a live driver or browser.
        context = multiprocessing.get_context("spawn")
        args = (str(self.mermaid_js), str(self.cache_dir), self.browser_path, self.config)
        failures: list[dict] = []
        with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
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

    def _failure(self, index: int, key: str, source: str, error: str) -> dict:
        """Describe one failed diagram for MermaidRenderError."""
        return {
            "index": index,
            "id": self.dom_id(key),
            "excerpt": _excerpt(source),
            "source": source,
            "error": error.strip(),
        }

    def _cache_path(self, key: str) -> Path:
        """Return the cache file path for a key."""
        return self.cache_dir / f"{key}.svg"

    def _write_cache(self, key: str, svg: str) -> None:
        """Store SVG markup for key atomically."""
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        atomic_write(self._cache_path(key), svg.encode("utf-8"))

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
            page = self._browser.new_page()
            # The page must never reach the network; Mermaid is injected from disk.
            page.route("**/*", lambda route: route.abort())
            page.set_content(_PAGE_HTML)
            page.add_script_tag(path=str(self.mermaid_js))
            page.add_script_tag(content=_PAGE_HELPER)
            page.evaluate("config => mermaid.initialize(config)", self.config)
        except BaseException:
            self.close()
            raise
        self._page = page
        return page
