"""Measure what a citizen's first search downloads from a built site: index shards, page records, search code.

    .venv/bin/python scripts/measure_search.py <site folder> [query ...]

Serves the folder on 127.0.0.1, opens the home page in Debian's Chromium, opens the header search and types each
query in turn (default: "layanan", then "pemberdayaan"), and prints every file the search fetched with its size
as sent (Pagefind's index files are gzip already) and as GitHub Pages would send it (gzip for text files).
A measurement, not a test.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402


def served_size(path: Path) -> tuple[int, int]:
    """(bytes on disk, bytes sent by a server that gzips text files) of one file."""
    data = path.read_bytes()
    if path.suffix in {".js", ".css", ".json"}:
        return len(data), len(gzip.compress(data, 6))
    return len(data), len(data)


def first_search(site: Path, queries: list[str]) -> list[str]:
    """The site paths the browser fetched from opening the search to the results of the last query."""
    from playwright.sync_api import expect, sync_playwright

    fetched: list[str] = []
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.on("request", lambda request: fetched.append(unquote(urlsplit(request.url).path)))
        page.keyboard.press("/")
        field = page.get_by_role("dialog").get_by_placeholder("Cari")
        for query in queries:
            field.fill(query)
            done = re.compile(rf"hasil untuk {re.escape(query)}$|^{re.escape(query)} tidak ditemukan")
            page.locator(".pagefind-ui__message").filter(has_text=done).wait_for()
            # A locator, not wait_for_function: the site's policy forbids the eval that a JavaScript string needs.
            expect(page.locator(".cari .pagefind-ui__loading")).to_have_count(0)
            page.wait_for_load_state("networkidle")
        browser.close()
    return list(dict.fromkeys(fetched))


def main(site: Path, queries: list[str]) -> None:
    pages = sum(1 for _ in site.rglob("*.html"))
    paths = first_search(site, queries)
    totals = {"indeks": [0, 0], "kode": [0, 0]}
    print(f"{site}: {pages} halaman HTML; kueri: {', '.join(queries)}")
    for path in paths:
        raw, sent = served_size(site / path.lstrip("/"))
        kind = "indeks" if path.endswith((".pf_meta", ".pf_index", ".pf_fragment", "entry.json", "ejaan.json")) else "kode"
        totals[kind][0] += raw
        totals[kind][1] += sent
        print(f"  {kind:6} {raw:>9,} {sent:>9,}  {path}")
    for kind, (raw, sent) in totals.items():
        print(f"  {kind}: {raw:,} B di disk, {sent:,} B terkirim dengan gzip")
    print(f"  total terkirim: {sum(sent for _, sent in totals.values()):,} B")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), sys.argv[2:] or ["layanan", "pemberdayaan"])
