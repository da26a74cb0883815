"""Content-Security-Policy: every page carries one, and under it the theme, search and diagram still work."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from bs4 import BeautifulSoup

from macros.csp import add_policy, script_hashes

from .helpers import DATA, KEBASEN, ROOT, build_site, chromium_path, serve

PROGRAM = "kecamatan-kebasen/2023/program/pemberdayaan-masyarakat-desa-dan-kelurahan/"
# Runs before the page's scripts: records what the policy blocked, as the browser reports it.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def test_policy_hashes_inline_scripts_and_comes_before_them():
    page = '<html><head><meta charset="utf-8"><title>x</title><script>var a=1</script>' \
           '<script src="app.js"></script></head><body><script>var a=1</script><script>b()</script></body></html>'
    result = add_policy(page)
    # Reference values: printf 'var a=1' | openssl dgst -sha256 -binary | base64 (and 'b()').
    assert script_hashes(page) == ["'sha256-WazVQOu5lmXfSreSrMJd1CsaQ4c00fUQpJfBYCuMSIw='",
                                   "'sha256-cf242PFc/kb7xD0Qzhsmd9vvRkc+cWFmbi+k+YvtdKc='"]
    assert result.index('http-equiv="Content-Security-Policy"') < result.index("<script")
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-WazV" in result and "'unsafe-inline'; img-src" in result
    assert "script-src 'self' 'unsafe-inline'" not in result
    # The preview of `mkdocs serve` adds a live-reload script that differs on every response: no hash can name it.
    preview = add_policy(page, any_inline_script=True)
    assert "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'; style-src" in preview and "sha256" not in preview


@pytest.mark.slow
def test_every_page_has_the_policy_with_its_inline_scripts_hashed(site):
    pages = sorted(site.rglob("*.html"))
    for html_file in pages:
        text = html_file.read_text(encoding="utf-8")
        soup = BeautifulSoup(text, "html.parser")
        (meta,) = soup.select('meta[http-equiv="Content-Security-Policy"]')
        policy = meta["content"]
        assert "default-src 'self'" in policy and "object-src 'none'" in policy, html_file
        script_src = re.search(r"script-src ([^;]*)", policy).group(1).split()
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        assert set(script_hashes(text)) <= set(script_src), html_file
        assert text.index("Content-Security-Policy") < text.find("<script") or "<script" not in text


def open_with_policy(page, url: str) -> list[str]:
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__csp")


@pytest.mark.browser
def test_theme_search_and_diagram_work_under_the_policy(page, site_url):
    violations = open_with_policy(page, site_url + PROGRAM)
    assert "Program Pemberdayaan" in page.locator("figure.diagram svg, .mermaid svg").first.text_content()
    # The light/dark switch is palette-switch.js (and Material's inline palette script in the head must have run).
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme in ("default", "slate")
    page.locator("form[data-palette-switch] label:visible").first.click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") != scheme
    # Search: Pagefind's UI and WebAssembly load from the site and find a program.
    page.locator(".cari-toggle").click()
    page.locator("#cari input").fill("pemberdayaan")
    page.locator("#cari .pagefind-ui__result-link").first.wait_for(timeout=15000)
    assert "Pemberdayaan" in page.locator("#cari .pagefind-ui__results").inner_text()
    violations += page.evaluate("window.__csp")
    assert violations == []
    assert [e for e in page.console_errors if "Content Security Policy" in e] == []
    assert page.console_errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_client_side_diagram_fallback_works_under_the_policy(tmp_path, browser):
    """Without Chromium at build time the diagram is drawn in the reader's browser; the policy must allow that."""
    site = tmp_path / "site"
    result = build_site(site, with_chromium=False)
    assert result.returncode == 0, result.stderr
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    try:
        with serve(site) as base:
            violations = open_with_policy(page, base + PROGRAM)
            # Material draws the diagram into a closed shadow root of div.mermaid: its text cannot be read from
            # here, but an empty box has no height and a blocked script leaves the <pre> source in place.
            page.wait_for_function(
                "() => document.querySelector('div.mermaid')?.getBoundingClientRect().height > 150")
            assert page.locator("pre.mermaid").count() == 0 and page.evaluate("typeof window.mermaid") == "object"
            assert violations + page.evaluate("window.__csp") == [] and errors == []
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.slow
def test_a_page_open_in_make_serve_reloads_itself_after_the_data_changes(tmp_path, browser):
    """`make serve` rebuilds on an edit and the open page reloads: MkDocs' live-reload script, inline and different
    on every response, runs under the preview's policy (the built site's policy would block it)."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CASCADE_DATA": str(data), "CHROMIUM": chromium_path(),
           "CASCADE_CACHE": str(tmp_path / "cache")}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    context = browser.new_context()
    try:
        url = f"http://127.0.0.1:{port}/kecamatan-kebasen/2023/"
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(url, timeout=5).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "mkdocs serve did not start"
                time.sleep(0.5)
        page = context.new_page()
        # Not `open_with_policy`: the live-reload script keeps a request open, so the network is never idle.
        page.add_init_script(RECORD_VIOLATIONS)
        page.goto(url)
        violations = page.evaluate("window.__csp")
        edited = data / KEBASEN.relative_to(DATA)
        text = edited.read_text(encoding="utf-8")
        edited.write_text(text.replace("Mewujudkan kinerja pelayanan Kecamatan yang prima",
                                       "Mewujudkan kinerja pelayanan Kecamatan yang prima sekali", 1), encoding="utf-8")
        page.wait_for_function("() => document.body.innerText.includes('pelayanan Kecamatan yang prima sekali')",
                               timeout=120_000)
        assert violations + page.evaluate("window.__csp") == []
    finally:
        context.close()
        server.terminate()
        server.wait(timeout=30)
