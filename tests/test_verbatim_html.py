"""The Markdown extension that passes the generated pages' finished HTML blocks through unparsed."""

from __future__ import annotations

import re

import markdown

from .helpers import visible_text

EXTENSIONS = ["md_in_html", "attr_list", "pymdownx.superfences"]
TABLE = ('<div class="indikator-table" markdown="0">\n<table>\n<caption>*Bukan* penekanan</caption>\n'
         '<tbody>\n<tr id="t1-i1"><td>_x_ &amp; [tautan](y)</td></tr>\n</tbody>\n</table>\n</div>')


def convert(text: str, verbatim: bool = True) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS + (["macros.verbatim_html"] if verbatim else []))


def test_a_markdown_0_block_comes_out_as_written_without_the_attribute():
    html = convert(f"# Judul\n\n{TABLE}\n\nTeks *biasa*.\n")
    assert TABLE.replace(' markdown="0"', "") in html
    assert "<em>Bukan</em>" not in html and "<em>biasa</em>" in html and "<h1>Judul</h1>" in html


def test_the_block_is_what_md_in_html_writes_apart_from_its_markdown_attribute_and_blank_lines():
    text = f"Sebelum.\n\n{TABLE}\n\n{TABLE}\n\nSesudah.\n"
    expected = convert(text, verbatim=False).replace(' markdown="0"', "")
    assert re.sub(r"\n+", "\n", convert(text)) == re.sub(r"\n+", "\n", expected)


def test_a_nested_div_is_left_to_md_in_html():
    nested = '<div class="luar" markdown="0">\n<div>*a*</div>\n</div>'
    assert convert(nested) == convert(nested, verbatim=False)


def test_a_block_shown_in_a_code_fence_stays_code():
    html = convert(f"```html\n{TABLE}\n```\n")
    assert "<table>" not in html
    assert TABLE in visible_text(html)
