"""The values one row of a Renstra/Renja matrix gives its indicator or its program, kegiatan or sub kegiatan.

Values are kept as typed (`macros.importer.sheets` reads number cells as staff type them) and checked by the
rule the data format reads them with (`macros.nilai`), so that a value the site would refuse is reported at its
cell: a pagu must be one number in Rupiah, a target, realisasi or baseline readable. What the format cannot hold
on that row (a pagu beside a tujuan, a target on a row without an indicator, a column not recognised) is kept as
a YAML comment naming its cell.
"""

from __future__ import annotations

from .columns import Columns
from .emit import Draft
from .sheets import Sheet, header_key
from ..model import pagu_mistake
from ..nilai import SKALA, Angka, NilaiTidakTerbaca, SkalaTidakJelas, parse_nilai, skala_indikator, skala_titles

# A Tipe cell's words (by `header_key`, '_' as a space) → tipe_penghitungan; the source's own spelling 'Komulatif'
# too. Some templates add the abbreviation in brackets ('Kumulatif (K)'), some the polarity ('Komulatif Negatif':
# kumulatif, lower is better).
_TIPE = {"kumulatif": "kumulatif", "komulatif": "kumulatif", "non kumulatif": "non_kumulatif",
         "non komulatif": "non_kumulatif", "nonkumulatif": "non_kumulatif", "nonkomulatif": "non_kumulatif"}
_TIPE_ABBREVIATIONS = {"kumulatif": "k", "non_kumulatif": "nk"}
_POLARITAS = ("positif", "negatif")
# A polarity written as its sign ('Positif (+)' reads by its word); a lone '-' is as often 'none' as 'negatif'.
_POLARITAS_SIGNS = {"(+)": "positif", "+": "positif", "(-)": "negatif"}
# How staff mark an indicator IKU or not, by `header_key`; a checkbox of Excel 365 holds TRUE or FALSE (BENAR or
# SALAH as an Indonesian Excel shows them and writes them into a CSV).
IKU_MARKS = {"ya": True, "iku": True, "tidak": False, "bukan": False, "true": True, "false": False, "benar": True,
             "salah": False}
# The scales as staff write them in a Skala cell: by name or title, in any case, with '_' or spaces.
_SKALA = {header_key(text).replace("_", " "): name for name, skala in SKALA.items() for text in (name, skala.title)}
# Roles whose values belong to a row's indicator: on a row without one, they are kept as comments.
INDIKATOR_ROLES = ("target", "realisasi", "baseline", "target_akhir")


def first_text(sheet: Sheet, row: int, columns: list[int]) -> tuple[str, int | None]:
    """The first non-empty cell of the given columns in a row, and its column."""
    for column in columns:
        value = sheet.cell(row, column).strip()
        if value:
            return value, column
    return "", None


def _own_cells(sheet: Sheet, row: int, columns: Columns, role: str) -> list[tuple[int, str]]:
    """The row's own non-empty cells of a role: a cell filled from a merged range belongs to the row above."""
    return [(c, sheet.cell(row, c).strip()) for c in columns.of(role)
            if sheet.cell(row, c).strip() and (row, c) not in sheet.merged]


def check_nilai(sheet: Sheet, row: int, column: int, value: str, what: str, problems: list[str], *,
              rupiah: bool = False) -> bool:
    """Whether the site reads `value` (a Rupiah amount: one number, without a unit but 'Rp', as
    `macros.model.pagu_mistake` says); if not, a problem naming its cell."""
    try:
        parsed = parse_nilai(value)
    except SkalaTidakJelas:  # a grade of several scales: its indicator's other grades or `skala` decide
        parsed = None
    except NilaiTidakTerbaca as error:
        problems.append(f"{sheet.ref(row, column)}: {what}: {error.message}")
        return False
    if rupiah and not isinstance(parsed, Angka):
        problems.append(f"{sheet.ref(row, column)}: {what} '{value}' bukan satu angka rupiah; tulis angkanya, "
                        "mis. 7.742.388.142")
        return False
    mistake = pagu_mistake(value) if rupiah else None
    if mistake:
        problems.append(f"{sheet.ref(row, column)}: {what}: {mistake}")
        return False
    return True


def _per_year(sheet: Sheet, row: int, columns: Columns, role: str, problems: list[str]) -> dict[int, str]:
    values = {}
    for column, value in _own_cells(sheet, row, columns, role):
        year = columns.years[column]
        if check_nilai(sheet, row, column, value, f"{role} {year}", problems, rupiah=role == "pagu"):
            values[year] = value
    return dict(sorted(values.items()))


