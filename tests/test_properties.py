"""Property tests: for any Unicode label, the page shows it literally, the diagram carries it safely, the JSON keeps it."""

from __future__ import annotations

import html
import json
import posixpath
import re

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from macros.model import Cascade
from macros.naming import page_url, relative_url
from macros.render.escape import md_inline, yaml_string
from macros.render.export import to_json
from macros.render.mermaid import LABEL_WIDTH, program_page_diagrams
from macros.tree import walk

from .helpers import flat, markdown_to_html, visible_text

# Labels a data file can carry and the model accepts: PyYAML's reader refuses C0/C1 control characters
# other than tab and line breaks, pydantic refuses surrogates, and `strip_whitespace` must leave something.
LABEL = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=80).filter(
    lambda t: t.strip() and not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]", t))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def decode(text: str) -> str:
    """A Mermaid label line as the reader sees it: entity codes `#NNN;` and `&amp;`, `&lt;`, `&gt;` back to
    their characters."""
    named = {"&amp;": "&", "&lt;": "<", "&gt;": ">"}
    return re.sub(r"#(\d+);|&(?:amp|lt|gt);", lambda m: chr(int(m.group(1))) if m.group(1) else named[m.group()], text)


def cascade_with(label: str) -> Cascade:
    indikator = {"uraian": label, "formulasi": label, "tipe_penghitungan": "kumulatif", "sumber_data": label,
                 "satuan": label}
    return Cascade.model_validate({
        "perangkat_daerah": label, "tahun": 2023,
        "tujuan": [{"uraian": label, "indikator": [indikator], "sasaran": [{
            "uraian": label, "program": [{"uraian": label, "sasaran": label, "indikator": [indikator], "kegiatan": [{
                "uraian": label, "sub_kegiatan": [{"uraian": label, "sasaran": label}]}]}]}]}],
    })


@FAST
@given(LABEL)
def test_md_inline_shows_any_label_literally(label):
    rendered = markdown_to_html(f"# {md_inline(label)}\n\n{md_inline(label)}\n\n- {md_inline(label)}\n")
    assert re.findall(r"<(\w+)", rendered) == ["h1", "p", "ul", "li"]
    shown = [flat(visible_text(part)) for part in re.findall(r"<(?:h1|p|li)[^>]*>(.*?)</(?:h1|p|li)>", rendered, re.S)]
    assert shown == [flat(label)] * 3


@FAST
@given(LABEL)
def test_front_matter_value_loads_back_as_the_label_escaped_for_html(label):
    loaded = yaml.safe_load(f"---\ntitle: {yaml_string(label)}\n")["title"]
    assert "<" not in loaded and '"' not in loaded
    assert html.unescape(loaded) == re.sub(r"\s*[\r\n]+\s*", " ", label)


@FAST
@given(LABEL)
@example("Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik Kantor Kecamatan (Kumulatif)")
def test_mermaid_source_keeps_labels_in_their_strings_and_decodes_to_the_label(label):
    (program,) = walk(cascade_with(label)).programs
    overview, kegiatan = program_page_diagrams(program)
    node = r'    (\w+)(?:\(\["|\["|\("|\[\[")([^"]*)(?:"\]\)|"\]|"\)|"\]\]):::\w+'
    labels = re.findall(rf"^{node}$", overview.source + kegiatan.source, re.M)
    assert [node for node, _ in labels] == ["s", "p", "k1", "k1", "k1s1"]
    # Nothing but node statements, edges, groups and styles: no label leaks into the syntax.
    syntax = rf'{node}|    \w+ (-->|~~~) \w+|    subgraph \w+\["[\w ]+"\]|    direction TB|    end|    (classDef|style) \w+ .*'
    other = [line for diagram in (overview, kegiatan) for line in diagram.source.splitlines()[1:]
             if not re.fullmatch(syntax, line)]
    assert other == []
    for node_id, text in labels:
        assert not re.search(r'["`\\]|%%', text)
        lines = [decode(line) for line in text.split("<br/>")]
        # Kegiatan and sub kegiatan show their number before the text.
        number = {"k1": "1 ", "k1s1": "1.1 "}.get(node_id, "")
        assert " ".join(lines) == number + flat(label)
        # Wrapped at word boundaries into as few lines as fit: a line is longer than the width only when it is
        # one long word, and the next line's first word would not have fitted on it.
        for line, following in zip(lines, lines[1:] + [None]):
            assert len(line) <= LABEL_WIDTH or " " not in line, lines
            assert following is None or len(line) + 1 + len(following.split(" ")[0]) > LABEL_WIDTH, lines


@FAST
@given(LABEL)
def test_json_export_round_trips_the_model(label):
    cascade = cascade_with(label)
    exported = to_json(cascade)
    assert Cascade.model_validate(json.loads(exported)) == cascade


# Source paths of the site's pages and files as macros/naming.py makes them: folders of slugs, a page or a file.
SEGMENT = st.sampled_from(["kecamatan-kebasen", "2023", "2021-2026", "program", "indikator", "data", "katalog", "a"])
SOURCE = st.builds(lambda folders, name: "/".join([*folders, name]), st.lists(SEGMENT, max_size=4),
                   st.sampled_from(["index.md", "x.md", "katalog.md", "2023.csv", "t1-s1-i1.csv"]))


@FAST
@given(SOURCE, SOURCE, st.sampled_from(["", "t1-s1-p1"]))
def test_a_link_between_two_pages_is_the_relative_path_between_their_addresses(source, target, fragment):
    base = page_url(source) or "."
    expected = posixpath.relpath((page_url(target) if target.endswith(".md") else target) or ".", base)
    if target.endswith(".md"):
        expected = "./" if expected == "." else expected + "/"
    assert relative_url(source, target, fragment) == expected + (f"#{fragment}" if fragment else "")
