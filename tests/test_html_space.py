"""Built pages lose the theme's indentation between tags, and nothing a reader sees or a script runs changes."""

from __future__ import annotations

import re
from pathlib import Path

from macros.html_space import collapse_indentation


def test_indentation_between_tags_becomes_one_line_break():
    page = '<ul>\n      <li>\n        <a href="#a">A</a>\n      </li>\n    </ul>'
    assert collapse_indentation(page) == '<ul>\n<li>\n<a href="#a">A</a>\n</li>\n</ul>'


def test_a_single_space_between_tags_and_spaces_inside_text_stay():
    page = '<p><a href="a.csv">CSV</a> <a href="b/">Rincian</a>: dua   spasi <b>x</b>\t<i>y</i></p>'
    assert collapse_indentation(page) == page


def test_elements_that_draw_or_run_their_whitespace_are_kept_byte_for_byte():
    kept = ['<pre><code>flowchart TB\n    a  -->  b\n</code></pre>',
            '<textarea>  dua\n\n  baris </textarea>',
            '<svg xml:space="preserve"><text>  <tspan>a</tspan>   <tspan>b</tspan></text></svg>',
            '<script>\n  var a = "<b>  </b>";\n</script>',
            '<style>\n  a  >  b { color: red }\n</style>']
    page = "<div>\n    " + "\n    ".join(kept) + "\n  </div>"
    assert collapse_indentation(page) == "<div>\n" + "\n".join(kept) + "\n</div>"


def test_an_unclosed_kept_element_keeps_the_rest_of_the_page():
    page = "<div>\n  <pre>  a\n    <b>  </b>"
    assert collapse_indentation(page) == "<div>\n<pre>  a\n    <b>  </b>"


def test_built_pages_have_no_indentation_left(site: Path):
    pages = [site / "index.html", site / "kecamatan-kebasen/2023/index.html", site / "404.html"]
    pages += sorted((site / "kecamatan-kebasen/2023/program").glob("*/index.html"))[:2]
    for path in pages:
        html = path.read_text(encoding="utf-8")
        outside_kept = re.sub(r"<(pre|textarea|svg|script|style)[\s>].*?</\1>", "<kept/>", html, flags=re.S)
        assert not re.search(r">\s{2,}<", outside_kept), path
