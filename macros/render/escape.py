"""Escaping data for each place it goes: data is always text, never markup."""

from __future__ import annotations

import html
import re

import yaml

from markupsafe import Markup

# Every ASCII punctuation character; with pymdownx.escapeall any of them may be backslash-escaped.
_MD_SPECIAL = re.compile(r"([!\"#$%'()*+,\-./:;=?@\[\\\]^_`{|}~])")
_NEWLINES = re.compile(r"\s*[\r\n]+\s*")


def md_inline(text: str) -> Markup:
    """Text for a Markdown inline context (heading, paragraph, list item): shown literally, on one line."""
    # Leading whitespace would make Markdown read a line as a code block.
    one_line = _NEWLINES.sub(" ", text).strip()
    escaped = _MD_SPECIAL.sub(r"\\\1", one_line)
    return Markup(html.escape(escaped, quote=False))


def html_text(text: str) -> Markup:
    """Text for an HTML element's content, keeping the author's line breaks."""
    lines = [html.escape(line, quote=True) for line in text.strip().splitlines()]
    return Markup("<br>".join(lines))


def html_name(text: str) -> Markup:
    """A name (uraian, satuan) for an HTML element's content, on one line: line breaks and runs of spaces in the
    data (a name pasted from a PDF column) are folded to one space, as Markdown headings and diagrams fold them."""
    return Markup(html.escape(" ".join(text.split()), quote=True))


def dotted_id(text: str) -> Markup:
    """An indicator's ID (its kode, or its dotted position 'T1.S2.P6.K1.SK2.I1') for HTML, breakable after its dots
    only: a narrow column wraps it between parts ('T1.S2.P6.' / 'K1.SK2.I1'), never inside one ('T1.S1.P1.I' / '1').
    Paper keeps it whole (print.css)."""
    # Markup.join escapes each part.
    return Markup(".<wbr>").join(text.split("."))


def yaml_string(text: str) -> Markup:
    """A value for the page's front matter (title, description), as a double-quoted YAML string.

    MkDocs and Material put these values into the HTML unescaped (`<title>`, the header, the description
    attribute), so the text is HTML-escaped first. PyYAML writes the string itself: it escapes what its
    reader would refuse or fold (a JSON escape pair for an emoji, for one, fails to load and turns the
    whole front matter into page text).
    """
    one_line = html.escape(_NEWLINES.sub(" ", text), quote=True)
    return Markup(yaml.dump(one_line, allow_unicode=True, default_style='"', width=float("inf")).strip())


def mermaid_label(text: str, width: int = 34) -> str:
    """Text for a quoted Mermaid label (`id["..."]`), shown literally in an SVG-text label, on lines of about `width`.

    Long text is wrapped at word boundaries (Mermaid's SVG labels do not wrap by themselves) and the lines
    joined with `<br/>`. Everything else stays literal except what Mermaid 11 would read as syntax:
    `&`, `<`, `>` become `&amp;`, `&lt;`, `&gt;` (Mermaid decodes these itself); `"`, `#`, `` ` ``, `\\`
    and a `%` before another `%` become Mermaid entity codes (`#34;`), which the SVG renderer shows as the
    character (`macros.diagram_svg`). Mermaid's own entity markers (`ﬂ°`, `¶ß`) cannot be shown: Mermaid
    rewrites them in its output however they are written.
    """
    lines: list[str] = []
    for word in _NEWLINES.sub(" ", text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br/>".join(_MERMAID_SPECIAL.sub(_mermaid_escape, line) for line in lines)


# What a quoted label cannot hold literally, found by rendering every ASCII punctuation character with the
# pinned Mermaid: `"` ends the string; `#word;` is an entity code; a label in backticks is Markdown;
# `\n` breaks the line; `%%{...}%%` anywhere is a directive; `&lt;`/`&gt;`/`&amp;` are decoded, `<...>` is a
# tag and `>` a word break.
_MERMAID_SPECIAL = re.compile(r'[&<>"#`\\]|%(?=%)')
_MERMAID_NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _mermaid_escape(match: re.Match[str]) -> str:
    char = match.group()
    return _MERMAID_NAMED.get(char) or f"#{ord(char)};"
