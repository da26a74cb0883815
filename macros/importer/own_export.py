"""The site's own XLSX download read back (`macros.render.export.to_xlsx`): export → import → export is the same.

Items come from the sheets of each level (every item, with or without indicators, by its 'Nomor item'
position); indicators from the "Indikator" sheet, attached to their owner by the same position.
"""

from __future__ import annotations

import re

from ..model import LEVEL_LABELS
from ..tree import CHILD_LEVEL, LEVELS
from .emit import Draft
from .sheets import Sheet, SpreadsheetError, header_key

_TARGET = re.compile(r"^target (\d{4})$")
_INDIKATOR_FIELDS = [("Indikator", "uraian"), ("Formulasi", "formulasi"), ("Tipe penghitungan", "tipe_penghitungan"),
                     ("Polaritas", "polaritas"), ("Sumber data", "sumber_data"), ("Kode indikator", "kode"),
                     ("Satuan", "satuan")]


def is_own_export(sheets: list[Sheet]) -> bool:
    """The workbook is one the site wrote: an "Indikator" sheet headed 'ID indikator', 'Level', 'Nomor item'."""
    names = {sheet.name: sheet for sheet in sheets}
    sheet = names.get("Indikator")
    return sheet is not None and [header_key(c) for c in sheet.rows[0][:3]] == ["id indikator", "level", "nomor item"] \
        if sheet and sheet.rows else False


def read_own_export(sheets: list[Sheet]) -> tuple[Draft, str, int | None]:
    """The cascade of one of the site's workbooks: (draft, perangkat daerah, tahun); `SpreadsheetError` on a gap."""
    by_name = {sheet.name: sheet for sheet in sheets}
    problems: list[str] = []
    items: dict[str, Draft] = {}
    roots: list[Draft] = []
    for level in LEVELS:
        sheet = by_name.get(LEVEL_LABELS[level])
        if sheet is None:
            problems.append(f"{LEVEL_LABELS[level]}: lembar ini tidak ada; gunakan berkas .xlsx unduhan situs apa adanya")
            continue
        for row, cells in _records(sheet):
            position = cells.get("nomor item", "")
            draft = _item(level, cells)
            parent = position.rsplit(".", 1)[0] if "." in position else None
            if parent is None:
                roots.append(draft)
            elif parent in items:
                items[parent].fields.setdefault(CHILD_LEVEL[_level_of(parent)], []).append(draft)  # type: ignore[union-attr]
            else:
                problems.append(f"{sheet.ref(row, 0)}: item induk '{parent}' tidak ditemukan")
            items[position] = draft
    indikator = by_name["Indikator"]
    perangkat_daerah, tahun = "", None
    for row, cells in _records(indikator):
        perangkat_daerah = perangkat_daerah or cells.get("perangkat daerah", "")
        tahun = tahun or (int(cells["tahun"]) if cells.get("tahun", "").isdigit() else None)
        owner = items.get(cells.get("nomor item", ""))
        if owner is None:
            problems.append(f"{indikator.ref(row, 2)}: item '{cells.get('nomor item', '')}' tidak ada di lembar levelnya")
            continue
        owner.fields.setdefault("indikator", []).append(_indikator(cells))  # type: ignore[union-attr]
    if problems:
        raise SpreadsheetError(problems)
    root = Draft()
    root.set("tujuan", roots)
    return root, perangkat_daerah, tahun


def _records(sheet: Sheet) -> list[tuple[int, dict[str, str]]]:
    """Each data row as {header key: text}; where a header repeats (a parent's 'Sasaran'), the last one wins."""
    headers = [header_key(text) for text in sheet.rows[0]] if sheet.rows else []
    return [(number, {header: cells[i] if i < len(cells) else "" for i, header in enumerate(headers)})
            for number, cells in enumerate(sheet.rows[1:], 1) if any(c.strip() for c in cells)]


def _level_of(position: str) -> str:
    letters = re.sub(r"\d", "", position.rsplit(".", 1)[-1])
    return {"T": "tujuan", "S": "sasaran", "P": "program", "K": "kegiatan", "SK": "sub_kegiatan"}[letters]


def _item(level: str, cells: dict[str, str]) -> Draft:
    label = LEVEL_LABELS[level].lower()
    draft = Draft()
    draft.set("uraian", cells.get(label, ""))
    if level not in ("tujuan", "sasaran"):
        for key, header in (("sasaran", f"sasaran {label}"), ("kode", f"kode {label}")):
            if cells.get(header):
                draft.set(key, cells[header])
    draft.set("indikator", [])  # filled from the Indikator sheet; written before the items below, as staff write it
    return draft


def _indikator(cells: dict[str, str]) -> Draft:
    draft = Draft()
    for header, key in _INDIKATOR_FIELDS:
        value = cells.get(header_key(header), "")
        if value or key in ("formulasi", "sumber_data"):
            draft.set(key, value)
    targets = {int(m.group(1)): value for header, value in cells.items()
               if (m := _TARGET.match(header)) and value != ""}
    if targets:
        draft.set("target", targets)
    return draft
