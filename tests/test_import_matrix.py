"""`make import` of a Renstra matrix laid out by another hand than `tests/test_import.py`'s: a title block
above the table, a two-row header (codes split over urusan | bidang | program | kegiatan | sub kegiatan
columns, a target column per year under "Target Kinerja", a pagu column per year under "Pagu Indikatif (Rp)",
the baseline year in its header), merged cells for repeated parents, and penanggung jawab, satuan and
end-of-period columns. Every program, kegiatan, indicator, target and pagu arrives as data; a broken copy gets
`Lembar!Sel` messages in Indonesian and a non-zero exit, without a traceback. Names and numbers are invented.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from macros.importer import SpreadsheetError, import_spreadsheet
from macros.importer.sheets import cell_text
from macros.load import load_cascades

from .helpers import ROOT

YEARS = (2025, 2026, 2027)
# Columns: A Tujuan, B Sasaran, C-G Kode, H name, I Indikator, J Satuan, K baseline, L-N target per year,
# O-Q pagu per year, R end of period, S penanggung jawab.
ROWS = [
    # row 8
    ["Meningkatnya ketahanan pangan daerah", None, None, None, None, None, None, None, "Skor Pola Pangan Harapan",
     "skor", "88,5", 89, 89.5, 90, None, None, None, "90", "Kepala Dinas"],
    [None, "Meningkatnya produksi pertanian", None, None, None, None, None, None,
     "Pertumbuhan PDRB sektor pertanian", "%", "2,1", "2,3", "2,4", "2,5", None, None, None, "2,5", "Sekretaris"],
    [None, None, None, None, None, None, None, None, "Nilai Tukar Petani", "poin", "101", "102", "103", "104",
     None, None, None, "104", None],
    [None, None, "3", "27", None, None, None, "PERTANIAN", None, None, None, None, None, None, None, None, None,
     None, None],
    [None, None, "3", "27", "03", None, None, "Program Penyediaan dan Pengembangan Sarana Pertanian",
     "Persentase ketersediaan benih unggul", "%", "70", "75", "80", "85", 2500000000, "2.750.000.000",
     3000000000, "85", "Bidang Sarana"],
    [None, None, None, None, None, None, None, None, "Jumlah kelompok tani penerima alsintan", "kelompok", "8",
     "10", "12", "14", None, None, None, "14", None],
    [None, None, "3", "27", "03", "2.01", None, "Pengelolaan Sarana Pendukung Pertanian",
     "Jumlah paket sarana pertanian tersedia", "paket", "4", "5", "5", "6", 1200000000, 1300000000, None, "6",
     "Seksi Alsintan"],
    [None, None, "3", "27", "03", "2.01", "0001", "Pengadaan Benih Tanaman Pangan",
     "Jumlah benih tanaman pangan disediakan", "ton", "20", "22", "24", "26", 600000000, "650.000.000",
     700000000, "26", None],
    [None, "Meningkatnya kapasitas petani", None, None, None, None, None, None, "Persentase petani terlatih", "%",
     "30", "35", "40", "45", None, None, None, "45", "Sekretaris"],
    [None, None, "3", "27", "07", None, None, "Program Penyuluhan Pertanian", "Persentase kelompok tani aktif",
     "%", "60", "65", "70", "75", 900000000, 950000000, 1000000000, "75", "Bidang Penyuluhan"],
    [None, None, "3", "27", "07", "2.01", None, "Pelaksanaan Penyuluhan Pertanian",
     "Jumlah petani yang mengikuti penyuluhan", "orang", "1.200", "1.300", "1.400", "1.500", 400000000, None,
     None, "1.500", None],
]
FIRST_DATA_ROW = 8


def layout(path: Path, rows: list[list[object]] = ROWS, target_header: str | None = None) -> Path:
    """The workbook as a Bappeda officer might lay it out; `target_header` replaces the 2026 target's header."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Renstra 2025-2029"
    ws["A1"] = "RENCANA STRATEGIS DINAS PERTANIAN DAN PANGAN KABUPATEN CONTOH"
    ws["A2"] = "Rencana Program, Kegiatan dan Pendanaan Tahun 2025-2027"
    ws.merge_cells("A1:S1")
    ws.merge_cells("A2:S2")
    top = ["Tujuan", "Sasaran", "Kode", None, None, None, None, "Program/Kegiatan/Sub Kegiatan",
           "Indikator Kinerja Program (Outcome) / Kegiatan (Output)", "Satuan", "Kondisi Kinerja Awal (2024)",
           "Target Kinerja", None, None, "Pagu Indikatif (Rp)", None, None, "Kondisi Kinerja pada Akhir Periode",
           "Penanggung Jawab"]
    second = [None, None, "Urusan", "Bidang Urusan", "Program", "Kegiatan", "Sub Kegiatan", None, None, None, None,
              *YEARS, *YEARS, None, None]
    for column, (upper, lower) in enumerate(zip(top, second, strict=True), 1):
        if upper is not None:
            ws.cell(5, column, upper)
        if lower is not None:
            ws.cell(6, column, lower)
    if target_header is not None:
        ws.cell(6, 13, target_header)
    for column in "ABHIJKRS":
        ws.merge_cells(f"{column}5:{column}6")
    for area in ("C5:G5", "L5:N5", "O5:Q5"):
        ws.merge_cells(area)
    for number, cells in enumerate(rows, FIRST_DATA_ROW):
        for column, value in enumerate(cells, 1):
            if value is not None:
                ws.cell(number, column, value)
        for column in (15, 16, 17):  # the pagu columns, formatted as money is: 2.500.000.000 on screen
            ws.cell(number, column).number_format = "#,##0"
    # Repeated parents: the tujuan over all its rows, each sasaran over its rows, the first program's name,
    # codes, pagu and penanggung jawab over its two indicator rows.
    last = FIRST_DATA_ROW + len(rows) - 1
    if len(rows) == len(ROWS):
        for area in (f"A8:A{last}", "B9:B15", f"B16:B{last}", "C12:C13", "D12:D13", "E12:E13", "H12:H13",
                     "O12:O13", "P12:P13", "Q12:Q13", "S12:S13"):
            ws.merge_cells(area)
    wb.save(path)
    return path


