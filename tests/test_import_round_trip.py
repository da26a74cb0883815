"""The site's own XLSX download comes back whole through `make import`: export → import → export is the same.

A cascade that fills every optional field of the format (pagu per year, penanggung jawab on every level,
bidang urusan, iku true and false, target akhir, kode, satuan, baseline/target/realisasi per year, quarters'
targets and realisasi, the source document, its own settings of capaian), the capaian fixture and the shapes of
real documents (an IKU list without tujuan, a Renstra period file, programs and kegiatan with several sasaran) go
through the workbook a citizen downloads and back; every sheet of the second workbook equals the first, cell by
cell, and the two loaded cascades are equal field by field.
"""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from macros.importer import import_spreadsheet
from macros.naming import slugify
from macros.render.downloads import to_xlsx
from macros.render.export import to_json

from .helpers import (CASCADES, ROOT, column_of, downloaded_workbook, imported_again, letter, loaded, problems_of,
                      row_of, sheets_of)


@pytest.mark.parametrize("name", CASCADES)
def test_export_import_export_gives_the_same_workbook_and_the_same_cascade(name, tmp_path):
    cf, first, again, _ = imported_again(CASCADES[name], tmp_path)
    # The folder is named after the perangkat daerah the workbook names (the fixture's folder may be shorter).
    assert again.slug == slugify(cf.cascade.perangkat_daerah, max_words=20)
    assert (again.path.name, again.tahun) == (cf.path.name, cf.tahun)
    before, after = sheets_of(first), sheets_of(to_xlsx(again.tree, again.aturan))
    assert list(after) == list(before)
    for sheet in before:
        assert len(after[sheet]) == len(before[sheet]), sheet
        for number, (row, row_again) in enumerate(zip(before[sheet], after[sheet], strict=True), 1):
            assert row_again == row, f"{sheet} baris {number}"
    assert again.cascade == cf.cascade
    assert to_json(again.cascade) == to_json(cf.cascade)
    assert again.aturan == cf.aturan


def test_every_optional_field_arrives_in_the_imported_file(tmp_path):
    cf, _, again, text = imported_again(CASCADES["every optional field"], tmp_path)
    tujuan = again.cascade.tujuan[0]
    program = tujuan.sasaran[0].program[0]
    kegiatan = program.kegiatan[0]
    assert again.cascade.dokumen_sumber == "Renstra contoh 2024-2026.pdf"
    assert again.cascade.kabupaten_kota == "Kabupaten Contoh"
    # Settings are kept as typed too: the numbers are the characters of the data file.
    assert again.cascade.capaian == {"negatif": "T/R", "batas_atas": "120",
                                     "predikat": [{"lebih_dari": "85", "predikat": "Baik"}, {"predikat": "Kurang"}]}
    first, second = tujuan.indikator
    assert (first.iku, first.target_akhir, first.kode, first.satuan) == (True, "4,00 (B)", "IKU.01", "poin")
    assert (first.baseline, first.target, first.realisasi) == (
        {2023: "3,1", 2024: "3,2"}, {2025: "3,5", 2026: "3,6"}, {2025: "3,4"})
    assert (second.iku, second.tipe_penghitungan, second.polaritas, second.target) == (False, None, None,
                                                                                         {2025: "1:20"})
    assert tujuan.penanggung_jawab == "Kepala Dinas" and tujuan.sasaran[0].penanggung_jawab == "Sekretaris"
    assert tujuan.sasaran[0].indikator[0].realisasi_triwulan == {2025: {"I": "8", "II": "12", "III": "9"}}
    assert (program.pagu, program.bidang_urusan, program.penanggung_jawab) == (
        {2025: "7.742.388.142", 2026: "8.000.000.000"}, "X.XX Bidang Urusan Contoh", "Sekretariat")
    assert kegiatan.indikator[0].target_triwulan == {2025: {"II": "2", "IV": "4"}}
    assert kegiatan.sub_kegiatan[0].pagu == {2025: "50.000.000", 2026: "Rp 55.000.000"}
    assert [k.uraian for k in program.kegiatan] == ["Perencanaan Contoh", "Kegiatan tanpa indikator contoh"]
    assert "# letakkan berkas 'Renstra contoh 2024-2026.pdf' di folder ini" in text
    # What the YAML file says is data, not a comment about data the format could not hold.
    assert "format belum mendukung" not in text and "pagu:\n" in text


