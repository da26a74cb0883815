"""The site's generated files and navigation, computed from the loaded cascades (no MkDocs here)."""

from __future__ import annotations

from typing import Any

from .model import CascadeFile
from .naming import cascade_dir, json_path, program_page
from .render.export import to_json
from .render.mermaid import program_diagram
from .render.pages import (
    group_by_perangkat_daerah,
    render_overview_page,
    render_perangkat_daerah_page,
    render_program_page,
)


def generate_pages(files: list[CascadeFile]) -> dict[str, str]:
    """Every generated file's content by its path relative to the docs folder."""
    pages: dict[str, str] = {}
    for slug, group in group_by_perangkat_daerah(files).items():
        pages[f"{slug}/index.md"] = render_perangkat_daerah_page(group)
        years = [cf.tahun for cf in group]
        for cf in group:
            pages[f"{cascade_dir(cf)}/index.md"] = render_overview_page(cf, years)
            pages[json_path(cf)] = to_json(cf.cascade)
            for tujuan in cf.cascade.tujuan:
                for sasaran in tujuan.sasaran:
                    for nomor, program in enumerate(sasaran.program, 1):
                        pages[program_page(cf, program)] = render_program_page(cf, tujuan, sasaran, program, nomor)
    return pages


def navigation(files: list[CascadeFile]) -> list[dict[str, Any]]:
    """MkDocs nav entries: one section per perangkat daerah, in it one section per year, newest first."""
    nav: list[dict[str, Any]] = []
    for slug, group in group_by_perangkat_daerah(files).items():
        years: list[Any] = [f"{slug}/index.md"]
        for cf in sorted(group, key=lambda cf: cf.tahun, reverse=True):
            programs = [{p.uraian: program_page(cf, p)} for p in cf.programs]
            years.append({str(cf.tahun): [f"{cascade_dir(cf)}/index.md", *programs]})
        nav.append({group[0].cascade.perangkat_daerah: years})
    return nav


def program_diagrams(files: list[CascadeFile]) -> dict[str, str]:
    """The Mermaid source of every program page's diagram, by the page's path relative to the docs folder."""
    return {
        program_page(cf, program): program_diagram(sasaran, program)
        for cf in files
        for tujuan in cf.cascade.tujuan
        for sasaran in tujuan.sasaran
        for program in sasaran.program
    }