def loaded(imported, folder: Path):
    path = folder / imported.slug / f"{imported.label}.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(imported.text, encoding="utf-8")
    (cf,) = load_cascades(folder)
    return cf


def test_every_program_kegiatan_indicator_target_and_pagu_arrives(tmp_path):
    imported = import_spreadsheet(layout(tmp_path / "renstra.xlsx"), "Dinas Pertanian dan Pangan", 2025)
    cascade = loaded(imported, tmp_path / "data").cascade
    (tujuan,) = cascade.tujuan
    assert tujuan.uraian == "Meningkatnya ketahanan pangan daerah" and tujuan.penanggung_jawab == "Kepala Dinas"
    (skor,) = tujuan.indikator
    assert (skor.uraian, skor.satuan, skor.baseline, skor.target, skor.target_akhir) == (
        "Skor Pola Pangan Harapan", "skor", {2024: "88,5"}, {2025: "89", 2026: "89,5", 2027: "90"}, "90")
    produksi, kapasitas = tujuan.sasaran
    assert [i.uraian for i in produksi.indikator] == ["Pertumbuhan PDRB sektor pertanian", "Nilai Tukar Petani"]
    assert produksi.penanggung_jawab == "Sekretaris"
    (sarana,) = produksi.program
    assert (sarana.kode, sarana.uraian, sarana.bidang_urusan, sarana.penanggung_jawab) == (
        "3.27.03", "Program Penyediaan dan Pengembangan Sarana Pertanian", "3.27 PERTANIAN", "Bidang Sarana")
    # A number cell is written as Excel shows it (its format groups thousands), a text cell as typed.
    assert sarana.pagu == {2025: "2.500.000.000", 2026: "2.750.000.000", 2027: "3.000.000.000"}
    assert [(i.uraian, i.satuan, i.baseline, i.target) for i in sarana.indikator] == [
        ("Persentase ketersediaan benih unggul", "%", {2024: "70"}, {2025: "75", 2026: "80", 2027: "85"}),
        ("Jumlah kelompok tani penerima alsintan", "kelompok", {2024: "8"}, {2025: "10", 2026: "12", 2027: "14"})]
    (pengelolaan,) = sarana.kegiatan
    assert (pengelolaan.kode, pengelolaan.pagu, pengelolaan.penanggung_jawab) == (
        "3.27.03.2.01", {2025: "1.200.000.000", 2026: "1.300.000.000"}, "Seksi Alsintan")
    assert pengelolaan.indikator[0].target == {2025: "5", 2026: "5", 2027: "6"}
    (benih,) = pengelolaan.sub_kegiatan
    assert (benih.kode, benih.uraian, benih.pagu) == (
        "3.27.03.2.01.0001", "Pengadaan Benih Tanaman Pangan",
        {2025: "600.000.000", 2026: "650.000.000", 2027: "700.000.000"})
    assert benih.indikator[0].target_akhir == "26"
    assert [i.uraian for i in kapasitas.indikator] == ["Persentase petani terlatih"]
    (penyuluhan,) = kapasitas.program
    assert (penyuluhan.kode, penyuluhan.pagu, penyuluhan.bidang_urusan) == (
        "3.27.07", {2025: "900.000.000", 2026: "950.000.000", 2027: "1.000.000.000"}, "3.27 PERTANIAN")
    (pelaksanaan,) = penyuluhan.kegiatan
    assert (pelaksanaan.kode, pelaksanaan.pagu, pelaksanaan.indikator[0].target) == (
        "3.27.07.2.01", {2025: "400.000.000"}, {2025: "1.300", 2026: "1.400", 2027: "1.500"})
    count = sum(len(item.indikator) for item in [tujuan, produksi, kapasitas, sarana, pengelolaan, benih,
                                                   penyuluhan, pelaksanaan])
    assert count == len(ROWS) - 1  # every row but the bidang urusan heading is an indicator
    assert "format belum mendukung" not in imported.text


