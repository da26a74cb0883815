"""Mermaid's browser bundle, made faster for rendering many diagrams in one page.

Mermaid 11's `getConfig()` returns a fresh copy of its whole configuration (about 22 KB: theme variables and the
settings of every kind of diagram) on every call, and a flowchart's render calls it about five times per node or
edge (47 to 97 times for the synthetic kegiatan diagrams): about half of a diagram's render time was spent copying
(measured with Chromium's profiler). Mermaid replaces its configuration object whenever the configuration changes
(at least once per render), and between changes the copies are equal, so one copy is made per configuration object
and handed out again. Mermaid's flowchart code reads the copy and never writes into it: tests/test_diagram_svg.py
checks that the shared copy is unchanged after renders and that the SVGs equal the stock bundle's.
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

