"""Markdown pages rendered from the model through Jinja templates; every data value passes an escape filter."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..glossary import explain
from ..model import LEVEL_LABELS, CascadeFile, Item, with_kode
from ..naming import (
    ARCHIVE_PATH,
    DATAPACKAGE_PATH,
    DCAT_CATALOG_PATH,
    anchor,
    catalog_page,
    comparison_page,
    download_path,
    dokumen_sumber_path,
    indikator_csv_path,
    overview_page,
    perangkat_daerah_page,
    program_page,
    relative_url,
    site_root,
    source_link,
)
from ..kinerja import KinerjaTahun, RingkasanPredikat, summarise
from ..nilai import SKALA
from ..tree import IndikatorRow, Node
from .escape import dotted_id, html_name, html_text, md_inline, yaml_string
from .mermaid import Diagram

TIPE_LABELS = {"kumulatif": "Kumulatif", "non_kumulatif": "Non kumulatif"}
POLARITAS_LABELS = {"positif": "Positif (makin tinggi makin baik)", "negatif": "Negatif (makin rendah makin baik)"}
# What a page shows for a tipe penghitungan, polaritas, formulasi or sumber data the source does not state.
TIDAK_TERCANTUM = "tidak tercantum"
_UNSTATED = Markup('<span class="tidak-tercantum">{}</span>').format(TIDAK_TERCANTUM)


def _choice_label(labels: dict[str, str]) -> Callable[[str | None], str]:
    """A filter: a choice's label, or "tidak tercantum" (marked, for HTML) for None."""
    return lambda value: _UNSTATED if value is None else labels[value]


def stated(text: str) -> Markup:
    """A formulasi or sumber data for an HTML cell: the text (`html_text`), or "tidak tercantum" when the source
    leaves it empty, marked as a left-out tipe or polaritas is."""
    return html_text(text) if text.strip() else _UNSTATED


def rupiah(pagu: str) -> str:
    """A pagu as typed, shown in Rupiah: '7.742.388.142' → 'Rp 7.742.388.142' (a typed 'Rp' is kept, not doubled)."""
    return pagu if pagu.casefold().startswith("rp") else f"Rp {pagu}"


def item_facts(item: Item) -> list[tuple[str, str]]:
    """An item's optional facts as (label, text) in the order shown under its heading: bidang urusan,
    penanggung jawab, then the pagu of each year ('Pagu 2024', 'Rp 7.742.388.142'); [] when it has none."""
    facts = []
    for name, label in (("bidang_urusan", "Bidang urusan"), ("penanggung_jawab", "Penanggung jawab")):
        value = getattr(item, name, None)
        if value:
            facts.append((label, value))
    facts += [(f"Pagu {tahun}", rupiah(pagu)) for tahun, pagu in sorted((getattr(item, "pagu", None) or {}).items())]
    return facts


@dataclass(frozen=True)
class Section:
    """An item of a page with its indicators and the caption of their table."""

    node: Node
    rows: list[IndikatorRow]
    kinerja: list[KinerjaTahun]
    # In a period file, each indicator's every year of the period; [] in a yearly file.
    per_year: list[list[KinerjaTahun]] = field(default_factory=list)

    @property
    def entries(self) -> list[tuple[IndikatorRow, KinerjaTahun]]:
        """Each indicator with its target, realisasi and capaian of the cascade's year."""
        return list(zip(self.rows, self.kinerja))

    @property
    def periode_entries(self) -> list[tuple[IndikatorRow, list[KinerjaTahun]]]:
        """Each indicator with its years of the period (a period file only)."""
        return list(zip(self.rows, self.per_year))

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS[self.node.level]

    @property
    def label(self) -> str:
        """The kegiatan and sub kegiatan numbers staff use inside a program: '3' or '3.1' ('' above kegiatan)."""
        return ".".join(str(node.number) for level, node in self.node.lineage.items()
                        if level in ("kegiatan", "sub_kegiatan"))

    @property
    def caption(self) -> str:
        return f"Indikator kinerja {self.level_label.lower()}: {with_kode(self.node.item)}"


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
        stated=stated,
        name=html_name,
        dotted_id=dotted_id,
        yaml_string=yaml_string,
        anchor=anchor,
        heading_id=lambda nomor: Markup(f"{{#{anchor(nomor)}}}"),
        tipe=_choice_label(TIPE_LABELS),
        polaritas=_choice_label(POLARITAS_LABELS),
        skala=lambda name: SKALA[name].described,
        istilah=explain,
        facts=item_facts,
        kode=with_kode,
        when=lambda cf: f"periode {cf.label}" if cf.is_periode else f"tahun {cf.label}",
        triwulan=lambda values: Markup(" · ").join(Markup("{}: {}").format(key, html_text(value))
                                                    for key, value in values.items()),
    )
    return env


