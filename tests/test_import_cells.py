"""`make import` reads each cell as Excel shows it to the staff who typed it, or refuses it at its cell.

Staff type `98,5%` and Excel stores 0.985 with a percent format; they type `03` in a code column formatted `00`
and Excel stores 3; a formula's stored result may be 0.30000000000000004 where Excel shows 0,3. What is
published is what they saw. What Excel changed beyond recovery (`7-8` turned into the date 7 August, `2.01`
into the number 2,01 in a code column) or what holds no value (`#DIV/0!`, a formula saved without its result)
is refused with its `Lembar!Sel` and what to do, never written as data. Names and numbers are invented.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from macros.importer import SpreadsheetError, import_spreadsheet
from macros.load import load_cascades

HEADER = ["Tujuan", "Sasaran", "Kode", None, None, "Program/Kegiatan", "Indikator", "Satuan", "Baseline 2024",
          "Target 2025", "Realisasi 2025", "Pagu 2025", "Keterangan"]
# One program (3.27.03) and its kegiatan (3.27.03.2.01), each with one indicator, under one tujuan and sasaran.
PROGRAM = ["Meningkatnya ketahanan pangan", "Meningkatnya produksi pertanian", 3, 27, 3,
           "Program Penyediaan Sarana Pertanian", "Persentase ketersediaan benih", "%", "70", "75", "76",
           2500000000, None]
KEGIATAN = [None, None, "3.27.03", "2.01", None, "Pengelolaan Sarana Pertanian", "Jumlah paket sarana", "paket",
            "4", "5", "5", 1200000000, None]


def workbook(path: Path, rows: list[list[object]], formats: dict[str, str] | None = None) -> Path:
    """A Renstra sheet: the header in row 1 ('Kode' merged over C:E), the rows from row 2, cell formats by address."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Renstra"
    ws.append(HEADER)
    ws.merge_cells("C1:E1")
    for cells in rows:
        ws.append(cells)
    ws["E2"].number_format = "00"  # the program's code part 3 shows as 03, as Bappeda templates format it
    for address, number_format in (formats or {}).items():
        ws[address].number_format = number_format
    wb.save(path)
    return path


def imported_cascade(path: Path, tmp_path: Path):
    imported = import_spreadsheet(path, "Dinas Pertanian", 2025)
    target = tmp_path / "data" / imported.slug / f"{imported.label}.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(imported.text, encoding="utf-8")
    (cf,) = load_cascades(tmp_path / "data")
    return cf.cascade.tujuan[0].sasaran[0].program[0]


def problems_of(path: Path) -> list[str]:
    with pytest.raises(SpreadsheetError) as caught:
        import_spreadsheet(path, "Dinas Pertanian", 2025)
    return caught.value.problems


def test_a_percentage_typed_in_excel_is_published_as_shown_not_as_its_fraction(tmp_path):
    row = [*PROGRAM[:8], 0.7, 0.985, 1, *PROGRAM[11:]]
    path = workbook(tmp_path / "persen.xlsx", [row, KEGIATAN], {"I2": "0%", "J2": "0.0%", "K2": "0%"})
    (indikator,) = imported_cascade(path, tmp_path).indikator
    assert (indikator.baseline, indikator.target, indikator.realisasi) == (
        {2024: "70%"}, {2025: "98,5%"}, {2025: "100%"})


def test_a_number_is_published_with_the_digits_excel_shows_not_the_binary_fraction_it_stores(tmp_path):
    # What a formula such as =0,1+0,2 or =L2/3 leaves in the cell; Excel shows 0,3 and 0,333333333333333.
    row = [*PROGRAM[:8], 0.1 + 0.2, 1 / 3, "76", *PROGRAM[11:]]
    (indikator,) = imported_cascade(workbook(tmp_path / "rumus.xlsx", [row, KEGIATAN]), tmp_path).indikator
    assert (indikator.baseline, indikator.target) == ({2024: "0,3"}, {2025: "0,333333333333333"})


def test_a_number_is_grouped_by_thousands_only_where_its_cell_format_groups_it(tmp_path):
    # Typed 1500,5 in a General cell, Excel shows 1500,5; in a '#,##0.0' cell, 1.500,5.
    row = [*PROGRAM[:8], 1500.5, 1500.5, 15.005, 2500000000.5, None]
    path = workbook(tmp_path / "ribuan.xlsx", [row, KEGIATAN], {"J2": "#,##0.0", "K2": "0.0%", "L2": "#,##0.00"})
    program = imported_cascade(path, tmp_path)
    (indikator,) = program.indikator
    assert (indikator.baseline, indikator.target, indikator.realisasi, program.pagu) == (
        {2024: "1500,5"}, {2025: "1.500,5"}, {2025: "1500,5%"}, {2025: "2.500.000.000,5"})


