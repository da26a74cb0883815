"""The site's own XLSX download read back (`macros.render.export.to_xlsx`): export → import → export is the same.

Items come from the sheets of each level (every item, with or without indicators, by its 'Nomor item'
position); indicators from the "Indikator" sheet, attached to their owner by the same position, with their
baseline, target and realisasi per year ('Baseline 2022', 'Target 2024', 'Realisasi 2024'; the computed
capaian columns are not read back); quarters from the "Triwulan" sheet, by 'ID indikator'.
"""

from __future__ import annotations

import re

from ..model import LEVEL_LABELS
from ..tree import CHILD_LEVEL, LEVELS
from .emit import Draft
from .sheets import Sheet, SpreadsheetError, header_key

# The per-year columns read back, by field: 'Target 2024' → target[2024].
_PER_YEAR = re.compile(r"^(baseline|target|realisasi) (\d{4})$")
_QUARTER_FIELDS = {"target": "target_triwulan", "realisasi": "realisasi_triwulan"}
# The order the README writes an indicator's values in.
_VALUE_ORDER = ("baseline", "target", "target_triwulan", "realisasi", "realisasi_triwulan")
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
    by_id: dict[str, Draft] = {}
    for row, cells in _records(indikator):
        perangkat_daerah = perangkat_daerah or cells.get("perangkat daerah", "")
        tahun = tahun or (int(cells["tahun"]) if cells.get("tahun", "").isdigit() else None)
        owner = items.get(cells.get("nomor item", ""))
        if owner is None:
            problems.append(f"{indikator.ref(row, 2)}: item '{cells.get('nomor item', '')}' tidak ada di lembar levelnya")
            continue
        by_id[cells.get("id indikator", "")] = draft = _indikator(cells)
        owner.fields.setdefault("indikator", []).append(draft)  # type: ignore[union-attr]
    if "Triwulan" in by_name:
        problems += _quarters(by_name["Triwulan"], by_id)
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
    per_year: dict[str, dict[int, str]] = {}
    for header, value in cells.items():
        if (match := _PER_YEAR.match(header)) and value != "":
            per_year.setdefault(match.group(1), {})[int(match.group(2))] = value
    for key in _VALUE_ORDER:
        if key in per_year:
            draft.set(key, per_year[key])
    return draft


def _quarters(sheet: Sheet, by_id: dict[str, Draft]) -> list[str]:
    """Each quarter's target and realisasi into its indicator (found by 'ID indikator'); the problems found."""
    problems = []
    for row, cells in _records(sheet):
        draft = by_id.get(cells.get("id indikator", ""))
        if draft is None or not cells.get("tahun", "").isdigit():
            problems.append(f"{sheet.ref(row, 0)}: indikator '{cells.get('id indikator', '')}' tahun "
                            f"'{cells.get('tahun', '')}' tidak ada di lembar Indikator")
            continue
        for column, key in _QUARTER_FIELDS.items():
            if cells.get(column):
                year = draft.fields.setdefault(key, {}).setdefault(int(cells["tahun"]), {})  # type: ignore[union-attr]
                year[cells.get("triwulan", "")] = cells[column]  # type: ignore[index]
        values = {key: draft.fields.pop(key) for key in _VALUE_ORDER if key in draft.fields}
        draft.fields.update(values)
    return problems
