"""An indicator's charts as Vega-Lite specifications (pure), and their static SVG made at build time.

Two charts, only where there are numbers to draw (`macros.nilai` reads the texts as typed; a grade such as WTP
or a word is not drawn, its table says it all):
- per triwulan of one year: realisasi as bars, the target as a tick (a range target as a bar from its lower to
  its upper bound between two ticks);
- the trend over the years: the same, one column per year, with the capaian written above the realisasi.
The SVG is rendered by vl-convert (Vega-Lite and Vega bundled, nothing fetched), in Indonesian number format,
white background (readable in the dark scheme too), labels of 12 px at a width of 320 px.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..capaian import TRIWULAN
from ..content_cache import ContentCache
from ..kinerja import KinerjaTahun
from ..nilai import Angka, Rentang, parse_nilai

WIDTH = 320
HEIGHT = 220
REALISASI_COLOUR = "#1f5fa8"
TARGET_COLOUR = "#b3261e"
# d3-format's locale for Indonesian: decimal comma, thousands dot.
FORMAT_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]}
_FONT = 12
_CONFIG = {
    "font": "sans-serif",
    "background": "white",
    "view": {"stroke": None},
    "axis": {"labelFontSize": _FONT, "titleFontSize": _FONT, "labelColor": "#222", "titleColor": "#222",
             "titleFontWeight": "normal"},
    "legend": {"labelFontSize": _FONT, "titleFontSize": _FONT, "orient": "bottom", "labelColor": "#222",
               "symbolType": "square", "symbolOpacity": 1},
}


def number_bounds(text: str | None) -> tuple[float, float] | None:
    """The lower and upper bound a value as typed stands for ('8' → (8, 8), '7-8' → (7, 8), '98,5%' → (98.5,
    98.5)), or None for what is not a number (a grade, a word, nothing)."""
    if not text:
        return None
    nilai = parse_nilai(text)
    if isinstance(nilai, Angka):
        return float(nilai.value), float(nilai.value)
    if isinstance(nilai, Rentang):
        return float(nilai.low), float(nilai.high)
    return None


def _points(periode: str, target: str | None, realisasi: str | None, capaian: str = "") -> list[dict[str, object]]:
    points: list[dict[str, object]] = []
    bounds = number_bounds(target)
    if bounds is not None:
        points.append({"periode": periode, "jenis": "Target", "bawah": bounds[0], "atas": bounds[1]})
    value = number_bounds(realisasi)
    if value is not None and value[0] == value[1]:
        points.append({"periode": periode, "jenis": "Realisasi", "nilai": value[0], "capaian": capaian})
    return points


def triwulan_spec(kinerja: KinerjaTahun, satuan: str | None) -> dict[str, object] | None:
    """The chart of one year's quarters (Vega-Lite v5 spec), or None when no quarter has a number to draw."""
    points = [point for triwulan in TRIWULAN for point in _points(
        triwulan, kinerja.target_triwulan.get(triwulan), kinerja.realisasi_triwulan.get(triwulan))]
    if not points:
        return None
    return _spec(points, list(TRIWULAN), "Triwulan", satuan,
                 f"Target dan realisasi per triwulan, {kinerja.tahun}")


def tren_spec(years: list[KinerjaTahun], satuan: str | None) -> dict[str, object] | None:
    """The chart of the years (Vega-Lite v5 spec), or None unless at least two years have a number to draw."""
    per_year = [_points(str(k.tahun), k.target, k.realisasi, k.persen or "") for k in years]
    if sum(1 for points in per_year if points) < 2:
        return None
    return _spec([point for points in per_year for point in points], [str(k.tahun) for k in years], "Tahun", satuan,
                 "Target, realisasi dan capaian per tahun")


