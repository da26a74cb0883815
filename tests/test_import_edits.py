"""The site's own XLSX download edited as staff edit it in Excel, then imported: sheets sorted to read them, rows
added, columns deleted. What the site publishes changes only where staff changed data; an edit that would lose
data or place an item by guess is refused at its sheet and cell, with what to do instead.
"""

from __future__ import annotations

import pytest

import re

from macros.importer import import_spreadsheet

from .helpers import CASCADES, column_of, downloaded_workbook, imported_again, letter, problems_of


def sort_rows(sheet, header: str) -> None:
    """The table's rows sorted by one column, whole rows, Z to A, as Excel's Sort does (the header stays)."""
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    rows.sort(key=lambda cells: str(cells[column_of(sheet, header) - 1] or ""), reverse=True)
    for number, cells in enumerate(rows, 2):
        for column, value in enumerate(cells, 1):
            sheet.cell(number, column).value = value  # `cell(row, column, None)` would leave the old value


@pytest.mark.parametrize("name", CASCADES)
def test_sorting_the_indikator_sheet_keeps_each_items_indicators_in_their_published_order(name, tmp_path):
    # Before, an item's indicators came back in the sorted sheet's order, silently reordering the published page.
    cf, _, again, _ = imported_again(CASCADES[name], tmp_path, edit=lambda book: sort_rows(book["Indikator"],
                                                                                             "Indikator"))
    assert again.cascade == cf.cascade


@pytest.mark.parametrize("name", CASCADES)
def test_sorting_every_level_sheet_by_name_keeps_the_items_in_their_published_order(name, tmp_path):
    # Each item's place is the number of its 'Nomor item'; before, a sorted Program sheet reordered the programs.
    def sort(book) -> None:
        for sheet in book.worksheets:
            header = [cell.value for cell in sheet[1]]
            level = next((label for label in ("Sub kegiatan", "Kegiatan", "Program", "Sasaran", "Tujuan")
                          if label in header and sheet.title != "Indikator"), None)
            if level and "Nomor item" in header:
                sort_rows(sheet, level)

    cf, _, again, _ = imported_again(CASCADES[name], tmp_path, edit=sort)
    assert again.cascade == cf.cascade


def test_an_item_whose_first_indicator_is_named_by_its_kode_keeps_it_first_after_a_sort(tmp_path):
    # The tujuan's first indicator has its kode as its ID, its second its position: the Tujuan sheet lists both.
    def sort(book) -> None:
        sheet = book["Indikator"]
        sort_rows(sheet, "ID indikator")
        tujuan_rows = [sheet.cell(row, 1).value for row in range(2, sheet.max_row + 1)
                       if sheet.cell(row, column_of(sheet, "Nomor item")).value == "T1"]
        assert tujuan_rows == ["T1.I2", "IKU.01"]

    cf, _, again, _ = imported_again(CASCADES["every optional field"], tmp_path, edit=sort)
    assert [indikator.kode for indikator in again.cascade.tujuan[0].indikator] == ["IKU.01", None]
    assert again.cascade == cf.cascade


def test_a_row_added_without_an_id_comes_after_the_items_indicators_the_download_placed(tmp_path):
    path, book = downloaded_workbook(tmp_path)
    sheet = book["Indikator"]
    sheet.insert_rows(2)
    for header, value in (("Level", "tujuan"), ("Nomor item", "T1"), ("Indikator", "Indikator baru")):
        sheet.cell(2, column_of(sheet, header), value)
    book.save(path)
    text = import_spreadsheet(path).text
    first_sasaran = text.index("    sasaran:")
    assert text.index("Indikator baru") < first_sasaran
    assert text.index("kode: IKU.01") < text.index("Indikator baru")


