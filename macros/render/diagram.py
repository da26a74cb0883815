"""The HTML that shows a program's diagram: the build-time SVG, its download link, and its Mermaid source."""

from __future__ import annotations

from markupsafe import Markup


def diagram_figure(svg: str, source: str, caption: str, svg_href: str) -> str:
    """A figure with the pre-rendered SVG (trusted: made by the renderer from escaped labels) and its source.

    The Mermaid source stays in the page in a plain `<pre>` (not `.mermaid`), so no Mermaid runtime loads.
    """
    return str(Markup(
        '<figure class="diagram" aria-label="{caption}">\n'
        '<div class="diagram-canvas" tabindex="0" role="region" aria-label="{caption} (dapat digulir)">{svg}</div>\n'
        '<figcaption>{caption}. <a href="{href}" download>Unduh diagram (SVG)</a></figcaption>\n'
        '</figure>\n'
        '<details class="diagram-source"><summary>Sumber diagram (Mermaid)</summary>'
        '<pre><code>{source}</code></pre></details>\n'
    ).format(caption=caption, svg=Markup(svg), href=svg_href, source=source))


