"""The site's own XLSX download with its items and indicators renamed, moved, copied or deleted in Excel, then
imported: each row is read as the item or indicator it was downloaded as (its 'Nomor item', its 'ID indikator'),
a copy of another row's ID is refused at its cell, and where the workbook cannot tell a rename from a renumbering
the refusal says what to do for either.
"""

from __future__ import annotations

import re
import textwrap

import pytest

from .helpers import CASCADES, column_of, downloaded_workbook, imported_again, letter, problems_of, sheets_of

SEVERAL_SASARAN = CASCADES["several sasaran per program"]


def copy_indikator_row_with_its_id(book, above: bool = False, quarters_named: bool = True) -> tuple[int, int]:
    """The sasaran's indicator T1.S1.I1 copied as a new indicator, its ID kept and its name changed: at the end of
    the Indikator sheet, or `above` its original (Excel's Insert Copied Cells); the Triwulan sheet's copies of its
    name kept or emptied. Returns (the original's row, the copy's)."""
    sheet = book["Indikator"]
    original = next(row for row in range(2, sheet.max_row + 1) if sheet.cell(row, 1).value == "T1.S1.I1")
    copy = sheet.max_row + 1
    for column in range(1, sheet.max_column + 1):
        sheet.cell(copy, column).value = sheet.cell(original, column).value
    if above:
        original, copy = copy, original
    sheet.cell(copy, column_of(sheet, "Indikator")).value = "Jumlah rapat evaluasi"
    triwulan = book["Triwulan"]
    for row in range(2, triwulan.max_row + 1):
        if triwulan.cell(row, column_of(triwulan, "ID indikator")).value == "T1.S1.I1" and not quarters_named:
            triwulan.cell(row, column_of(triwulan, "Indikator")).value = None
    return original, copy


@pytest.mark.parametrize("above", [False, True], ids=["below", "above"])
def test_an_indikator_row_copied_with_its_id_is_refused_at_the_copy_and_the_quarters_stay_with_the_original(
        tmp_path, above):
    # Before, the refusal named the Triwulan sheet's copies of the indicator's name; once they were emptied, the
    # import took the copy for the indicator the quarters belong to, and the original lost its realisasi triwulan.
    # The Triwulan sheet's copy of the name tells the original, wherever the copy was put.
    path, book = downloaded_workbook(tmp_path)
    original, copy = copy_indikator_row_with_its_id(book, above=above)
    book.save(path)
    assert problems_of(path) == [
        f"Indikator!A{copy}: ID indikator 'T1.S1.I1' sudah dipakai di Indikator!A{original}, baris asal indikator "
        "ini: lembar Triwulan mencatat ID itu untuk 'Jumlah rapat koordinasi' (Triwulan!B2); setiap indikator punya "
        "ID-nya sendiri, dan target dan realisasi triwulannya di lembar Triwulan mengikuti ID itu: kosongkan ID baris "
        "ini (atau beri ID baru yang belum dipakai, mis. T1.S1.I2), dan biarkan ID baris asalnya"]

    def follow_the_advice(book) -> None:
        _, copy = copy_indikator_row_with_its_id(book, above=above)
        book["Indikator"].cell(copy, 1).value = None

    _, _, again, _ = imported_again(CASCADES["every optional field"], tmp_path, edit=follow_the_advice)
    indikator = {each.uraian: each.realisasi_triwulan for each in again.cascade.tujuan[0].sasaran[0].indikator}
    assert indikator == {"Jumlah rapat koordinasi": {2025: {"I": "8", "II": "12", "III": "9"}},
                         "Jumlah rapat evaluasi": None}


def test_an_indikator_row_copied_with_its_id_and_no_name_on_the_triwulan_sheet_is_refused_naming_both_rows(tmp_path):
    # With the Triwulan sheet's copies of the name emptied nothing tells which row is the copy: both are named.
    path, book = downloaded_workbook(tmp_path)
    original, copy = copy_indikator_row_with_its_id(book, quarters_named=False)
    book.save(path)
    assert problems_of(path) == [
        f"Indikator!A{copy}: ID indikator 'T1.S1.I1' sudah dipakai di Indikator!A{original} ('Jumlah rapat "
        "koordinasi'); setiap indikator punya ID-nya sendiri, dan target dan realisasi triwulannya di lembar Triwulan "
        "mengikuti ID itu: kosongkan ID baris yang merupakan salinan, baris ini ('Jumlah rapat evaluasi') atau "
        f"Indikator!A{original} (atau beri ID baru yang belum dipakai, mis. T1.S1.I2), dan biarkan ID baris asalnya"]


