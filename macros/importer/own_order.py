"""The order of items and of an item's indicators read back from the site's XLSX download.

Staff sort its sheets (by Indikator, by Satuan, a level sheet by name) to read them: a sort changes how a sheet
reads, not the order the site publishes. An item's place among its siblings is the number of its 'Nomor item'
('T1.S1.P2': the second program of sasaran T1.S1; `item_place`), which also names its parent: an item staff add
is a row with a new number, placed by it (T1.S1.P4 after P3; a number skipped, P7, still comes after P3: the site
numbers items by their order). A row whose Nomor item is empty, not a position of its sheet's level, another
row's, or not the one it was downloaded with is refused at its cell (`macros.importer.own_numbers`): its parent,
its place or its kegiatan and indicators would be a guess. The order of an item's indicators is recorded twice, and the
import takes it from there, not from the rows:

- an indicator without a kode has its position as its 'ID indikator' (`macros.tree.IndikatorRow.id`):
  'T1.S1.P1.K3.I2' is the second indicator of item 'T1.S1.P1.K3';
- the item's row on its level sheet lists the 'ID indikator' of its indicators one per line, in order, kodes
  included (`macros.render.export.item_table`).

Each indicator row of an item takes its place from its ID when that ID is a position under the row's own 'Nomor
item' (and is not its kode as well: a kode says nothing about a place), else from the line of its ID in the
item's list; rows with neither (a row staff added, with or without an ID; an ID retyped; an indicator moved to
another item) come after them, in the sheet's order, as do rows sharing a place (a row copied with its ID is
refused: `macros.importer.own_numbers.doubled_ids`). So an unedited download comes back in its order however its
rows were sorted, and where the download recorded nothing the sheet's order is kept: no place is guessed.
"""

from __future__ import annotations

import math
import re

from ..model import LEVEL_LABELS
from .own_sheets import records
from .sheets import Sheet

# The line breaks between the IDs of an item's cell (Excel's Alt+Enter writes '\n'; a pasted text may bring '\r\n').
_LINE = re.compile(r"\r\n|\n|\r")


def listed_ids(tables: dict[str, Sheet], levels: tuple[str, ...]) -> dict[str, list[str]]:
    """The 'ID indikator' lines of each item's row on its level sheet, by the item's position ('T1.S1.P1' →
    ['T1.S1.P1.I1', 'IKU-02']); an item whose cell is empty, or a sheet without that column, lists none."""
    listed: dict[str, list[str]] = {}
    for level in levels:
        for _, cells in records(tables[LEVEL_LABELS[level]]):
            listed.setdefault(cells.get("nomor item", ""), id_lines(cells.get("id indikator", "")))
    return listed


def id_lines(cell: str) -> list[str]:
    """The IDs an item's 'ID indikator' cell lists, one per line: 'T1.S1.P1.I1\\nIKU-02' → ['T1.S1.P1.I1',
    'IKU-02']."""
    return [line.strip() for line in _LINE.split(cell) if line.strip()]


def published_order(position: str, rows: list[tuple[str, str]], listed: list[str]) -> list[int]:
    """The indexes of one item's indicator rows in the order the site publishes them: `position` is the item's
    ('T1.S1.P1'), `rows` each row's (ID indikator, Kode indikator) in sheet order, `listed` the IDs its level
    sheet lists for it (`listed_ids`)."""
    own = re.compile(rf"{re.escape(position)}\.I([1-9]\d*)")
    line_of: dict[str, int] = {}
    for line, indikator_id in enumerate(listed):
        line_of.setdefault(indikator_id, line)

    def place(index: int) -> float:
        indikator_id, kode = rows[index]
        numbered = own.fullmatch(indikator_id)
        if numbered and indikator_id != kode:
            return int(numbered.group(1)) - 1
        return line_of.get(indikator_id, math.inf) if indikator_id else math.inf

    # A stable sort: rows of one place, and the rows placed last, keep the sheet's order.
    return sorted(range(len(rows)), key=place)


def item_place(position: str) -> int:
    """An item's place among its siblings from its 'Nomor item' (checked by `own_numbers.check_numbers`): 'T1.S1.P2' → 1,
    counted from 0."""
    own = position.rsplit(".", 1)[-1]
    return int(own.lstrip("TSPK")) - 1
