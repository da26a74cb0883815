"""One indicator's page across a perangkat daerah's years: its definition, where it sits, its target, realisasi and
capaian per year with the formula in words, and charts (per triwulan, over the years) each with its data table.

Pure: the charts come from a `ChartMaker` handed in; pages and chart files are returned as (path, content).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..capaian import TRIWULAN
from ..indikator_series import IndikatorSeries, kinerja_per_tahun
from ..model import LEVEL_LABELS, CascadeFile, with_kode
from ..naming import (
    anchor,
    indikator_chart_path,
    indikator_page,
    node_page,
    perangkat_daerah_page,
    relative_url,
    site_root,
    source_link,
)
from ..tree import IndikatorRow
from .chart import ChartMaker, ChartSpec, tren_spec, triwulan_spec
from .pages import render_template


@dataclass(frozen=True)
class Figure:
    """A chart as the page shows it: the link to its SVG, its drawn size, alt text and caption."""

    link: str
    width: int
    height: int
    alt: str
    caption: str


@dataclass(frozen=True)
class Letak:
    """Where the indicator sits in one year's cascade: the items above it (level label, text) and a link to its
    row on the overview or program page."""

    tahun: int
    path: list[tuple[str, str]]
    link: str
    position: str


@dataclass(frozen=True)
class Triwulan:
    """One year's quarters: (triwulan, target as typed or None, realisasi as typed or None) and its chart."""

    tahun: int
    rows: list[tuple[str, str | None, str | None]]
    figure: Figure | None


def _letak(page: str, cf: CascadeFile, row: IndikatorRow) -> Letak:
    path = [(LEVEL_LABELS[node.level], with_kode(node.item)) for node in (*row.owner.parents, row.owner)]
    return Letak(cf.tahun, path, relative_url(page, node_page(cf, row.owner), anchor(row.id)), row.position)


def _figure(charts: ChartMaker, page: str, name: str, spec: ChartSpec, alt: str, caption: str,
            files: dict[str, bytes]) -> Figure:
    image = charts.render(spec)
    path = indikator_chart_path(page, name)
    files[path] = image.svg
    return Figure(relative_url(page, path), image.width, image.height, alt, caption)


def indikator_files(series: IndikatorSeries, slug: str, charts: ChartMaker) -> Iterator[tuple[str, str | bytes]]:
    """The indicator's page and its chart files as (path relative to the docs folder, content): the SVGs first."""
    page = indikator_page(slug, series.slug)
    cf, row = series.newest
    indikator = row.indikator
    years = kinerja_per_tahun(series)
    kinerja = [year.kinerja for year in years]
    files: dict[str, bytes] = {}
    name = " ".join(indikator.uraian.split())
    unit = f" Satuan: {' '.join(indikator.satuan.split())}." if indikator.satuan else ""
    tren = None
    spec = tren_spec(kinerja, indikator.satuan)
    if spec is not None:
        tren = _figure(charts, page, "tren", spec,
                       f"Grafik batang target dan realisasi indikator {name} per tahun; nilainya ada di tabel berikut.",
                       "Target, realisasi dan capaian per tahun. Batang merah: target (target berupa rentang: batas "
                       f"bawah dan batas atas); batang biru: realisasi; angka di atasnya: capaian.{unit}", files)
    quarters = []
    for k in kinerja:
        if not (k.target_triwulan or k.realisasi_triwulan):
            continue
        spec = triwulan_spec(k, indikator.satuan)
        figure = None if spec is None else _figure(
            charts, page, f"triwulan-{k.tahun}", spec,
            f"Grafik batang target dan realisasi indikator {name} per triwulan tahun {k.tahun}; nilainya ada di "
            "tabel berikut.",
            f"Target dan realisasi per triwulan, tahun {k.tahun}. Batang merah: target; batang biru: realisasi.{unit}",
            files)
        rows = [(t, k.target_triwulan.get(t), k.realisasi_triwulan.get(t)) for t in TRIWULAN]
        quarters.append(Triwulan(k.tahun, rows, figure))
    yield from files.items()
    yield page, render_template(
        "indikator.md.j2", indikator=indikator, perangkat_daerah=cf.cascade.perangkat_daerah,
        years=list(reversed(years)), has_values=any(k.has_values for k in kinerja), tren=tren,
        quarters=list(reversed(quarters)), root=site_root(page),
        letak=[_letak(page, f, r) for f, r in reversed(series.rows)],
        perangkat_daerah_link=source_link(page, perangkat_daerah_page(slug)))
