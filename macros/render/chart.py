"""An indicator's charts: what each draws (`ChartSpec`, pure), and its static SVG made at build time by pygal.

Two charts, only where there are numbers to draw (`macros.nilai` reads the texts as typed; a grade such as WTP
or a word is not drawn, its table says it all):
- per triwulan of one year: realisasi and target as bars side by side (a range target as two bars, its lower and
  its upper bound);
- the trend over the years: the same, one group per year, with the capaian written above the realisasi; a year
  typed per quarter is drawn whole (its four quarters combined), a year under way without its realisasi.
pygal draws them (chosen over Vega-Lite through vl-convert: 4 to 13 times faster per chart on this machine, which
decides a Kabupaten's cold build); its SVG carries a script with the chart's settings for its own tooltips, which
is taken out: the page shows the chart as an image, with nothing to run. So is what only that script or a pointer
uses (the values and positions pygal keeps in <desc> for its tooltips, a <title> per guide line, the style rules
of tooltips, hovering and kinds of chart not drawn), and coordinates keep two decimals: a chart is a third of
pygal's size. `macros.render.chart_maker` draws them (cached, in worker processes) and names their files. Labels
are 12 px at the drawn width of
320 px, numbers in Indonesian format, on white (readable in the dark scheme too).
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from decimal import Decimal

from ..capaian import TRIWULAN
from ..kinerja import KinerjaTahun
from ..nilai import Angka, Nilai, Rentang, SkalaTidakJelas, format_angka, parse_nilai

WIDTH = 320
HEIGHT = 280
REALISASI_COLOUR = "#1f5fa8"
TARGET_COLOURS = ("#b3261e", "#e8a29c")
_FONT = 12


@dataclass(frozen=True)
class Series:
    """One series of bars: its name, a value per label (None: no bar) and the text written above each bar ('' none)."""

    name: str
    values: tuple[float | None, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChartSpec:
    """What a chart draws: its title, axis titles, the labels along the x axis, and its series."""

    title: str
    x_title: str
    y_title: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]

    def as_dict(self) -> dict[str, object]:
        """The spec as plain data (for golden tests and the cache key)."""
        return asdict(self)


def number_bounds(text: str | None) -> tuple[float, float] | None:
    """The lower and upper bound a value as typed stands for ('8' → (8, 8), '7-8' → (7, 8), '98,5%' → (98.5,
    98.5)), or None for what is not a number (a grade, a word, nothing)."""
    try:
        return nilai_bounds(parse_nilai(text)) if text else None
    except SkalaTidakJelas:  # a grade of several scales: a grade all the same
        return None


def nilai_bounds(nilai: Nilai | None) -> tuple[float, float] | None:
    """The lower and upper bound of a value read (`macros.nilai`), or None for what is not a number."""
    if isinstance(nilai, Angka):
        return float(nilai.value), float(nilai.value)
    if isinstance(nilai, Rentang):
        return float(nilai.low), float(nilai.high)
    return None


def triwulan_spec(kinerja: KinerjaTahun, satuan: str | None) -> ChartSpec | None:
    """The chart of one year's quarters, or None when no quarter has a number to draw."""
    targets = [number_bounds(kinerja.target_triwulan.get(triwulan)) for triwulan in TRIWULAN]
    realisasi = [number_bounds(kinerja.realisasi_triwulan.get(triwulan)) for triwulan in TRIWULAN]
    if not any(targets) and not any(realisasi):
        return None
    return ChartSpec(f"Target dan realisasi per triwulan, {kinerja.tahun}", "Triwulan", _y_title(satuan),
                     TRIWULAN, (*_target_series(targets), _realisasi_series(realisasi, [""] * len(TRIWULAN))))


def tren_spec(years: list[KinerjaTahun], satuan: str | None) -> ChartSpec | None:
    """The chart of the years, or None unless at least two years have a number to draw. A year is drawn whole: its
    target and realisasi as typed, else its four quarters combined; a year still under way has no realisasi bar
    (its capaian to date, against the target to date, is in the table and the chart of its quarters)."""
    targets = [nilai_bounds(k.target_setahun) for k in years]
    realisasi = [nilai_bounds(k.realisasi_setahun) for k in years]
    if sum(1 for target, value in zip(targets, realisasi) if target or value) < 2:
        return None
    return ChartSpec("Target, realisasi dan capaian per tahun", "Tahun", _y_title(satuan),
                     tuple(str(k.tahun) for k in years),
                     (*_target_series(targets), _realisasi_series(realisasi, [k.persen or "" for k in years])))