def _spec(points: list[dict[str, object]], order: list[str], x_title: str, satuan: str | None,
          title: str) -> dict[str, object]:
    x = {"field": "periode", "type": "ordinal", "sort": order, "scale": {"domain": order},
         "title": x_title, "axis": {"labelAngle": 0}}
    y_title = f"Nilai ({satuan})" if satuan else "Nilai"
    y = {"field": "nilai", "type": "quantitative", "title": y_title, "axis": {"tickCount": 5}}
    colour = {"scale": {"domain": ["Realisasi", "Target"], "range": [REALISASI_COLOUR, TARGET_COLOUR]},
              "title": None}

    def only(jenis: str) -> list[dict[str, str]]:
        return [{"filter": f"datum.jenis === '{jenis}'"}]

    target_y = {**y, "field": "bawah"}
    layers = [
        {"transform": only("Realisasi"), "mark": {"type": "bar", "width": {"band": 0.5}},
         "encoding": {"x": x, "y": y, "color": {**colour, "datum": "Realisasi"}}},
        {"transform": only("Target"), "mark": {"type": "bar", "width": {"band": 0.12}, "opacity": 0.5},
         "encoding": {"x": x, "y": target_y, "y2": {"field": "atas"}, "color": {**colour, "datum": "Target"}}},
        {"transform": only("Target"), "mark": {"type": "tick", "thickness": 3, "size": 34},
         "encoding": {"x": x, "y": target_y, "color": {**colour, "datum": "Target"}}},
        {"transform": only("Target"), "mark": {"type": "tick", "thickness": 3, "size": 34},
         "encoding": {"x": x, "y": {**y, "field": "atas"}, "color": {**colour, "datum": "Target"}}},
        # The capaian above the plot, clear of the bars and ticks (empty on the quarters' chart).
        {"transform": only("Realisasi"), "mark": {"type": "text", "fontSize": _FONT, "color": "#222"},
         "encoding": {"x": x, "y": {"value": -10}, "text": {"field": "capaian"}}},
    ]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {"text": title, "fontSize": 13, "anchor": "start", "color": "#222", "limit": WIDTH, "offset": 22},
        "width": WIDTH, "height": HEIGHT,
        "autosize": {"type": "fit", "contains": "padding"},
        "config": _CONFIG,
        "data": {"values": points},
        "layer": layers,
    }


@dataclass(frozen=True)
class ChartImage:
    """A chart's SVG and the size it is drawn at (CSS px), for `<img width height>`."""

    svg: bytes
    width: int
    height: int


_SIZE = re.compile(rb'<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"')


@dataclass
class ChartMaker:
    """Renders chart specs to SVG through a content-hash cache (`cache_dir` None: none), counting the charts
    asked for (`count`), those rendered rather than read from the cache (`made`) and the seconds spent, which the
    build reports."""

    cache_dir: Path | None = None
    count: int = 0
    made: int = 0
    seconds: float = 0.0
    _cache: ContentCache | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.cache_dir is not None:
            import vl_convert

            self._cache = ContentCache(self.cache_dir, ".svg", f"chart-1 vl-convert {vl_convert.__version__}")

    def render(self, spec: dict[str, object]) -> ChartImage:
        """The SVG of a spec with its drawn size; raises RuntimeError when vl-convert refuses the spec."""
        started = time.perf_counter()
        key = json.dumps(spec, sort_keys=True, ensure_ascii=False)
        svg = self._cache.get(key, lambda: self._make(spec)) if self._cache else self._make(spec)
        self.count += 1
        self.seconds += time.perf_counter() - started
        size = _SIZE.search(svg)
        if size is None:
            raise RuntimeError("vl-convert menghasilkan SVG tanpa ukuran")
        return ChartImage(svg, round(float(size.group(1))), round(float(size.group(2))))


    def _make(self, spec: dict[str, object]) -> bytes:
        self.made += 1
        return _to_svg(spec)


def _to_svg(spec: dict[str, object]) -> bytes:
    # Imported when a chart is made: a warm build reads every chart from the cache and never starts Vega.
    import vl_convert

    svg = vl_convert.vegalite_to_svg(spec, vl_version="5.21", format_locale=FORMAT_LOCALE, allowed_base_urls=[])
    return svg.encode("utf-8")


def describe_number(value: float) -> str:
    """A number for alt text in Indonesian format: 1500.5 → '1.500,5'."""
    from ..nilai import format_angka

    return format_angka(Decimal(repr(value)))