def item_values(sheet: Sheet, row: int, columns: Columns, draft: Draft, level: str, problems: list[str]) -> None:
    """The penanggung jawab (any level) and pagu per year (program, kegiatan, sub kegiatan) this row gives the
    item it opens or continues: a value the item has not yet is set, the same value again is a repeat, another
    one is kept as a comment naming its cell."""
    for column, person in _own_cells(sheet, row, columns, "penanggung_jawab")[:1]:
        _give(sheet, row, column, draft, "penanggung_jawab", person, draft.fields.get("penanggung_jawab"))
    if level not in ("program", "kegiatan", "sub_kegiatan"):
        return
    pagu: dict[int, str] = dict(draft.fields.get("pagu") or {})  # type: ignore[arg-type]
    for column, value in _own_cells(sheet, row, columns, "pagu"):
        year = columns.years[column]
        if not check_nilai(sheet, row, column, value, f"pagu {year}", problems, rupiah=True):
            continue
        if year in pagu:
            _give(sheet, row, column, draft, "pagu", value, pagu[year])
        else:
            pagu[year] = value
    if pagu:
        draft.set("pagu", dict(sorted(pagu.items())))  # type: ignore[arg-type]


def _give(sheet: Sheet, row: int, column: int, draft: Draft, key: str, value: str, current: object) -> None:
    """Set `key` to `value` where it has none; where it has another, a comment naming the cell."""
    if current is None:
        draft.set(key, value)
    elif current != value:
        draft.note(key, f"{key} di {sheet.ref(row, column)}: {value} (berbeda dari yang tertulis di baris pertama "
                        f"item ini: {current}; periksa)")


def indikator_values(sheet: Sheet, row: int, columns: Columns, uraian: str, problems: list[str]) -> Draft:
    """The indicator written on this row, with every value the row gives it."""
    draft = Draft()
    draft.set("uraian", uraian)
    for key in ("formulasi", "sumber_data"):
        value, _ = first_text(sheet, row, columns.of(key))
        draft.set(key, value, None if value else f"{key} tidak tercantum di {sheet.name} baris {row + 1}")
    tipe, tipe_column = first_text(sheet, row, columns.of("tipe_penghitungan"))
    read = read_tipe(tipe)
    stated = None
    if read is not None:
        draft.set("tipe_penghitungan", read[0])
        stated = read[1]
    elif tipe_column is not None and tipe != "-":
        problems.append(f"{sheet.ref(row, tipe_column)}: tipe penghitungan '{tipe}' tidak dikenal; tulis Kumulatif "
                        "atau Non Kumulatif, boleh dengan polaritasnya (mis. 'Kumulatif Negatif')")
    else:  # empty, or '-' for none
        shown = f" (tertulis '{tipe}' di {sheet.ref(row, tipe_column)})" if tipe_column is not None else ""
        draft.set("tipe_penghitungan", "non_kumulatif",
                  f"TEBAKAN, periksa: tipe_penghitungan tidak tercantum{shown}; kumulatif | non_kumulatif")
    polaritas, polaritas_column = first_text(sheet, row, columns.of("polaritas"))
    tipe_cell = f"sel tipe {sheet.ref(row, tipe_column)} '{tipe}'" if tipe_column is not None else ""
    read_polaritas = _POLARITAS_SIGNS.get(polaritas.replace(" ", ""), header_key(polaritas))
    if read_polaritas in _POLARITAS:
        draft.set("polaritas", read_polaritas)
        if stated and stated != read_polaritas:
            draft.note("polaritas", f"{tipe_cell} menyebut polaritas {stated}, kolom Polaritas "
                                    f"{sheet.ref(row, polaritas_column)} '{polaritas}': dipakai kolom Polaritas; periksa")
    elif stated:
        draft.set("polaritas", stated, f"polaritas dari {tipe_cell}" + (
            f" (kolom Polaritas {sheet.ref(row, polaritas_column)} berisi '{polaritas}')" if polaritas else ""))
    elif polaritas_column is not None:
        draft.note("polaritas", f"polaritas '{polaritas}' di {sheet.ref(row, polaritas_column)} tidak terbaca: "
                                "dibiarkan kosong; positif | negatif")
    else:
        draft.note("polaritas", "polaritas tidak tercantum: dibiarkan kosong; positif | negatif")
    for key in ("satuan", "target_akhir"):
        value, _ = first_text(sheet, row, columns.of(key))
        if value:
            draft.set(key, value)
    iku, iku_column = first_text(sheet, row, columns.of("iku"))
    if header_key(iku) in IKU_MARKS:
        draft.set("iku", IKU_MARKS[header_key(iku)])
    elif iku_column is not None:
        problems.append(f"{sheet.ref(row, iku_column)}: kolom IKU berisi '{iku}'; isi ya atau tidak, atau kosongkan")
    _yearly_values(sheet, row, columns, draft, problems)
    # Its grades are reported at its Skala cell, empty or not; without a Skala column, at its name.
    skala, _ = first_text(sheet, row, columns.of("skala"))
    indikator_skala(sheet, row, (columns.of("skala") or columns.of("indikator"))[0], skala, draft, problems,
                    has_column=bool(columns.of("skala")))
    return draft


