"""The pages of a perangkat daerah's indicators across its years, one per program (and one for the tujuan and
sasaran): each indicator a section with its definition, where it sits, its target, realisasi and capaian per year
with the formula in words, and charts (over the years; per triwulan for the newest year with quarters) each with its
data table. One page per program, not per indicator, keeps a Kabupaten's build and site small: a body has some
ten programs and some three hundred indicators.

Pure but for the charts, ordered from a `ChartMaker` handed in; a page is returned as (path, Markdown).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..capaian import TRIWULAN
from ..indikator_series import IndikatorSeries, TahunSeries, kinerja_per_tahun
from ..model import LEVEL_LABELS, CascadeFile, Indikator, with_kode
from ..naming import (
    anchor,
    chart_path,
    indikator_group,
    indikator_page,
    node_page,
    perangkat_daerah_page,
    relative_url,
    site_root,
    source_link,
)
from ..tree import IndikatorRow
from .chart import ChartSpec, tren_spec, triwulan_spec
from .chart_maker import ChartMaker
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
    """Where the indicator sits in the cascades of one or more neighbouring years that place it alike: the items
    above it (level label, text), its position, and each year's (tahun, link to its row on the overview or program
    page), newest first."""

    path: list[tuple[str, str]]
    position: str
    rows: list[tuple[int, str]]

    @property
    def tahun(self) -> int:
        """The newest of its years."""
        return self.rows[0][0]


@dataclass(frozen=True)
class Triwulan:
    """One year's quarters: (triwulan, target as typed or None, realisasi as typed or None) and its chart. A page
    shows every year's quarters of an indicator in one table, a year to a row group: a table, heading and block per
    year made a 5-year page's quarters half its 13,000 elements."""

    tahun: int
    rows: list[tuple[str, str | None, str | None]]
    figure: Figure | None


def _letak(page: str, rows: Iterable[tuple[CascadeFile, IndikatorRow]]) -> list[Letak]:
    """Where the indicator sits, year by year in the order given; neighbouring years that place it alike share one
    entry (a Kabupaten's five years would otherwise write the same path five times: a quarter of a large page)."""
    places: list[Letak] = []
    for cf, row in rows:
        path = [(LEVEL_LABELS[node.level], with_kode(node.item)) for node in (*row.owner.parents, row.owner)]
        link = (cf.tahun, relative_url(page, node_page(cf, row.owner), anchor(row.id)))
        if places and (places[-1].path, places[-1].position) == (path, row.position):
            places[-1].rows.append(link)
        else:
            places.append(Letak(path, row.position, [link]))
    return places


def _figure(charts: ChartMaker, page: str, spec: ChartSpec, alt: str, caption: str) -> Figure:
    image = charts.render(spec)
    return Figure(relative_url(page, chart_path(image.digest)), image.width, image.height, alt, caption)


@dataclass(frozen=True)
class IndikatorView:
    """One indicator's section: `slug` its anchor, the newest year's definition, its years (newest first), whether
    any year has a value, its charts and quarters (newest first) and where it sits each year (newest first)."""

    slug: str
    indikator: Indikator
    years: list[TahunSeries]
    has_values: bool
    tren: Figure | None
    quarters: list[Triwulan]
    letak: list[Letak]

    @property
    def has_chart(self) -> bool:
        return self.tren is not None or any(year.figure for year in self.quarters)


def indikator_groups(series: Iterable[IndikatorSeries]) -> dict[str, list[IndikatorSeries]]:
    """A perangkat daerah's indicators by the page that shows them (`naming.indikator_group` of the newest row:
    its program's page name, or 'tujuan-dan-sasaran'), each page's in the order given."""
    groups: dict[str, list[IndikatorSeries]] = {}
    for one in series:
        cf, row = one.newest
        groups.setdefault(indikator_group(cf, row.owner), []).append(one)
    return groups


