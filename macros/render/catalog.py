"""The indicator catalog: every indicator of one cascade, or of all cascades, in one filterable table."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import LEVEL_LABELS, CascadeFile, Indikator, with_kode
from ..naming import (
    ARCHIVE_PATH,
    CATALOG_ALL_PAGE,
    anchor,
    catalog_page,
    overview_page,
    program_page,
    relative_url,
    source_link,
)
from ..kinerja import BELUM_DAPAT_DIHITUNG, KinerjaTahun, kinerja_tahun
from ..tree import IndikatorRow
from .pages import TIPE_LABELS, download_links, group_by_perangkat_daerah, render_template


@dataclass(frozen=True)
class CatalogRow:
    """One indicator as the catalog shows it: permalink anchor, owner and where the owner is shown."""

    anchor: str
    id: str
    level: str
    level_label: str
    owner: str
    owner_link: str
    indikator: Indikator
    kinerja: KinerjaTahun
    cascade: str = ""
    cascade_link: str = ""


def _owner_page(cf: CascadeFile, row: IndikatorRow) -> str:
    program = row.owner.ancestor("program")
    return overview_page(cf) if program is None else program_page(cf, program)


def catalog_rows(cf: CascadeFile, page: str, qualified: bool = False) -> list[CatalogRow]:
    """The catalog rows of one cascade, linked relative to `page`; `qualified` anchors carry the cascade too."""
    name = f"{cf.cascade.perangkat_daerah} {cf.label}"
    rows = []
    for row in cf.tree.indikator:
        rows.append(CatalogRow(
            anchor=anchor(f"{cf.slug}-{cf.label}-{row.id}" if qualified else row.id),
            id=row.id,
            level=row.owner.level,
            level_label=LEVEL_LABELS[row.owner.level],
            owner=with_kode(row.owner.item),
            owner_link=relative_url(page, _owner_page(cf, row), anchor(row.owner.position)),
            indikator=row.indikator,
            kinerja=kinerja_tahun(row.indikator, cf.tahun, cf.aturan),
            cascade=name if qualified else "",
            cascade_link=relative_url(page, catalog_page(cf), anchor(row.id)) if qualified else "",
        ))
    return rows

# The tipe filter's choices: the stated ones and, for indicators whose source states none, "tidak tercantum".
TIPE_FILTER = {**TIPE_LABELS, "tidak_tercantum": "Tidak tercantum"}


def render_catalog_page(cf: CascadeFile) -> str:
    """A cascade's indicator catalog page."""
    page = catalog_page(cf)
    return render_template("katalog.md.j2", title=f"Katalog indikator {cf.cascade.perangkat_daerah} {cf.label}",
                   cf=cf, rows=catalog_rows(cf, page), qualified=False, downloads=download_links(cf, page),
                   overview=source_link(page, overview_page(cf)), all_link=source_link(page, CATALOG_ALL_PAGE),
                   levels={level: LEVEL_LABELS[level] for level in cf.tree.levels}, tipes=TIPE_FILTER,
                   predikat=_predikat_choices([cf]))


def render_catalog_all_page(files: list[CascadeFile]) -> str:
    """The catalog of every perangkat daerah's latest cascade, grouped by perangkat daerah.

    Latest year only: with every year a Kabupaten's catalog grows by one page's worth of rows per year and
    soon stops being usable in a browser; earlier years keep their own catalogs.
    """
    latest = [max(group, key=lambda cf: (not cf.is_periode, cf.order)) for group in group_by_perangkat_daerah(files).values()]
    rows = [row for cf in latest for row in catalog_rows(cf, CATALOG_ALL_PAGE, qualified=True)]
    downloads = [("semua cascade (ZIP)", source_link(CATALOG_ALL_PAGE, ARCHIVE_PATH))]
    return render_template("katalog.md.j2", title="Katalog indikator semua perangkat daerah (tahun terbaru)", cf=None, rows=rows,
                   qualified=True, downloads=downloads, overview="", all_link="",
                   levels=LEVEL_LABELS, tipes=TIPE_FILTER, predikat=_predikat_choices(latest))


def _predikat_choices(files: list[CascadeFile]) -> list[str]:
    """The predikat the filter offers: those of the cascades' settings, highest first, then 'Belum dapat dihitung'."""
    bands = [band.predikat for cf in files for band in cf.aturan.predikat]
    return [*dict.fromkeys(bands), BELUM_DAPAT_DIHITUNG]
