"""The data-quality report page for staff: the findings of `macros.lint`, grouped by file and check."""

from __future__ import annotations

from dataclasses import dataclass

from ..lint import CHECK_TITLES, Finding, shown_path
from ..model import CascadeFile, Loc
from ..naming import anchor, cascade_dir, program_page
from .pages import render_template

REPORT_PAGE = "laporan-kualitas-data.md"
_LEVEL_LETTERS = {"tujuan": "T", "sasaran": "S", "program": "P", "kegiatan": "K", "sub_kegiatan": "SK"}


@dataclass(frozen=True)
class ReportRow:
    finding: Finding
    link: str | None


def item_link(cf: CascadeFile, loc: Loc) -> str | None:
    """The Markdown link (from the docs root) to where the finding's item or indicator shows on the site."""
    nomor: list[str] = []
    node: object = cf.cascade
    program = None
    indikator_number = None
    for key, index in zip(loc, loc[1:]):
        if not isinstance(key, str) or not isinstance(index, int):
            continue
        node = getattr(node, key)[index]
        if key == "indikator":
            indikator_number = index + 1
            indikator = node
            break
        nomor.append(f"{_LEVEL_LETTERS[key]}{index + 1}")
        if key == "program":
            program = node
    if not nomor:
        return None
    target = ".".join(nomor)
    if indikator_number is not None:
        target = indikator.kode or f"{target}.I{indikator_number}"
    page = program_page(cf, program) if program is not None else f"{cascade_dir(cf)}/index.md"
    return f"{page}#{anchor(target)}"


def render_quality_report(findings: list[Finding], files: list[CascadeFile]) -> str:
    """The report: a summary per check, then per data file a table of findings per check with line and link."""
    cascades = []
    for cf in sorted(files, key=lambda cf: shown_path(cf)):
        shown = shown_path(cf)
        mine = [f for f in findings if f.path == shown]
        groups = [(CHECK_TITLES[check], [ReportRow(f, item_link(cf, f.loc)) for f in mine if f.check == check])
                  for check in CHECK_TITLES]
        cascades.append(dict(cf=cf, path=shown, count=len(mine), groups=[g for g in groups if g[1]]))
    totals = [(title, sum(1 for f in findings if f.check == check)) for check, title in CHECK_TITLES.items()]
    return render_template("laporan_kualitas_data.md.j2", cascades=cascades, totals=totals, count=len(findings))