def broken_rows() -> list[list[object]]:
    rows = [list(row) for row in ROWS]
    rows[4][14] = "tujuh juta"        # O13: the first program's pagu 2025
    rows[6][11] = "12.5%"             # L15: a decimal point, which the site cannot read
    # A first row with an indicator and nothing above it.
    return [[None, None, None, None, None, None, None, None, "Indikator tanpa induk", "%", None, "1", "2", "3",
             None, None, None, None, None], *rows]


def test_a_broken_matrix_gets_every_problem_by_sheet_and_cell(tmp_path):
    with pytest.raises(SpreadsheetError) as caught:
        import_spreadsheet(layout(tmp_path / "rusak.xlsx", broken_rows()), "Dinas Pertanian dan Pangan", 2025)
    problems = caught.value.problems
    assert problems[0] == ("Renstra 2025-2029!I8: indikator 'Indikator tanpa induk' tanpa tujuan, sasaran atau "
                           "program di atasnya; isi kolom Tujuan dan Sasaran pada baris pertama")
    assert ("Renstra 2025-2029!O13: pagu 2025 'tujuh juta' bukan satu angka rupiah; tulis angkanya, "
            "mis. 7.742.388.142") in problems
    assert ("Renstra 2025-2029!L15: target 2025: Nilai '12.5%' tidak terbaca: titik hanya dipakai sebagai pemisah "
            "ribuan (diikuti tepat tiga angka). Tulis desimal dengan koma, misalnya '12,5'.") in problems
    assert len(problems) == 3


def test_a_target_column_without_a_year_is_refused_at_its_header_cell(tmp_path):
    with pytest.raises(SpreadsheetError) as caught:
        import_spreadsheet(layout(tmp_path / "rusak.xlsx", target_header="Tahun ke-2"), "Dinas Contoh", 2025)
    assert caught.value.problems == [
        "Renstra 2025-2029!M6: judul kolom 'Target Kinerja / Tahun ke-2' tidak memuat tahun; tulis tahunnya di "
        "judul kolom target itu, mis. 'Target 2025'"]


