"""The indicator charts: what each chart draws (golden), when there is no chart, and the SVG a reader gets:
static, self-contained, labels readable on a phone, data shown as text."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import replace
from pathlib import Path

import pytest

from macros.capaian_aturan import AturanCapaian
from macros.kinerja import kinerja_tahun
from macros.load import load_cascades
from macros.model import Indikator
from macros.render.chart import (ChartSpec, Series, axis_ticks, number_bounds, to_svg, tren_spec, triwulan_spec,
                                 used_css)
from macros.render.chart_maker import ChartMaker

from .helpers import HOSTILE, ROOT

CONTOH = ROOT / "tests/fixtures/capaian/cascade_data"
GOLDEN = ROOT / "tests/golden"


@pytest.fixture(scope="module")
def contoh():
    (cf,) = load_cascades(CONTOH, shown_relative_to=ROOT)
    return {row.indikator.uraian: kinerja_tahun(row.indikator, cf.tahun, cf.aturan) for row in cf.tree.indikator}


def golden(name: str, spec) -> None:
    """The spec equals tests/golden/<name>.json (review a diff like code)."""
    expected = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    assert json.loads(json.dumps(spec.as_dict())) == expected


def test_values_as_typed_become_the_bounds_drawn():
    assert number_bounds("8") == (8, 8)
    assert number_bounds("7-8") == (7, 8) and number_bounds("7–8") == (7, 8)
    assert number_bounds("98,5%") == (98.5, 98.5) and number_bounds("1.500") == (1500, 1500)
    assert number_bounds("WTP") is None and number_bounds("-") is None and number_bounds(None) is None


def test_quarter_chart_draws_each_quarters_target_and_realisasi(contoh):
    spec = triwulan_spec(contoh["Jumlah rapat koordinasi"], None)
    golden("chart-triwulan", spec)
    assert spec.labels == ("I", "II", "III", "IV")
    assert [(series.name, series.values) for series in spec.series] == [
        ("Target", (10, 10, 10, 10)), ("Realisasi", (8, 12, 9, None))]


def test_trend_chart_draws_each_year_with_its_capaian(contoh):
    latest = contoh["Rata-rata lama penyelesaian izin"]
    earlier = kinerja_tahun(Indikator(uraian="x", formulasi="", sumber_data="", tipe_penghitungan="non_kumulatif",
                                      polaritas="negatif", target={2023: "8"}, realisasi={2023: "8,5"}),
                            2023, AturanCapaian())
    spec = tren_spec([earlier, latest], "bulan")
    golden("chart-tren", spec)
    # A range target (7-8 in 2024) is drawn as its two bounds; the capaian is written above the realisasi.
    assert [(series.name, series.values, series.notes) for series in spec.series] == [
        ("Target (batas bawah)", (8, 7), ()), ("Target (batas atas)", (8, 8), ()),
        ("Realisasi", (8.5, 6.5), ("93,8%", "107,1%"))]
    assert spec.y_title == "Nilai (bulan)" and spec.labels == ("2023", "2024")


def test_the_value_axis_has_round_ticks_from_zero():
    assert axis_ticks([8, 6.5]) == [0, 2, 4, 6, 8]
    assert axis_ticks([98.5, 100]) == [0, 20, 40, 60, 80, 100]
    assert axis_ticks([1500, 12000]) == [0, 2500, 5000, 7500, 10000, 12500]
    assert axis_ticks([-5, 20]) == [-5, 0, 5, 10, 15, 20]


def test_no_chart_without_numbers_to_draw(contoh):
    # A grade (opini BPK) is not a quantity; one year is not a trend; no quarters, no quarter chart.
    assert triwulan_spec(contoh["Opini BPK atas laporan keuangan"], None) is None
    assert tren_spec([contoh["Opini BPK atas laporan keuangan"]] * 2, None) is None
    assert tren_spec([contoh["Jumlah dokumen perencanaan"]], None) is None
    assert triwulan_spec(contoh["Jumlah dokumen perencanaan"], None) is None
    nothing = replace(contoh["Jumlah dokumen perencanaan"], tahun=2023, target=None, realisasi=None)
    assert tren_spec([nothing, contoh["Jumlah dokumen perencanaan"]], None) is None


def test_trend_chart_draws_a_year_of_quarters_whole_and_a_year_under_way_without_realisasi():
    def year(tahun: int, tipe: str, target: dict[str, str], realisasi: dict[str, str]):
        indikator = Indikator(uraian="x", formulasi="", sumber_data="", tipe_penghitungan=tipe, polaritas="positif",
                              target_triwulan={tahun: target}, realisasi_triwulan={tahun: realisasi})
        return kinerja_tahun(indikator, tahun, AturanCapaian())

    plan = {"I": "4", "II": "4", "III": "4", "IV": "5"}
    kumulatif = [year(2023, "kumulatif", plan, {"I": "4", "II": "3", "III": "4", "IV": "5"}),
                 year(2024, "kumulatif", plan, {"I": "5", "II": "5", "III": "5"})]
    spec = tren_spec(kumulatif, None)
    # 2023: targets 4 + 4 + 4 + 5 = 17, realisasi 4 + 3 + 4 + 5 = 16 → 94,1%; 2024 is at triwulan III: its capaian to
    # date (15 / 12 → 125,0%) is against the target to date, not the year's 17, so no bar claims it.
    assert [(series.name, series.values, series.notes) for series in spec.series] == [
        ("Target", (17, 17), ()), ("Realisasi", (16, None), ("94,1%", ""))]
    # Non kumulatif: the year is its triwulan IV.
    levels = [year(2023, "non_kumulatif", {"I": "70", "II": "75", "III": "80", "IV": "85"},
                   {"I": "72", "II": "74", "III": "79", "IV": "88"}),
              year(2024, "non_kumulatif", {"I": "80", "II": "85", "III": "88", "IV": "90"}, {"I": "82"})]
    assert [series.values for series in tren_spec(levels, "%").series] == [(85, 90), (88, None)]
    # An index's satuan "Nilai" is not repeated in the axis title.
    assert tren_spec(levels, "Nilai").y_title == "Nilai" and tren_spec(levels, "%").y_title == "Nilai (%)"


def test_the_svg_is_static_self_contained_readable_on_a_phone_and_data_stays_text(contoh, tmp_path: Path):
    maker = ChartMaker(tmp_path)
    spec = tren_spec([replace(contoh["Jumlah dokumen perencanaan"], tahun=2023),
                      contoh["Jumlah dokumen perencanaan"]], '<b>&"</b>')
    image = maker.render(spec)
    svg = maker.svg(image.digest).decode("utf-8")
    assert (image.width, image.height) == (320, 280)
    assert re.match(r'<svg [^>]*\bwidth="320" height="280"', svg)
    # Nothing runs and nothing is fetched: no script (pygal's, which holds the chart's texts, is taken out), no
    # event handler, no link, no external font or stylesheet.
    assert not re.search(r"<script|\son\w+=|href=|@import|@font-face|url\(|<foreignObject", svg, re.I)
    # The same data gives the same file whatever the day: pygal's comment naming the date it drew is taken out.
    assert "<!--" not in svg and svg.encode("utf-8") == to_svg(spec)
    # The satuan is written into the axis title as text, escaped, never as markup.
    texts = [text.text for text in ElementTree.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    assert 'Nilai (<b>&"</b>)' in texts and "<b>" not in svg
    # A long satuan stays out of the axis (it would wrap into a column of lines); the caption names it.
    assert tren_spec([replace(contoh["Jumlah dokumen perencanaan"], tahun=2023),
                      contoh["Jumlah dokumen perencanaan"]], HOSTILE).y_title == "Nilai"
    assert "40,0%" in svg and "Tahun" in svg
    # Made once; the same spec again is read from the cache.
    assert maker.render(spec) == image and (maker.count, maker.made) == (2, 1)
    again = ChartMaker(tmp_path)
    assert again.render(spec) == image and again.made == 0 and again.svg(image.digest) == svg.encode()
    # Published from the cache as it is.
    assert [(digest, path.read_bytes()) for digest, path in again.drawn()] == [(image.digest, svg.encode())]


def test_charts_are_drawn_in_worker_processes_each_once_and_named_by_what_they_draw(contoh, tmp_path: Path):
    specs = [triwulan_spec(contoh["Jumlah rapat koordinasi"], satuan) for satuan in ("rapat", "kali", "rapat")]
    maker = ChartMaker(tmp_path, workers=2)
    images = [maker.render(spec) for spec in specs]
    assert images[0] == images[2] != images[1] and (maker.count, maker.made) == (3, 2)
    drawn = {digest: path.read_bytes() for digest, path in maker.drawn()}
    assert list(drawn) == [images[0].digest, images[1].digest]
    assert drawn[images[1].digest] == to_svg(specs[1]) and b"Nilai (kali)" in drawn[images[1].digest]
    # Kept for the next build.
    assert ChartMaker(tmp_path).render(specs[1]) == images[1] and len(list(tmp_path.glob("*.svg"))) == 2


def test_the_svg_keeps_only_what_a_static_image_shows(contoh, tmp_path: Path):
    spec = tren_spec([replace(contoh["Jumlah dokumen perencanaan"], tahun=2023), contoh["Jumlah dokumen perencanaan"]],
                     "dokumen")
    maker = ChartMaker(tmp_path)
    svg = maker.svg(maker.render(spec).digest).decode("utf-8")
    root = ElementTree.fromstring(svg)
    tags = [element.tag.rpartition("}")[2] for element in root.iter()]
    # No tooltip data, no title but the chart's own, no empty value text; the capaian written above a bar stays.
    assert "desc" not in tags and tags.count("title") == 1 and root.find("{http://www.w3.org/2000/svg}title").text
    assert "tooltip-overlay" not in svg and '<text text-anchor="middle"' in svg and "40,0%" in svg
    # Coordinates to a hundredth of a pixel; the style block holds no rule for what is not drawn.
    assert not re.search(r'(?:x|y|width|height|d)="[^"]*\d\.\d{3}', svg)
    assert ".tooltip .value" not in svg and ":hover" not in svg and "no_data" not in svg and ".axis.x text" in svg


def test_a_capaian_stands_clear_of_its_bar_and_of_the_grid_lines_behind_it():
    # One bar above zero and one below it (a realisasi of -3%): each capaian is written at its bar's end.
    spec = ChartSpec("Target dan realisasi", "Tahun", "Nilai (%)", ("2023", "2024"),
                     (Series("Target", (5.0, 5.0)), Series("Realisasi", (4.0, -3.0), ("80,0%", "-60,0%"))))
    root = ElementTree.fromstring(to_svg(spec))
    svg_ns = "{http://www.w3.org/2000/svg}"
    bars = [rect for rect in root.iter(svg_ns + "rect") if "tooltip-trigger" in rect.get("class", "")]
    shown = {}
    for text in (text for text in root.iter(svg_ns + "text") if text.get("class") == "value"):
        x, y = float(text.get("x")), float(text.get("y"))
        (bar,) = [bar for bar in bars if float(bar.get("x")) <= x <= float(bar.get("x")) + float(bar.get("width"))]
        top, bottom = float(bar.get("y")), float(bar.get("y")) + float(bar.get("height"))
        # Above a bar the baseline leaves room for a comma's tail (12 px text); below one, for the digits' height
        # (9 px) and the outline.
        shown[text.text] = "above" if top - y >= 5 else "below" if y - bottom >= 12 else f"on it ({top}–{bottom}: {y})"
    assert shown == {"80,0%": "above", "-60,0%": "below"}
    # A white outline under the glyphs, wide enough to close the gaps between them over a grid line, which pygal's
    # own `text{stroke:none !important}` would take away.
    assert re.search(r"\.text-overlay text\.value\{stroke:white !important;stroke-width:7px;[^}]*paint-order:stroke",
                     ElementTree.tostring(root, encoding="unicode"))


def test_used_css_keeps_the_selectors_that_can_match():
    css = ("{font-family:x}.a .b,.c:hover,.z{fill:red}.a text{font-size:12px}\n"
           ".map-element{fill:white}text,tspan{stroke:none}")
    assert used_css(css, {"a", "b"}) == ".a .b{fill:red}.a text{font-size:12px}text,tspan{stroke:none}"
