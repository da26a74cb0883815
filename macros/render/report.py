"""The data-quality report page for staff: the findings of `macros.lint`, grouped by file and check."""

from __future__ import annotations

from dataclasses import dataclass

from ..lint import CHECK_TITLES, Finding, shown_path
from ..model import CascadeFile, Loc
from ..naming import IMPORT_TEMPLATE_PATH, REPORT_PAGE, anchor, node_page, relative_url, source_link
from ..tree import IndikatorRow
from .pages import render_template


@dataclass(frozen=True)
class ReportRow:
    finding: Finding
    link: str | None


def item_link(cf: CascadeFile, loc: Loc) -> str | None:
    """The address, from the report page, of where the finding's item or indicator shows on the site (for raw HTML:
    '../kecamatan-kebasen/2023/program/x/#t1-s1-p1-i1'); None when the finding's place is not an item."""
    found = cf.tree.find(loc)
    if found is None:
        return None
    node = found.owner if isinstance(found, IndikatorRow) else found
    page = node_page(cf, node)
    target = found.id if isinstance(found, IndikatorRow) else node.position
    return relative_url(REPORT_PAGE, page, anchor(target))


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
    return render_template("laporan_kualitas_data.md.j2", cascades=cascades, totals=totals, count=len(findings),
                           template_link=source_link(REPORT_PAGE, IMPORT_TEMPLATE_PATH))
