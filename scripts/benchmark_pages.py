"""Lighthouse (mobile preset) on one program page of our site and of a stock Material + mermaid2 build, side by side.

Usage: .venv/bin/python scripts/benchmark_pages.py [--runs N] [--page kecamatan-kebasen/2023/program/<slug>/]
       [--data <cascade folder>]   (an indicator page with charts: --data with targets, --page <pd>/indikator/<name>/)

Both sites are built from the same generated Markdown and served from 127.0.0.1 by a small server that gzips
text responses, as GitHub Pages does. Lighthouse is the pinned npm devDependency, run against Debian's chromium
(CHROME_PATH). A benchmark, not a test: it prints figures and the budgets they are held against.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import mimetypes
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.load import load_cascades  # noqa: E402
from macros.site import generate_files, program_diagrams  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# (label, how to read it from the report, budget test, budget text)
BUDGETS = {
    "performance": (lambda v: v >= 0.95, ">= 0.95"),
    "accessibility": (lambda v: v >= 1.0, "= 1.00"),
    "best-practices": (lambda v: v >= 1.0, "= 1.00"),
    "seo": (lambda v: v >= 0.9, ">= 0.90"),
    "transfer_kb": (lambda v: v <= 200, "<= 200"),
}
GZIP_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")

# The stock configuration: plain Material and mermaid2 with the site's own Mermaid file, no hooks, no macros.
# Web fonts are off as in ours: Google Fonts cannot load here and would only add failed off-site requests.
STOCK_CONFIG = """\
site_name: Cascading Kinerja
site_description: Cascading kinerja perangkat daerah (SAKIP).
theme:
  name: material
  language: id
  font: false
plugins:
  - search
  - mermaid2:
      javascript: assets/vendor/mermaid.min.js
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:mermaid2.fence_mermaid_custom
"""


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files with gzip for text types and a short cache lifetime, like GitHub Pages."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?", 1)[0] + "/")
                self.end_headers()
                return
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
        body = path.read_bytes() if path.is_file() else b"Not found"
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        compress = ctype.startswith(GZIP_TYPES) and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            body = gzip.compress(body, 6)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if compress:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve `folder` with gzip on a free port of 127.0.0.1; returns (server, base URL)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def mkdocs_build(config_file: Path, site_dir: Path, strict: bool, data: Path = ROOT / "cascade_data") -> None:
    """Build a site of the cascades in `data` with the venv's MkDocs, stopping the benchmark on failure."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CASCADE_DATA": str(data)}
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config_file), "-d", str(site_dir)]
    result = subprocess.run(command + (["--strict"] if strict else []), env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"build with {config_file} failed:\n{result.stderr}")


_FRONT_MATTER_TEMPLATE = re.compile(r"^template: .*\n", re.M)