def test_quarters_typed_for_a_new_indicator_without_its_id_are_told_to_give_the_id(tmp_path):
    # Said "indikator '' tidak ada di lembar Indikator", which told staff adding quarters nothing of what to do.
    path, book = downloaded_workbook(tmp_path)
    triwulan = book["Triwulan"]
    row = triwulan.max_row + 1
    for header, value in (("Indikator", "Jumlah rapat evaluasi"), ("Tahun", "2025"), ("Triwulan", "I"),
                          ("Realisasi", "3")):
        triwulan.cell(row, column_of(triwulan, header)).value = value
    book.save(path)
    assert problems_of(path) == [
        f"Triwulan!A{row}: ID indikator kosong: tulis ID indikator yang triwulannya dicatat baris ini, seperti di "
        "kolom ID indikator lembar Indikator (indikator baru diberi ID di sana dulu), atau hapus baris ini"]


def swap_program_names(book) -> None:
    """The names of programs T1.S1.P1 and T1.S1.P2 swapped on the Program sheet alone: their copies on the other
    sheets, which are not read, are left as they were."""
    sheet = book["Program"]
    name = letter(sheet, "Program")
    sheet[f"{name}2"], sheet[f"{name}3"] = sheet[f"{name}3"].value, sheet[f"{name}2"].value


def test_names_swapped_between_programs_on_the_program_sheet_alone_are_imported_with_their_copies_named(tmp_path):
    # Each row's ID indikator cell still names its own number: before, the rows below copying the other program's
    # name made the import refuse both rows as renumbered ('... menyalin nama program lain').
    cf, _, again, text = imported_again(SEVERAL_SASARAN, tmp_path, edit=swap_program_names)
    before, after = cf.cascade.tujuan[0].sasaran[0].program, again.cascade.tujuan[0].sasaran[0].program
    assert [program.uraian for program in after] == [before[1].uraian, before[0].uraian]
    assert [program.kegiatan for program in after] == [before[0].kegiatan, before[1].kegiatan]
    assert f"# Program diimpor dari Program!D2 ('{before[1].uraian}'); salinannya di Kegiatan!D2" in text


def test_numbers_swapped_with_their_id_cells_on_the_program_sheet_alone_are_refused_at_both_rows(tmp_path):
    # A Replace All of T1.S1.P1 and T1.S1.P2 on the Program sheet alone (Excel's default "Within: Sheet") moves each
    # row's number and ID indikator cell together; the rows below still copy the whole of the other program (name,
    # kode, sasaran), so each program would have carried the other's kegiatan and indicators, with exit 0.
    path, book = downloaded_workbook(tmp_path, SEVERAL_SASARAN)
    swapped = re.compile(r"T1\.S1\.P([12])(?=\.|$)", re.MULTILINE)
    for row in book["Program"].iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.value = swapped.sub(lambda m: f"T1.S1.P{3 - int(m.group(1))}", cell.value)
    book.save(path)
    problems = problems_of(path)
    assert [problem.split(":")[0] for problem in problems] == ["Program!A2", "Program!A3"]
    assert all("menyalin nama program lain" in problem and "Kembalikan nomor atau nama aslinya" in problem
               for problem in problems)