@pytest.mark.parametrize(("sheet_name", "header"), [
    ("Indikator", "Satuan"), ("Indikator", "Skala"), ("Indikator", "Sumber data"), ("Indikator", "Polaritas"),
    ("Indikator", "Target 2025"), ("Indikator", "Realisasi 2025"), ("Triwulan", "Realisasi"),
    ("Program", "Kode program"), ("Program", "Penanggung jawab"), ("Cascade", "Dokumen sumber"),
])
def test_a_data_column_deleted_from_a_sheet_of_the_download_is_refused_by_its_sheet_and_name(tmp_path, sheet_name,
                                                                                              header):
    # Before, the import wrote the file without that field for every row, and said nothing.
    path, book = downloaded_workbook(tmp_path)
    book[sheet_name].delete_cols(column_of(book[sheet_name], header))
    book.save(path)
    assert problems_of(path) == [
        f"{sheet_name}!A1: kolom '{header}' tidak ada di baris judul lembar {sheet_name}; gunakan lembar unduhan "
        "situs dengan semua kolomnya, atau kosongkan isinya bila memang tidak ada"]


@pytest.mark.parametrize(("sheet_name", "headers"), [
    ("Indikator", ["Capaian 2025 (%)", "Predikat 2025", "Keterangan capaian 2025"]),
    ("Indikator", ["Program", "Kode program"]),  # copies of the Program sheet's cells
    ("Program", ["Jumlah indikator", "ID indikator"]),
])
def test_a_computed_or_copied_column_deleted_from_the_download_loses_nothing_and_imports(tmp_path, sheet_name,
                                                                                         headers):
    def delete(book) -> None:
        for header in headers:
            book[sheet_name].delete_cols(column_of(book[sheet_name], header))

    cf, _, again, _ = imported_again(CASCADES["every optional field"], tmp_path, edit=delete)
    assert again.cascade == cf.cascade


def test_an_item_added_on_a_level_sheet_with_a_new_nomor_item_is_placed_by_its_number(tmp_path):
    # The row is typed at the top of the sorted sheet; its number, not its row, puts it after the other kegiatan.
    def add(book) -> None:
        sheet = book["Kegiatan"]
        sort_rows(sheet, "Kegiatan")
        sheet.insert_rows(2)
        for header, value in (("Nomor item", "T1.S1.P1.K3"), ("Kegiatan", "Kegiatan baru contoh")):
            sheet.cell(2, column_of(sheet, header), value)

    _, _, again, _ = imported_again(CASCADES["every optional field"], tmp_path, edit=add)
    kegiatan = again.cascade.tujuan[0].sasaran[0].program[0].kegiatan
    assert [k.uraian for k in kegiatan] == ["Perencanaan Contoh", "Kegiatan tanpa indikator contoh",
                                            "Kegiatan baru contoh"]


