"""`make import`: staff bring their spreadsheets and get a data file that validates, with every guess commented.

The site's own XLSX download round-trips (export → import → export gives the same data); a Renstra matrix laid
out as Bappeda templates lay it out (three header rows with merged cells, a row of column numbers, merged
parents, codes split over columns, a target and a pagu column per year) imports whole; a broken workbook gets
`Sheet!Cell` messages in Indonesian, without a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook, load_workbook

from macros.importer import SpreadsheetError, import_spreadsheet, write_imported
from macros.import_spreadsheet import main as import_main
from macros.importer.template import template_workbook
from macros.lint import check_template_examples
from macros.problems import field_path
from macros.load import load_cascades
from macros.render.downloads import to_xlsx
from macros.render.export import indikator_table, item_table, to_csv, to_json

from .helpers import DATA, ROOT, real_cascades, soup_of


def loaded_from(text: str, folder: Path, slug: str, label: str):
    path = folder / slug / f"{label}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    (cf,) = load_cascades(folder)
    return cf


def round_trip(cf, tmp_path: Path):
    workbook = tmp_path / "unduhan.xlsx"
    workbook.write_bytes(to_xlsx(cf.tree))
    imported = import_spreadsheet(workbook)
    assert (imported.slug, imported.label) == (cf.slug, cf.label)
    return loaded_from(imported.text, tmp_path / "data", imported.slug, imported.label)


@pytest.mark.parametrize("cf", real_cascades(), ids=lambda cf: cf.slug)
def test_the_sites_own_download_of_the_real_data_round_trips(cf, tmp_path):
    again = round_trip(cf, tmp_path)
    assert to_json(again.cascade) == to_json(cf.cascade)
    assert indikator_table(again.tree) == indikator_table(cf.tree)
    assert all(item_table(again.tree, level) == item_table(cf.tree, level) for level in cf.tree.levels)


def test_a_synthetic_kabupaten_body_round_trips(tmp_path):
    subprocess.run([sys.executable, "scripts/make_synthetic.py", str(tmp_path / "syn"), "--perangkat-daerah", "1",
                    "--years", "1", "--seed", "3"], cwd=ROOT, check=True, capture_output=True)
    (cf,) = load_cascades(tmp_path / "syn")
    assert len(cf.tree.programs) > 5 and len(cf.tree.indikator) > 50
    again = round_trip(cf, tmp_path)
    assert to_json(again.cascade) == to_json(cf.cascade)


def test_typed_text_that_yaml_would_misread_survives_the_round_trip(tmp_path):
    text = (DATA / "kecamatan-kebasen" / "2023.yaml").read_text(encoding="utf-8").replace(
        "tipe_penghitungan: non_kumulatif\n        sumber_data: Laporan hasil survey kepuasan masyarakat",
        "tipe_penghitungan: non_kumulatif\n        sumber_data: 'Gerakan #AyoUrusKTP: no'\n        kode: '007'\n"
        "        target: {2024: '1.500', 2025: '-5%', 2026: 'yes'}", 1)
    cf = loaded_from(text, tmp_path / "src", "kecamatan-kebasen", 2023)
    again = round_trip(cf, tmp_path)
    first = again.cascade.tujuan[0].indikator[0]
    assert (first.sumber_data, first.kode, first.target) == (
        "Gerakan #AyoUrusKTP: no", "007", {2024: "1.500", 2025: "-5%", 2026: "yes"})


def renstra_workbook(path: Path) -> Path:
    """A Renstra matrix as a Bappeda template lays it out, with invented names."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Renstra"
    ws["A1"] = "RENCANA STRATEGIS DINAS CONTOH"
    header = ["Tujuan", "Sasaran", "Kode", None, None, None, None, "Program dan Kegiatan",
              "Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output)",
              "Data Capaian pada Tahun Awal Perencanaan",
              "Target Kinerja Program dan Kerangka Pendanaan", None, None, None,
              "Unit Kerja Perangkat Daerah Penanggung Jawab"]
    for column, value in enumerate(header, 1):
        ws.cell(3, column, value)
    for column, value in enumerate(["Urusan", "Bidang", "Program", "Kegiatan", "Sub Kegiatan"], 3):
        ws.cell(4, column, value)
    for column, value in ((11, "Tahun 2025"), (13, "Tahun 2026")):
        ws.cell(4, column, value)
    for column, value in enumerate(["Target", "Rp", "Target", "Rp"], 11):
        ws.cell(5, column, value)
    for column in range(1, 16):
        ws.cell(6, column, f"({column})")
    for area in ("A3:A5", "B3:B5", "C3:G3", "C4:C5", "D4:D5", "E4:E5", "F4:F5", "G4:G5", "H3:H5", "I3:I5",
                 "J3:J5", "K3:N3", "K4:L4", "M4:N4", "O3:O5"):
        ws.merge_cells(area)
    rows = [
        ["Tujuan contoh", None, None, None, None, None, None, None, "Indeks contoh", "70", "72", None, "74", None, None],
        [None, "Sasaran contoh", None, None, None, None, None, None, "Persentase contoh", "80", "85", None, "90", None, None],
        [None, None, "X", "XX", None, None, None, "Urusan contoh", None, None, None, None, None, None, None],
        [None, None, "X", "XX", "01", None, None, "Program Penunjang Contoh", "Nilai SAKIP", "B", "BB", 7742388142,
         "A", 8000000000, "Sekretariat"],
        [None, None, None, None, None, None, None, None, "Persentase dokumen tepat waktu", "90", "95", None, "100",
         None, None],
        [None, None, "X", "XX", "01", "2.01", None, "Perencanaan Contoh", "Jumlah dokumen", "5", 6, 150000000, 1.5,
         None, "Subbag Program"],
        [None, None, "X", "XX", "01", "2.01", "0001", "Penyusunan Dokumen Contoh", "Jumlah dokumen disusun", None,
         "2", 50000000, "2", 55000000, None],
    ]
    for number, cells in enumerate(rows, 7):
        for column, value in enumerate(cells, 1):
            if value is not None:
                ws.cell(number, column, value)
    # Repeated parents, merged as templates merge them.
    for area in ("A7:A13", "B8:B13", "H10:H11", "O10:O11", "C10:C11", "D10:D11", "E10:E11"):
        ws.merge_cells(area)
    wb.save(path)
    return path


