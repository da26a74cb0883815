"""The indentation between a built page's tags, cut to one line break.

The theme's templates indent every line they write (about a twentieth of a program page's bytes, a fifth of a
short page's). Between two tags a run of spaces and line breaks draws as one space or none, whatever its length,
so one line break keeps the page as it was drawn and read. Nothing is changed where whitespace is drawn as
written (`<pre>`, `<textarea>`, inline `<svg>`: Mermaid writes `xml:space="preserve"`) nor inside `<script>` and
`<style>`, whose text is code (and whose hashes the page's Content-Security-Policy names).
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Tags as the theme and macros/render write them: lower case, and none of these nested in one of its own kind.
_KEPT_START = re.compile(r"<(pre|textarea|svg|script|style)[\s>]")
_GAP = re.compile(r">\s{2,}<")


def collapse_indentation(html: str) -> str:
    """`html` with each run of two or more whitespace characters between two tags, outside the kept elements, cut
    to one line break. Text, attributes and the kept elements are returned unchanged."""
    kept = _kept_spans(html)
    starts = [start for start, _ in kept]

    def gap(match: re.Match[str]) -> str:
        first_space = match.start() + 1
        index = bisect_right(starts, first_space) - 1
        return match.group(0) if index >= 0 and first_space < kept[index][1] else ">\n<"

    return _GAP.sub(gap, html)


def _kept_spans(html: str) -> list[tuple[int, int]]:
    """(start, end) of each kept element in `html`, in order; an unclosed one runs to the end."""
    spans = []
    position = 0
    while kept := _KEPT_START.search(html, position):
        end_tag = f"</{kept.group(1)}>"
        end = html.find(end_tag, kept.end())
        position = len(html) if end < 0 else end + len(end_tag)
        spans.append((kept.start(), position))
    return spans