def test_a_download_whose_iku_column_staff_turned_into_checkboxes_imports(tmp_path):
    def checkboxes(book) -> None:  # Excel 365's checkboxes hold TRUE and FALSE
        sheet = book["Indikator"]
        column = [cell.value for cell in sheet[1]].index("IKU") + 1
        for row in range(2, sheet.max_row + 1):
            mark = sheet.cell(row, column)
            mark.value = {"ya": True, "tidak": False}.get(mark.value, mark.value)

    cf, _, again, _ = imported_again(CASCADES["every optional field"], tmp_path, edit=checkboxes)
    assert again.cascade == cf.cascade


def test_rows_and_columns_hidden_in_the_download_are_imported_and_named_in_comments(tmp_path):
    def hide(book) -> None:
        book["Program"].row_dimensions[2].hidden = True
        book["Indikator"].row_dimensions[3].hidden = True
        book["Indikator"].column_dimensions["B"].hidden = True
        book["Triwulan"].row_dimensions[2].hidden = True
        capaian = [cell.value for cell in book["Indikator"][1]].index("Capaian 2025 (%)") + 1
        book["Indikator"].column_dimensions[get_column_letter(capaian)].hidden = True  # computed: not imported

    cf, _, again, text = imported_again(CASCADES["every optional field"], tmp_path, edit=hide)
    assert again.cascade == cf.cascade
    lines = [line.strip() for line in text.splitlines()]
    hidden = [line for line in lines if "tersembunyi" in line]
    header, _, third = sheets_of(to_xlsx(cf.tree, cf.aturan))["Indikator"][:3]
    column = f"# Indikator!B1: kolom '{header[1]}' tersembunyi di Excel dan ikut diimpor"
    program_row, indikator_row = (f"# {where}: baris ini tersembunyi di Excel dan ikut diimpor; hapus bila sudah "
                                  "tidak dipakai" for where in ("Program!A2", "Indikator!A3"))
    quarters_header, first_quarter = sheets_of(to_xlsx(cf.tree, cf.aturan))["Triwulan"][:2]
    quarter = (f"# Triwulan!A2: baris ini tersembunyi di Excel dan ikut diimpor (triwulan "
               f"{first_quarter[quarters_header.index('Triwulan')]} {first_quarter[quarters_header.index('Tahun')]})")
    assert sorted(hidden) == sorted([column, program_row, indikator_row, quarter])
    program = again.cascade.tujuan[0].sasaran[0].program[0]
    assert lines[lines.index(program_row) + 1] == f"- uraian: {program.uraian}"
    assert lines[lines.index(indikator_row) + 1] == f"- uraian: {third[header.index('Indikator')]}"


def test_a_download_edited_into_values_the_site_cannot_read_gets_their_cells(tmp_path):
    path, book = downloaded_workbook(tmp_path)
    program = book["Program"]
    pagu = [cell.value for cell in program[1]].index("Pagu 2025") + 1
    program.cell(2, pagu, "tujuh juta")
    indikator = book["Indikator"]
    header = [cell.value for cell in indikator[1]]
    indikator.cell(2, header.index("Target 2025") + 1, "3.5")
    indikator.cell(3, header.index("IKU") + 1, "mungkin")
    book.save(path)
    assert problems_of(path) == [
        f"Program!{get_column_letter(pagu)}2: pagu 2025 'tujuh juta' bukan satu angka rupiah; tulis angkanya, mis. 7.742.388.142",
        f"Indikator!{get_column_letter(header.index('Target 2025') + 1)}2: target 2025: Nilai '3.5' tidak terbaca: "
        "titik hanya dipakai sebagai pemisah ribuan (diikuti tepat tiga angka). Tulis desimal dengan koma, "
        "misalnya '3,5'.",
        f"Indikator!{get_column_letter(header.index('IKU') + 1)}3: kolom IKU berisi 'mungkin'; isi ya, tidak, atau "
        "kosongkan"]



def test_a_pagu_typed_short_in_a_download_is_refused_at_its_cell_with_the_full_number(tmp_path):
    path, book = downloaded_workbook(tmp_path)
    program = book["Program"]
    pagu = [cell.value for cell in program[1]].index("Pagu 2025") + 1
    program.cell(2, pagu, "7,7 M")
    book.save(path)
    assert problems_of(path) == [
        f"Program!{get_column_letter(pagu)}2: pagu 2025: pagu ditulis angka rupiah lengkap tanpa satuan ('M'); "
        'tulis angkanya utuh, mis. 7.700.000.000; tertulis "7,7 M"']