def test_a_renstra_matrix_imports_every_program_kegiatan_indicator_and_target(tmp_path):
    imported = import_spreadsheet(renstra_workbook(tmp_path / "renstra.xlsx"), "Dinas Contoh", 2025)
    assert imported.relative_path == Path("dinas-contoh/2025.yaml")
    cf = loaded_from(imported.text, tmp_path / "data", imported.slug, imported.label)
    (tujuan,) = cf.cascade.tujuan
    (sasaran,) = tujuan.sasaran
    (program,) = sasaran.program
    (kegiatan,) = program.kegiatan
    (sub,) = kegiatan.sub_kegiatan
    assert (tujuan.uraian, [i.target for i in tujuan.indikator]) == ("Tujuan contoh", [{2025: "72", 2026: "74"}])
    assert [i.uraian for i in sasaran.indikator] == ["Persentase contoh"]
    assert (program.uraian, program.kode) == ("Program Penunjang Contoh", "X.XX.01")
    assert [(i.uraian, i.target) for i in program.indikator] == [
        ("Nilai SAKIP", {2025: "BB", 2026: "A"}), ("Persentase dokumen tepat waktu", {2025: "95", 2026: "100"})]
    assert (kegiatan.uraian, kegiatan.kode, kegiatan.indikator[0].target) == (
        "Perencanaan Contoh", "X.XX.01.2.01", {2025: "6", 2026: "1,5"})
    assert (sub.uraian, sub.kode, sub.indikator[0].target) == (
        "Penyusunan Dokumen Contoh", "X.XX.01.2.01.0001", {2025: "2", 2026: "2"})
    # Pagu per year and penanggung jawab are data of the item whose row they are on; a bidang urusan row names
    # the programs below it; a baseline column without a year is read as the year before the first target.
    assert (program.pagu, program.penanggung_jawab, program.bidang_urusan) == (
        {2025: "7742388142", 2026: "8000000000"}, "Sekretariat", "X.XX Urusan contoh")
    assert (kegiatan.pagu, kegiatan.penanggung_jawab) == ({2025: "150000000"}, "Subbag Program")
    assert sub.pagu == {2025: "50000000", 2026: "55000000"}
    assert [i.baseline for i in program.indikator] == [{2024: "B"}, {2024: "90"}]
    text = imported.text
    assert "# TEBAKAN, periksa: tahun baseline 2024 adalah tahun sebelum target pertama; judul kolom 'Data Capaian " \
           "pada Tahun Awal Perencanaan' tidak memuat tahun" in text
    assert text.count("# TEBAKAN, periksa: tipe_penghitungan tidak tercantum") == 6
    assert "format belum mendukung" not in text


