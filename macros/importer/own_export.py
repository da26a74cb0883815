"""The site's own XLSX download read back (`macros.render.downloads.to_xlsx`): export → import → export is the same.

Items come from the sheets of each level (every item, with or without indicators, by its 'Nomor item'
position, with its penanggung jawab, bidang urusan and pagu per year); indicators from the "Indikator" sheet,
attached to their owner by the same position (baseline, target and realisasi per year, satuan, kode, IKU,
target akhir); each quarter's target and realisasi from the "Triwulan" sheet, by 'ID indikator'; the
kabupaten/kota, the year or the period, the source document, the settings of capaian and which items' sasaran
are lists from the "Cascade" sheet (a workbook downloaded before it existed has none: its "Indikator" sheet names
the perangkat daerah and the year). A workbook without a "Tujuan" sheet is a document without tujuan (an IKU
list): its sasaran are the top of the cascade, as the site wrote them ('S1', 'S2.P1'). Items and an item's
indicators keep the order the download recorded, however staff sorted the sheets (`macros.importer.own_order`,
which says how that order is read and where it falls back on the sheet's). The sheets are found by
their header (`macros.importer.own_sheets`); the columns each sheet must have in `macros.importer.own_columns`
(a data column or a year's columns deleted is refused before anything is read); the cells that copy others and the
columns staff added are checked in `macros.importer.own_checks`.
"""

from __future__ import annotations

import json
import re

from ..capaian import TRIWULAN
from ..model import LEVEL_LABELS
from ..nilai import SkalaTidakJelas, is_grade, skala_indikator
from ..render.export import CASCADE_SHEET, SASARAN_LIST_COLUMN
from ..tree import CHILD_LEVEL, LEVELS, POSITION_LETTERS
from .emit import Draft
from .row_values import IKU_MARKS, check_nilai, indikator_skala, skala_problem, yearly_values
from .own_checks import added_columns, added_notes, copy_problems, listed_cells
from .own_columns import computed_column, missing_columns
from .own_numbers import check_numbers, doubled_ids
from .own_order import item_place, listed_ids, published_order
from .own_sheets import INDIKATOR_SHEET, TRIWULAN_SHEET, OwnWorkbook, column_of, level_of, records
from .sheets import Sheet, SpreadsheetError, decimal_code_problem, flaw_problems, header_key, hidden_column, hidden_row

_PER_YEAR = re.compile(r"^(baseline|target|realisasi|pagu) (\d{4})$")
_INDIKATOR_FIELDS = [("Indikator", "uraian"), ("Formulasi", "formulasi"), ("Tipe penghitungan", "tipe_penghitungan"),
                     ("Polaritas", "polaritas"), ("Sumber data", "sumber_data"), ("Kode indikator", "kode"),
                     ("Satuan", "satuan"), ("Target akhir", "target_akhir")]
_PERIODE = re.compile(r"^\d{4}-\d{4}$")
# A quarter written otherwise, by what is left of it after 'Triwulan', 'TW' or 'Q': the quarter the site writes.
_ROMAN = {**{str(number): roman for number, roman in enumerate(TRIWULAN, 1)},
          **{roman.casefold(): roman for roman in TRIWULAN}}
# The Excel line breaks between the sasaran of a list (Alt+Enter writes '\n'; a pasted text may bring '\r\n').
_LINE = re.compile(r"\r\n|\n|\r")

# A cascade's year (2024) or, for a period file, its period ('2021-2026').
When = int | str | None


def _when(cells: dict[str, str]) -> When:
    """The year of a row's 'Tahun' cell, or the period of its 'Periode' cell; None when neither is readable."""
    year, periode = cells.get("tahun", ""), cells.get("periode", "")
    if year.isdigit():
        return int(year)
    return periode if _PERIODE.match(periode) else None


def cell_problems(workbook: OwnWorkbook) -> list[str]:
    """Cells retyped in Excel into what staff did not type: every cell of the site's tables is data, so an
    Excel error, a date or a formula without its result anywhere, and a code stored as a decimal number."""
    problems = []
    for sheet in workbook.tables.values():
        problems += flaw_problems(sheet)
        codes = [c for c, text in enumerate(sheet.rows[0] if sheet.rows else []) if header_key(text).startswith("kode")]
        problems += filter(None, (decimal_code_problem(sheet, row, c) for row in range(1, len(sheet.rows)) for c in codes))
    return problems