def read_tipe(text: str) -> tuple[str, str | None] | None:
    """(tipe_penghitungan, the polaritas the cell also states or None) of a Tipe cell as staff write it:
    'Kumulatif', 'Non Kumulatif', 'non_kumulatif', 'Komulatif Negatif', 'Kumulatif (K)'; None for any other text."""
    words = header_key(text).replace("_", " ").split()
    stated = [word for word in words if word in _POLARITAS]
    words = [word for word in words if word not in _POLARITAS]
    if len(stated) > 1:
        return None
    tipe = _TIPE.get(" ".join(words))
    if tipe is None and len(words) > 1 and words[-1] == _TIPE_ABBREVIATIONS.get(_TIPE.get(" ".join(words[:-1]), "")):
        tipe = _TIPE[" ".join(words[:-1])]
    return (tipe, stated[0] if stated else None) if tipe else None


def indikator_skala(sheet: Sheet, row: int, column: int, text: str, draft: Draft, problems: list[str], *,
                    has_column: bool = True) -> None:
    """The indicator's `skala` from its Skala cell (`text`, at `column`; '' or '-' for none), then its yearly
    grades checked against it: a scale the site does not know, grades of two scales without one, or grades off
    the one named are reported at that cell (`has_column` False: at `column`, asking for a Skala column)."""
    if text.strip() not in ("", "-"):
        name = _SKALA.get(header_key(text).replace("_", " "))
        if name is None:
            problems.append(f"{sheet.ref(row, column)}: kolom Skala berisi '{text}'; isi {', '.join(SKALA)}, "
                            "atau kosongkan")
            return
        draft.set("skala", name)
    try:
        skala_indikator(yearly_values(draft), draft.fields.get("skala"))  # type: ignore[arg-type]
    except SkalaTidakJelas as unclear:
        problems.append(skala_problem(sheet.ref(row, column), unclear,
                                      "isi kolom Skala" if has_column else "tambahkan kolom Skala"))


def yearly_values(draft: Draft) -> list[str]:
    """An indicator draft's baselines, targets and realisasi of every year, as typed."""
    return [value for kind in ("baseline", "target", "realisasi")
            for value in (draft.fields.get(kind) or {}).values()]  # type: ignore[union-attr]


def skala_problem(ref: str, unclear: SkalaTidakJelas, fill: str) -> str:
    """The message at cell `ref` for grades off the indicator's scale, or on two scales where it names none
    (`fill`: what to do with the Skala column, 'isi kolom Skala')."""
    if len(unclear.scales) == 1:  # grades off the scale named
        return f"{ref}: {unclear.message}"
    return (f"{ref}: nilai {unclear.text} ada pada {skala_titles(unclear.scales)}; {fill} dengan "
            f"{' atau '.join(unclear.scales)}")


def _yearly_values(sheet: Sheet, row: int, columns: Columns, draft: Draft, problems: list[str]) -> None:
    for role in ("baseline", "target", "realisasi"):
        values = _per_year(sheet, row, columns, role, problems)
        if values:
            draft.set(role, values)  # type: ignore[arg-type]
    for column in columns.of("baseline"):
        if column in columns.guessed_years and (row, column) not in sheet.merged and sheet.cell(row, column).strip():
            draft.note("baseline", f"TEBAKAN, periksa: tahun baseline {columns.years[column]} adalah tahun sebelum "
                                   f"target pertama; judul kolom '{columns.labels[column]}' tidak memuat tahun")


def keep_in_notes(sheet: Sheet, row: int, columns: Columns, draft: Draft, roles: tuple[str, ...]) -> None:
    """Cells the format cannot hold on this row, written as comments naming their cell so nothing is lost."""
    for column, role in columns.roles.items():
        value = sheet.cell(row, column).strip()
        if role not in roles or not value or (row, column) in sheet.merged:
            continue
        if role == "pagu":
            text = f"pagu {columns.years[column]} di {sheet.ref(row, column)}: {value} (pagu hanya pada program, " \
                   "kegiatan dan sub kegiatan)"
        elif role in INDIKATOR_ROLES:
            text = f"{columns.labels[column]} di {sheet.ref(row, column)}: {value} (hanya pada baris indikator)"
        else:
            text = f"{columns.labels[column]} di {sheet.ref(row, column)}: {value} (format belum mendukung kolom ini)"
        draft.note("uraian" if "indikator" not in draft.fields else "indikator", text)
