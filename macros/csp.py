"""Content-Security-Policy for every built page: only the site's own scripts and the theme's inline ones run.

Material for MkDocs writes a few inline scripts into each page (the site's base address, the colour
palette, the open navigation section); the policy names each by its SHA-256 hash, computed from the
finished page, so nothing else inline (and no script from another host) can run even if markup slipped
into the data. A `<meta>` policy is what a static site can carry itself; README says which headers a web
server should add on top (`frame-ancestors` and reporting work only as headers).
"""

from __future__ import annotations

import base64
import hashlib
import re

# Styles may be inline: the diagrams' SVG carries its own <style> and style attributes, and styles run no code.
# 'wasm-unsafe-eval' lets the search (Pagefind) run its WebAssembly; it does not allow JavaScript eval().
POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
          "object-src 'none'; base-uri 'self'; form-action 'self'")

_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script\s*>", re.S | re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)


def script_hashes(html: str) -> list[str]:
    """CSP source expressions for the inline scripts of a page, in page order, each once."""
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"
        for body in _INLINE_SCRIPT.findall(html)
    ]
    return list(dict.fromkeys(hashes))


def add_policy(html: str, *, any_inline_script: bool = False) -> str:
    """The page with its Content-Security-Policy `<meta>` first in `<head>` (after the charset), before any script.

    `any_inline_script`: every inline script may run ('unsafe-inline' in place of the hashes), for the preview of
    `mkdocs serve` only, whose live-reload script, added to each response, differs on every one."""
    scripts = "'unsafe-inline'" if any_inline_script else " ".join(script_hashes(html))
    tag = ('<meta http-equiv="Content-Security-Policy" content="'
           + POLICY.format(hashes=scripts).replace("  ", " ") + '">')
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    return html[: anchor.end()] + "\n    " + tag + html[anchor.end():]