def read_own_export(workbook: OwnWorkbook) -> tuple[Draft, str, When, dict[int, Draft]]:
    """The cascade of one of the site's workbooks: (draft of its fields after perangkat_daerah and tahun or
    periode, perangkat daerah, its year as an int or its period as '2021-2026', the indicator draft each row of the
    Indikator sheet was read into, by its row); `SpreadsheetError` listing every gap by sheet and cell."""
    by_name = workbook.tables
    # Checked before anything is read: a row read without a column would lose that field unseen.
    missing = missing_columns(by_name, _levels(by_name))
    if missing:
        raise SpreadsheetError(missing)
    problems: list[str] = []
    # A number no level row has (an item deleted from its level sheet alone) → the cells of the rows under it.
    absent: dict[str, list[str]] = {}
    items, levels, roots = _read_items(by_name, problems, absent)
    top = levels[0]
    indikator = by_name[INDIKATOR_SHEET]
    added = added_columns(indikator, INDIKATOR_SHEET)
    perangkat_daerah, when = "", None
    by_id: dict[str, Draft] = {}
    # Each item's indicator rows in sheet order, as (ID indikator, Kode indikator, draft), placed once all are read.
    rows_of: dict[str, list[tuple[str, str, Draft]]] = {}
    read_as: dict[int, Draft] = {}
    doubled_problems, doubled = doubled_ids(indikator, by_name.get(TRIWULAN_SHEET))
    problems += doubled_problems
    for row, cells in records(indikator):
        perangkat_daerah = perangkat_daerah or cells.get("perangkat daerah", "")
        when = when or _when(cells)
        owner = items.get(cells.get("nomor item", ""))
        if owner is None:
            absent.setdefault(cells.get("nomor item", ""), []).append(indikator.ref(row, 2))
            continue
        draft = read_as[row] = _indikator(indikator, row, cells, problems)
        if row in indikator.hidden_rows:
            draft.note("uraian", hidden_row(indikator, row))
        for text in added_notes(indikator, row, added):
            draft.note("uraian", text)
        indikator_id, kode = cells.get("id indikator", ""), cells.get("kode indikator", "")
        if indikator_id:
            # An ID several rows have is refused (`doubled_ids`) and its quarters are left unread: none goes to a copy.
            by_id.setdefault(indikator_id, draft)
        rows_of.setdefault(cells["nomor item"], []).append((indikator_id, kode, draft))
    problems += [_missing_item(position, refs) for position, refs in absent.items()]
    listed = listed_ids(by_name, levels)
    for position, rows in rows_of.items():
        order = published_order(position, [(indikator_id, kode) for indikator_id, kode, _ in rows],
                                listed.get(position, []))
        items[position].fields["indikator"] = [rows[index][2] for index in order]
    _read_triwulan(by_name[TRIWULAN_SHEET], by_id, problems, doubled)
    root = Draft()
    for text in workbook.notes:
        root.note(top, text)
    if CASCADE_SHEET in by_name:
        perangkat_daerah, when = _read_cascade(by_name[CASCADE_SHEET], root, items, problems,
                                               (perangkat_daerah, when))
        for row, _ in records(by_name[CASCADE_SHEET]):
            for text in added_notes(by_name[CASCADE_SHEET], row, added_columns(by_name[CASCADE_SHEET], CASCADE_SHEET)):
                root.note(top, text)
    differing, stale = copy_problems(by_name, levels)
    problems += differing
    for text in stale:
        root.note(top, text)
    if problems:
        raise SpreadsheetError(problems)
    for kind, sheet in by_name.items():
        for column in sorted(sheet.hidden_columns):
            label = sheet.cell(0, column).strip()
            # A computed column is not read: hidden or not, it is not data.
            if label and not computed_column(kind, label):
                root.note(top, hidden_column(sheet, 0, column, label))
    cascade = by_name.get(CASCADE_SHEET)
    for row, _ in records(cascade) if cascade else []:
        if row in cascade.hidden_rows:
            root.note(top, hidden_row(cascade, row, holds_an_item=False))
    root.set(top, roots)
    return root, perangkat_daerah, when, read_as