def indikator_file(name: str, group: list[IndikatorSeries], slug: str, charts: ChartMaker) -> tuple[str, str]:
    """The page `name` of perangkat daerah `slug` showing the indicators of `group`, as (path relative to the docs
    folder, Markdown); its charts are ordered from `charts` (their files: `ChartMaker.drawn`)."""
    page = indikator_page(slug, name)
    views = [_view(page, one, charts) for one in group]
    cf, row = max((one.newest for one in group), key=lambda newest: newest[0].tahun)
    program = row.owner.ancestor("program")
    # Above program level: the levels this perangkat daerah's cascades have there (a Kecamatan may state no tujuan).
    levels = {newest_row.owner.level for _, newest_row in (one.newest for one in group)}
    tingkat = " dan ".join(level for level in ("tujuan", "sasaran") if level in levels)
    return page, render_template(
        "indikator.md.j2", views=views, owners=_owners(views), program=program.item if program else None,
        tingkat=tingkat,
        perangkat_daerah=cf.cascade.perangkat_daerah, root=site_root(page),
        program_link=source_link(page, node_page(cf, row.owner)),
        perangkat_daerah_link=source_link(page, perangkat_daerah_page(slug)))


_REALISASI_SETAHUN = ("batang biru: realisasi setahun (tahun yang belum lengkap keempat triwulannya tanpa batang); "
                      "angka di atasnya: capaian")


def _bars(spec: ChartSpec, realisasi: str) -> str:
    """What a chart's bars are, for its caption: only the series it draws (a chart of quarters without targets has
    no red bars to explain), `realisasi` saying what the blue ones are."""
    words = {"Target": "batang merah: target", "Target (batas bawah)": "batang merah tua: batas bawah target",
             "Target (batas atas)": "batang merah muda: batas atas target", "Realisasi": realisasi}
    drawn = "; ".join(words[one.name] for one in spec.series if any(value is not None for value in one.values))
    return drawn[:1].upper() + drawn[1:] + "."


def _owners(views: list[IndikatorView]) -> dict[str, str]:
    """Slug → what tells an indicator apart from others of the same text on its page (one per kegiatan, say): the
    item it belongs to ('Kegiatan Pelatihan Petugas'), and its row ('baris T1.S1.P3.K2.I1') where that is shared too."""
    def text(view: IndikatorView) -> str:
        return " ".join(view.indikator.uraian.split()).casefold()

    texts = Counter(text(view) for view in views)
    owners = {view.slug: " ".join(view.letak[0].path[-1]) for view in views if texts[text(view)] > 1}
    shared = Counter(owners.values())
    positions = {view.slug: view.letak[0].position for view in views}
    return {slug: owner + (f", baris {positions[slug]}" if shared[owner] > 1 else "") for slug, owner in owners.items()}


def _view(page: str, series: IndikatorSeries, charts: ChartMaker) -> IndikatorView:
    cf, row = series.newest
    indikator = row.indikator
    years = kinerja_per_tahun(series)
    kinerja = [year.kinerja for year in years]
    name = " ".join(indikator.uraian.split())
    unit = f" Satuan: {' '.join(indikator.satuan.split())}." if indikator.satuan else ""
    tren = None
    spec = tren_spec(kinerja, indikator.satuan)
    if spec is not None:
        tren = _figure(charts, page, spec,
                       f"Grafik batang target dan realisasi indikator {name} per tahun; nilainya ada di tabel berikut.",
                       f"Target, realisasi dan capaian per tahun. {_bars(spec, _REALISASI_SETAHUN)}{unit}")
    with_quarters = [k for k in kinerja if k.target_triwulan or k.realisasi_triwulan]
    quarters = []
    for k in with_quarters:
        # Only the newest year's quarters are drawn: a chart for every year of every indicator would multiply a
        # Kabupaten's charts by its years; every year's quarters are rows of one table.
        spec = triwulan_spec(k, indikator.satuan) if k is with_quarters[-1] else None
        figure = None if spec is None else _figure(
            charts, page, spec,
            f"Grafik batang target dan realisasi indikator {name} per triwulan tahun {k.tahun}; nilainya ada di "
            "tabel berikut.",
            f"Target dan realisasi per triwulan, tahun {k.tahun}. {_bars(spec, 'batang biru: realisasi')}{unit}")
        rows = [(t, k.target_triwulan.get(t), k.realisasi_triwulan.get(t)) for t in TRIWULAN]
        quarters.append(Triwulan(k.tahun, rows, figure))
    return IndikatorView(series.slug, indikator, list(reversed(years)), any(k.has_values for k in kinerja), tren,
                         list(reversed(quarters)), _letak(page, reversed(series.rows)))
