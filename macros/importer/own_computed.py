"""Capaian and predikat, per year, as the "Indikator" sheet of the site's XLSX download shows them, checked
against what the site computes from the imported cascade.

They are the site's arithmetic, not data, and are not imported. A filled cell that differs was typed over (an
edit that is not published) or is left from before its target or realisasi changed (the usual case after
realisasi are updated): the import cannot tell which, so one comment at the top of the data file says that they
are not imported and names the first few such cells with the value the site will show, so that staff change the
target or realisasi if that is what they meant. An empty cell, and the site's explanation of a missing capaian
('keterangan capaian'), claim nothing and are not named. (They are computed with the settings of capaian the
workbook carries over the defaults: a site setting its own in mkdocs.yml may show other values.) An item's
'Jumlah indikator' and 'ID indikator' on its level sheet follow the Indikator sheet and are left unchecked:
adding an indicator there leaves them behind by design.
"""

from __future__ import annotations

from ..capaian_aturan import AturanCapaian
from ..model import Cascade, Loc
from ..render.export import CAPAIAN_COLUMN, PREDIKAT_COLUMN, indikator_table
from ..tree import walk
from .emit import Draft
from .own_checks import listed_cells
from .own_columns import year_column
from .own_sheets import INDIKATOR_SHEET, OwnWorkbook
from .sheets import cell_text, header_key

# The computed columns whose cells claim a value (the keterangan only says why there is none).
_CHECKED = (CAPAIAN_COLUMN, PREDIKAT_COLUMN)


def _draft_at(root: Draft, loc: Loc) -> Draft:
    """The draft at a place of the cascade validated from `root` ('tujuan', 0, 'indikator', 1)."""
    draft = root
    for key, index in zip(loc[::2], loc[1::2]):
        draft = draft.fields[str(key)][index]  # type: ignore[index, assignment]
    return draft


def computed_notes(workbook: OwnWorkbook, cascade: Cascade, root: Draft, read_as: dict[int, Draft]) -> list[str]:
    """The comment (none or one) on the capaian and predikat cells of the Indikator sheet that hold another value
    than the site computes for `cascade`, the cascade validated from the draft `root`; each row is compared with
    the indicator it was read into (`read_as`, by row: `read_own_export`), not by its 'ID indikator', which names
    another indicator once an item or indicator before it was deleted (the import numbers them again)."""
    tree = walk(cascade)
    computed = indikator_table(tree, AturanCapaian.from_settings(cascade.capaian))
    expected = {str(row[0]): dict(zip((header_key(column) for column in computed.columns), row))
                for row in computed.rows}
    # Drafts are compared by identity: the validated cascade keeps no link to them, only their place (`loc`).
    imported_as = {id(_draft_at(root, row.loc)): row.id for row in tree.indikator}
    sheet = workbook.tables[INDIKATOR_SHEET]
    columns = [(index, key) for index, key in enumerate(header_key(text) for text in sheet.rows[0])
               if year_column(key, _CHECKED)]
    differing = []
    for row in range(1, len(sheet.rows)):
        draft = read_as.get(row)
        site_row = expected.get(imported_as.get(id(draft), "")) if draft is not None else None
        if site_row is None:
            continue  # a row not read into an indicator (an empty row)
        for index, key in columns:
            typed, value = sheet.cell(row, index).strip(), site_row.get(key, "")
            site = (value if isinstance(value, str) else cell_text(value)).strip()
            if typed and typed != site:
                differing.append(f"{sheet.ref(row, index)} '{typed}' (situs: '{site}')")
    if not differing:
        return []
    return [f"Capaian dan predikat di lembar Indikator tidak diimpor: situs menghitungnya dari target dan realisasi. "
            f"{len(differing)} sel berisi nilai lain dari hitungan situs (diketik, atau dari sebelum target atau "
            f"realisasinya diubah): {listed_cells(differing)}"]
