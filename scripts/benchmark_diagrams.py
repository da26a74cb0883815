"""Benchmark: build-time Mermaid rendering of synthetic diagrams, one browser against parallel workers.

    .venv/bin/python scripts/benchmark_diagrams.py [--diagrams 120] [--nodes 20]

Renders the same unique flowcharts (a tree of --nodes labelled nodes each) twice with empty caches: serially
(workers=1) and with the default worker count, prints seconds, diagrams per second and the ratio, and checks
the two outputs are byte-identical. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.diagram_svg import MermaidSvgRenderer  # noqa: E402

MERMAID_JS = ROOT / "node_modules/mermaid/dist/mermaid.min.js"
WORDS = ["Meningkatnya", "kualitas", "pelayanan", "kesehatan", "pendidikan", "infrastruktur", "jalan",
         "air bersih", "tata kelola", "pemerintahan", "ekonomi", "daerah", "pariwisata", "UMKM"]


def escape_label(text: str) -> str:
    """Escape a label the way page generators do: every non-alphanumeric but space as #<decimal>;."""
    return "".join(c if c.isalnum() or c == " " else f"#{ord(c)};" for c in text)


def tree_source(seed: int, nodes: int) -> str:
    """Return a unique flowchart LR tree of labelled nodes, labels varied by seed."""
    lines = ["flowchart LR"]
    for n in range(nodes):
        words = " ".join(WORDS[(seed * 3 + n * k) % len(WORDS)] for k in range(1, 2 + (seed + n) % 4))
        label = escape_label(f"{seed}.{n} {words} ({(seed * 37 + n * 11) % 100}%)")
        lines.append(f'    N{n}["{label}"]')
        if n:
            lines.append(f"    N{(n - 1) // 3} --> N{n}")
    return "\n".join(lines) + "\n"


def run(sources: list[str], cache_dir: Path, browser: str, workers: int | None) -> tuple[float, dict, MermaidSvgRenderer]:
    """Render sources with an empty cache; return seconds, the SVGs and the renderer."""
    start = time.perf_counter()
    with MermaidSvgRenderer(MERMAID_JS, cache_dir, browser_path=browser, workers=workers) as renderer:
        svgs = renderer.render_many(sources)
    return time.perf_counter() - start, svgs, renderer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--diagrams", type=int, default=120)
    parser.add_argument("--nodes", type=int, default=20)
    parser.add_argument("--browser", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args()
    sources = [tree_source(seed, args.nodes) for seed in range(args.diagrams)]
    assert len(set(sources)) == len(sources)
    with tempfile.TemporaryDirectory(prefix="bench-diagrams-") as work:
        serial_s, serial, _ = run(sources, Path(work) / "serial", args.browser, workers=1)
        parallel_s, parallel, renderer = run(sources, Path(work) / "parallel", args.browser, workers=None)
    print(f"{len(sources)} diagrams of {args.nodes} nodes, {os.cpu_count()} CPUs")
    print(f"serial:   {serial_s:6.2f} s  {len(sources) / serial_s:5.1f} diagrams/s  (1 browser)")
    print(f"parallel: {parallel_s:6.2f} s  {len(sources) / parallel_s:5.1f} diagrams/s  "
          f"({renderer.browser_starts} browsers)")
    print(f"speed-up: {serial_s / parallel_s:.2f}x")
    print("outputs byte-identical:", serial == parallel)
    if serial != parallel:
        sys.exit(1)


if __name__ == "__main__":
    main()
