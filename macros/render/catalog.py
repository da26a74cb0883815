"""The indicator catalogs: a cascade's, every indicator in one filterable table, and the catalog of every cascade,
a filter over the cascades' JSON indexes (catalog_index.py)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import LEVEL_LABELS, CascadeFile, Indikator, with_kode
from ..naming import (
    ARCHIVE_PATH,
    CATALOG_ALL_PAGE,
    CATALOG_ALL_SCRIPT,
    CATALOG_SCRIPT,
    anchor,
    catalog_index_path,
    catalog_page,
    node_page,
    overview_page,
    relative_url,
    source_link,
)
from ..kinerja import BELUM_DAPAT_DIHITUNG, KinerjaTahun
from .pages import TIPE_LABELS, download_links, group_by_perangkat_daerah, render_template


@dataclass(frozen=True)
class CatalogRow:
    """One indicator as a cascade's catalog shows it: permalink anchor, owner and where the owner is shown."""

    anchor: str
    id: str
    level: str
    level_label: str
    owner: str
    owner_link: str
    indikator: Indikator
    kinerja: KinerjaTahun

    @property
    def capaian(self) -> str:
        """The capaian with its year, and the quarter it runs to in a year under way: '96,7% (2024, s.d.
        triwulan III)', '40,0% (2024)'; '' when it cannot be computed."""
        if not self.kinerja.persen:
            return ""
        when = ", ".join(part for part in (str(self.kinerja.tahun), self.kinerja.sampai) if part)
        return f"{self.kinerja.persen} ({when})"


def catalog_rows(cf: CascadeFile, page: str) -> list[CatalogRow]:
    """The catalog rows of one cascade, tree order, linked relative to `page`'s address."""
    return [CatalogRow(
        anchor=anchor(row.id),
        id=row.id,
        level=row.owner.level,
        level_label=LEVEL_LABELS[row.owner.level],
        owner=with_kode(row.owner.item),
        owner_link=relative_url(page, node_page(cf, row.owner), anchor(row.owner.position)),
        indikator=row.indikator,
        kinerja=cf.tree.kinerja(row.indikator, cf.tahun, cf.aturan),
    ) for row in cf.tree.indikator]

# The tipe filter's choices: the stated ones and, for indicators whose source states none, "tidak tercantum".
TIPE_FILTER = {**TIPE_LABELS, "tidak_tercantum": "Tidak tercantum"}


def render_catalog_page(cf: CascadeFile) -> str:
    """A cascade's indicator catalog page: its own rows in one table, filtered by a light script."""
    page = catalog_page(cf)
    return render_template("katalog.md.j2", title=f"Katalog indikator {cf.cascade.perangkat_daerah} {cf.label}",
                   cf=cf, rows=catalog_rows(cf, page), downloads=download_links(cf, page), script=CATALOG_SCRIPT,
                   overview=source_link(page, overview_page(cf)), all_link=source_link(page, CATALOG_ALL_PAGE),
                   levels={level: LEVEL_LABELS[level] for level in cf.tree.levels}, tipes=TIPE_FILTER,
                   predikat=_predikat_choices([cf]))


@dataclass(frozen=True)
class CatalogEntry:
    """One cascade as the catalog of every cascade lists it: year (or a period file's period), number of
    indicators, the link to its catalog, the link to its JSON index, and the prefix of the row anchors the earlier
    all-rows page gave its indicators."""

    tahun: str
    count: int
    link: str
    index_link: str
    anchor_prefix: str


def catalog_entries(files: list[CascadeFile]) -> dict[str, tuple[str, list[CatalogEntry]]]:
    """Each perangkat daerah's (name, cascades newest first), by slug, in name order; links from the catalog of
    every cascade."""
    entries = {}
    for slug, group in group_by_perangkat_daerah(files).items():
        # The yearly files newest first (the first is the "newest year" the filter starts from), then the periods.
        newest_first = sorted(group, key=lambda cf: (not cf.is_periode, cf.order), reverse=True)
        entries[slug] = (newest_first[0].cascade.perangkat_daerah, [CatalogEntry(
            tahun=cf.label, count=len(cf.tree.indikator),
            link=relative_url(CATALOG_ALL_PAGE, catalog_page(cf)),
            index_link=relative_url(CATALOG_ALL_PAGE, catalog_index_path(cf)),
            anchor_prefix=anchor(f"{cf.slug}-{cf.label}") + "-",
        ) for cf in newest_first])
    return entries


def render_catalog_all_page(files: list[CascadeFile]) -> str:
    """The catalog of every cascade: a filter form and the list of perangkat daerah and years, each with its
    number of indicators and a link to its own catalog. No rows: the script loads the JSON index of each cascade
    a filter needs (`catalog_index.to_catalog_index`), so the page stays light at a Kabupaten's size, and without
    JavaScript every indicator is one link away."""
    downloads = [("semua cascade (ZIP)", source_link(CATALOG_ALL_PAGE, ARCHIVE_PATH))]
    years = sorted({cf.tahun for cf in files if not cf.is_periode}, reverse=True)
    periods = sorted({cf.label for cf in files if cf.is_periode}, reverse=True)
    return render_template("katalog_semua.md.j2", title="Katalog indikator semua perangkat daerah",
                   entries=catalog_entries(files), total=sum(len(cf.tree.indikator) for cf in files),
                   years=years, periods=periods, downloads=downloads, script=CATALOG_ALL_SCRIPT,
                   levels=LEVEL_LABELS, tipes=TIPE_FILTER, predikat=_predikat_choices(files))


def _predikat_choices(files: list[CascadeFile]) -> list[str]:
    """The predikat the filter offers: those of the cascades' settings, highest first, then 'Belum dapat dihitung'."""
    bands = [band.predikat for cf in files for band in cf.aturan.predikat]
    return [*dict.fromkeys(bands), BELUM_DAPAT_DIHITUNG]
