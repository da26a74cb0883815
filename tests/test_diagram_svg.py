"""Tests for build-time Mermaid to SVG rendering."""

import base64
import io
import math
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageChops

from macros.diagram_svg import MermaidRenderError, MermaidSvgRenderer, open_render_page, palette_png
from macros.mermaid_bundle import MEMO_GLOBAL
from macros.render.diagram import link_nodes, share_styles
from macros.render.escape import mermaid_label
from macros.render.mermaid import program_page_diagrams

BROWSER = os.environ.get("CHROMIUM", "/usr/bin/chromium")
MERMAID_JS = Path(__file__).resolve().parent.parent / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
SVG_NS = "{http://www.w3.org/2000/svg}"

LABELS = {
    "A": "<script>alert(1)</script>",
    "B": '"]-->X',
    "C": "{{ 7*7 }}",
    "D": "Lulus 🎓 😀",
    "E": "%%{init: {}}%% `kode`",
    "F": "#1; &#35; &amp; a\\nb",
    "G": "suhu 30°C ¶ 2 ß",
}
EDGE_LABEL = 'Penyediaan "X" <b>'
D_HEADING = "SUB KEGIATAN 1.1"


def escape_label(text: str) -> str:
    """A label escaped as the page generators do, on one line."""
    return mermaid_label(text, width=1000)


def hostile_source() -> str:
    """Return a small flowchart whose labels try to break out of Mermaid, XML and Jinja."""
    a, b, c, d, e, f, g = (escape_label(LABELS[k]) for k in "ABCDEFG")
    # Generators put multi-line labels together with a literal <br/>.
    d = escape_label(D_HEADING) + "<br/>" + d
    return (
        "flowchart LR\n"
        f'    A["{a}"] -->|"{escape_label(EDGE_LABEL)}"| B["{b}"]\n'
        f'    B --> C["{c}"]\n'
        f'    C --> D["{d}"]\n'
        f'    D --> E["{e}"]\n'
        f'    E --> F["{f}"]\n'
        f'    F --> G["{g}"]\n'
    )


def label_rows(root: ET.Element) -> list[str]:
    """Return the text of every label line (one outer tspan per line) in the SVG."""
    return [
        "".join(row.itertext())
        for row in root.iter(SVG_NS + "tspan")
        if "text-outer-tspan" in row.get("class", "")
    ]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("mermaid-cache")


@pytest.fixture(scope="module")
def renderer(cache_dir):
    if not Path(BROWSER).exists():
        pytest.fail(f"{BROWSER} is missing: run `make setup` (it installs Debian's chromium) or set CHROMIUM")
    assert MERMAID_JS.is_file(), f"{MERMAID_JS} missing: run `npm ci` in the project root"
    with MermaidSvgRenderer(MERMAID_JS, cache_dir, browser_path=BROWSER) as r:
        yield r


@pytest.fixture(scope="module")
def svg(renderer):
    source = hostile_source()
    result = renderer.render_many([source])
    assert list(result) == [source]
    return result[source]


def test_svg_is_well_formed_xml(svg):
    root = ET.fromstring(svg)
    assert root.tag == SVG_NS + "svg"


def test_labels_are_literal_svg_text(svg):
    root = ET.fromstring(svg)
    rows = label_rows(root)
    # Mermaid wraps a long label at a space into rows of their own.
    shown = " ".join(rows)
    for label in [*LABELS.values(), EDGE_LABEL, D_HEADING]:
        assert label in shown, f"label {label!r} not found in {rows!r}"
    assert "{{" not in svg, "label braces should be character references, inert for Jinja"


def test_no_script_html_or_foreign_object(svg):
    root = ET.fromstring(svg)
    local_names = {el.tag.rsplit("}", 1)[-1].lower() for el in root.iter()}
    assert "script" not in local_names
    assert "b" not in local_names
    assert "foreignobject" not in local_names
    assert "foreignObject" not in svg


def test_ids_are_scoped_to_the_diagram(svg, renderer):
    root = ET.fromstring(svg)
    diagram_id = renderer.dom_id(hostile_source())
    assert root.get("id") == diagram_id
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids))
    assert all(i.startswith(diagram_id) for i in ids), ids
    assert f"#{diagram_id} " in root.find(SVG_NS + "style").text