def test_code_parts_typed_as_numbers_keep_the_leading_zeros_their_format_shows(tmp_path):
    path = workbook(tmp_path / "kode.xlsx", [PROGRAM, KEGIATAN])
    program = imported_cascade(path, tmp_path)
    assert (program.kode, program.kegiatan[0].kode) == ("3.27.03", "3.27.03.2.01")


def test_a_code_excel_turned_into_a_decimal_number_is_refused_at_its_cell(tmp_path):
    kegiatan = [None, None, "3.27.03", 2.01, None, *KEGIATAN[5:]]
    path = workbook(tmp_path / "kode.xlsx", [PROGRAM, kegiatan])
    assert problems_of(path) == [
        "Renstra!D3: kode '2,01' tersimpan sebagai angka desimal, bukan kode (Excel membaca 2.01 sebagai angka); "
        "format sel sebagai Teks lalu ketik ulang kodenya, mis. 2.01"]


def test_a_code_in_one_column_turned_into_a_decimal_is_its_rows_only_problem(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Renstra"
    for row in (["Tujuan", "Sasaran", "Kode", "Program/Kegiatan", "Indikator"],
                ["Tujuan A", "Sasaran A", None, None, "Indeks A"],
                [None, None, 1.01, "Program B", "Waktu penyelesaian"]):
        ws.append(row)
    wb.save(tmp_path / "kode.xlsx")
    assert problems_of(tmp_path / "kode.xlsx") == [
        "Renstra!C3: kode '1,01' tersimpan sebagai angka desimal, bukan kode (Excel membaca 1.01 sebagai angka); "
        "format sel sebagai Teks lalu ketik ulang kodenya, mis. 1.01"]


def test_a_row_opening_its_tujuan_and_sasaran_keeps_them_when_its_code_is_a_decimal(tmp_path):
    program = [*PROGRAM[:3], 27.01, None, *PROGRAM[5:]]
    later = [None, "Meningkatnya produktivitas petani", 3, 27, 4, "Program Penyuluhan Pertanian",
             "Persentase petani terlatih", "%", "60", "65", "66", 900000000, None]
    path = workbook(tmp_path / "kode.xlsx", [program, KEGIATAN, later])
    assert problems_of(path) == [
        "Renstra!D2: kode '27,01' tersimpan sebagai angka desimal, bukan kode (Excel membaca 27.01 sebagai angka); "
        "format sel sebagai Teks lalu ketik ulang kodenya, mis. 27.01"]


def test_a_date_excel_made_of_a_range_is_refused_and_a_date_in_a_note_column_kept(tmp_path):
    row = [*PROGRAM[:9], datetime.datetime(2025, 8, 7), *PROGRAM[10:12], datetime.datetime(2025, 1, 2)]
    problems = problems_of(workbook(tmp_path / "tanggal.xlsx", [row, KEGIATAN]))
    assert problems == [
        "Renstra!J2: sel berisi tanggal 7 Agustus 2025, bukan nilai yang diketik (Excel mengubah ketikan seperti "
        "7-8 atau 1/2 menjadi tanggal); format sel sebagai Teks lalu ketik ulang nilainya"]
    row[9] = "7-8"
    imported = import_spreadsheet(workbook(tmp_path / "teks.xlsx", [row, KEGIATAN]), "Dinas Pertanian", 2025)
    assert "# Keterangan di Renstra!M2: 2025-01-02 (format belum mendukung kolom ini)" in imported.text


def test_an_excel_error_or_a_formula_saved_without_its_result_is_refused_at_its_cell(tmp_path):
    row = [*PROGRAM[:9], "#DIV/0!", "=J2*2", *PROGRAM[11:]]
    problems = problems_of(workbook(tmp_path / "galat.xlsx", [row, KEGIATAN]))
    assert problems == [
        "Renstra!J2: sel berisi galat Excel #DIV/0!, bukan nilai; perbaiki rumusnya atau ketik nilainya",
        "Renstra!K2: sel berisi rumus =J2*2 yang hasilnya tidak tersimpan di berkas; buka berkas di Excel lalu "
        "simpan ulang, atau ketik nilainya"]