def render_template(template: str, **context: object) -> str:
    """Render one of the templates in templates/ with the escaping filters."""
    return _environment().get_template(template).render(**context)


def _sections(cf: CascadeFile, nodes: list[Node]) -> list[Section]:
    """The given items of a cascade with their indicator rows and those rows' year in the cascade."""
    sections = []
    for node in nodes:
        rows = cf.tree.rows_of(node)
        per_year = [[cf.tree.kinerja(row.indikator, tahun, cf.aturan) for tahun in cf.years] for row in rows] \
            if cf.is_periode else []
        sections.append(Section(node, rows, [cf.tree.kinerja(row.indikator, cf.tahun, cf.aturan) for row in rows],
                                per_year))
    return sections


def _summary(cf: CascadeFile, sections: list[Section]) -> RingkasanPredikat:
    return summarise((kinerja for section in sections for kinerja in section.kinerja), cf.aturan)


def _csv_links(cf: CascadeFile, page: str, sections: list[Section]) -> dict[str, str]:
    """Links from a page to the CSV of each indicator its sections show, by indicator id."""
    return {row.id: relative_url(page, indikator_csv_path(cf, row.id)) for section in sections for row in section.rows}


def _indikator_links(page: str, sections: list[Section],
                     pages: Mapping[str, tuple[str, str]] | None) -> dict[str, str]:
    """Links from a page to the indicator section of each row its sections show, by the row's position (none
    without `pages`: each position's indicator page and anchor)."""
    if not pages:
        return {}
    return {row.position: relative_url(page, *pages[row.position]) for section in sections for row in section.rows
            if row.position in pages}


def _program_nodes(program: Node) -> list[Node]:
    """A program and the kegiatan and sub kegiatan below it, in source order."""
    return [program, *(node for kegiatan in program.children for node in (kegiatan, *kegiatan.children))]


def program_number(cf: CascadeFile, program: Node) -> int:
    """A program's number across the whole cascade (1-based, in source order): two sasaran's programs never
    share a number on one page."""
    return next(n for n, node in enumerate(cf.tree.programs, 1) if node is program)


def render_program_page(cf: CascadeFile, program: Node, diagrams: list[Diagram],
                        indikator_pages: Mapping[str, tuple[str, str]] | None = None) -> str:
    """The page of one program: its hierarchy diagrams (`diagrams`, as `program_page_diagrams` makes them), their
    text version, and indicator tables per level; each row links to its indicator's section when `indikator_pages`
    (row position → (the page's source path, the section's anchor)) names one."""
    sections = _sections(cf, _program_nodes(program))
    lineage = program.lineage
    tree = [TreeLine(0, "Sasaran", lineage["sasaran"].item.uraian), TreeLine(1, "Program", with_kode(program.item))]
    for section in sections[1:]:
        depth = 2 if section.node.level == "kegiatan" else 3
        label = f"{'Kegiatan' if depth == 2 else 'Sub kegiatan'} {section.label}"
        tree.append(TreeLine(depth, label, with_kode(section.node.item)))
    page = program_page(cf, program)
    # The same program serving other sasaran has a page under each: say so, and link them.
    also = [(node.parent.item.uraian, source_link(page, program_page(cf, node))) for node in cf.tree.programs
            if node is not program and node.parent is not None and with_kode(node.item) == with_kode(program.item)]
    tujuan = lineage.get("tujuan")  # None in a document without tujuan (an IKU list): the page names none
    return render_template("program.md.j2", cf=cf, tujuan=tujuan.item if tujuan else None,
                           sasaran=lineage["sasaran"].item,
                           program=program.item, nomor=program_number(cf, program), sections=sections, diagrams=diagrams,
                           summary=_summary(cf, sections), also=also,
                           tree=tree, root=site_root(page), csv_links=_csv_links(cf, page, sections),
                           indikator_links=_indikator_links(page, sections, indikator_pages),
                           overview_link=source_link(page, overview_page(cf)))