def build_stock(workdir: Path, data: Path) -> Path:
    """The same docs and generated Markdown written to disk, built by plain Material + mermaid2."""
    docs = workdir / "docs"
    shutil.copytree(ROOT / "docs", docs)
    cascades = load_cascades(data)
    for generated in generate_files(cascades, program_diagrams(cascades)):
        target = docs / generated.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(generated.content, bytes):  # downloads such as XLSX
            target.write_bytes(generated.content)
        else:
            # Stock Material has none of our page templates (the catalogs name overrides/katalog.html).
            target.write_text(_FRONT_MATTER_TEMPLATE.sub("", generated.content, count=1), encoding="utf-8")
    (workdir / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    site = workdir / "site"
    mkdocs_build(workdir / "mkdocs.yml", site, strict=False)
    return site


def lighthouse(url: str, report: Path) -> dict[str, float]:
    """One Lighthouse run (mobile preset, simulated slow 4G) and the figures we compare."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")}
    command = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0 or not report.is_file():
        sys.exit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    figures = {name: data["categories"][name]["score"] for name in CATEGORIES}
    figures["transfer_kb"] = audits["total-byte-weight"]["numericValue"] / 1024
    figures["requests"] = len(audits["network-requests"]["details"]["items"])
    figures["lcp_ms"] = audits["largest-contentful-paint"]["numericValue"]
    figures["fcp_ms"] = audits["first-contentful-paint"]["numericValue"]
    figures["tbt_ms"] = audits["total-blocking-time"]["numericValue"]
    figures["failed"] = sorted(
        f"{name}: {audits[ref['id']]['title']}"
        for name in CATEGORIES
        for ref in data["categories"][name]["auditRefs"]
        if ref["weight"] > 0 and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
        and audits[ref["id"]]["scoreDisplayMode"] in ("binary", "numeric", "metricSavings")
    )
    return figures


def median_run(url: str, runs: int, workdir: Path, name: str) -> dict:
    """Median of each figure over `runs` Lighthouse runs; the failed audits of the first."""
    results = [lighthouse(url, workdir / f"{name}-{i}.json") for i in range(runs)]
    merged = {key: statistics.median(r[key] for r in results) for key in results[0] if key != "failed"}
    merged["failed"] = results[0]["failed"]
    return merged


def default_page(data: Path) -> str:
    """The program page with the largest diagram: the worst case for both builds."""
    diagrams = program_diagrams(load_cascades(data))
    src_uri = max(diagrams, key=lambda uri: sum(len(diagram.source) for diagram in diagrams[uri]))
    return src_uri.removesuffix(".md") + "/"


def print_table(ours: dict, stock: dict) -> None:
    rows = [("performance", "{:.2f}"), ("accessibility", "{:.2f}"), ("best-practices", "{:.2f}"), ("seo", "{:.2f}"),
            ("transfer_kb", "{:.1f}"), ("requests", "{:.0f}"), ("lcp_ms", "{:.0f}"), ("fcp_ms", "{:.0f}"),
            ("tbt_ms", "{:.0f}")]
    print(f"\n{'figure':<16}{'ours':>10}{'stock':>10}{'stock/ours':>12}  budget")
    for key, fmt in rows:
        a, b = ours[key], stock[key]
        ratio = f"{b / a:.2f}" if a else "-"
        check, text = BUDGETS.get(key, (None, ""))
        verdict = f"{text} {'ok' if check(a) else 'MISSED'}" if check else ""
        print(f"{key:<16}{fmt.format(a):>10}{fmt.format(b):>10}{ratio:>12}  {verdict}")
    for name, result in (("ours", ours), ("stock", stock)):
        if result["failed"]:
            print(f"\naudits below full score ({name}):\n  " + "\n  ".join(result["failed"]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per site (median is shown)")
    parser.add_argument("--page", default=None, help="page path, e.g. kecamatan-kebasen/2023/program/<slug>/")
    parser.add_argument("--data", type=Path, default=ROOT / "cascade_data",
                        help="cascade folder to build (default: cascade_data/)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder with the builds and reports")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `make setup`")
    data = args.data.resolve()
    page = args.page or default_page(data)
    workdir = Path(tempfile.mkdtemp(prefix="benchmark-pages-"))
    try:
        ours_site = workdir / "ours"
        mkdocs_build(ROOT / "mkdocs.yml", ours_site, strict=True, data=data)
        stock_site = build_stock(workdir / "stock", data)
        servers = []
        results = {}
        for name, folder in (("ours", ours_site), ("stock", stock_site)):
            server, base = serve(folder)
            servers.append(server)
            print(f"lighthouse {name}: {base}{page}", file=sys.stderr)
            results[name] = median_run(base + page, args.runs, workdir, name)
        for server in servers:
            server.shutdown()
        print(f"\nPage {page}, Lighthouse 12.2.3 mobile preset, served with gzip, "
              f"median of {args.runs} run(s)")
        print_table(results["ours"], results["stock"])
    finally:
        if args.keep:
            print(f"\nbuilds and reports kept in {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
