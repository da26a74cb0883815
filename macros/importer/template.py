"""The blank workbook staff fill in for `make import`: the matrix header `macros.importer.columns` recognises,
drop-down lists for tipe_penghitungan, polaritas, skala and IKU, and two example rows.

The example rows are the Permendagri 90 nomenclature's first program and first kegiatan, with the indicator
Kepmendagri 050-5889/2021 gives that kegiatan, not data of any perangkat daerah: their tujuan and sasaran cells
say they are to be replaced, and their numbers (target, pagu) show only how a value is typed.
"""

from __future__ import annotations

import datetime
import io

import xlsxwriter

from ..nilai import SKALA

SHEET = "Renstra"
_YEARS = 2
# Drop-down lists: the column's header → the choices the importer reads.
CHOICES = {"Tipe penghitungan": ["kumulatif", "non kumulatif"], "Polaritas": ["positif", "negatif"],
           "Skala": list(SKALA), "IKU": ["ya", "tidak"]}


def template_columns(first_year: int) -> list[str]:
    """The header row: names the importer recognises; a baseline column for the year before `first_year`, then a
    Target, a Realisasi and a Pagu column per year from `first_year`."""
    years = range(first_year, first_year + _YEARS)
    return ["Tujuan", "Sasaran", "Kode", "Program / Kegiatan / Sub Kegiatan", "Sasaran Program / Kegiatan",
            "Indikator", "Formulasi", "Tipe penghitungan", "Polaritas", "Satuan", "Skala", "Sumber data", "IKU",
            f"Baseline {first_year - 1}", *(f"Target {year}" for year in years),
            *(f"Realisasi {year}" for year in years), "Target akhir", *(f"Pagu {year} (Rp)" for year in years),
            "Penanggung jawab"]


def _examples(first_year: int) -> list[dict[str, str]]:
    """The example rows by column header: a program row, then a kegiatan row with its indicator."""
    years = range(first_year, first_year + _YEARS)
    program = {"Tujuan": "(ganti dengan tujuan perangkat daerah)", "Sasaran": "(ganti dengan sasaran strategis)",
               "Kode": "X.XX.01", "Program / Kegiatan / Sub Kegiatan":
               "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"}
    kegiatan = {"Kode": "X.XX.01.2.01",
                "Program / Kegiatan / Sub Kegiatan": "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
                "Sasaran Program / Kegiatan": "Tersusunnya Dokumen Perencanaan Perangkat Daerah",
                "Indikator": "Jumlah Dokumen Perencanaan Perangkat Daerah",
                "Formulasi": "Jumlah dokumen perencanaan yang disusun", "Tipe penghitungan": "non kumulatif",
                "Polaritas": "positif", "Satuan": "Dokumen", "Sumber data": "(ganti dengan sumber datanya)",
                "IKU": "tidak", f"Baseline {first_year - 1}": "2", "Target akhir": "2",
                "Penanggung jawab": "(ganti dengan unit penanggung jawab)",
                **{f"Target {year}": "2" for year in years}, **{f"Pagu {year} (Rp)": "100.000.000" for year in years}}
    return [program, kegiatan]


def template_workbook(first_year: int) -> bytes:
    """The template as .xlsx bytes; the same `first_year` gives the same bytes."""
    columns = template_columns(first_year)
    out = io.BytesIO()
    with xlsxwriter.Workbook(out, {"in_memory": True}) as workbook:
        workbook.set_properties({"title": "Templat impor cascading kinerja", "author": "Cascading Kinerja",
                                 "created": datetime.datetime(first_year, 1, 1)})
        header = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DCE3F5"})
        example = workbook.add_format({"italic": True, "font_color": "#555555", "text_wrap": True, "valign": "top"})
        text = workbook.add_format({"num_format": "@", "text_wrap": True, "valign": "top"})
        sheet = workbook.add_worksheet(SHEET)
        sheet.write_row(0, 0, columns, header)
        for row, values in enumerate(_examples(first_year), 1):
            for column, name in enumerate(columns):
                sheet.write_string(row, column, values.get(name, ""), example)
        # Text format for every column: Excel then keeps 01.02, 1:20 and 7.742.388.142 as typed instead of making
        # numbers of them.
        sheet.set_column(0, len(columns) - 1, 24, text)
        last = 1000
        for name, choices in CHOICES.items():
            column = columns.index(name)
            sheet.data_validation(1, column, last, column, {
                "validate": "list", "source": choices, "error_title": name,
                "error_message": f"Pilih salah satu: {', '.join(choices)}"})
        sheet.write_comment(1, 0, "Baris contoh (baris 2 dan 3): ganti isinya, atau hapus barisnya sebelum diimpor.")
        sheet.freeze_panes(1, 0)
    return out.getvalue()