def test_names_swapped_between_programs_without_id_indikator_cells_are_refused_with_how_to_rename(tmp_path):
    # Without an ID cell only the copied names tell a row's number; the refusal says what to do for a rename too.
    path, book = downloaded_workbook(tmp_path, SEVERAL_SASARAN)
    swap_program_names(book)
    book["Program"].delete_cols(column_of(book["Program"], "ID indikator"))
    book.save(path)
    # Program!A2 is not refused: its new name is also T1.S2.P1's, so its copies tell nothing.
    assert problems_of(path) == [
        "Program!A3: Nomor item 'T1.S1.P2' bukan nomor program baris ini: baris ini diunduh sebagai T1.S1.P1, nomor "
        "yang dipakai baris di bawahnya yang menyalin nama program ini (Kegiatan!A2). Nomor item menentukan "
        "kegiatan, sub kegiatan dan indikator mana milik item ini: dengan nomor 'T1.S1.P2' program ini kehilangan "
        "kegiatan, sub kegiatan dan indikator di bawah T1.S1.P1 dan mendapat yang di bawah T1.S1.P2. Kembalikan "
        "nomor atau nama aslinya; bila Anda mengganti nama program ini, samakan salinannya di lembar lain (Ctrl+H di "
        "Excel) dengan nama barunya. Untuk mengubah urutan program, pindahkan program itu beserta isinya di berkas "
        "YAML, atau ganti nomornya di seluruh cabangnya: setiap Nomor item dan ID indikator yang diawali nomor "
        "lamanya, di semua lembar (juga Indikator, Triwulan dan Cascade), dengan nomor barunya; bila program itu "
        "pindah ke sasaran lain, salin juga isi induk barunya ke kolom salinan item di atasnya (Sasaran, Tujuan) di "
        "baris-baris cabang itu, atau kosongkan sel-sel itu"]


def move_kegiatan_to_the_second_program(book) -> None:
    """Kegiatan T1.S1.P1.K1 moved under program T1.S1.P2 as the refusal of a changed number says: its whole branch
    renumbered on every sheet, Nomor item and ID indikator alike, as Excel's Replace All does."""
    moved = re.compile(r"T1\.S1\.P1\.K1(?=\.|$)", re.MULTILINE)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.value = moved.sub("T1.S1.P2.K1", cell.value)


def test_a_kegiatan_moved_to_another_program_is_told_to_copy_or_empty_the_former_programs_cells(tmp_path):
    # Before, the moved rows' copies of their former program were refused with 'ubah di lembar Program', which
    # invited renaming the program the kegiatan moved to.
    path, book = downloaded_workbook(tmp_path, SEVERAL_SASARAN)
    move_kegiatan_to_the_second_program(book)
    book.save(path)
    program = book["Program"]
    pemberdayaan, penunjang = (program.cell(row, column_of(program, "Program")).value for row in (2, 3))
    assert problems_of(path) == [
        f"Kegiatan!{letter(book['Kegiatan'], header)}2, Indikator!{letter(book['Indikator'], header)}5: {header} "
        f"'{was}' berbeda dari Program!{letter(program, header)}3 ('{now}'); baris ini kini di bawah program "
        "T1.S1.P2 (menurut Nomor item-nya), bukan di bawah T1.S1.P1 yang namanya disalin di sini: salin isi "
        f"Program!{letter(program, header)}3 ke sel ini, atau kosongkan sel ini (salinan tidak diimpor)"
        for header, was, now in (("Program", pemberdayaan, penunjang), ("Kode program", "2.17.07", "2.17.01"),
                                 ("Sasaran program", program["F2"].value, program["F3"].value))]

    def move_and_empty_the_copies(book) -> None:
        move_kegiatan_to_the_second_program(book)
        for name, row in (("Kegiatan", 2), ("Indikator", 5)):
            for header in ("Program", "Kode program", "Sasaran program"):
                book[name].cell(row, column_of(book[name], header)).value = None

    cf, _, again, _ = imported_again(SEVERAL_SASARAN, tmp_path, edit=move_and_empty_the_copies)
    before, after = cf.cascade.tujuan[0].sasaran[0].program, again.cascade.tujuan[0].sasaran[0].program
    assert [program.kegiatan for program in after] == [[], before[0].kegiatan]


# Invented for this test: five programs, each with an indicator whose capaian differs from the others'.
FIVE_PROGRAMS = textwrap.dedent("""\
    perangkat_daerah: Dinas Uji
    tahun: 2024
    tujuan:
      - uraian: Tujuan uji
        sasaran:
          - uraian: Sasaran uji
            program:
""") + "".join(textwrap.indent(textwrap.dedent(f"""\
    - uraian: Program uji {number}
      indikator:
        - uraian: Indikator program {number}
          formulasi: Jumlah yang dicapai
          tipe_penghitungan: kumulatif
          polaritas: positif
          sumber_data: Bidang uji
          target: {{2024: "{target}"}}
          realisasi: {{2024: "{realisasi}"}}
"""), " " * 10) for number, target, realisasi in (
    (1, 50, 40), (2, 100, 90), (3, 10, 5), (4, 80, 60), (5, 20, 19)))