@pytest.mark.parametrize(("cell", "typed", "problem"), [
    ("Kegiatan!A3", None, "Kegiatan!A3: Nomor item kosong, sehingga tempatnya di cascade tidak diketahui; tulis nomor "
                          "item induknya, titik, lalu K dan urutannya, mis. T1.S1.P1.K2 (kegiatan kedua program "
                          "T1.S1.P1, nomor yang belum dipakai)"),
    ("Kegiatan!A3", "T1.S1.P1.Kx", "Kegiatan!A3: Nomor item 'T1.S1.P1.Kx' bukan nomor kegiatan, sehingga tempatnya "
                                   "di cascade tidak diketahui; tulis nomor item induknya, titik, lalu K dan "
                                   "urutannya, mis. T1.S1.P1.K2 (kegiatan kedua program T1.S1.P1, nomor yang belum "
                                   "dipakai)"),
    ("Kegiatan!A3", "T1.S1.P2", "Kegiatan!A3: Nomor item 'T1.S1.P2' bukan nomor kegiatan, sehingga tempatnya di "
                                "cascade tidak diketahui; tulis nomor item induknya, titik, lalu K dan urutannya, "
                                "mis. T1.S1.P1.K2 (kegiatan kedua program T1.S1.P1, nomor yang belum dipakai)"),
    ("Sub Kegiatan!A2", "T1.S1.P1.K1.K1", "Sub Kegiatan!A2: Nomor item 'T1.S1.P1.K1.K1' bukan nomor sub kegiatan, "
                                          "sehingga tempatnya di cascade tidak diketahui; tulis T1.S1.P1.K1.SK1, nomor "
                                          "yang dicatat ID indikator baris ini (Sub Kegiatan!Q2: "
                                          "'T1.S1.P1.K1.SK1.I1', indikator T1.S1.P1.K1.SK1)"),
    ("Program!A3", "T1.S1.P1", "Program!A3: Nomor item 'T1.S1.P1' sudah dipakai di Program!A2; setiap item punya "
                               "nomornya sendiri: beri baris ini nomor yang belum dipakai, mis. T1.S1.P2, atau hapus "
                               "baris ini bila salinan"),
], ids=["empty", "unreadable", "of another level", "of no level", "twice"])
def test_a_level_row_whose_nomor_item_gives_it_no_one_place_is_refused_at_that_cell(tmp_path, cell, typed, problem):
    # Before, an emptied number made the row a tujuan, another level's number moved it to that level, and a number
    # used twice kept the second row's fields under the first row's place. The number suggested is the one the
    # row's ID indikator cell records, else one no other row has.
    path, book = downloaded_workbook(tmp_path)
    sheet, ref = cell.split("!")
    book[sheet][ref].value = typed
    book.save(path)
    assert problems_of(path) == [problem]


def test_a_tujuan_numbered_otherwise_is_refused_at_its_cell_alone_with_the_number_its_indicators_record(tmp_path):
    # Before, the sasaran under it were refused too ("item induk 'T1' tidak ditemukan"), and the number suggested,
    # T3, was no tujuan's.
    path, book = downloaded_workbook(tmp_path)
    book["Tujuan"]["A2"] = "1"
    book.save(path)
    assert problems_of(path) == [
        "Tujuan!A2: Nomor item '1' bukan nomor tujuan, sehingga tempatnya di cascade tidak diketahui; tulis T1, nomor "
        "yang dicatat ID indikator baris ini (Tujuan!E2: 'T1.I2', indikator T1)"]


SEVERAL_SASARAN = CASCADES["several sasaran per program"]
# What each refusal of a changed number says about reordering, which the test below follows.
REORDER = ("Untuk mengubah urutan program, pindahkan program itu beserta isinya di berkas YAML, atau ganti nomornya "
           "di seluruh cabangnya: setiap Nomor item dan ID indikator yang diawali nomor lamanya, di semua lembar (juga "
           "Indikator, Triwulan dan Cascade), dengan nomor barunya; bila program itu pindah ke sasaran lain, salin "
           "juga isi induk barunya ke kolom salinan item di atasnya (Sasaran, Tujuan) di baris-baris cabang itu, atau "
           "kosongkan sel-sel itu")


def test_two_programs_whose_nomor_item_were_swapped_to_reorder_them_are_refused_at_both_cells(tmp_path):
    # Before, it imported: the programs traded name and sasaran, but each kept the kegiatan and indicators of its
    # old number, so each published the other's.
    path, book = downloaded_workbook(tmp_path, SEVERAL_SASARAN)
    sheet = book["Program"]
    sheet["A2"], sheet["A3"] = "T1.S1.P2", "T1.S1.P1"
    book.save(path)
    ids = letter(sheet, "ID indikator")
    assert problems_of(path) == [
        f"Program!A{row}: Nomor item '{now}' bukan nomor program baris ini: baris ini diunduh sebagai {was}, nomor "
        f"yang dicatat ID indikator baris ini (Program!{ids}{row}: '{was}.I1', indikator {was}). Nomor item "
        "menentukan kegiatan, sub kegiatan dan indikator mana milik item ini: dengan nomor "
        f"'{now}' program ini kehilangan kegiatan, sub kegiatan dan indikator di bawah {was} dan mendapat yang di "
        f"bawah {now}. Kembalikan nomornya ke {was}. {REORDER}"
        for row, was, now in ((2, "T1.S1.P1", "T1.S1.P2"), (3, "T1.S1.P2", "T1.S1.P1"))]