def render_overview_page(cf: CascadeFile, years: list[CascadeFile],
                         indikator_pages: Mapping[str, tuple[str, str]] | None = None) -> str:
    """A cascade's overview: tujuan and sasaran with indicators, then each program linking to its page.

    `years` are the perangkat daerah's cascades, this one among them, for the links between years;
    `indikator_pages` (row position → (source path, anchor)) the indicator sections the rows link to.
    """
    page = overview_page(cf)
    # Every item's section once: the summary counts them all; the page shows tujuan, sasaran and programs.
    every_section = _sections(cf, cf.tree.nodes)
    shown = [section for section in every_section if section.node.level in ("tujuan", "sasaran", "program")]
    programs = [dict(
        program=section.node.item,
        nomor=program_number(cf, section.node),
        sasaran=section.node.parent,
        link=source_link(page, program_page(cf, section.node)),
        sub_count=sum(len(k.sub_kegiatan) for k in section.node.item.kegiatan),
        section=section,
    ) for section in shown if section.node.level == "program"]
    return render_template("overview.md.j2", cf=cf, programs=programs, root=site_root(page),
                   csv_links=_csv_links(cf, page, shown),
                   indikator_links=_indikator_links(page, shown, indikator_pages),
                   summary=_summary(cf, every_section),
                   sections=[section for section in shown if section.node.level != "program"],
                   downloads=[*download_links(cf, page), ("semua cascade (ZIP)", source_link(page, ARCHIVE_PATH))],
                   xlsx_link=source_link(page, download_path(cf, "xlsx")),
                   metadata=[("Data Package", source_link(page, DATAPACKAGE_PATH)),
                             ("katalog DCAT (JSON-LD)", source_link(page, DCAT_CATALOG_PATH))],
                   years=[(other.tahun, source_link(page, overview_page(other)))
                          for other in sorted(years, key=lambda other: other.order) if not other.is_periode],
                   periods=[(other.label, source_link(page, overview_page(other)))
                            for other in sorted(years, key=lambda other: other.order) if other.is_periode],
                   catalog_link=source_link(page, catalog_page(cf)),
                   dokumen_sumber=(cf.cascade.dokumen_sumber, source_link(page, dokumen_sumber_path(
                       cf, cf.cascade.dokumen_sumber))) if cf.cascade.dokumen_sumber else None,
                   comparison_link=source_link(page, comparison_page(cf.slug)))


def download_links(cf: CascadeFile, page: str) -> list[tuple[str, str]]:
    """A cascade's downloads as (label, link from `page`): JSON, CSV, XLSX."""
    return [(extension.upper(), source_link(page, download_path(cf, extension))) for extension in ("json", "csv", "xlsx")]


def newest_first(files: list[CascadeFile]) -> list[CascadeFile]:
    """One perangkat daerah's files as they are listed: its years newest first, then its periods (Renstra)
    newest first."""
    return sorted(files, key=lambda cf: (not cf.is_periode, cf.order), reverse=True)


def file_title(cf: CascadeFile) -> str:
    """How a list names one file of a perangkat daerah: 'Tahun 2023', 'Renstra 2021-2026'."""
    return f"Renstra {cf.label}" if cf.is_periode else f"Tahun {cf.label}"


def render_perangkat_daerah_page(files: list[CascadeFile]) -> str:
    """A perangkat daerah's page: its cascades by year, newest first, then its periods."""
    ordered = newest_first(files)
    page = perangkat_daerah_page(ordered[0].slug)
    return render_template("perangkat_daerah.md.j2", name=ordered[0].cascade.perangkat_daerah,
                   years=[(file_title(cf), source_link(page, overview_page(cf)), len(cf.tree.programs),
                           len(cf.tree.indikator)) for cf in ordered],
                   yearly=sum(not cf.is_periode for cf in files),
                   comparison_link=source_link(page, comparison_page(ordered[0].slug)))


def render_cascade_list(files: list[CascadeFile]) -> str:
    """Markdown list of every perangkat daerah with links to its years, for a page at the docs root."""
    groups = []
    for slug, group in group_by_perangkat_daerah(files).items():
        ordered = newest_first(group)
        groups.append((ordered[0].cascade.perangkat_daerah, perangkat_daerah_page(slug),
                       [(cf.label, overview_page(cf)) for cf in ordered]))
    return render_template("cascade_list.md.j2", groups=groups)


def group_by_perangkat_daerah(files: list[CascadeFile]) -> dict[str, list[CascadeFile]]:
    """Cascades grouped by perangkat daerah, sorted by name, each group sorted by year."""
    groups: dict[str, list[CascadeFile]] = {}
    for cf in sorted(files, key=lambda cf: (cf.cascade.perangkat_daerah.lower(), cf.order)):
        groups.setdefault(cf.slug, []).append(cf)
    return groups
