"""Drawing a build's indicator charts: each once, cached between builds, on every core, named by what it draws.

A Kabupaten's cold build draws thousands of charts, a third of its time when drawn one after another between the
pages. `ChartMaker.render` only orders a chart: it names the chart's file at once (a hash of what it draws and of
the code that draws it, so the page can link to it) and hands a chart that is not in the cache to a pool of worker
processes, while the build goes on with its pages; `ChartMaker.drawn` then gives every ordered chart's SVG,
waiting for the ones still being drawn. Identical charts (same values on another page or in another year) are
drawn and published once.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from ..content_cache import ContentCache
from ..processes import spawned_pool
from .chart import HEIGHT, WIDTH, ChartSpec, to_svg

# Names what else decides a chart's SVG besides its spec: raise it when to_svg's drawing changes.
_DRAWING = f"chart-7 pygal {version('pygal')}"


@dataclass(frozen=True)
class ChartImage:
    """An ordered chart: `digest` names its file (`naming.chart_path`), drawn `width` × `height` CSS px (for
    `<img width height>`)."""

    digest: str
    width: int
    height: int


@dataclass
class ChartMaker:
    """Orders charts and gives their SVGs, through a content-hash cache in `cache_dir` (None: none), drawing the
    missing ones in `workers` processes (0: at once, in this one). Counts the charts ordered (`count`), those drawn
    rather than read from the cache (`made`), the seconds the caller spent on them (`seconds`: ordering, and
    waiting for drawings at the end) and the processor seconds drawing them took wherever they were drawn
    (`drawing_cpu`; a build adds those of the processes that made its pages), which the build reports. Close it
    (`close`, or `drawn` to the end)."""

    cache_dir: Path | None = None
    workers: int = 0
    count: int = 0
    made: int = 0
    seconds: float = 0.0
    drawing_cpu: float = 0.0
    _cache: ContentCache | None = field(default=None, init=False)
    _pool: ProcessPoolExecutor | None = field(default=None, init=False)
    # digest → the SVG, or its file in the cache, or (cache key, the worker drawing it).
    _ordered: dict[str, bytes | Path | tuple[str, Future[tuple[bytes, float]]]] = field(default_factory=dict, init=False)
    # Every order's digest, repeats included, in order: what a part of the build ordered is a slice of it.
    requested: list[str] = field(default_factory=list, init=False)
    # digest → the name of its file in the cache.
    _names: dict[str, str] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        if self.cache_dir is not None:
            self._cache = ContentCache(self.cache_dir, ".svg", _DRAWING)

    def render(self, spec: ChartSpec) -> ChartImage:
        """Order the chart of a spec; its SVG comes from `svg` or `drawn`."""
        started = time.perf_counter()
        key = json.dumps(spec.as_dict(), sort_keys=True, ensure_ascii=False)
        digest = hashlib.sha256(f"{_DRAWING}\0{key}".encode("utf-8")).hexdigest()[:20]
        if digest not in self._ordered:
            self._ordered[digest] = self._order(key, spec)
            if self._cache is not None:
                self._names[digest] = self._cache.path(key).name
        self.requested.append(digest)
        self.count += 1
        self.seconds += time.perf_counter() - started
        return ChartImage(digest, WIDTH, HEIGHT)

    def cache_name(self, digest: str) -> str | None:
        """The name of an ordered chart's file in the cache (there, or being drawn), None without a cache."""
        return self._names.get(digest)

    def reuse(self, digest: str, name: str) -> bool:
        """Order a chart by its file in the cache (`cache_name` of an earlier build), for a page kept from that
        build; False, ordering nothing, when the file is gone (or there is no cache)."""
        if self.cache_dir is None or not (self.cache_dir / name).is_file():
            return False
        self._ordered.setdefault(digest, self.cache_dir / name)
        self._names.setdefault(digest, name)
        self.count += 1
        return True

    def _order(self, key: str, spec: ChartSpec) -> bytes | Path | tuple[str, Future[tuple[bytes, float]]]:
        if self._cache is not None and self._cache.path(key).is_file():
            return self._cache.path(key)
        self.made += 1
        if self.workers <= 0:
            svg, cpu = _draw(spec)
            self.drawing_cpu += cpu
            return self._store(key, svg)
        if self._pool is None:
            self._pool = spawned_pool(self.workers)
        return key, self._pool.submit(_draw, spec)

    def _store(self, key: str, svg: bytes) -> bytes | Path:
        # Kept on disk rather than in memory when there is a cache: a Kabupaten has thousands.
        return svg if self._cache is None else self._cache.put(key, svg)

    def svg(self, digest: str) -> bytes:
        """The SVG of an ordered chart (waiting for it if it is being drawn). Raises KeyError for one not ordered,
        and what drawing it raised."""
        entry = self._wait(digest)
        return entry.read_bytes() if isinstance(entry, Path) else entry

    def drawn(self) -> Iterator[tuple[str, bytes | Path]]:
        """Every ordered chart as (digest, its file in the cache, or its SVG when there is no cache), in the order
        first ordered; then the workers stop."""
        try:
            for digest in list(self._ordered):
                yield digest, self._wait(digest)
        finally:
            self.close()

    def _wait(self, digest: str) -> bytes | Path:
        entry = self._ordered[digest]
        if isinstance(entry, tuple):
            started = time.perf_counter()
            key, future = entry
            svg, cpu = future.result()
            self.drawing_cpu += cpu
            entry = self._ordered[digest] = self._store(key, svg)
            self.seconds += time.perf_counter() - started
        return entry

    def close(self) -> None:
        """Stop the worker processes (charts still being drawn are dropped)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _draw(spec: ChartSpec) -> tuple[bytes, float]:
    """A chart's SVG, and the processor seconds drawing it took (in whichever process drew it)."""
    started = time.process_time()
    svg = to_svg(spec)
    return svg, time.process_time() - started