def test_grades_typed_into_the_quarters_sheet_that_fit_no_one_scale_get_their_cells(tmp_path):
    path, book = downloaded_workbook(tmp_path)
    quarters = book["Triwulan"]
    header = [cell.value for cell in quarters[1]]
    column = get_column_letter(header.index("Realisasi") + 1)
    # Three quarters of one indicator (whose yearly values are numbers): WTP is on one scale of its own, 'B' and
    # 'C' are on two, and the message points at the first of those.
    rows = [row for row in range(2, quarters.max_row + 1) if quarters[f"{column}{row}"].value][:3]
    for row, grade in zip(rows, ("WTP", "b", "C")):
        quarters[f"{column}{row}"] = grade
    book.save(path)
    assert problems_of(path) == [
        f"Triwulan!{column}{rows[1]}: nilai B, C ada pada predikat SAKIP dan mutu pelayanan IKM; isi kolom Skala "
        "indikator ini di lembar Indikator dengan predikat_sakip atau mutu_pelayanan"]


def test_an_iku_list_comes_back_as_sasaran_at_the_top_without_a_tujuan(tmp_path):
    cf, first, again, text = imported_again(CASCADES["IKU list without tujuan"], tmp_path)
    assert "Tujuan" not in sheets_of(first)
    assert again.cascade.tujuan is None
    assert [s.uraian for s in again.cascade.sasaran] == [s.uraian for s in cf.cascade.sasaran]
    assert "\nsasaran:\n  - uraian: Meningkatnya kualitas pelayanan publik kecamatan\n" in text
    assert "tujuan:" not in text


def test_a_renstra_period_comes_back_as_its_period_file(tmp_path):
    _, first, again, text = imported_again(CASCADES["Renstra period file"], tmp_path)
    (header, values) = sheets_of(first)["Cascade"]
    assert (header[2], values[2]) == ("Periode", "2021-2026")
    assert again.path.name == "2021-2026.yaml" and again.cascade.periode == "2021-2026"
    assert "\nperiode: 2021-2026\n" in text and "tahun:" not in text
    assert again.cascade.tujuan[0].indikator[0].target == {2021: "3,5", 2022: "4", 2023: "4,5", 2024: "5",
                                                          2025: "5,5", 2026: "6"}


def test_make_import_writes_a_period_workbook_to_the_period_file(tmp_path):
    workbook = tmp_path / "dinas-contoh-2021-2026.xlsx"
    cf = loaded(CASCADES["Renstra period file"])
    workbook.write_bytes(to_xlsx(cf.tree, cf.aturan))
    result = subprocess.run([sys.executable, "-m", "macros.import_spreadsheet", str(workbook)], cwd=ROOT,
                            env={"CASCADE_DATA": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"},
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "dinas-contoh" / "2021-2026.yaml").is_file()
    assert not (tmp_path / "data" / "dinas-contoh" / "None.yaml").exists()


def test_several_sasaran_come_back_as_lists_and_one_sasaran_as_one_text(tmp_path):
    cf, first, again, text = imported_again(CASCADES["several sasaran per program"], tmp_path)
    program = again.cascade.tujuan[0].sasaran[0].program[0]
    assert program.sasaran == ["Meningkatnya usaha mikro yang memiliki izin usaha",
                               "Meningkatnya omzet usaha mikro binaan"]
    assert program.kegiatan[0].sasaran == ["Meningkatnya kapasitas pelaku usaha mikro",
                                           "Meningkatnya akses pasar usaha mikro"]
    assert again.cascade.tujuan[0].sasaran[0].program[1].sasaran == "Meningkatnya tata kelola dinas"
    # The workbook says which cells hold a list: the Cascade sheet names their items.
    (header, values) = sheets_of(first)["Cascade"]
    assert values[header.index("Sasaran berupa daftar")] == "T1.S1.P1\nT1.S1.P1.K1"
    assert "            sasaran:\n              - Meningkatnya usaha mikro yang memiliki izin usaha\n" in text


def program_sasaran_cell(book, position: str):
    sheet = book["Program"]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == position)
    return row[len(header) - 1 - header[::-1].index("Sasaran program")]