def _missing_item(position: str, refs: list[str]) -> str:
    """One message for the rows (`refs`) under an item no level row has: after an item's row was deleted from its
    level sheet alone, a line for each row below it told staff neither why nor what to do."""
    if not position:
        return f"{listed_cells(refs)}: Nomor item kosong; tulis nomor item pemiliknya, seperti di lembar levelnya"
    letters = re.sub(r"\d", "", position.rsplit(".", 1)[-1])
    sheet = LEVEL_LABELS[level_of(position)] if letters in POSITION_LETTERS.values() else "levelnya"
    return (f"{listed_cells(refs)}: item '{position}' tidak ada di lembar {sheet}. Bila item itu dihapus, hapus "
            f"juga baris-baris ini, item dan indikator di bawahnya (dan baris Triwulan-nya); bila tidak, kembalikan "
            f"barisnya (Nomor item {position}) di lembar {sheet}")


def _read_items(by_name: dict[str, Sheet], problems: list[str],
                absent: dict[str, list[str]]) -> tuple[dict[str, Draft], tuple[str, ...], list[Draft]]:
    """Every item of the level sheets by its position, the levels of the workbook (from 'tujuan', or from
    'sasaran' for a workbook without a Tujuan sheet) and the items of the top one (the roots) in order;
    `SpreadsheetError` with the problems so far when a row's 'Nomor item' gives it no place or another item's
    (`check_numbers`). A row under a number no row has (an item deleted from its level sheet alone) is added to
    `absent`, by that number, for one message with the Indikator sheet's rows under it."""
    items: dict[str, Draft] = {}
    roots: list[Draft] = []
    # Each item's children as (place, draft) in sheet order, put in the published order once all are read.
    children: dict[str, list[tuple[int, Draft]]] = {}
    levels = _levels(by_name)
    numbering = check_numbers(by_name, levels)
    for level in levels:
        sheet = by_name[LEVEL_LABELS[level]]
        added = added_columns(sheet, LEVEL_LABELS[level])
        for row, cells in records(sheet):
            if (level, row) in numbering.problems:
                problems.append(numbering.problems[(level, row)])
                continue
            position = cells["nomor item"]
            draft = _item(sheet, row, level, cells, problems)
            if row in sheet.hidden_rows:
                draft.note("uraian", hidden_row(sheet, row))
            for text in added_notes(sheet, row, added):
                draft.note("uraian", text)
            parent = position.rsplit(".", 1)[0] if "." in position else None
            if parent is None or parent in items:
                children.setdefault(parent or "", []).append((item_place(position), draft))
            elif parent not in numbering.recorded:  # its parent's row is refused already, with the number to write
                absent.setdefault(parent, []).append(sheet.ref(row, 0))
            items[position] = draft
    if numbering.problems:
        raise SpreadsheetError(problems)  # the other sheets are read by the items' positions
    for parent, placed in children.items():
        ordered = [draft for _, draft in sorted(placed, key=lambda pair: pair[0])]
        if parent:
            items[parent].fields[CHILD_LEVEL[level_of(parent)]] = ordered  # type: ignore[assignment]
        else:
            roots = ordered
    return items, levels, roots


def _levels(by_name: dict[str, Sheet]) -> tuple[str, ...]:
    """The levels of a workbook: from 'tujuan', or from 'sasaran' for a document without tujuan, for which the site
    writes no Tujuan sheet (`own_workbook` requires the others)."""
    return LEVELS if LEVEL_LABELS["tujuan"] in by_name else LEVELS[1:]


def _per_year(sheet: Sheet, row: int, cells: dict[str, str], kind: str, problems: list[str]) -> dict[int, str]:
    """The non-empty '<Kind> <year>' cells of a row, by year, oldest first; a value the site cannot read (a pagu
    that is not one Rupiah number) is a problem naming its cell instead."""
    found = {}
    for header, value in cells.items():
        match = _PER_YEAR.match(header)
        if not match or match.group(1) != kind or value == "":
            continue
        where = (sheet, row, column_of(sheet, header), value, f"{kind} {match.group(2)}", problems)
        if check_nilai(*where, rupiah=kind == "pagu"):
            found[int(match.group(2))] = value
    return dict(sorted(found.items()))


