"""Markdown pages rendered from the model through Jinja templates; every data value passes an escape filter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..model import LEVEL_LABELS, CascadeFile, IndikatorRow, Place, Program, Sasaran, Tujuan, walk_indikator, walk_items
from ..glossary import explain
from ..naming import (
    ARCHIVE_PATH,
    anchor,
    cascade_dir,
    csv_path,
    json_path,
    program_page,
    site_root,
    source_link,
    xlsx_path,
)
from .escape import html_text, md_inline, yaml_string
from .mermaid import program_diagram

TIPE_LABELS = {"kumulatif": "Kumulatif", "non_kumulatif": "Non kumulatif"}
POLARITAS_LABELS = {"positif": "Positif (makin tinggi makin baik)", "negatif": "Negatif (makin rendah makin baik)"}


@dataclass(frozen=True)
class Section:
    """An item of a page with its indicators and the caption of their table."""

    place: Place
    rows: list[IndikatorRow]
    label: str

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS[self.place.level]

    @property
    def caption(self) -> str:
        return f"Indikator kinerja {self.level_label.lower()}: {self.place.item.uraian}"


@dataclass(frozen=True)
class TreeLine:
    depth: int
    label: str
    text: str


@cache
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=md_inline,
        html=html_text,
        yaml_string=yaml_string,
        anchor=anchor,
        heading_id=lambda nomor: Markup(f"{{#{anchor(nomor)}}}"),
        tipe=TIPE_LABELS.__getitem__,
        polaritas=POLARITAS_LABELS.__getitem__,
        istilah=explain,
    )
    return env


def render_template(template: str, **context: object) -> str:
    """Render one of the templates in templates/ with the escaping filters."""
    return _environment().get_template(template).render(**context)


def _sections(cf: CascadeFile, program: Program | None = None) -> list[Section]:
    """The cascade's items (or one program's) with their indicator rows, in source order."""
    rows_by_place: dict[str, list[IndikatorRow]] = {}
    for row in walk_indikator(cf.cascade):
        rows_by_place.setdefault(row.place.nomor, []).append(row)
    return [Section(place, rows_by_place.get(place.nomor, []), _short_number(place.nomor))
            for place in walk_items(cf.cascade) if program is None or place.program is program]


def _short_number(nomor: str) -> str:
    """'T1.S1.P2.K3.SK1' → '3.1': the kegiatan and sub kegiatan numbers staff use inside a program."""
    return ".".join(re.findall(r"\.S?K(\d+)", nomor))


def render_program_page(cf: CascadeFile, tujuan: Tujuan, sasaran: Sasaran, program: Program, nomor: int,
                        diagram: str | None = None) -> str:
    """The page of one program: hierarchy diagram (`diagram`, its Mermaid source if already made), its text
    version, and indicator tables per level."""
    sections = _sections(cf, program)
    tree = [TreeLine(0, "Sasaran", sasaran.uraian), TreeLine(1, "Program", program.uraian)]
    for section in sections[1:]:
        depth = 2 if section.place.level == "kegiatan" else 3
        label = f"{'Kegiatan' if depth == 2 else 'Sub kegiatan'} {section.label}"
        tree.append(TreeLine(depth, label, section.place.item.uraian))
    return render_template("program.md.j2", cf=cf, tujuan=tujuan, sasaran=sasaran, program=program, nomor=nomor,
                   sections=sections, diagram=diagram or program_diagram(sasaran, program), tree=tree,
                   root=site_root(program_page(cf, program)))


def render_overview_page(cf: CascadeFile, years: list[int]) -> str:
    """A cascade's overview: tujuan and sasaran with indicators, then each program linking to its page."""
    sections = _sections(cf)
    by_nomor = {s.place.nomor: s for s in sections}
    programs = []
    for section in sections:
        if section.place.level != "program":
            continue
        program = section.place.item
        programs.append(dict(
            program=program,
            nomor=section.place.nomor.rsplit(".P", 1)[1],
            sasaran_nomor=section.place.nomor.rsplit(".", 1)[0],
            link=program_page(cf, program).removeprefix(cascade_dir(cf) + "/"),
            sub_count=sum(len(k.sub_kegiatan) for k in program.kegiatan),
            section=by_nomor[section.place.nomor],
        ))
    page = f"{cascade_dir(cf)}/index.md"
    return render_template("overview.md.j2", cf=cf, programs=programs, root=site_root(page),
                   sections=[s for s in sections if s.place.level in ("tujuan", "sasaran")],
                   downloads=[(label, source_link(page, path)) for label, path in (
                       ("JSON", json_path(cf)), ("CSV", csv_path(cf)), ("XLSX", xlsx_path(cf)), ("semua cascade (ZIP)", ARCHIVE_PATH))],
                   years=[(tahun, f"../{tahun}/index.md") for tahun in sorted(years)])


def render_perangkat_daerah_page(files: list[CascadeFile]) -> str:
    """A perangkat daerah's page: its cascades by year, newest first."""
    newest_first = sorted(files, key=lambda cf: cf.tahun, reverse=True)
    return render_template("perangkat_daerah.md.j2", name=newest_first[0].cascade.perangkat_daerah,
                   years=[(cf.tahun, f"{cf.tahun}/index.md", cf) for cf in newest_first])


def render_cascade_list(files: list[CascadeFile]) -> str:
    """Markdown list of every perangkat daerah with links to its years, for a page at the docs root."""
    groups = []
    for slug, group in group_by_perangkat_daerah(files).items():
        newest_first = sorted(group, key=lambda cf: cf.tahun, reverse=True)
        groups.append((newest_first[0].cascade.perangkat_daerah, f"{slug}/index.md",
                       [(cf.tahun, f"{cascade_dir(cf)}/index.md") for cf in newest_first]))
    return render_template("cascade_list.md.j2", groups=groups)


def group_by_perangkat_daerah(files: list[CascadeFile]) -> dict[str, list[CascadeFile]]:
    """Cascades grouped by perangkat daerah, sorted by name, each group sorted by year."""
    groups: dict[str, list[CascadeFile]] = {}
    for cf in sorted(files, key=lambda cf: (cf.cascade.perangkat_daerah.lower(), cf.tahun)):
        groups.setdefault(cf.slug, []).append(cf)
    return groups