def test_a_line_added_in_excel_to_a_listed_cell_adds_a_sasaran_and_elsewhere_stays_in_the_text(tmp_path):
    def edit(book):
        program_sasaran_cell(book, "T1.S1.P1").value += "\nMeningkatnya ekspor usaha mikro"
        program_sasaran_cell(book, "T1.S1.P2").value = "Meningkatnya tata kelola\ndinas"

    _, _, again, _ = imported_again(CASCADES["several sasaran per program"], tmp_path, edit)
    first, second = again.cascade.tujuan[0].sasaran[0].program
    assert first.sasaran == ["Meningkatnya usaha mikro yang memiliki izin usaha",
                             "Meningkatnya omzet usaha mikro binaan", "Meningkatnya ekspor usaha mikro"]
    assert second.sasaran == "Meningkatnya tata kelola\ndinas"


def test_a_listed_item_that_is_not_a_program_kegiatan_or_sub_kegiatan_is_named_by_its_cell(tmp_path):
    cf = loaded(CASCADES["several sasaran per program"])
    path = tmp_path / "diedit.xlsx"
    path.write_bytes(to_xlsx(cf.tree, cf.aturan))
    book = load_workbook(path)
    book["Cascade"]["F2"] = "T1.S1.P1\nT1.S1\nT9.S1.P1"
    book.save(path)
    assert problems_of(path) == [
        "Cascade!F2: item 'T1.S1' tidak ada di lembar Program, Kegiatan atau Sub Kegiatan; hapus nomor itu dari sel ini",
        "Cascade!F2: item 'T9.S1.P1' tidak ada di lembar Program, Kegiatan atau Sub Kegiatan; hapus nomor itu dari "
        "sel ini"]


def test_a_period_workbook_without_its_cascade_sheet_takes_the_period_from_the_indikator_sheet(tmp_path):
    _, _, again, text = imported_again(CASCADES["Renstra period file"], tmp_path,
                                       edit=lambda book: book.remove(book["Cascade"]))
    assert again.path.name == "2021-2026.yaml" and "\nperiode: 2021-2026\n" in text


def test_a_download_retyped_in_excel_comes_back_as_shown_or_is_refused_at_its_cells(tmp_path):
    # Staff retype cells of the downloaded workbook in Excel: '98,5%' is stored as 0.985 with a percent format
    # (published as shown); '7-8' becomes a date and a code '1.10' a number 1,1 (refused, never published).
    path, book = downloaded_workbook(tmp_path)
    indikator = book["Indikator"]
    header = [cell.value for cell in indikator[1]]
    target = indikator.cell(2, header.index("Target 2025") + 1, 0.985)
    target.number_format = "0.0%"
    book.save(path)
    imported = import_spreadsheet(path)
    assert "2025: 98,5%" in imported.text
    indikator.cell(3, header.index("Target 2025") + 1, datetime.datetime(2025, 8, 7))
    program = book["Program"]
    kode = [cell.value for cell in program[1]].index("Kode program") + 1
    program.cell(2, kode, 1.1)
    book.save(path)
    assert problems_of(path) == [
        f"Indikator!{get_column_letter(header.index('Target 2025') + 1)}3: sel berisi tanggal 7 Agustus 2025, bukan "
        "nilai yang diketik (Excel mengubah ketikan seperti 7-8 atau 1/2 menjadi tanggal); format sel sebagai Teks "
        "lalu ketik ulang nilainya",
        f"Program!{get_column_letter(kode)}2: kode '1,1' tersimpan sebagai angka desimal, bukan kode (Excel membaca "
        "1.1 sebagai angka); format sel sebagai Teks lalu ketik ulang kodenya, mis. 1.1"]


@pytest.mark.parametrize("edit", ["title row", "renamed", "title row, renamed"])
def test_a_download_with_a_title_above_its_indikator_table_or_that_sheet_renamed_comes_back_whole(tmp_path, edit):
    # Before, such a workbook was read as a Renstra matrix: the 'ID indikator' column became the indicators' names.
    def change(book) -> None:
        sheet = book["Indikator"]
        if "title row" in edit:
            sheet.insert_rows(1)
            sheet["A1"] = "Data per 1 Juli"
        if "renamed" in edit:
            sheet.title = "Indikator (2)"  # as Excel names a copy of the sheet

    cf, _, again, text = imported_again(CASCADES["every optional field"], tmp_path, edit=change)
    assert again.cascade == cf.cascade
    name = "Indikator (2)" if "renamed" in edit else "Indikator"
    title = f"# {name}!A1: 'Data per 1 Juli' di atas baris judul tabel, tidak diimpor"
    assert (title in text.splitlines()) == ("title row" in edit)