def test_a_csv_matrix_with_codes_in_one_column_imports(tmp_path):
    csv_file = tmp_path / "renja.csv"
    csv_file.write_text(
        "Tujuan;Sasaran;Kode;Program/Kegiatan/Sub Kegiatan;Indikator Kinerja;Satuan;Tipe penghitungan;Polaritas;"
        "Target 2025;Pagu Indikatif 2025\n"
        "Tujuan A;Sasaran A;;;Indeks A;poin;non kumulatif;positif;3,5;\n"
        "Tujuan A;Sasaran A;X.XX.01;Program A;Persentase A;%;Kumulatif;negatif;007;1.000.000\n"
        "Tujuan A;Sasaran A;X.XX.01;Program A;Jumlah A;dokumen;;;1.500;\n",
        encoding="utf-8-sig")
    imported = import_spreadsheet(csv_file, "Kecamatan Contoh", 2025)
    cf = loaded_from(imported.text, tmp_path / "data", imported.slug, imported.label)
    sasaran = cf.cascade.tujuan[0].sasaran[0]
    assert [(i.uraian, i.target) for i in sasaran.indikator] == [("Indeks A", {2025: "3,5"})]
    (program,) = sasaran.program
    assert [(i.uraian, i.tipe_penghitungan, i.polaritas, i.satuan, i.target) for i in program.indikator] == [
        ("Persentase A", "kumulatif", "negatif", "%", {2025: "007"}),
        ("Jumlah A", "non_kumulatif", None, "dokumen", {2025: "1.500"})]
    assert program.pagu == {2025: "1.000.000"}
    assert "# polaritas tidak tercantum: dibiarkan kosong; positif | negatif" in imported.text


def test_the_sites_own_csv_download_is_refused_with_the_workbook_to_import_instead(tmp_path):
    # One row per indicator: a program without indicators, pagu and quarters are not in it.
    download = tmp_path / "2023.csv"
    download.write_text(to_csv(real_cascades()[0].tree), encoding="utf-8-sig")
    with pytest.raises(SpreadsheetError) as caught:
        import_spreadsheet(download)
    (problem,) = caught.value.problems
    assert problem.startswith("2023.csv: ini unduhan CSV situs ini, yang hanya memuat indikator")
    assert problem.endswith("impor unduhan XLSX-nya (/data/<perangkat-daerah>/<tahun>.xlsx)")