def test_second_call_is_served_from_cache(svg, cache_dir):
    source = hostile_source()
    with MermaidSvgRenderer(MERMAID_JS, cache_dir, browser_path=BROWSER) as cached:
        result = cached.render_many([source])
        assert cached.browser_starts == 0
        assert cached.rendered_count == 0
        assert cached.cache_hits == 1
    assert result[source] == svg
    assert len(list(Path(cache_dir).glob("*.svg"))) >= 1
    assert not list(Path(cache_dir).glob("*.tmp"))


def test_parse_error_names_the_diagram(renderer):
    good = "flowchart LR\n    P --> Q\n"
    bad = 'flowchart LR\n    A["ok"] --> --> B[\n'
    with pytest.raises(MermaidRenderError) as excinfo:
        renderer.render_many([good, bad])
    (failure,) = excinfo.value.failures
    assert (failure.index, failure.source) == (1, bad)
    assert str(excinfo.value).startswith(f"1 diagram gagal dirender:\nDiagram ke-2 gagal dirender: Parse error")
    assert failure.dom_id in str(excinfo.value)
    named = excinfo.value.report({bad: "kecamatan-x/2023/program/y/index.md"})
    assert "Diagram program kecamatan-x/2023/program/y/index.md gagal dirender: Parse error" in named


@pytest.mark.parametrize("line, refused", [
    ('click A href "https://contoh.go.id/"', "elemen <a>"),
    ('click A href "javascript:alert(1)"', "elemen <a>"),
])
def test_a_drawing_that_could_run_or_fetch_anything_is_refused(renderer, line, refused):
    # Mermaid no longer sanitises the finished drawing (securityLevel "loose"); the page script refuses it instead.
    source = f'flowchart LR\n    A["Program"] --> B["Kegiatan"]\n    {line}\n'
    with pytest.raises(MermaidRenderError) as excinfo:
        renderer.render_many([source])
    assert f"Diagram memuat {refused} yang tidak diizinkan" in str(excinfo.value)


def tree_source(seed: int, nodes: int = 6) -> str:
    """Return a unique small flowchart: a binary tree whose labels carry the seed and escaped punctuation."""
    lines = ["flowchart LR"]
    for n in range(nodes):
        label = escape_label(f"Sasaran {seed}.{n} (indikator {seed * 7 + n}%)")
        lines.append(f'    N{n}["{label}"]')
        if n:
            lines.append(f"    N{(n - 1) // 2} --> N{n}")
    return "\n".join(lines) + "\n"


def test_parallel_render_matches_serial(renderer, tmp_path, monkeypatch):
    # Eight misses split over two worker browsers (a build waits for forty, where starting a second pays off).
    monkeypatch.setattr("macros.diagram_svg.PARALLEL_MIN_MISSES", 8)
    sources = [tree_source(seed) for seed in range(8)]
    bad = 'flowchart LR\n    A["ok"] --> --> B[\n'
    # The module's renderer holds this thread's only sync Playwright, so it renders the serial reference.
    rendered_before, workers_before = renderer.rendered_count, renderer.workers
    renderer.workers = 1
    try:
        expected = renderer.render_many(sources)
    finally:
        renderer.workers = workers_before
    assert renderer.rendered_count - rendered_before == 8

    with MermaidSvgRenderer(MERMAID_JS, tmp_path / "parallel", browser_path=BROWSER, workers=2) as parallel:
        # A failure in a worker still names the diagram by its index in the caller's list.
        with pytest.raises(MermaidRenderError) as excinfo:
            parallel.render_many([*sources[:6], bad, *sources[6:]])
        (failure,) = excinfo.value.failures
        assert (failure.index, failure.source) == (6, bad)
        assert "Diagram ke-7 gagal dirender: Parse error" in str(excinfo.value)
        assert parallel.browser_starts == 2, "8 misses should be split over two worker browsers"
        assert parallel._browser is None
        assert parallel.rendered_count == 8
        # The workers cached every good diagram, so the retry starts no browser.
        result = parallel.render_many(sources)
        assert parallel.browser_starts == 2
        assert parallel.cache_hits == 8

    assert list(result) == sources
    assert result == expected
    assert len({ET.fromstring(svg).get("id") for svg in result.values()}) == 8
    assert not list((tmp_path / "parallel").glob("*.tmp"))


