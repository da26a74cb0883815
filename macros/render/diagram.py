"""The HTML that shows one diagram of a program page: the build-time SVG with its nodes linked to the page's
indicators, its downloads, and its Mermaid source."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

from markupsafe import Markup

# The width and height of the SVG's drawing, in its own px (Mermaid's SVG: viewBox="x y width height").
_SIZE = re.compile(r'<svg\b[^>]*?\sviewBox="\S+ \S+ ([\d.]+) ([\d.]+)"')
# An opening, self-closing or closing <g> tag of the serialised SVG (label text cannot hold '<': it is escaped).
_G_TAG = re.compile(r"<g\b[^>]*?(/?)>|</g>")
# Mermaid's SVG: the root <svg id="..."> and the one stylesheet it scopes to that id.
_ROOT = re.compile(r'<svg\b[^>]*>')
_ROOT_ID = re.compile(r'\sid="([^"]+)"')
_ROOT_CLASS = re.compile(r'\sclass="([^"]*)"')
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
# Stands for the diagram's own id while stylesheets are compared (no selector holds a NUL).
_OWN_SCOPE = "#\x00"


def link_nodes(svg: str, links: Iterable[tuple[str, str]]) -> str:
    """The SVG with each listed node's group wrapped in `<a href="#anchor">`, for (Mermaid node id, anchor) pairs.

    Mermaid names a node's group '<svg id>-flowchart-<node id>-<n>'; a node id not found is left unlinked.
    Links are added to the page's copy only: in the downloaded SVG they would lead nowhere.
    """
    for node_id, target in links:
        opening = re.search(rf'<g class="node\b[^"]*" id="[^"]*-flowchart-{re.escape(node_id)}-\d+"', svg)
        if opening is None:
            continue
        end = _element_end(svg, opening.start())
        link = Markup('<a href="#{}">').format(target)
        svg = f"{svg[:opening.start()]}{link}{svg[opening.start():end]}</a>{svg[end:]}"
    return svg


def _element_end(svg: str, start: int) -> int:
    """The index just past the </g> that closes the <g> opening at `start`."""
    depth = 0
    for tag in _G_TAG.finditer(svg, start):
        if tag.group().startswith("</"):
            depth -= 1
        elif not tag.group(1):
            depth += 1
        if depth == 0:
            return tag.end()
    raise ValueError("unclosed <g> in the diagram's SVG")


def diagram_figure(svg: str, source: str, caption: str, svg_href: str, png_href: str | None,
                   names: tuple[str, str]) -> str:
    """A figure with the pre-rendered SVG (trusted: made by the renderer from escaped labels), its downloads and its
    source. The SVG is shown at its own size, or narrower to fit the column (its labels stay legible: see
    macros/render/mermaid.py).

    `png_href` is None for a diagram published without a PNG (a kegiatan's: see `publishes_png`); `names` are the
    names the SVG and PNG are saved under (`naming.diagram_file_name`; their files are named by their content:
    `naming.diagram_path`).

    The figure carries the drawing's own width and height (`--diagram-width`, `--diagram-height`): the size it
    takes on screen before the browser lays it out (cascade.css), and for print.css to keep it at half its size
    or more. The Mermaid source stays in the page as a block of `<code>` outside any `<pre>`: Material
    loads its Mermaid runtime for a `pre.mermaid` and, on loading a page, measures every other `pre > code` (a
    forced layout each, about 15 ms on a phone), which a folded source does not need.
    """
    size = _SIZE.search(svg)
    width, height = (round(float(length)) for length in size.groups()) if size else (0, 0)
    return str(Markup(
        '<figure class="diagram" style="--diagram-width: {width}px; --diagram-height: {height}px">\n'
        '<div class="diagram-canvas">{svg}</div>\n'
        '<figcaption>{caption}.<span class="diagram-downloads"> Unduh diagram ini: '
        '<a href="{svg_href}" download="{svg_name}">SVG</a>{png}</span></figcaption>\n'
        '</figure>\n'
        '<details class="diagram-source"><summary>Sumber diagram (Mermaid)</summary>'
        '<code>{source}</code></details>\n'
    ).format(caption=caption, svg=Markup(svg), svg_href=svg_href, svg_name=names[0], source=source,
             png=Markup(' · <a href="{}" download="{}">PNG</a>').format(png_href, names[1]) if png_href else "",
             width=width, height=height))



def publishes_png(kegiatan: int | None) -> bool:
    """Whether a program page's diagram is published as a PNG too: the program's overview is; a kegiatan's is not.
    A PNG weighs about four times its SVG, and a Kabupaten's five years of kegiatan PNGs alone would take most of
    GitHub Pages' 1 GB (146 MB a year for 40 perangkat daerah); every diagram is published as SVG."""
    return kegiatan is None


def share_styles(svgs: Sequence[str]) -> list[str]:
    """The diagrams of one page with each distinct Mermaid stylesheet written once.

    Mermaid scopes every diagram's stylesheet (about 8 KB) to the diagram's own id, and a program page holds
    several diagrams styled alike: the first of each kind keeps its stylesheet, rescoped from its id to a class
    named by the stylesheet's content, and every diagram styled alike carries that class and no stylesheet of
    its own. An SVG without an id or a stylesheet is returned as it is.
    """
    written: set[str] = set()
    shared = []
    for svg in svgs:
        root, style = _ROOT.search(svg), _STYLE.search(svg)
        ident = _ROOT_ID.search(root.group()) if root else None
        if root is None or style is None or ident is None:
            shared.append(svg)
            continue
        own_scope = re.compile(rf"#{re.escape(ident.group(1))}(?![\w-])")
        css = own_scope.sub(_OWN_SCOPE, style.group(1))
        name = "mmd-style-" + hashlib.sha1(css.encode()).hexdigest()[:12]
        kept = "" if name in written else "<style>" + css.replace(_OWN_SCOPE, "." + name) + "</style>"
        written.add(name)
        classes = _ROOT_CLASS.search(root.group())
        tag = (root.group().replace(classes.group(), f' class="{classes.group(1)} {name}"', 1) if classes
               else root.group()[:-1] + f' class="{name}">')
        shared.append(svg[:root.start()] + tag + svg[root.end():style.start()] + kept + svg[style.end():])
    return shared
