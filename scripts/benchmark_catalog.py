"""Lighthouse (mobile preset) on the indicator catalogs of a built site: the catalog of every cascade and a cascade's.

Usage: .venv/bin/python scripts/benchmark_catalog.py <site folder> [--runs 3] [--page katalog/ ...]

Build the site first, e.g. from a synthetic Kabupaten of 40 perangkat daerah × 5 years:
    scripts/make_synthetic.py /tmp/kab --perangkat-daerah 40 --years 5 --seed 1
    CASCADE_DATA=/tmp/kab mkdocs build --strict --site-dir /tmp/kab-site
Without --page it measures `katalog/` and the catalog of the cascade with the most indicators. The site is served
gzipped from 127.0.0.1 as benchmark_pages.py serves it. Then, in Chromium throttled as Lighthouse's mobile preset
is (4× slower CPU, 150 ms round trips, 1.6 Mbit/s), it times the catalog of every cascade from a word filled into
its text box to the first matching row on screen (each --query, on a freshly opened page: nothing loaded before).
A benchmark, not a test: it prints the median of each figure and the budgets of issue 14 (performance >= 0.9,
accessibility 1.0, first rows within 2.5 s).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmark_pages import CHROME_FLAGS, LIGHTHOUSE, serve  # noqa: E402  (run as a script: its folder is on sys.path)

FIGURES = [("performance", "{:.2f}", lambda v: v >= 0.9), ("accessibility", "{:.2f}", lambda v: v >= 1.0),
           ("transfer_kb", "{:.0f}", None), ("dom_nodes", "{:.0f}", None), ("tbt_ms", "{:.0f}", None),
           ("fcp_ms", "{:.0f}", None), ("lcp_ms", "{:.0f}", lambda v: v <= 2500)]


def lighthouse(url: str, report: Path) -> dict[str, float]:
    """One Lighthouse run (mobile preset, simulated slow 4G and a 4× slower CPU): the figures we compare."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")}
    command = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               "--only-categories=performance,accessibility", f"--chrome-flags={CHROME_FLAGS}"]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0 or not report.is_file():
        sys.exit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    return {
        "performance": data["categories"]["performance"]["score"],
        "accessibility": data["categories"]["accessibility"]["score"],
        "transfer_kb": audits["total-byte-weight"]["numericValue"] / 1024,
        "dom_nodes": audits["dom-size"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
    }


def first_rows_ms(url: str, query: str) -> float:
    """Milliseconds from filling `query` into the text box of the catalog of every cascade at `url` to its first
    row on screen, on a phone-sized page throttled like Lighthouse's mobile preset."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                             args=CHROME_FLAGS.replace("--headless=new ", "").split())
        try:
            page = browser.new_page(viewport={"width": 412, "height": 823}, device_scale_factor=2.625)
            cdp = page.context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 150,
                     "downloadThroughput": 1.6 * 1024 * 1024 / 8, "uploadThroughput": 750 * 1024 / 8})
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.goto(url, wait_until="load")
            page.locator("form[data-katalog-semua]").wait_for()
            start = page.evaluate("() => performance.now()")
            page.locator("form[data-katalog-semua] input[name=q]").fill(query)
            page.locator("[data-katalog-hasil] tbody tr").first.wait_for(timeout=60000)
            return page.evaluate("() => performance.now()") - start
        finally:
            browser.close()


def largest_cascade_catalog(site: Path) -> str:
    """The address of the cascade catalog with the most rows in the built site."""
    pages = site.glob("*/*/katalog/index.html")
    largest = max(pages, key=lambda page: page.read_text(encoding="utf-8").count("<tr "))
    return largest.parent.relative_to(site).as_posix() + "/"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (the median is shown)")
    parser.add_argument("--page", action="append", help="a page's address in the site, e.g. katalog/")
    parser.add_argument("--query", action="append", help="a word to filter the catalog of every cascade by "
                        "(default: 'kesehatan' and 'jumlah')")
    parser.add_argument("--lighthouse-only", action="store_true", help="no filter timing (a site built before the "
                        "catalog of every cascade had its filter over the indexes)")
    args = parser.parse_args()
    pages = args.page or ["katalog/", largest_cascade_catalog(args.site)]
    server, base = serve(args.site)
    try:
        with tempfile.TemporaryDirectory(prefix="benchmark-catalog-") as workdir:
            for page in pages:
                runs = [lighthouse(base + page, Path(workdir) / f"run-{i}.json") for i in range(args.runs)]
                print(f"\n{page} (Lighthouse mobile, gzip, median of {args.runs})")
                for name, fmt, budget in FIGURES:
                    value = statistics.median(run[name] for run in runs)
                    verdict = "" if budget is None else ("  ok" if budget(value) else "  MISSED")
                    print(f"  {name:<14}{fmt.format(value):>10}{verdict}")
        for query in [] if args.lighthouse_only else args.query or ["kesehatan", "jumlah"]:
            value = statistics.median(first_rows_ms(base + "katalog/", query) for _ in range(args.runs))
            print(f"\nkatalog/: '{query}' filled in → first row, median of {args.runs}: {value:.0f} ms"
                  f"{'  ok' if value <= 2500 else '  MISSED'}")
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