def test_a_diagram_is_drawn_the_same_on_every_build(renderer, kebasen, tmp_path, monkeypatch):
    # Kebasen's overviews draw sasaran nodes with Mermaid's rough.js shapes, whose curves take a random seed.
    sources = [diagram.source for node in kebasen.tree.programs for diagram in program_page_diagrams(node)
               if diagram.kegiatan is None]
    first = renderer.render_many(sources)  # in the module's browser, after the other tests' diagrams
    monkeypatch.setattr("macros.diagram_svg.PARALLEL_MIN_MISSES", 1)
    with MermaidSvgRenderer(MERMAID_JS, tmp_path, browser_path=BROWSER, workers=2) as fresh:
        assert fresh.render_many(sources) == first


# Records, each time Mermaid's configuration changes and a new shared copy is made, whether the previous copy was
# written into while it was handed out.
WATCH_SHARED_COPY = """() => {
  let memo = null, snapshot = null;
  window.writtenCopies = 0;
  window.sharedCopies = 0;
  const check = () => { if (memo && JSON.stringify(memo[1]) !== snapshot) window.writtenCopies += 1; };
  window.checkSharedCopy = check;
  Object.defineProperty(globalThis, '%s', {
    get: () => memo,
    set: (value) => { check(); memo = value; snapshot = JSON.stringify(value[1]); window.sharedCopies += 1; },
  });
}"""


def test_mermaid_sharing_one_copy_of_its_configuration_draws_what_the_stock_bundle_draws(renderer, kebasen):
    # Every kind of node and edge the pages draw (program overviews, kegiatan diagrams, links), hostile labels too;
    # trees no other test draws, so that some are rendered here, after the watch starts.
    sources = [diagram.source for node in kebasen.tree.programs for diagram in program_page_diagrams(node)]
    sources += [hostile_source(), *(tree_source(seed) for seed in range(40, 43))]
    renderer._ensure_page().evaluate(WATCH_SHARED_COPY % MEMO_GLOBAL)
    drawn = renderer.render_many(sources)
    renderer._page.evaluate("() => window.checkSharedCopy()")
    # The pinned Mermaid release is one macros/mermaid_bundle.py knows (a copy was shared), and no render wrote into
    # the copy it was handed.
    assert renderer._page.evaluate("() => [window.sharedCopies >= 1, window.writtenCopies]") == [True, 0]

    stock = open_render_page(renderer._browser, MERMAID_JS.read_text(encoding="utf-8"), renderer.config)
    try:
        outputs = stock.evaluate("items => window.__mmdRenderBatch(items)",
                                 [[renderer.dom_id(source), source, False] for source in sources])
        assert stock.evaluate(f"() => globalThis.{MEMO_GLOBAL} === undefined")
    finally:
        stock.close()
    assert [output.get("svg", output.get("error")) for output in outputs] == [drawn[source] for source in sources]


def test_the_svg_keeps_its_word_spaces_outside_browsers(svg):
    # A label line is drawn as runs of text, a run starting with its space where the style changes; without
    # xml:space="preserve" librsvg and other SVG 1.1 readers drop those spaces ("3.1Penyediaan").
    root = ET.fromstring(svg)
    assert root.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    assert D_HEADING in label_rows(root)


def test_the_svg_carries_what_it_draws_and_little_else(svg):
    root = ET.fromstring(svg)
    # Of Mermaid's dozen arrowhead markers, only those the edges point to.
    markers = {marker.get("id") for marker in root.iter(SVG_NS + "marker")}
    assert markers and markers == set(re.findall(r'marker-(?:start|mid|end)="url\(#([^)]+)\)"', svg))
    # No attribute kept for Mermaid's own script or its other looks, no shadow nothing uses, no class named twice.
    assert not re.search(r'\sdata-(points|edge|et|id|look)="', svg)
    assert all(f'filter="url(#{f.get("id")})"' in svg for f in root.iter(SVG_NS + "filter"))
    assert all(len(names.split()) == len(set(names.split())) for names in re.findall(r'\sclass="([^"]*)"', svg))
    # Coordinates to a hundredth of a pixel.
    geometry = " ".join(re.findall(r'\s(?:d|points|transform|x|y|width|height)="([^"]*)"', svg))
    assert re.search(r"\d\.\d\b", geometry) and not re.search(r"\d\.\d{3,}", geometry)
    # The words of a line styled alike are one run of text: a line of seven words is one tspan, not seven, and a
    # run in the default weight and style is its line's own text, in no tspan of its own.
    for row in root.iter(SVG_NS + "tspan"):
        runs = [run.attrib for run in row if "text-inner-tspan" in run.get("class", "")]
        assert all(before != after for before, after in zip(runs, runs[1:]))
        assert {"font-weight": "normal", "font-style": "normal", "class": "text-inner-tspan"} not in runs
    assert not re.search(r'\sstyle="[\s;]*"', svg)
    assert "Lulus 🎓 😀" in label_rows(root)
    # The one labelled edge keeps its label; the unlabelled ones have none.
    edge_labels = [" ".join(label_rows(label)) for group in root.iter(SVG_NS + "g")
                   if group.get("class") == "edgeLabels" for label in group]
    assert edge_labels == [EDGE_LABEL]


