"""Rendering: escaping helpers, the Mermaid source, and a golden program page."""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

import yaml

from macros.model import Cascade, CascadeFile
from macros.render.escape import html_text, md_inline, mermaid_label, yaml_string
from macros.render.export import to_json
from macros.render.mermaid import program_page_diagrams
from macros.render.pages import render_program_page
from macros.naming import anchor, program_slug
from macros.site import generate_files, program_diagrams

from .helpers import HOSTILE, markdown_to_html, visible_text

GOLDEN = Path(__file__).parent / "golden"


def test_md_inline_shows_markup_literally():
    rendered = markdown_to_html(str(md_inline(HOSTILE)))
    assert "<script" not in rendered and "<strong>" not in rendered and "<a " not in rendered
    assert visible_text(rendered) == HOSTILE


def test_md_inline_puts_newlines_on_one_line():
    assert str(md_inline("baris satu\n# dua")) == "baris satu \\# dua"


def test_html_text_escapes_and_keeps_line_breaks():
    assert str(html_text('a <b> & "c"\nbaris 2')) == "a &lt;b&gt; &amp; &quot;c&quot;<br>baris 2"


def test_yaml_string_round_trips_through_yaml_escaped_for_the_theme():
    # MkDocs themes put front matter titles into the HTML unescaped, so the value is HTML-escaped.
    loaded = yaml.safe_load(f"title: {yaml_string(HOSTILE + ' 🚀')}")["title"]
    assert "<" not in loaded and html.unescape(loaded) == HOSTILE + " 🚀"


def test_mermaid_label_escapes_only_what_mermaid_reads_as_syntax():
    label = mermaid_label(HOSTILE + " 50% %%{x}%% \\n", width=1000)
    assert label == ("&lt;script&gt;alert(1)&lt;/script&gt; **tebal** [x](javascript:alert(1)) {{ 7*7 }} #34;]--&gt;X; "
                     "#35;1 &amp; #96;k#96; | a 50% #37;%{x}#37;% #92;n")


def test_mermaid_label_wraps_long_text_at_word_boundaries():
    assert mermaid_label("Penyediaan Jasa Komunikasi Sumber Daya Air Dan Listrik", width=20) == (
        "Penyediaan Jasa<br/>Komunikasi Sumber<br/>Daya Air Dan Listrik")


def test_program_diagrams_grow_downwards_an_overview_then_one_per_kegiatan(kebasen):
    program = kebasen.tree.programs[0]
    overview, *per_kegiatan = program_page_diagrams(program)
    assert all(diagram.source.startswith("flowchart TB\n") for diagram in [overview, *per_kegiatan])
    # The overview: sasaran, program and every kegiatan, one under the other (chained by invisible links).
    assert re.findall(r"^    (\w+)\W", overview.source, flags=re.M)[:2] == ["s", "p"]
    kegiatan = program.children
    assert [f"k{k.number}" for k in kegiatan] == re.findall(r"^    (k\d+)\(", overview.source, flags=re.M)
    assert overview.source.count(" ~~~ ") == len(kegiatan) - 1
    # Then one diagram per kegiatan with sub kegiatan: the kegiatan above its sub kegiatan.
    assert [d.kegiatan for d in per_kegiatan] == [k.number for k in kegiatan if k.children]
    third = per_kegiatan[2]
    assert third.source.count("[[") == len(kegiatan[2].children) == 6
    assert "    k3 --> sk" in third.source and "    k3s5 ~~~ k3s6" in third.source
    # Labels: the number and the name, never the level's word (the level is the node's shape and colour).
    assert '    k3s1[["3.1 Penyediaan Komponen<br/>Instalasi Listrik/Penerangan<br/>' in third.source
    assert not re.search(r"PROGRAM|KEGIATAN|SASARAN", overview.source + third.source)
    # Each kegiatan and sub kegiatan node links to its heading on the page.
    assert dict(third.links) == {"k3": "t1-s1-p1-k3", **{f"k3s{n}": f"t1-s1-p1-k3-sk{n}" for n in range(1, 7)}}
    assert dict(overview.links) == {"p": "t1-s1-p1", **{f"k{k.number}": f"t1-s1-p1-k{k.number}" for k in kegiatan}}