@pytest.mark.parametrize(("edit", "problem"), [
    (lambda book: book.remove(book["Indikator"]),
     "Indikator: lembar ini tidak ada, padahal berkas ini unduhan XLSX situs (lembar Cascade, Kegiatan, Program, "
     "Sasaran, Sub Kegiatan, Triwulan, Tujuan); kembalikan lembar Indikator dari unduhan situs, atau unduh ulang "
     "berkasnya"),
    (lambda book: book.remove(book["Tujuan"]),  # the Sasaran sheet still names its tujuan
     "Tujuan: lembar ini tidak ada, padahal berkas ini unduhan XLSX situs (lembar Cascade, Indikator, Kegiatan, "
     "Program, Sasaran, Sub Kegiatan, Triwulan); kembalikan lembar Tujuan dari unduhan situs, atau unduh ulang "
     "berkasnya"),
    (lambda book: book["Program"].delete_rows(1),
     "Program!A1: baris judul tabel lembar ini (Nomor item, Program, ...) tidak ditemukan di 10 baris pertama; salin "
     "baris judulnya dari unduhan XLSX situs apa adanya"),
    (lambda book: book.copy_worksheet(book["Triwulan"]),
     "lembar 'Triwulan' dan 'Triwulan Copy' sama-sama berisi tabel lembar Triwulan unduhan situs; hapus salah satunya"),
], ids=["sheet deleted", "tujuan sheet deleted", "header deleted", "sheet copied"])
def test_a_download_missing_a_sheet_or_its_header_is_refused_by_that_sheet_never_read_as_a_matrix(tmp_path, edit,
                                                                                                 problem):
    path, book = downloaded_workbook(tmp_path)
    edit(book)
    book.save(path)
    assert problems_of(path) == [problem]


def test_a_copy_of_another_sheets_cell_edited_on_the_indikator_sheet_is_refused_with_where_to_edit_it(tmp_path):
    path, book = downloaded_workbook(tmp_path)
    sheet = book["Indikator"]
    row = row_of(sheet, "T1.S1.P1")
    sheet.cell(row, column_of(sheet, "Program"), "Program diubah di lembar Indikator")
    sheet.cell(row, column_of(sheet, "Level"), "kegiatan")
    sheet.cell(row, column_of(sheet, "Kegiatan"), "Kegiatan baru")
    sheet.cell(2, column_of(sheet, "Perangkat daerah"), "Dinas Lain")
    book.save(path)
    assert problems_of(path) == [
        f"Indikator!{letter(sheet, 'Level')}{row}: Level 'kegiatan' berbeda dari level item T1.S1.P1 (program): Level "
        "mengikuti Nomor item; samakan sel ini, atau ubah Nomor item bila indikator ini milik item lain",
        f"Indikator!{letter(sheet, 'Kegiatan')}{row}: Kegiatan 'Kegiatan baru' pada indikator milik program T1.S1.P1, "
        "yang tidak berada di bawah satu kegiatan: kosongkan sel ini (kegiatan baru ditambahkan di lembar Kegiatan)",
        f"Indikator!{letter(sheet, 'Program')}{row}: Program 'Program diubah di lembar Indikator' berbeda dari "
        "Program!D2 ('Program Penunjang Urusan Contoh'); kolom ini salinan dari lembar Program: ubah di lembar "
        "Program, dan samakan (Ctrl+H di Excel) atau kosongkan sel salinannya",
        "Indikator!D2: Perangkat daerah 'Dinas Lain' berbeda dari Cascade!A2 ('Dinas Contoh Lengkap'); kolom ini "
        "salinan: ubah di lembar Cascade"]


def test_a_name_changed_on_its_level_sheet_is_imported_and_its_copies_left_behind_are_named(tmp_path):
    def rename(book) -> None:
        book["Program"]["D2"] = "Program Penunjang Urusan Contoh Baru"

    _, _, again, text = imported_again(CASCADES["every optional field"], tmp_path, edit=rename)
    assert again.cascade.tujuan[0].sasaran[0].program[0].uraian == "Program Penunjang Urusan Contoh Baru"
    assert ("# Program diimpor dari Program!D2 ('Program Penunjang Urusan Contoh Baru'); salinannya di Kegiatan!D2, "
            "Kegiatan!D3, Sub Kegiatan!D2 (dan 3 sel lain) masih 'Program Penunjang Urusan Contoh' dan tidak "
            "diimpor") in text.splitlines()