# A longer satuan would wrap into a column of lines beside the plot: the figure's caption names it instead.
SATUAN_IN_AXIS = 24


def _y_title(satuan: str | None) -> str:
    satuan = " ".join((satuan or "").split())
    # A satuan of "nilai" (an index, a score) would read "Nilai (Nilai)".
    shown = satuan and len(satuan) <= SATUAN_IN_AXIS and satuan.casefold() != "nilai"
    return f"Nilai ({satuan})" if shown else "Nilai"


def _target_series(targets: list[tuple[float, float] | None]) -> tuple[Series, ...]:
    """One target series, or two (lower and upper bound) when a target is a range."""
    if not any(targets):
        return ()
    if all(bounds is None or bounds[0] == bounds[1] for bounds in targets):
        return (Series("Target", tuple(None if bounds is None else bounds[0] for bounds in targets)),)
    return (Series("Target (batas bawah)", tuple(None if bounds is None else bounds[0] for bounds in targets)),
            Series("Target (batas atas)", tuple(None if bounds is None else bounds[1] for bounds in targets)))


def _realisasi_series(realisasi: list[tuple[float, float] | None], notes: list[str]) -> Series:
    # A realisasi is one figure; a range typed as realisasi is shown in the table only.
    values = tuple(bounds[0] if bounds and bounds[0] == bounds[1] else None for bounds in realisasi)
    return Series("Realisasi", values, tuple(note if value is not None else "" for note, value in zip(notes, values)))


def to_svg(spec: ChartSpec) -> bytes:
    """The chart drawn by pygal, without the script pygal puts in it."""
    # Imported when a chart is made: a warm build reads every chart from the cache.
    import pygal
    from pygal.style import Style

    colours = (*TARGET_COLOURS[:len(spec.series) - 1], REALISASI_COLOUR)
    style = Style(font_family="sans-serif", background="white", plot_background="white", foreground="#222",
                  foreground_strong="#222", foreground_subtle="#666", opacity="1", opacity_hover="1",
                  colors=colours, title_font_size=13, label_font_size=_FONT, major_label_font_size=_FONT,
                  legend_font_size=_FONT, value_font_size=_FONT, tooltip_font_size=_FONT, value_colors=("#222",))
    chart = pygal.Bar(width=WIDTH, height=HEIGHT, explicit_size=True, style=style, js=[], disable_xml_declaration=True,
                      title=spec.title, x_title=spec.x_title, y_title=spec.y_title, legend_at_bottom=True,
                      legend_at_bottom_columns=1, no_prefix=True, truncate_legend=-1, truncate_label=-1, print_values=True,
                      print_values_position="top", value_formatter=describe_number, margin=8, spacing=6,
                      css=(*_PYGAL_CSS, "inline:" + _VALUE_HALO))
    chart.x_labels = list(spec.labels)
    ticks = axis_ticks([value for series in spec.series for value in series.values if value is not None])
    chart.y_labels = ticks
    chart.range = (ticks[0], ticks[-1])
    for series in spec.series:
        # Only the notes (the capaian) are written above the bars; the values are on the axis and in the table.
        notes = series.notes or ("",) * len(series.values)
        chart.add(series.name, [{"value": value, "formatter": _constant(note)} for value, note in zip(series.values, notes)])
    chart.add_xml_filter(_static)
    return chart.render(is_unicode=True).encode("utf-8")


# How far (px) a capaian is moved away from its bar's end.
VALUE_LIFT = 4
# pygal's own stylesheets (its `css` default), kept beside ours.
_PYGAL_CSS = ("file://style.css", "file://graph.css")
# A capaian written above its bar stays readable where a grid line or the neighbouring bar runs behind it: a white
# outline under the glyphs, wide enough (3.5 px each side) to close the gaps between them, through which a 4 px
# outline still showed a dashed grid line ("107,8%" on the line of 100). !important and a more specific selector
# than pygal's `text{stroke:none !important}`.
_VALUE_HALO = (".text-overlay text.value{stroke:white !important;stroke-width:7px;stroke-linejoin:round;"
               "paint-order:stroke}")


