"""A Markdown extension that passes pre-rendered HTML blocks through without parsing them.

The generated pages carry their indicator tables as finished, escaped HTML in `<div … markdown="0">` blocks.
Python-Markdown (md_in_html) and MkDocs (which looks for anchor ids) would each run such a block through
Python's HTML parser, which took most of a large site's build time. A block this extension recognises goes
straight into Markdown's HTML stash instead and comes out as written, minus its `markdown="0"` (which
md_in_html leaves in, though it is not HTML).

Recognised: a `<div` opening tag that starts a line and has `markdown="0"`, up to the first line that is
exactly `</div>`, with no other `<div` in between. Anything else (a nested div, an indented block) is left to
md_in_html. Also recognised, for HTML that has no wrapping div (an indicator page's tables and figures between its
Markdown headings): the lines between a line `<!--verbatim-->` and the next line `<!--/verbatim-->`, stored
without those two lines (data never holds them: every data text in such a block is HTML-escaped). Enable it in
mkdocs.yml with `markdown_extensions: [macros.verbatim_html]`.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

_BLOCK = re.compile(r'^(?P<open><div\b[^>\n]*?) markdown="0"(?P<rest>[^>\n]*>)$(?P<body>.*?)^</div>$', re.M | re.S)
_MARKED = re.compile(r"^<!--verbatim-->\n(?P<body>.*?)\n<!--/verbatim-->$", re.M | re.S)


class VerbatimHtmlPreprocessor(Preprocessor):
    """Stores each recognised block in the HTML stash and leaves its placeholder as a paragraph of its own."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if 'markdown="0"' not in text and "<!--verbatim-->" not in text:
            return lines
        text = _MARKED.sub(lambda match: f"\n\n{self.md.htmlStash.store(match['body'].strip())}\n\n", text)
        return _BLOCK.sub(self._stash, text).split("\n")

    def _stash(self, match: re.Match[str]) -> str:
        if "<div" in match["body"]:
            return match[0]
        html = f"{match['open']}{match['rest']}{match['body']}</div>"
        return f"\n\n{self.md.htmlStash.store(html)}\n\n"


class VerbatimHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After fenced code (25), so a block shown inside a code fence stays code; before MkDocs' anchor
        # scan of raw HTML (21) and md_in_html (20), which are what it spares.
        md.preprocessors.register(VerbatimHtmlPreprocessor(md), "verbatim_html", 22)


def makeExtension(**kwargs: object) -> VerbatimHtmlExtension:  # noqa: N802 (Python-Markdown's entry point)
    return VerbatimHtmlExtension(**kwargs)