def test_a_broken_workbook_gets_sheet_and_cell_messages(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Renstra"
    for row in (["Tujuan", "Sasaran", "Kode", "Program/Kegiatan", "Indikator"],
                ["Tujuan A", "Sasaran A", "X.XX.01", None, "Indeks A"],
                [None, None, "X.XX.01.2.01", "Kegiatan tanpa program", "Jumlah A"]):
        ws.append(row)
    wb.save(tmp_path / "rusak.xlsx")
    with pytest.raises(SpreadsheetError) as caught:
        import_spreadsheet(tmp_path / "rusak.xlsx", "Dinas Contoh", 2025)
    assert caught.value.problems[0] == "Renstra!D2: kode X.XX.01 tanpa nama program/kegiatan"


def test_a_matrix_without_tujuan_and_sasaran_columns_is_refused_at_its_header(tmp_path):
    wb = Workbook()
    wb.active.title = "Renja"
    wb.active.append(["Kode", "Program/Kegiatan", "Indikator Kinerja", "Target 2025"])
    wb.save(tmp_path / "renja.xlsx")
    with pytest.raises(SpreadsheetError) as caught:
        import_spreadsheet(tmp_path / "renja.xlsx", "Dinas Contoh", 2025)
    assert caught.value.problems == [
        "Renja!A1: kolom Tujuan, Sasaran tidak ditemukan di baris judul tabel; format data cascade memerlukan "
        "tujuan dan sasaran di atas program, dan setiap baris indikator di kolom Indikator (lihat templat impor di "
        "laporan kualitas data)"]


def test_make_import_writes_the_file_and_never_overwrites_without_force(tmp_path):
    source = renstra_workbook(tmp_path / "renstra.xlsx")
    env = {**os.environ, "CASCADE_DATA": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}

    def make_import(*extra: str) -> subprocess.CompletedProcess[str]:
        # -o: the shared virtual environment is set up already; never rebuild it from a test.
        return subprocess.run(["make", "--no-print-directory", "-s", "-o", ".venv/.installed", "import", f"FILE={source}",
                               "PERANGKAT_DAERAH=Dinas Contoh", "TAHUN=2025", *extra],
                              cwd=ROOT, env=env, capture_output=True, text=True)

    first = make_import()
    written = tmp_path / "data" / "dinas-contoh" / "2025.yaml"
    assert first.returncode == 0, first.stderr
    assert f"Ditulis: {written}" in first.stdout and written.is_file()
    written.write_text("# diubah staf\n" + written.read_text(encoding="utf-8"), encoding="utf-8")
    again = make_import()
    assert again.returncode != 0 and "Traceback" not in again.stderr
    assert f"{written} sudah ada; tidak ditimpa. Jalankan lagi dengan FORCE=1 untuk menimpanya" in again.stderr
    assert written.read_text(encoding="utf-8").startswith("# diubah staf")
    assert make_import("FORCE=1").returncode == 0
    assert not written.read_text(encoding="utf-8").startswith("# diubah staf")


def test_a_missing_year_is_asked_for_without_a_traceback(tmp_path):
    source = renstra_workbook(tmp_path / "renstra.xlsx")
    result = subprocess.run([sys.executable, "-m", "macros.import_spreadsheet", str(source)], cwd=ROOT,
                            env={**os.environ, "CASCADE_DATA": str(tmp_path)}, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == ("Impor gagal (1 masalah):\n  renstra.xlsx: nama perangkat daerah dan tahun tidak "
                             "tercantum di berkas; tambahkan PERANGKAT_DAERAH=... TAHUN=... pada perintah make import\n")


@pytest.mark.parametrize("tahun", ["24", "dua ribu", "20245", "1999", "²⁰²⁴", "٢٠٢٤"])
def test_a_year_on_the_command_line_that_is_not_a_whole_year_is_named_as_typed(tahun, tmp_path, monkeypatch, capsys):
    source = renstra_workbook(tmp_path / "renstra.xlsx")
    monkeypatch.setenv("CASCADE_DATA", str(tmp_path / "data"))
    assert import_main([str(source), "--perangkat-daerah", "Dinas Contoh", "--tahun", tahun]) == 1
    assert capsys.readouterr().err == f"TAHUN={tahun}: tulis tahun lengkap (2000–2100), misalnya TAHUN=2024\n"
    assert not (tmp_path / "data").exists()


def test_the_blank_template_has_drop_downs_example_rows_and_imports(tmp_path):
    path = tmp_path / "templat.xlsx"
    path.write_bytes(template_workbook(2025))
    workbook = load_workbook(path)
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    assert header == ["Tujuan", "Sasaran", "Kode", "Program / Kegiatan / Sub Kegiatan", "Sasaran Program / Kegiatan",
                      "Indikator", "Formulasi", "Tipe penghitungan", "Polaritas", "Satuan", "Skala", "Sumber data",
                      "IKU", "Baseline 2024", "Target 2025", "Target 2026", "Realisasi 2025", "Realisasi 2026",
                      "Target akhir", "Pagu 2025 (Rp)", "Pagu 2026 (Rp)", "Penanggung jawab"]
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists == {"H2:H1001": '"kumulatif,non kumulatif"', "I2:I1001": '"positif,negatif"',
                     "K2:K1001": '"opini_bpk,predikat_sakip,mutu_pelayanan"', "M2:M1001": '"ya,tidak"'}
    # Staff fill in the example as they would their own row: a realisasi, and the IKU mark from the list.
    sheet["Q3"], sheet["M3"] = "1", "ya"
    workbook.save(path)
    imported = import_spreadsheet(path, "Dinas Contoh", 2025)
    cf = loaded_from(imported.text, tmp_path / "data", imported.slug, imported.label)
    (program,) = cf.cascade.tujuan[0].sasaran[0].program
    assert (program.kode, program.uraian) == ("X.XX.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota")
    (kegiatan,) = program.kegiatan
    assert (kegiatan.kode, kegiatan.pagu, kegiatan.penanggung_jawab) == (
        "X.XX.01.2.01", {2025: "100.000.000", 2026: "100.000.000"}, "(ganti dengan unit penanggung jawab)")
    (indikator,) = kegiatan.indikator
    assert (indikator.uraian, indikator.tipe_penghitungan, indikator.polaritas, indikator.satuan, indikator.iku) == (
        "Jumlah Dokumen Perencanaan Perangkat Daerah", "non_kumulatif", "positif", "Dokumen", True)
    assert (indikator.baseline, indikator.target, indikator.realisasi, indikator.target_akhir) == (
        {2024: "2"}, {2025: "2", 2026: "2"}, {2025: "1"}, "2")
    assert "TEBAKAN, periksa" not in imported.text and "# tebakan:" not in imported.text
    # Imported as it stands, its examples are named by the lint, each where it would be published as it is.
    examples = [(field_path(issue.loc), issue.message) for issue in check_template_examples(cf.tree)]
    assert sorted(path for path, _ in examples) == [
        "tujuan[0].sasaran[0].program[0].kegiatan[0].indikator[0].sumber_data",
        "tujuan[0].sasaran[0].program[0].kegiatan[0].kode",
        "tujuan[0].sasaran[0].program[0].kegiatan[0].penanggung_jawab",
        "tujuan[0].sasaran[0].program[0].kode", "tujuan[0].sasaran[0].uraian", "tujuan[0].uraian"]
    assert examples[0][1] == ('masih berisi contoh dari templat impor ("(ganti dengan tujuan perangkat daerah)"); '
                              "ganti dengan isi dari dokumen sumbernya, atau hapus bila dokumen tidak menyebutnya")


@pytest.mark.parametrize(("mark", "iku"), [("ya", True), (True, True), (False, False), ("Tidak", False),
                                           ("BENAR", True), ("Salah", False)])
def test_the_iku_column_takes_ya_tidak_or_a_ticked_checkbox(tmp_path, mark, iku):
    path = tmp_path / "templat.xlsx"
    path.write_bytes(template_workbook(2025))
    workbook = load_workbook(path)
    workbook.active["M3"] = mark  # Excel 365's checkbox stores TRUE or FALSE
    workbook.save(path)
    imported = import_spreadsheet(path, "Dinas Contoh", 2025)
    cf = loaded_from(imported.text, tmp_path / "data", imported.slug, imported.label)
    (indikator,) = cf.cascade.tujuan[0].sasaran[0].program[0].kegiatan[0].indikator
    assert indikator.iku is iku


@pytest.mark.parametrize(("skala", "problem"), [
    ("Mutu Pelayanan IKM", None),   # a scale's title or name, in any case, with spaces or '_'
    ("opini BPK", "Renstra!K3: nilai 'B', 'C' bukan peringkat opini BPK"),
    ("ikm", "Renstra!K3: kolom Skala berisi 'ikm'; isi opini_bpk, predikat_sakip, mutu_pelayanan, atau kosongkan"),
    ("-", "Renstra!K3: nilai B, C ada pada predikat SAKIP dan mutu pelayanan IKM; isi kolom Skala dengan "
          "predikat_sakip atau mutu_pelayanan"),
])
def test_a_skala_cell_is_read_by_name_or_title_and_its_grades_checked_at_that_cell(tmp_path, skala, problem):
    path = tmp_path / "templat.xlsx"
    path.write_bytes(template_workbook(2025))
    workbook = load_workbook(path)
    sheet = workbook.active
    # The example indicator becomes an IKM's mutu pelayanan: targets B, realisasi 2025 C.
    sheet["K3"], sheet["O3"], sheet["P3"], sheet["Q3"] = skala, "B", "B", "C"
    workbook.save(path)
    if problem is None:
        imported = import_spreadsheet(path, "Dinas Contoh", 2025)
        cf = loaded_from(imported.text, tmp_path / "data", imported.slug, imported.label)
        (indikator,) = cf.cascade.tujuan[0].sasaran[0].program[0].kegiatan[0].indikator
        assert indikator.skala == "mutu_pelayanan"
        assert cf.tree.kinerja(indikator, 2025, cf.aturan).persen == "66,7%"
        return
    with pytest.raises(SpreadsheetError) as caught:
        import_spreadsheet(path, "Dinas Contoh", 2025)
    assert [p for p in caught.value.problems if p.startswith(problem)], caught.value.problems


def test_the_template_is_linked_from_the_data_quality_report(site):
    soup = soup_of(site, "laporan-kualitas-data/")
    link = soup.find("a", string="templat impor (XLSX)")
    assert link is not None
    target = (site / "laporan-kualitas-data" / link["href"]).resolve()
    assert target == (site / "data" / "templat-impor-cascade.xlsx").resolve() and target.is_file()


def test_write_imported_refuses_an_existing_file(tmp_path):
    imported = import_spreadsheet(renstra_workbook(tmp_path / "r.xlsx"), "Dinas Contoh", 2025)
    write_imported(imported, tmp_path / "data")
    with pytest.raises(SpreadsheetError):
        write_imported(imported, tmp_path / "data")
    assert yaml.safe_load((tmp_path / "data" / "dinas-contoh" / "2025.yaml").read_text())["tahun"] == 2025
