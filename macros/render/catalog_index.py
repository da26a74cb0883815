"""A cascade's catalog rows as a small JSON index, which the catalog of every cascade loads on demand.

The catalog of every cascade is a light page: it ships no rows, only the list of cascades and the address of
each one's index (`naming.catalog_index_path`), and builds rows from the indexes a filter needs. The index
lives in the cascade catalog's own folder, so its links are the catalog page's links (`catalog_rows`), and a
script resolves them against the index's address.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import CascadeFile
from ..naming import anchor, catalog_page, relative_url
from .catalog import CatalogRow, catalog_rows
from .pages import POLARITAS_LABELS, TIDAK_TERCANTUM, TIPE_LABELS

# Bumped when a field changes meaning, so a script can refuse an index it does not know.
INDEX_VERSION = 1


def _row(cf: CascadeFile, row: CatalogRow) -> dict[str, Any]:
    """One indicator as text fields (the script puts each in with textContent), labels as the pages show them."""
    ind = row.indikator
    return {
        "id": row.id,
        # The row's id on the catalog of every cascade: the anchor its earlier all-rows page gave it.
        "anchor": anchor(f"{cf.slug}-{cf.label}-{row.id}"),
        "link": relative_url(catalog_page(cf), catalog_page(cf), row.anchor),
        "level": row.level,
        "level_label": row.level_label,
        "owner": " ".join(row.owner.split()),
        "owner_link": row.owner_link,
        "uraian": " ".join(ind.uraian.split()),
        "satuan": " ".join(ind.satuan.split()) if ind.satuan else "",
        "iku": bool(ind.iku),
        "formulasi": ind.formulasi,
        "tipe_penghitungan": ind.tipe_penghitungan or "tidak_tercantum",
        "tipe_label": TIPE_LABELS[ind.tipe_penghitungan] if ind.tipe_penghitungan else TIDAK_TERCANTUM,
        "polaritas": ind.polaritas or "tidak_tercantum",
        "polaritas_label": POLARITAS_LABELS[ind.polaritas] if ind.polaritas else TIDAK_TERCANTUM,
        "sumber_data": ind.sumber_data,
        "capaian": row.capaian,
        "predikat": row.kinerja.predikat,
        "predikat_anchor": anchor(row.kinerja.predikat),
    }


def to_catalog_index(cf: CascadeFile) -> str:
    """The cascade's catalog rows as JSON text: {"versi", "perangkat_daerah", "tahun", "indikator": [row, ...]}.

    Each row holds text only: id, anchor (its id on the catalog of every cascade), link (to its row in the
    cascade's catalog), level and level_label, owner and owner_link, uraian, satuan ("" when none), iku (bool),
    formulasi, tipe_penghitungan and polaritas ("tidak_tercantum" when the source states none) with tipe_label
    and polaritas_label, sumber_data, capaian (`CatalogRow.capaian`: "107,1% (2023)", "96,7% (2024, s.d.
    triwulan III)" or ""), predikat and predikat_anchor. Links are relative to the index's own address. Compact
    (no spaces): forty of these load for a Kabupaten-wide search.
    """
    page = catalog_page(cf)
    rows = [_row(cf, row) for row in catalog_rows(cf, page)]
    index = {"versi": INDEX_VERSION, "perangkat_daerah": cf.cascade.perangkat_daerah, "tahun": cf.tahun,
             "indikator": rows}
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))
