"""The page comparing a perangkat daerah's consecutive years, rendered from `macros.compare`."""

from __future__ import annotations

from ..compare import compare_years
from ..model import LEVEL_LABELS, CascadeFile
from ..naming import comparison_page, overview_page, source_link
from .pages import render_template

FIELD_LABELS = {"formulasi": "Formulasi", "tipe_penghitungan": "Tipe penghitungan", "polaritas": "Polaritas",
                "sumber_data": "Sumber data", "satuan": "Satuan"}
KINDS = [("ditambah", "Ditambah"), ("dihapus", "Dihapus"), ("diubah", "Diubah")]


def render_comparison_page(files: list[CascadeFile]) -> str:
    """A perangkat daerah's years compared, newest pair first, each year linked to its overview."""
    page = comparison_page(files[0].slug)
    return render_template("perbandingan.md.j2", name=files[0].cascade.perangkat_daerah, comparisons=compare_years(files),
                   links={cf.tahun: source_link(page, overview_page(cf)) for cf in files},
                   levels={**LEVEL_LABELS, "indikator": "Indikator"}, fields=FIELD_LABELS, kinds=KINDS)