def _item(sheet: Sheet, row: int, level: str, cells: dict[str, str], problems: list[str]) -> Draft:
    label = LEVEL_LABELS[level].lower()
    draft = Draft()
    draft.set("uraian", cells.get(label, ""))
    if level not in ("tujuan", "sasaran"):
        for key, header in (("sasaran", f"sasaran {label}"), ("kode", f"kode {label}")):
            if cells.get(header):
                draft.set(key, cells[header])
    if cells.get("penanggung jawab"):
        draft.set("penanggung_jawab", cells["penanggung jawab"])
    pagu = _per_year(sheet, row, cells, "pagu", problems)
    if pagu:
        draft.set("pagu", pagu)  # type: ignore[arg-type]
    if level == "program" and cells.get("bidang urusan"):
        draft.set("bidang_urusan", cells["bidang urusan"])
    draft.set("indikator", [])  # filled from the Indikator sheet; written before the items below, as staff write it
    return draft


def _indikator(sheet: Sheet, row: int, cells: dict[str, str], problems: list[str]) -> Draft:
    draft = Draft()
    for header, key in _INDIKATOR_FIELDS:
        value = cells.get(header_key(header), "")
        if value or key in ("formulasi", "sumber_data"):
            draft.set(key, value)
    iku = cells.get("iku", "")
    if header_key(iku) in IKU_MARKS:
        draft.set("iku", IKU_MARKS[header_key(iku)])  # type: ignore[arg-type]
    elif iku:
        problems.append(f"{sheet.ref(row, column_of(sheet, 'IKU'))}: kolom IKU berisi '{iku}'; isi ya, tidak, "
                        "atau kosongkan")
    for kind in ("baseline", "target", "realisasi"):
        values = _per_year(sheet, row, cells, kind, problems)
        if values:
            draft.set(kind, values)  # type: ignore[arg-type]
    indikator_skala(sheet, row, column_of(sheet, "Skala"), cells["skala"], draft, problems)
    return draft


def _read_triwulan(sheet: Sheet, by_id: dict[str, Draft], problems: list[str], doubled: set[str]) -> None:
    """Each quarter's target and realisasi onto its indicator, as target_triwulan / realisasi_triwulan; the quarters
    of an ID several Indikator rows have (`doubled`, refused there) are left until it is one row's."""
    # Each indicator's quarter cells (sheet!cell, value) by its ID, for their grades' check.
    placed: dict[str, list[tuple[str, str]]] = {}
    added = added_columns(sheet, TRIWULAN_SHEET)
    for row, cells in records(sheet):
        indikator_id = cells.get("id indikator", "")
        if indikator_id in doubled:
            continue
        draft = by_id.get(indikator_id)
        if draft is None:
            problems.append(f"{sheet.ref(row, 0)}: " + (
                f"indikator '{indikator_id}' tidak ada di lembar Indikator" if indikator_id else
                "ID indikator kosong: tulis ID indikator yang triwulannya dicatat baris ini, seperti di kolom ID "
                "indikator lembar Indikator (indikator baru diberi ID di sana dulu), atau hapus baris ini"))
            continue
        year, triwulan = cells.get("tahun", ""), cells.get("triwulan", "")
        unreadable = _quarter_problems(sheet, row, year, triwulan)
        uraian = cells.get("indikator", "")
        if uraian and uraian != draft.fields.get("uraian"):
            unreadable.append(f"{sheet.ref(row, column_of(sheet, 'Indikator'))}: Indikator '{uraian}' berbeda dari "
                              f"uraian indikator {cells['id indikator']} di lembar Indikator ('{draft.fields.get('uraian')}'); "
                              "kolom ini salinan: ubah di lembar Indikator, lalu samakan atau kosongkan sel ini")
        if unreadable:
            problems += unreadable
            continue
        if row in sheet.hidden_rows:
            draft.note("uraian", f"{hidden_row(sheet, row, holds_an_item=False)} (triwulan {triwulan} {year})")
        for text in added_notes(sheet, row, added):
            draft.note("uraian", text)
        for header, key in (("target", "target_triwulan"), ("realisasi", "realisasi_triwulan")):
            if cells.get(header):
                quarters = draft.fields.setdefault(key, {})
                quarters.setdefault(int(year), {})[triwulan] = cells[header]  # type: ignore[union-attr, index]
                placed.setdefault(cells["id indikator"], []).append((sheet.ref(row, column_of(sheet, header)),
                                                                    cells[header]))
    for indikator_id, quarter_cells in placed.items():
        _check_quarter_grades(by_id[indikator_id], quarter_cells, problems)