def test_a_column_staff_added_is_kept_in_a_comment_and_a_capaian_typed_over_is_named(tmp_path):
    def edit(book) -> None:
        sheet = book["Indikator"]
        added = sheet.max_column + 1
        sheet.cell(1, added, "Catatan")
        sheet.cell(2, added, "cek lagi dengan Bappeda")
        sheet.cell(2, column_of(sheet, "Capaian 2025 (%)"), 120)

    cf, offered, again, text = imported_again(CASCADES["every optional field"], tmp_path, edit=edit)
    assert again.cascade == cf.cascade
    header = sheets_of(offered)["Indikator"][0]
    lines = [line.strip() for line in text.splitlines()]
    note = f"# Catatan di Indikator!{get_column_letter(len(header) + 1)}2: cek lagi dengan Bappeda (format belum " \
           "mendukung kolom ini)"
    assert lines[lines.index(note) + 1] == "- uraian: Indeks kepuasan contoh"
    capaian = get_column_letter(header.index("Capaian 2025 (%)") + 1)
    assert ("# Capaian dan predikat di lembar Indikator tidak diimpor: situs menghitungnya dari target dan realisasi. "
            "1 sel berisi nilai lain dari hitungan situs (diketik, atau dari sebelum target atau realisasinya diubah): "
            f"Indikator!{capaian}2 '120' (situs: '97,1')") in lines


def test_realisasi_updated_in_the_workbook_leave_at_most_one_comment_on_the_capaian_left_behind(tmp_path):
    # The usual edit: realisasi typed in; the capaian beside them are the site's arithmetic from before.
    def edit(book) -> None:
        sheet = book["Indikator"]
        sheet.cell(2, column_of(sheet, "Realisasi 2025"), "30")
        sheet.cell(2, column_of(sheet, "Capaian 2025 (%)")).value = None

    _, _, _, text = imported_again(CASCADES["every optional field"], tmp_path, edit=edit)
    # An emptied capaian, its predikat and its keterangan left from before claim nothing worth a comment.
    assert "tidak diimpor" not in text

    def stale(book) -> None:
        sheet = book["Indikator"]
        sheet.cell(2, column_of(sheet, "Realisasi 2025"), "30")

    (tmp_path / "stale").mkdir()
    _, _, _, text = imported_again(CASCADES["every optional field"], tmp_path / "stale", edit=stale)
    (note,) = [line for line in text.splitlines() if "tidak diimpor" in line]
    assert note.startswith("# Capaian dan predikat di lembar Indikator tidak diimpor") and "'97,1' (situs: '120')" in note


@pytest.mark.parametrize(("cell", "typed", "problem"), [
    ("D2", "Triwulan I", "triwulan 'Triwulan I' tidak terbaca; tulis I (angka Romawi saja, seperti yang ditulis situs)"),
    ("D2", 1, "triwulan '1' tidak terbaca; tulis I (angka Romawi saja, seperti yang ditulis situs)"),
    ("D2", "TW 4", "triwulan 'TW 4' tidak terbaca; tulis IV (angka Romawi saja, seperti yang ditulis situs)"),
    ("D2", "V", "triwulan 'V' tidak terbaca; tulis I, II, III atau IV (angka Romawi saja, seperti yang ditulis situs)"),
    ("C2", "2025/2026", "tahun '2025/2026' tidak terbaca; tulis tahunnya sebagai angka, mis. 2024"),
    ("B2", "Jumlah rapat", "Indikator 'Jumlah rapat' berbeda dari uraian indikator T1.S1.I1 di lembar Indikator "
                           "('Jumlah rapat koordinasi'); kolom ini salinan: ubah di lembar Indikator, lalu samakan "
                           "atau kosongkan sel ini"),
])
def test_a_quarters_row_the_site_cannot_read_is_refused_at_that_cell_with_how_the_site_writes_it(tmp_path, cell, typed,
                                                                                                problem):
    path, book = downloaded_workbook(tmp_path)
    book["Triwulan"][cell] = typed
    book.save(path)
    assert problems_of(path) == [f"Triwulan!{cell}: {problem}"]
