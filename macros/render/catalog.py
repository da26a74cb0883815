"""The indicator catalog: every indicator of one cascade, or of all cascades, in one filterable table."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import LEVEL_LABELS, CascadeFile, Indikator, IndikatorRow, walk_indikator
from ..naming import (
    ARCHIVE_PATH,
    CATALOG_ALL_PAGE,
    anchor,
    cascade_dir,
    catalog_page,
    csv_path,
    json_path,
    program_page,
    relative_url,
    source_link,
    xlsx_path,
)
from .pages import TIPE_LABELS, render_template, group_by_perangkat_daerah


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
    cascade: str = ""
    cascade_link: str = ""


def _owner_page(cf: CascadeFile, row: IndikatorRow) -> str:
    program = row.place.program
    return f"{cascade_dir(cf)}/index.md" if program is None else program_page(cf, program)


def catalog_rows(cf: CascadeFile, page: str, qualified: bool = False) -> list[CatalogRow]:
    """The catalog rows of one cascade, linked relative to `page`; `qualified` anchors carry the cascade too."""
    name = f"{cf.cascade.perangkat_daerah} {cf.tahun}"
    rows = []
    for row in walk_indikator(cf.cascade):
        rows.append(CatalogRow(
            anchor=anchor(f"{cf.slug}-{cf.tahun}-{row.id}" if qualified else row.id),
            id=row.id,
            level=row.place.level,
            level_label=LEVEL_LABELS[row.place.level],
            owner=row.place.item.uraian,
            owner_link=relative_url(page, _owner_page(cf, row), anchor(row.place.nomor)),
            indikator=row.indikator,
            cascade=name if qualified else "",
            cascade_link=relative_url(page, catalog_page(cf), anchor(row.id)) if qualified else "",
        ))
    return rows


def render_catalog_page(cf: CascadeFile) -> str:
    """A cascade's indicator catalog page."""
    page = catalog_page(cf)
    downloads = [(label, source_link(page, path)) for label, path in (
        ("JSON", json_path(cf)), ("CSV", csv_path(cf)), ("XLSX", xlsx_path(cf)))]
    return render_template("katalog.md.j2", title=f"Katalog indikator {cf.cascade.perangkat_daerah} {cf.tahun}",
                   cf=cf, rows=catalog_rows(cf, page), qualified=False, downloads=downloads,
                   overview="index.md", all_link=source_link(page, CATALOG_ALL_PAGE),
                   levels=LEVEL_LABELS, tipes=TIPE_LABELS)


def render_catalog_all_page(files: list[CascadeFile]) -> str:
    """The catalog of every perangkat daerah's latest cascade, grouped by perangkat daerah.

    Latest year only: with every year a Kabupaten's catalog grows by one page's worth of rows per year and
    soon stops being usable in a browser; earlier years keep their own catalogs.
    """
    rows: list[CatalogRow] = []
    for group in group_by_perangkat_daerah(files).values():
        rows += catalog_rows(max(group, key=lambda cf: cf.tahun), CATALOG_ALL_PAGE, qualified=True)
    downloads = [("semua cascade (ZIP)", source_link(CATALOG_ALL_PAGE, ARCHIVE_PATH))]
    return render_template("katalog.md.j2", title="Katalog indikator semua perangkat daerah (tahun terbaru)", cf=None, rows=rows,
                   qualified=True, downloads=downloads, overview="", all_link="",
                   levels=LEVEL_LABELS, tipes=TIPE_LABELS)