def test_programs_renumbered_with_their_whole_branch_on_every_sheet_are_reordered_with_their_kegiatan(tmp_path):
    # The second way to reorder the refusal above names: every number and ID of both branches, as Excel's Replace
    # All over the workbook would change them.
    def renumber(book) -> None:
        swapped = re.compile(r"T1\.S1\.P([12])(?=\.|$)", re.MULTILINE)
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str):
                        cell.value = swapped.sub(lambda m: f"T1.S1.P{3 - int(m.group(1))}", cell.value)

    cf, _, again, _ = imported_again(SEVERAL_SASARAN, tmp_path, edit=renumber)
    before, after = cf.cascade.tujuan[0].sasaran[0].program, again.cascade.tujuan[0].sasaran[0].program
    assert after == [before[1], before[0]]
    assert [len(program.kegiatan) for program in after] == [0, 1]


def test_a_program_row_copied_with_its_id_indikator_under_a_new_number_is_told_to_empty_that_cell(tmp_path):
    # Its ID cell still lists the first program's indicator: a copy or a renumbering, which the import cannot tell.
    path, book = downloaded_workbook(tmp_path, SEVERAL_SASARAN)
    sheet = book["Program"]
    for column in range(1, sheet.max_column + 1):
        sheet.cell(5, column).value = sheet.cell(2, column).value
    sheet["A5"] = "T1.S1.P3"
    book.save(path)
    (problem,) = problems_of(path)
    assert problem.startswith("Program!A5: Nomor item 'T1.S1.P3' bukan nomor program baris ini: baris ini diunduh "
                              "sebagai T1.S1.P1")
    assert (f"Bila baris ini program baru yang disalin dari baris lain, kosongkan sel ID indikator-nya "
            f"(Program!{letter(sheet, 'ID indikator')}5); bila bukan, kembalikan nomor aslinya.") in problem
    sheet.cell(5, column_of(sheet, "ID indikator")).value = None
    book.save(path)
    programs = [line.strip() for line in import_spreadsheet(path).text.splitlines() if "uraian: Program" in line]
    pemberdayaan, penunjang = (f"- uraian: Program {name}" for name in (
        "Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro",
        "Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"))
    # The copy, emptied of its ID, imports as the third program of sasaran T1.S1, before the second sasaran's.
    assert programs == [pemberdayaan, penunjang, pemberdayaan, penunjang]


@pytest.mark.parametrize("typed", [None, "T1.S1.K1", "t1.s1.p1", "T1.S1.P0"])
def test_a_bad_nomor_item_is_refused_at_its_cell_alone_with_the_number_its_id_indikator_records(tmp_path, typed):
    # Before, its kegiatan were refused too ("item induk 'T1.S1.P1' tidak ditemukan") and the number suggested
    # was an example that could be another row's.
    path, book = downloaded_workbook(tmp_path, SEVERAL_SASARAN)
    sheet = book["Program"]
    sheet["A2"] = typed
    book.save(path)
    written = f"Nomor item '{typed}' bukan nomor program" if typed else "Nomor item kosong"
    assert problems_of(path) == [
        f"Program!A2: {written}, sehingga tempatnya di cascade tidak diketahui; tulis T1.S1.P1, nomor yang dicatat "
        f"ID indikator baris ini (Program!{letter(sheet, 'ID indikator')}2: 'T1.S1.P1.I1', indikator T1.S1.P1)"]


