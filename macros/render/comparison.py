"""The page comparing a perangkat daerah's consecutive years, rendered from `macros.compare`."""

from __future__ import annotations

from ..compare import compare_years
from ..model import LEVEL_LABELS, CascadeFile
from .pages import render_template

FIELD_LABELS = {"formulasi": "Formulasi", "tipe_penghitungan": "Tipe penghitungan", "polaritas": "Polaritas",
                "sumber_data": "Sumber data", "satuan": "Satuan"}
KINDS = [("ditambah", "Ditambah"), ("dihapus", "Dihapus"), ("diubah", "Diubah")]


def render_comparison_page(files: list[CascadeFile]) -> str:
    """A perangkat daerah's years compared, newest pair first; links point to the year folders beside it."""
    return render_template("perbandingan.md.j2", name=files[0].cascade.perangkat_daerah, comparisons=compare_years(files),
                   levels={**LEVEL_LABELS, "indikator": "Indikator"}, fields=FIELD_LABELS, kinds=KINDS)


def comparison_page(slug: str) -> str:
    """Source path of a perangkat daerah's comparison page: '<pd>/perbandingan.md' (address '<pd>/perbandingan/')."""
    return f"{slug}/perbandingan.md"
