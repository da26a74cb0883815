"""Mermaid's browser bundle, made faster for rendering many diagrams in one page.

Mermaid 11's `getConfig()` returns a fresh copy of its whole configuration (about 22 KB: theme variables and the
settings of every kind of diagram) on every call, and a flowchart's render calls it for every node, edge and label:
about half of a kegiatan diagram's render time was spent copying (measured with Chromium's profiler). Rendering
diagrams one after another in one page never changes the configuration between calls, so the copy is made once per
configuration and handed out again; a new configuration (Mermaid replaces its object on every change) makes a new
copy. Mermaid's flowchart code reads the copy and never writes into it: tests/test_diagram_svg.py renders with the
stock bundle and with this one and compares the SVGs, and checks that the shared copy is unchanged after renders.
"""

from __future__ import annotations

import re

# The minified definition: `Lt=s(()=>ii({},$x),"getConfig")` in 11.x (names change between releases; the shape and
# the kept function name "getConfig" do not). `$` is a valid identifier character.
_GET_CONFIG = re.compile(
    r'(?P<getter>[\w$]+)=(?P<name>[\w$]+)\(\(\)=>(?P<assign>[\w$]+)\(\{\},(?P<current>[\w$]+)\),"getConfig"\)'
)

# The page-global slot holding [configuration object, its copy]; tests read it.
MEMO_GLOBAL = "__mmdConfigCopy"


def with_shared_config_copy(bundle: str) -> str:
    """Return Mermaid's minified browser bundle (mermaid.min.js text) with `getConfig()` handing out one copy per
    configuration; the bundle unchanged if its definition is not found exactly once (another Mermaid build)."""
    matches = list(_GET_CONFIG.finditer(bundle))
    if len(matches) != 1:
        return bundle
    found = matches[0]
    getter, name, assign, current = found.group("getter", "name", "assign", "current")
    memo = f"globalThis.{MEMO_GLOBAL}"
    replacement = (f"{getter}={name}(()=>{{let c={memo};if(!c||c[0]!=={current}){{c={memo}=[{current},"
                   f"{assign}({{}},{current})]}}return c[1]}},\"getConfig\")")
    return bundle[:found.start()] + replacement + bundle[found.end():]