def test_make_import_of_a_broken_matrix_lists_the_cells_and_fails(tmp_path):
    source = layout(tmp_path / "rusak.xlsx", broken_rows())
    result = subprocess.run(["make", "--no-print-directory", "-s", "-o", ".venv/.installed", "import",
                             f"FILE={source}", "PERANGKAT_DAERAH=Dinas Pertanian dan Pangan", "TAHUN=2025"],
                            cwd=ROOT, env={**os.environ, "CASCADE_DATA": str(tmp_path / "data"),
                                           "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert result.stderr.startswith("Impor gagal (3 masalah):\n  Renstra 2025-2029!I8: indikator")
    assert "  Renstra 2025-2029!O13: pagu 2025 'tujuh juta' bukan satu angka rupiah" in result.stderr
    assert not (tmp_path / "data").exists()


def test_the_command_line_writes_the_matrix_as_a_data_file(tmp_path):
    result = subprocess.run([sys.executable, "-m", "macros.import_spreadsheet", str(layout(tmp_path / "r.xlsx")),
                             "--perangkat-daerah", "Dinas Pertanian dan Pangan", "--tahun", "2025"], cwd=ROOT,
                            env={**os.environ, "CASCADE_DATA": str(tmp_path / "data")}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "data" / "dinas-pertanian-dan-pangan" / "2025.yaml").read_text(encoding="utf-8")
    assert "pagu:\n              2025: 2.500.000.000\n              2026: 2.750.000.000\n" in text


def test_a_program_repeated_on_each_indicator_row_keeps_its_first_pagu_and_flags_another(tmp_path):
    csv_file = tmp_path / "renja.csv"
    csv_file.write_text(
        "Tujuan;Sasaran;Kode;Program/Kegiatan;Indikator;Target 2025;Pagu 2025;Pagu 2026;Penanggung jawab\n"
        "Tujuan A;Sasaran A;X.XX.01;Program A;Indikator 1;1;1.000.000;;Bidang A\n"
        "Tujuan A;Sasaran A;X.XX.01;Program A;Indikator 2;2;1.000.000;2.000.000;Bidang A\n"
        "Tujuan A;Sasaran A;X.XX.01;Program A;Indikator 3;3;1.500.000;;Bidang B\n",
        encoding="utf-8")
    imported = import_spreadsheet(csv_file, "Kecamatan Contoh", 2025)
    (program,) = loaded(imported, tmp_path / "data").cascade.tujuan[0].sasaran[0].program
    assert [i.uraian for i in program.indikator] == ["Indikator 1", "Indikator 2", "Indikator 3"]
    # The same pagu again is a repeat; a year given only on a later row is still the program's.
    assert (program.pagu, program.penanggung_jawab) == ({2025: "1.000.000", 2026: "2.000.000"}, "Bidang A")
    assert ("# pagu di renja!G4: 1.500.000 (berbeda dari yang tertulis di baris pertama item ini: 1.000.000; "
            "periksa)") in imported.text
    assert "# penanggung_jawab di renja!I4: Bidang B (berbeda dari yang tertulis di baris pertama item ini: " \
           "Bidang A; periksa)" in imported.text


def test_a_csv_with_a_title_line_above_its_semicolon_table_imports(tmp_path):
    # A title typed above the table and saved alone on its line: the separator is the table's, not the title's.
    csv_file = tmp_path / "renja.csv"
    csv_file.write_text(
        "RENJA KECAMATAN CONTOH TAHUN 2025\n\n"
        "Tujuan;Sasaran;Kode;Program/Kegiatan;Indikator;Satuan;Target 2025\n"
        "Tujuan A;Sasaran A;X.XX.01;Program A;Persentase layanan, tepat waktu;%;98,5\n", encoding="utf-8")
    imported = import_spreadsheet(csv_file, "Kecamatan Contoh", 2025)
    (program,) = loaded(imported, tmp_path / "data").cascade.tujuan[0].sasaran[0].program
    assert [(i.uraian, i.target) for i in program.indikator] == [("Persentase layanan, tepat waktu", {2025: "98,5"})]


def test_rows_and_columns_hidden_in_excel_are_imported_and_named_in_comments(tmp_path):
    path = layout(tmp_path / "renstra.xlsx")
    workbook = load_workbook(path)
    sheet = workbook.active
    sheet.row_dimensions[11].hidden = True  # the bidang urusan heading 3.27 PERTANIAN
    sheet.row_dimensions[18].hidden = True  # the kegiatan Pelaksanaan Penyuluhan Pertanian with its indicator
    sheet.unmerge_cells("A8:A18")
    sheet.merge_cells("A8:A19")
    sheet.row_dimensions[19].hidden = True  # a row the tujuan's merged cell reaches, with nothing of its own
    sheet.column_dimensions["R"].hidden = True  # Kondisi Kinerja pada Akhir Periode
    workbook.save(path)
    imported = import_spreadsheet(path, "Dinas Pertanian dan Pangan", 2025)
    lines = [line.strip() for line in imported.text.splitlines()]
    hidden = [line for line in lines if "tersembunyi" in line]
    assert hidden == [
        "# Renstra 2025-2029!R5: kolom 'Kondisi Kinerja pada Akhir Periode' tersembunyi di Excel dan ikut diimpor",
        "# Renstra 2025-2029!A11: baris ini tersembunyi di Excel dan ikut diimpor (3.27 PERTANIAN)",
        "# Renstra 2025-2029!A18: baris ini tersembunyi di Excel dan ikut diimpor; hapus bila sudah tidak dipakai"]
    assert lines[lines.index(hidden[2]) + 1] == "- uraian: Pelaksanaan Penyuluhan Pertanian"
    (pelaksanaan,) = loaded(imported, tmp_path / "data").cascade.tujuan[0].sasaran[1].program[0].kegiatan
    assert (pelaksanaan.indikator[0].uraian, pelaksanaan.indikator[0].target_akhir) == (
        "Jumlah petani yang mengikuti penyuluhan", "1.500")
    assert loaded(imported, tmp_path / "again").cascade.tujuan[0].sasaran[0].program[0].bidang_urusan == \
        "3.27 PERTANIAN"


def test_the_matrix_saved_as_csv_imports_as_its_workbook_does(tmp_path):
    # Excel's "CSV UTF-8" keeps a merged cell's text in its first cell only: "Target Kinerja" over three year
    # columns, "Kode" over urusan | bidang | program | kegiatan | sub kegiatan, each a cell of a two-row header.
    workbook = layout(tmp_path / "renstra.xlsx")
    rows = [[cell_text(cell.value, cell.number_format) for cell in row] for row in load_workbook(workbook).active.iter_rows()]
    saved = tmp_path / "renstra.csv"
    with saved.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    from_csv = loaded(import_spreadsheet(saved, "Dinas Pertanian dan Pangan", 2025), tmp_path / "csv").cascade
    from_xlsx = loaded(import_spreadsheet(workbook, "Dinas Pertanian dan Pangan", 2025), tmp_path / "xlsx").cascade
    assert from_csv == from_xlsx


def one_indicator(path: Path, header: list[str], cells: list[object]) -> Path:
    """A matrix of one tujuan, sasaran and program with one indicator, its columns named by `header`."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Renstra"
    ws.append(["Tujuan", "Sasaran", "Program/Kegiatan", *header])
    ws.append(["Meningkatnya pelayanan", "Meningkatnya kepuasan", "Program Pelayanan Contoh", *cells])
    wb.save(path)
    return path


def imported_indikator(path: Path, tmp_path: Path):
    cascade = loaded(import_spreadsheet(path, "Dinas Contoh", 2025), tmp_path / "data").cascade
    return cascade.tujuan[0].sasaran[0].program[0].indikator[0]


@pytest.mark.parametrize(("tipe", "polaritas", "read"), [
    ("Komulatif Negatif", "", ("kumulatif", "negatif")),
    ("Kumulatif Negatif", None, ("kumulatif", "negatif")),
    ("Non Kumulatif Positif", "", ("non_kumulatif", "positif")),
    ("non_kumulatif", "negatif", ("non_kumulatif", "negatif")),
    ("Non_Kumulatif", "", ("non_kumulatif", None)),
    ("Kumulatif (K)", "Positif (+)", ("kumulatif", "positif")),
    ("Non Kumulatif (NK)", "(-)", ("non_kumulatif", "negatif")),
    # The Polaritas column wins over the polarity the Tipe cell names (and says so in a comment).
    ("Komulatif Negatif", "positif", ("kumulatif", "positif")),
])
def test_the_tipe_column_is_read_as_staff_spell_it_with_the_polarity_it_names(tmp_path, tipe, polaritas, read):
    header, cells = ["Indikator", "Tipe penghitungan"], ["Jumlah pengaduan per pemohon", tipe]
    if polaritas is not None:
        header, cells = [*header, "Polaritas"], [*cells, polaritas]
    path = one_indicator(tmp_path / "tipe.xlsx", header, cells)
    indikator = imported_indikator(path, tmp_path)
    assert (indikator.tipe_penghitungan, indikator.polaritas) == read
    assert "TEBAKAN" not in import_spreadsheet(path, "Dinas Contoh", 2025).text  # read, not guessed


def test_a_polarity_in_the_tipe_cell_that_the_polaritas_column_contradicts_is_named(tmp_path):
    path = one_indicator(tmp_path / "tipe.xlsx", ["Indikator", "Tipe penghitungan", "Polaritas"],
                         ["Jumlah pengaduan", "Komulatif Negatif", "Positif"])
    assert ("# sel tipe Renstra!E2 'Komulatif Negatif' menyebut polaritas negatif, kolom Polaritas Renstra!F2 "
            "'Positif': dipakai kolom Polaritas; periksa") in import_spreadsheet(path, "Dinas Contoh", 2025).text


@pytest.mark.parametrize("tipe", ["Rata-rata", "Negatif", "Kumulatif Positif Negatif"])
def test_a_tipe_written_but_not_known_is_refused_at_its_cell_never_turned_into_another(tmp_path, tipe):
    path = one_indicator(tmp_path / "tipe.xlsx", ["Indikator", "Tipe penghitungan"], ["Jumlah pengaduan", tipe])
    with pytest.raises(SpreadsheetError) as caught:
        import_spreadsheet(path, "Dinas Contoh", 2025)
    assert caught.value.problems == [
        f"Renstra!E2: tipe penghitungan '{tipe}' tidak dikenal; tulis Kumulatif atau Non Kumulatif, boleh dengan "
        "polaritasnya (mis. 'Kumulatif Negatif')"]


@pytest.mark.parametrize(("tipe", "shown"), [(None, ""), ("-", " (tertulis '-' di Renstra!E2)")])
def test_a_tipe_left_empty_is_the_commented_guess_non_kumulatif(tmp_path, tipe, shown):
    path = one_indicator(tmp_path / "tipe.xlsx", ["Indikator", "Tipe penghitungan"], ["Jumlah pengaduan", tipe])
    lines = [line.strip() for line in import_spreadsheet(path, "Dinas Contoh", 2025).text.splitlines()]
    guess = f"# TEBAKAN, periksa: tipe_penghitungan tidak tercantum{shown}; kumulatif | non_kumulatif"
    assert lines[lines.index(guess) + 1] == "tipe_penghitungan: non_kumulatif"


def test_an_id_indikator_column_is_not_read_as_the_indicators_name(tmp_path):
    path = one_indicator(tmp_path / "id.xlsx", ["ID indikator", "Indikator"], ["T1.S1.P1.I1", "Persentase pengaduan"])
    assert imported_indikator(path, tmp_path).uraian == "Persentase pengaduan"
    assert "# ID indikator di Renstra!D2: T1.S1.P1.I1 (format belum mendukung kolom ini)" in \
        import_spreadsheet(path, "Dinas Contoh", 2025).text