def delete_branch(book, position: str) -> None:
    """Every row of an item and of everything under it deleted, on every sheet, as staff delete a program."""
    for sheet in book.worksheets:
        header = [cell.value for cell in sheet[1]]
        key = "Nomor item" if "Nomor item" in header else "ID indikator" if "ID indikator" in header else None
        if key is None:
            continue
        for row in reversed(range(2, sheet.max_row + 1)):
            value = str(sheet.cell(row, header.index(key) + 1).value or "")
            if value == position or value.startswith(f"{position}."):
                sheet.delete_rows(row)


def test_capaian_after_a_deleted_program_are_compared_with_the_indicator_each_row_became(tmp_path):
    # The import numbers the programs again (P4 becomes P3, P5 P4); before, each row was compared with the
    # indicator now holding its ID (P4's row with P5's), so the comment named right values and missed a typed one.
    source = tmp_path / "sumber" / "dinas-uji" / "2024.yaml"
    source.parent.mkdir(parents=True)
    source.write_text(FIVE_PROGRAMS, encoding="utf-8")
    (tmp_path / "utuh").mkdir()
    _, offered, again, text = imported_again(source, tmp_path / "utuh",
                                             edit=lambda book: delete_branch(book, "T1.S1.P3"))
    assert [program.uraian for program in again.cascade.tujuan[0].sasaran[0].program] == [
        "Program uji 1", "Program uji 2", "Program uji 4", "Program uji 5"]
    header, *rows = sheets_of(offered)["Indikator"]
    assert [row[header.index("Capaian 2024 (%)")] for row in rows] == [80, 90, 50, 75, 95]
    assert "Capaian dan predikat" not in text

    typed = []

    def delete_and_type_over(book) -> None:
        delete_branch(book, "T1.S1.P3")
        sheet = book["Indikator"]
        row = next(row for row in range(2, sheet.max_row + 1) if sheet.cell(row, 1).value == "T1.S1.P4.I1")
        sheet.cell(row, column_of(sheet, "Capaian 2024 (%)")).value = "99"
        typed.append(f"Indikator!{letter(sheet, 'Capaian 2024 (%)')}{row}")

    (tmp_path / "diketik").mkdir()
    _, _, _, text = imported_again(source, tmp_path / "diketik", edit=delete_and_type_over)
    assert ("# Capaian dan predikat di lembar Indikator tidak diimpor: situs menghitungnya dari target dan realisasi. "
            "1 sel berisi nilai lain dari hitungan situs (diketik, atau dari sebelum target atau realisasinya diubah): "
            f"{typed[0]} '99' (situs: '75')") in text.splitlines()


def test_an_item_deleted_from_its_level_sheet_alone_is_named_once_with_what_to_do(tmp_path):
    # A line for each row under it ("item induk 'T1.S1.P1' tidak ditemukan", "item ... tidak ada di lembar levelnya",
    # some 300 for a whole level) told staff neither why nor what to do.
    path, book = downloaded_workbook(tmp_path, SEVERAL_SASARAN)
    book["Program"].delete_rows(2)
    book.save(path)
    under = [f"{name}!{column}{row}" for name, column in (("Kegiatan", "A"), ("Indikator", "C"))
             for row in range(2, book[name].max_row + 1)
             if book[name][f"{column}{row}"].value == "T1.S1.P1"
             or (name == "Kegiatan" and book[name][f"A{row}"].value.startswith("T1.S1.P1."))]
    assert len(under) >= 2
    shown = ", ".join(under[:3]) + (f" (dan {len(under) - 3} sel lain)" if len(under) > 3 else "")
    assert problems_of(path) == [
        f"{shown}: item 'T1.S1.P1' tidak ada di lembar Program. Bila item itu dihapus, hapus juga baris-baris ini, "
        "item dan indikator di bawahnya (dan baris Triwulan-nya); bila tidak, kembalikan barisnya (Nomor item "
        "T1.S1.P1) di lembar Program",
        # The Cascade sheet lists the program among the items whose sasaran are a list.
        "Cascade!F2: item 'T1.S1.P1' tidak ada di lembar Program, Kegiatan atau Sub Kegiatan; hapus nomor itu dari "
        "sel ini"]