def _quarter_problems(sheet: Sheet, row: int, year: str, triwulan: str) -> list[str]:
    """A Triwulan row's year that is not a number, or quarter that is not I to IV, at its cell; a quarter written
    another way ('1', 'Triwulan I', 'TW 1', 'Q1') is told how the site writes it, not rewritten."""
    problems = []
    if not year.isdigit():
        problems.append(f"{sheet.ref(row, column_of(sheet, 'Tahun'))}: tahun '{year}' tidak terbaca; tulis tahunnya "
                        "sebagai angka, mis. 2024")
    if triwulan not in TRIWULAN:
        meant = _ROMAN.get(re.sub(r"^(triwulan|tw|q)\s*", "", triwulan.strip().casefold()))
        advice = f"tulis {meant}" if meant else "tulis I, II, III atau IV"
        problems.append(f"{sheet.ref(row, column_of(sheet, 'Triwulan'))}: triwulan '{triwulan}' tidak terbaca; "
                        f"{advice} (angka Romawi saja, seperti yang ditulis situs)")
    return problems


def _check_quarter_grades(draft: Draft, quarter_cells: list[tuple[str, str]], problems: list[str]) -> None:
    """Grades of the quarters that do not fit the indicator's scale, reported at their cell of the Triwulan sheet
    (its yearly grades' problems are already reported at its Skala cell on the Indikator sheet)."""
    yearly = yearly_values(draft)
    skala = draft.fields.get("skala")
    try:
        skala_indikator(yearly, skala)  # type: ignore[arg-type]
    except SkalaTidakJelas:
        return
    try:
        skala_indikator(yearly + [value for _, value in quarter_cells], skala)  # type: ignore[arg-type]
    except SkalaTidakJelas as unclear:
        # The first cell holding a grade named by the message: the one off the scale, or one on several scales.
        named = set(unclear.text.split(", ")) if len(unclear.scales) > 1 else {unclear.text}
        off = [ref for ref, value in quarter_cells if is_grade(value)
               and (value in named or " ".join(value.split()).upper() in named)]
        if off:
            problems.append(skala_problem(off[0], unclear, "isi kolom Skala indikator ini di lembar Indikator"))


def _read_cascade(sheet: Sheet, root: Draft, items: dict[str, Draft], problems: list[str],
                  found: tuple[str, When]) -> tuple[str, When]:
    """The kabupaten/kota, source document and capaian settings onto `root`, the sasaran of the items this sheet
    lists split into lists; the perangkat daerah and the year or period this sheet names."""
    found_rows = records(sheet)
    if not found_rows:
        return found
    row, cells = found_rows[0]
    _split_listed_sasaran(sheet, row, cells.get(header_key(SASARAN_LIST_COLUMN), ""), items, problems)
    if cells.get("kabupaten kota"):
        root.set("kabupaten_kota", cells["kabupaten kota"])
    if cells.get("dokumen sumber"):
        root.set("dokumen_sumber", cells["dokumen sumber"],
                 f"letakkan berkas '{cells['dokumen sumber']}' di folder ini, di samping berkas data ini")
    settings = cells.get("pengaturan capaian", "")
    if settings:
        try:
            root.set("capaian", json.loads(settings))
        except json.JSONDecodeError:
            problems.append(f"{sheet.ref(row, column_of(sheet, 'Pengaturan capaian'))}: pengaturan capaian bukan JSON "
                            "yang utuh; salin isi sel ini dari unduhan situs apa adanya")
    return cells.get("perangkat daerah") or found[0], _when(cells) or found[1]


def _split_listed_sasaran(sheet: Sheet, row: int, listed: str, items: dict[str, Draft], problems: list[str]) -> None:
    """The sasaran cell of each item named in `listed` (positions, one per line) as a list, one text per line.

    Only these: in any other item's cell a line break is part of the one text staff typed.
    """
    for position in filter(None, (line.strip() for line in _LINE.split(listed))):
        draft = items.get(position)
        if draft is None or level_of(position) in ("tujuan", "sasaran"):
            problems.append(f"{sheet.ref(row, column_of(sheet, SASARAN_LIST_COLUMN))}: item '{position}' tidak ada "
                            "di lembar Program, Kegiatan atau Sub Kegiatan; hapus nomor itu dari sel ini")
            continue
        text = draft.fields.get("sasaran")
        if isinstance(text, str):
            draft.fields["sasaran"] = [line.strip() for line in _LINE.split(text) if line.strip()]