def axis_ticks(values: list[float], most: int = 6) -> list[float]:
    """Round ticks for a value axis from 0 (or below the lowest negative value) past the highest value, at most
    `most` of them, at a step of 1, 2, 2.5 or 5 times a power of ten: [0, 4, 12] → [0, 2, 4, ..., 12]."""
    low, high = min([0.0, *values]), max([0.0, *values])
    if high == low:
        high = low + 1
    magnitude = 10 ** math.floor(math.log10((high - low) / (most - 1)))
    step = next(magnitude * factor for factor in (1, 2, 2.5, 5, 10)
                if math.ceil(high / (magnitude * factor)) - math.floor(low / (magnitude * factor)) < most)
    first, last = math.floor(low / step), math.ceil(high / step)
    return [round(n * step, 10) for n in range(first, last + 1)]


def _constant(text: str):
    return lambda _value: text


def _static(root):
    """pygal's XML filter: the drawing as a static image. Out go its <script> elements (pygal's settings for its
    tooltips, which hold the chart's texts), comments (pygal's name the day it drew: the same data gives the same
    file), the tooltips' <desc> data, the guide lines' <title>s (an image shows no titles; the chart's own title
    stays), empty value texts and the tooltip's hidden group (`_pointer_only`), the style rules no element of this
    chart matches or that act on hover only, and attributes at their default; numbers in coordinates keep two
    decimals (a hundredth of a pixel). The capaian at the bars' ends are moved clear of them (`_clear_of_its_bar`)."""
    root_title = next((child for child in root if _tag(child) == "title"), None)
    for parent in root.iter():
        for child in list(parent):
            if _pointer_only(child) or (_tag(child) == "title" and child is not root_title):
                parent.remove(child)
    classes = {name for element in root.iter() for name in element.get("class", "").split()}
    bars = [element for element in root.iter() if _tag(element) == "rect" and "tooltip-trigger" in
            element.get("class", "").split()]
    for element in root.iter():
        if _tag(element) == "style" and element.text:
            element.text = used_css(element.text, classes)
        if _tag(element) == "text" and element.get("class") == "value":
            _clear_of_its_bar(element, bars)
        for attribute in _COORDINATES.intersection(element.attrib):
            element.set(attribute, _LONG_DECIMAL.sub(r"\1", element.get(attribute)))
        for attribute, default in (("class", ""), ("rx", "0"), ("ry", "0")):
            if element.get(attribute) == default:
                del element.attrib[attribute]
    return root


def _clear_of_its_bar(text, bars) -> None:
    """Move a capaian written at its bar's end (pygal sets its baseline on a bar's top, and below a negative bar
    next to its bottom) `VALUE_LIFT` further away from the bar, so that its outline does not cut into it."""
    x, y = float(text.get("x")), float(text.get("y"))
    for bar in bars:
        left, top = float(bar.get("x")), float(bar.get("y"))
        if left <= x <= left + float(bar.get("width")):
            away = -VALUE_LIFT if y <= top + float(bar.get("height")) / 2 else VALUE_LIFT
            text.set("y", f"{y + away:.2f}")
            return


def _pointer_only(element) -> bool:
    """Whether an element of pygal's drawing serves only its script or a pointer, or shows nothing: a script, a
    comment, tooltip data, the tooltip's hidden group, a value text left empty (no capaian to write)."""
    tag = _tag(element)
    return (tag in ("", "script", "desc") or (tag == "g" and "tooltip-overlay" in element.get("class", "").split())
            or (tag == "text" and not element.text and not len(element)))


_COORDINATES = frozenset({"x", "y", "width", "height", "d", "transform", "points"})
_LONG_DECIMAL = re.compile(r"(\d\.\d\d)\d+")
_RULE = re.compile(r"([^{}]*)\{([^{}]*)\}")
_CLASS = re.compile(r"\.([\w-]+)")


def _tag(element) -> str:
    return element.tag.rpartition("}")[2] if isinstance(element.tag, str) else ""


def used_css(css: str, classes: set[str]) -> str:
    """The rules of a stylesheet whose selectors can match an element with these classes, each keeping only such
    selectors: a selector naming a class no element has, or acting on :hover, is dropped, and so is a rule with an
    empty selector (pygal writes them without its chart id prefix; browsers ignore them)."""
    kept = []
    for selectors, declarations in _RULE.findall(css):
        matching = [selector.strip() for selector in selectors.split(",") if selector.strip()
                    and ":hover" not in selector and set(_CLASS.findall(selector)) <= classes]
        if matching:
            kept.append(f"{','.join(matching)}{{{declarations}}}")
    return "".join(kept)


def describe_number(value: float) -> str:
    """A number in Indonesian format: 1500.5 → '1.500,5', 8.0 → '8'."""
    return format_angka(Decimal(repr(value)).normalize())