def test_an_emptied_nomor_item_without_its_id_indikator_column_is_given_the_number_its_kegiatan_are_under(tmp_path):
    path, book = downloaded_workbook(tmp_path, SEVERAL_SASARAN)
    sheet = book["Program"]
    sheet.delete_cols(column_of(sheet, "ID indikator"))
    sheet["A2"] = None
    book.save(path)
    assert problems_of(path) == [
        "Program!A2: Nomor item kosong, sehingga tempatnya di cascade tidak diketahui; tulis T1.S1.P1, nomor yang "
        "dipakai baris di bawahnya yang menyalin nama program ini (Kegiatan!A2)"]


@pytest.mark.parametrize(("edit", "problem"), [
    (lambda sheet: sheet.cell(1, column_of(sheet, "Program"), "Nama program"),
     "Program!D1: judul kolom 'Nama program' tidak dikenal di lembar Program, yang tanpa kolom 'Program' tidak "
     "terbaca; kembalikan judulnya menjadi 'Program'"),
    (lambda sheet: sheet.delete_cols(column_of(sheet, "Program")),
     "Program!A1: kolom 'Program' tidak ada di baris judul lembar Program, yang tanpa kolom itu tidak terbaca; "
     "kembalikan kolomnya (judul 'Program') dari unduhan situs"),
], ids=["renamed", "deleted"])
def test_a_level_sheet_whose_own_levels_header_was_changed_is_told_the_header_to_restore(tmp_path, edit, problem):
    # Without its 'Program' column the Program sheet reads as a Sasaran table: before, the import said the Sasaran
    # and Program sheets both held it and to delete one of them, which would have lost every program.
    path, book = downloaded_workbook(tmp_path)
    edit(book["Program"])
    book.save(path)
    assert problems_of(path) == [problem]


def delete_year(sheet, year: int) -> None:
    """Every column of one year deleted from a sheet of the download, as staff select and delete them in Excel."""
    for column in reversed(range(1, sheet.max_column + 1)):
        if str(year) in str(sheet.cell(1, column).value or ""):
            sheet.delete_cols(column)


@pytest.mark.parametrize(("sheet_name", "year", "headers"), [
    ("Indikator", 2026, "Target 2026, Realisasi 2026"),
    ("Indikator", 2023, "Baseline 2023"),
    ("Program", 2026, "Pagu 2026"),
])
def test_every_column_of_a_year_deleted_from_a_sheet_is_refused_by_that_year_and_sheet(tmp_path, sheet_name, year,
                                                                                       headers):
    # Before, no header was left to name the year: its values were dropped and the import said nothing.
    path, book = downloaded_workbook(tmp_path)
    delete_year(book[sheet_name], year)
    cascade = book["Cascade"]
    record = f"{letter(cascade, 'Kolom per tahun')}2"
    book.save(path)
    assert problems_of(path) == [
        f"{sheet_name}!A1: kolom tahun {year} ({headers}) tidak ada di baris judul lembar {sheet_name}, padahal "
        f"unduhan situs menulisnya (Kolom per tahun di Cascade!{record}); tanpa kolom itu nilai tahun {year} hilang. "
        f"Kembalikan kolomnya dari unduhan situs, atau, bila nilai tahun {year} memang dihapus, biarkan kolomnya dan "
        "kosongkan sel-selnya"]


def test_a_years_columns_deleted_from_a_workbook_without_its_cascade_sheet_are_named_by_the_years_quarters(tmp_path):
    # A download from before the Cascade sheet recorded the years: the Triwulan sheet still names 2025.
    path, book = downloaded_workbook(tmp_path)
    book.remove(book["Cascade"])
    delete_year(book["Indikator"], 2025)
    book.save(path)
    assert problems_of(path) == [
        "Indikator!A1: kolom tahun 2025 (Target 2025, Realisasi 2025) tidak ada di baris judul lembar Indikator, "
        "padahal lembar Triwulan memuat triwulan tahun itu (Triwulan!C2); tanpa kolom itu nilai tahun 2025 hilang. "
        "Kembalikan kolomnya dari unduhan situs, atau, bila nilai tahun 2025 memang dihapus, biarkan kolomnya dan "
        "kosongkan sel-selnya dan hapus baris tahun 2025 di lembar Triwulan"]