def test_the_stylesheet_keeps_only_the_rules_that_style_this_drawing(svg):
    # Mermaid writes about 8 KB of rules for every kind of element it can draw into every diagram.
    stylesheet = ET.fromstring(svg).find(SVG_NS + "style").text
    assert len(stylesheet) < 2500
    for unused in ("error-icon", "edge-animation", "@keyframes", "katex", ".cluster rect", "actor"):
        assert unused not in stylesheet
    # What draws this one stays: its font and size, node boxes, edge lines and their label.
    drawing = BeautifulSoup(svg, "html.parser")
    diagram = f"#{drawing.svg['id']}"
    for used in (diagram + "{font-family:", "font-size:16px", diagram + " .node rect,", diagram + " .flowchart-link{",
                 diagram + " .edgeLabel{"):
        assert used in stylesheet
    # Every rule left selects an element of the drawing (a state such as :hover aside).
    for selectors in re.findall(r"([^{}]+)\{[^{}]*\}", stylesheet):
        tried = [re.sub(r"::?(hover|focus|active|before|after)\b", "", s) for s in selectors.split(",")]
        assert any(drawing.select_one(s) for s in tried), selectors


def test_each_diagram_has_a_png_twice_its_size(renderer, svg):
    png = renderer.png_path(hostile_source()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    box = [float(n) for n in ET.fromstring(svg).get("viewBox").split()]
    assert (width, height) == (math.ceil(box[2] * 2), math.ceil(box[3] * 2))
    # In 256 colours (a quarter of the bytes), on white, and drawn: the fills and the letters' edges.
    with Image.open(io.BytesIO(png)) as image:
        assert image.mode == "P"
        drawn = image.convert("RGB")
    assert drawn.getpixel((0, 0)) == drawn.getpixel((width - 1, height - 1)) == (255, 255, 255)
    assert len(drawn.getcolors(256)) > 20


def test_linked_nodes_are_wrapped_in_links_and_the_rest_untouched(renderer, svg):
    source = hostile_source()
    linked = link_nodes(svg, [("B", "t1-s1-p1-k1"), ("D", "t1-s1-p1-k1-sk1"), ("Z", "nowhere")])
    root = ET.fromstring(linked)
    links = {a.get("href"): a for a in root.iter(SVG_NS + "a")}
    assert sorted(links) == ["#t1-s1-p1-k1", "#t1-s1-p1-k1-sk1"]
    (node,) = links["#t1-s1-p1-k1"]
    assert node.get("id").startswith(f"{renderer.dom_id(source)}-flowchart-B-") and "node" in node.get("class")
    assert "".join(links["#t1-s1-p1-k1-sk1"].itertext()).startswith(D_HEADING)
    # Everything else as it was: the links only wrap.
    assert re.sub(r'<a href="[^"]*">|</a>', "", linked) == svg


def test_a_page_of_diagrams_styled_alike_carries_their_stylesheet_once(renderer):
    sources = [hostile_source(), hostile_source().replace("flowchart LR", "flowchart TB")]
    first, second = (renderer.render_many(sources)[source] for source in sources)
    assert first.count("<style>") == second.count("<style>") == 1

    shared = share_styles([first, second])

    assert "".join(shared).count("<style>") == 1
    # Both still styled: each carries the class the one stylesheet is scoped to, not its id.
    (name,) = set(re.findall(r"mmd-style-\w+", shared[0]))
    assert f"{name} " in ET.fromstring(shared[1]).get("class") + " "
    stylesheet = re.search(r"<style>(.*?)</style>", shared[0], re.S).group(1)
    assert f".{name} .node rect" in stylesheet and renderer.dom_id(sources[0]) not in stylesheet
    # Nothing else changes: the drawing, its labels and its references to its own markers.
    for before, after in zip((first, second), shared):
        assert label_rows(ET.fromstring(after)) == label_rows(ET.fromstring(before))
        assert re.sub(r"<style>.*?</style>|\s?mmd-style-\w+", "", after, flags=re.S) == \
            re.sub(r"<style>.*?</style>", "", before, flags=re.S)


def test_a_png_is_drawn_only_for_the_sources_that_need_one(renderer):
    sources = [f'flowchart TB\n    A["{name}"] --> B["{name} 2"]\n' for name in ("Dengan PNG", "Tanpa PNG")]
    rendered = renderer.rendered_count
    files = renderer.render_files(sources, png_for={sources[0]})
    assert all(path.is_file() for path in files.values())
    assert renderer.png_path(sources[0]).is_file() and not renderer.png_path(sources[1]).is_file()
    # Cached as asked: again without PNGs renders nothing; asking for the missing PNG renders that one.
    renderer.render_files(sources, png_for=())
    assert renderer.rendered_count == rendered + 2
    renderer.render_files(sources)
    assert renderer.rendered_count == rendered + 3 and renderer.png_path(sources[1]).is_file()


def test_a_png_in_256_colours_keeps_every_pixel_within_5_of_the_drawn_colour():
    drawn = Image.new("RGBA", (120, 40), (255, 255, 255, 255))
    for x in range(120):  # a fill, and a grey ramp like the anti-aliased edge of a letter
        for y in range(20):
            drawn.putpixel((x, y), (253, 231, 197, 255))
        drawn.putpixel((x, 30), (2 * x, 2 * x, 2 * x, 255))
    out = io.BytesIO()
    drawn.save(out, "PNG")
    with Image.open(io.BytesIO(palette_png(out.getvalue()))) as image:
        assert image.mode == "P"
        kept = image.convert("RGB")
    assert all(high <= 5 for _, high in ImageChops.difference(kept, drawn.convert("RGB")).getextrema())
    assert kept.getpixel((0, 39)) == (255, 255, 255) and kept.getpixel((0, 0)) == (253, 231, 197)


def test_a_sasaran_is_one_rounded_rectangle_that_looks_as_mermaid_draws_it(renderer, kebasen):
    # Mermaid draws a stadium (a sasaran node) with rough.js: two paths of about eighty curves each, 8 KB a node.
    source = next(diagram.source for node in kebasen.tree.programs for diagram in program_page_diagrams(node)
                  if diagram.kegiatan is None)
    files = renderer.render_files([source])
    sasaran = next(group for group in ET.parse(files[source]).iter(SVG_NS + "g")
                   if "sasaran" in group.get("class", "").split())
    outline = sasaran.find(SVG_NS + "rect")
    assert outline is not None and not list(sasaran.iter(SVG_NS + "path"))
    width, height = float(outline.get("width")), float(outline.get("height"))
    assert float(outline.get("rx")) == float(outline.get("ry")) == pytest.approx(height / 2, abs=0.01)
    assert len(ET.tostring(sasaran)) < 1500

    # Drawn by the same browser, Mermaid's own SVG and the published one differ only along the outline (a stroke
    # Mermaid draws three times over, anti-aliased darker): no more pixels than the outline is long.
    stock_png = renderer._ensure_page().evaluate("""async (source) => {
      try {
        const { svg } = await mermaid.render('stock-stadium', source);
        const root = new DOMParser().parseFromString(svg, 'text/html').querySelector('svg');
        return await toPng(new XMLSerializer().serializeToString(root));
      } finally {
        for (const leftover of document.querySelectorAll('#dstock-stadium, #istock-stadium')) leftover.remove();
      }
    }""", source)
    with Image.open(io.BytesIO(base64.b64decode(stock_png))) as stock, Image.open(renderer.png_path(source)) as ours:
        assert stock.size == ours.size
        difference = ImageChops.difference(stock.convert("RGB"), ours.convert("RGB")).convert("L")
    outline_length = 2 * (2 * (width - height) + math.pi * height)  # in the PNG's pixels, at twice the SVG's size
    assert sum(difference.histogram()[41:]) < outline_length
