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


MARKED = ('<!--verbatim-->\n\n<p><strong>IKU</strong></p>\n\n<table class="indikator-definisi">\n'
          '<tbody><tr><td>*Bukan* penekanan &amp; [tautan](y)</td></tr></tbody>\n</table>\n\n'
          '<h3 id="i1-letak">Letak</h3>\n<!--/verbatim-->')


def test_a_marked_block_comes_out_as_written_without_its_marker_lines():
    html = convert(f"## Judul {{#i1}}\n\n{MARKED}\n\n## Lain\n\nTeks *biasa*.\n")
    body = MARKED.removeprefix("<!--verbatim-->\n").removesuffix("\n<!--/verbatim-->").strip()
    assert body in html
    assert "verbatim" not in html and "<em>Bukan</em>" not in html and "<em>biasa</em>" in html
    # Block-level HTML, not wrapped in a paragraph; the headings around it stay Markdown.
    assert "<p><p>" not in html and '<h2 id="i1">Judul</h2>' in html


def test_a_marked_block_is_what_md_in_html_writes_apart_from_its_marker_lines_and_blank_lines():
    expected = convert(MARKED.replace("<!--verbatim-->\n", "").replace("\n<!--/verbatim-->", ""), verbatim=False)
    assert re.sub(r"\n+", "\n", convert(MARKED)).strip() == re.sub(r"\n+", "\n", expected).strip()