def test_a_download_from_before_the_cascade_sheet_recorded_the_years_imports_as_it_was_and_is_still_checked(tmp_path):
    # Workbooks downloaded before 'Kolom per tahun' existed (or with that column deleted) stopped the import with a
    # Python error; they import as downloaded, and their years are checked by the Triwulan sheet's.
    def without_the_record(book) -> None:
        cascade = book["Cascade"]
        cascade.delete_cols(column_of(cascade, "Kolom per tahun"))

    (tmp_path / "utuh").mkdir()
    cf, _, again, _ = imported_again(CASCADES["every optional field"], tmp_path / "utuh", edit=without_the_record)
    assert again.cascade == cf.cascade
    path, book = downloaded_workbook(tmp_path)
    without_the_record(book)
    delete_year(book["Indikator"], 2025)
    book.save(path)
    assert problems_of(path)[0].startswith(
        "Indikator!A1: kolom tahun 2025 (Target 2025, Realisasi 2025) tidak ada di baris judul lembar Indikator, "
        "padahal lembar Triwulan memuat triwulan tahun itu (Triwulan!C2)")


def test_a_years_values_emptied_as_the_refusal_suggests_are_removed_from_the_imported_file(tmp_path):
    def empty(book) -> None:
        sheet = book["Indikator"]
        for header in ("Target 2026", "Realisasi 2026"):
            for row in range(2, sheet.max_row + 1):
                sheet.cell(row, column_of(sheet, header)).value = None

    cf, _, again, _ = imported_again(CASCADES["every optional field"], tmp_path, edit=empty)
    indikator = again.cascade.tujuan[0].indikator[0]
    assert cf.cascade.tujuan[0].indikator[0].target == {2025: "3,5", 2026: "3,6"}
    assert indikator.target == {2025: "3,5"}


def test_a_quarters_year_or_quarter_column_deleted_is_refused_by_the_triwulan_sheet(tmp_path):
    # One row per indicator, year and quarter: without either column no quarter could be placed.
    for header in ("Tahun", "Triwulan"):
        path, book = downloaded_workbook(tmp_path)
        book["Triwulan"].delete_cols(column_of(book["Triwulan"], header))
        book.save(path)
        assert problems_of(path) == [
            f"Triwulan!A1: kolom '{header}' tidak ada di baris judul lembar Triwulan, yang tanpa kolom itu tidak "
            f"terbaca; kembalikan kolomnya (judul '{header}') dari unduhan situs"]


def test_an_old_download_without_its_cascade_sheet_or_the_indikator_sheets_year_is_refused_at_that_sheet(tmp_path):
    # The Indikator sheet is then the only one naming the year; before, the message named no sheet and offered
    # TAHUN=..., which turns a Renstra period's workbook into a file of one year.
    path, book = downloaded_workbook(tmp_path)
    book.remove(book["Cascade"])
    book["Indikator"].delete_cols(column_of(book["Indikator"], "Tahun"))
    book.save(path)
    assert problems_of(path) == [
        "Indikator!A1: tahun atau periode tidak tercantum: berkas ini tidak punya lembar Cascade (unduhan lama), dan "
        "di lembar Indikator kolom 'Tahun' atau 'Periode' tidak ada; kembalikan kolomnya dari unduhan situs, atau "
        "tambahkan TAHUN=... pada perintah make import (TAHUN membuat berkas satu tahun: berkas periode Renstra, "
        "2021-2026, perlu kolom 'Periode')"]
    assert "tahun: 2025" in import_spreadsheet(path, tahun=2025).text