def test_program_page_matches_golden(kebasen):
    """The Markdown of one program page; review a diff here like code (UPDATE_GOLDEN=1 rewrites it)."""
    program = kebasen.tree.programs[4]
    page = render_program_page(kebasen, program, program_page_diagrams(program))
    golden = GOLDEN / "program-pembinaan-dan-pengawasan-pemerintahan-desa.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8")


def test_json_export_equals_the_yaml_data(kebasen, kebasen_text):
    from_yaml = yaml.safe_load(kebasen_text)


    assert json.loads(to_json(kebasen.cascade)) == from_yaml


def test_json_export_has_lists_at_every_level_and_source_order(kebasen):
    exported = json.loads(to_json(kebasen.cascade))
    assert list(exported) == ["perangkat_daerah", "tahun", "tujuan"]
    program = exported["tujuan"][0]["sasaran"][0]["program"][0]
    assert list(program) == ["uraian", "sasaran", "indikator", "kegiatan"]
    assert list(program["kegiatan"][0]["sub_kegiatan"][0]["indikator"][0]) == [
        "uraian", "formulasi", "tipe_penghitungan", "sumber_data"]
    assert [k["uraian"] for k in program["kegiatan"]][:2] == [
        "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "Administrasi Keuangan Perangkat Daerah"]


def test_generated_files_follow_the_address_scheme(kebasen):
    paths = sorted(generated.path for generated in generate_files([kebasen], program_diagrams([kebasen])))
    per_indikator = [path for path in paths if path.startswith("data/kecamatan-kebasen/2023/indikator/")]
    assert per_indikator == sorted(f"data/kecamatan-kebasen/2023/indikator/{anchor(row.id)}.csv"
                                   for row in kebasen.tree.indikator)
    # One page of indicators per program and one for the tujuan and sasaran, and no chart files: Kebasen 2023
    # states no targets.
    pages = [path for path in paths if path.startswith("kecamatan-kebasen/indikator/")]
    assert pages == sorted(["kecamatan-kebasen/indikator/tujuan-dan-sasaran.md",
                            *(f"kecamatan-kebasen/indikator/{program_slug(program)}.md" for program in kebasen.programs)])
    assert [path for path in paths if path not in per_indikator + pages] == [
        "data/cascading-kinerja.zip",
        "data/catalog.jsonld",
        "data/datapackage.json",
        "data/kecamatan-kebasen/2023.csv",
        "data/kecamatan-kebasen/2023.json",
        "data/kecamatan-kebasen/2023.xlsx",
        "data/templat-impor-cascade.xlsx",
        "katalog.md",
        "kecamatan-kebasen/2023/index.md",
        "kecamatan-kebasen/2023/katalog.md",
        "kecamatan-kebasen/2023/katalog/indikator.json",
        "kecamatan-kebasen/2023/program/koordinasi-ketentraman-dan-ketertiban-umum.md",
        "kecamatan-kebasen/2023/program/pemberdayaan-masyarakat-desa-dan-kelurahan.md",
        "kecamatan-kebasen/2023/program/pembinaan-dan-pengawasan-pemerintahan-desa.md",
        "kecamatan-kebasen/2023/program/penunjang-urusan-pemerintahan-daerah-kabupaten-kota.md",
        "kecamatan-kebasen/2023/program/penyelenggaraan-pemerintahan-dan-pelayanan-publik.md",
        "kecamatan-kebasen/index.md",
        "laporan-kualitas-data.md",
    ]


def test_hostile_text_renders_as_text_in_every_page(kebasen):
    data = kebasen.cascade.model_dump()
    data["perangkat_daerah"] = HOSTILE
    program = data["tujuan"][0]["sasaran"][0]["program"][0]
    program["uraian"] = "Program " + HOSTILE
    program["kegiatan"][0]["indikator"][0]["formulasi"] = HOSTILE
    hostile = CascadeFile(kebasen.slug, kebasen.path, Cascade.model_validate(data))
    for generated in generate_files([hostile], program_diagrams([hostile])):
        name, content = generated.path, generated.content
        if name.endswith(".md"):
            body = content.split("---", 2)[2]
            rendered = markdown_to_html(body)
            assert "<script" not in rendered and "javascript:alert" not in re.sub(r">[^<]*<", "><", rendered), name
