"""The blank workbook staff fill in for `make import`: the matrix header `macros.importer.matrix` recognises,
drop-down lists for tipe_penghitungan and polaritas, and one example row.

The example row is the Permendagri 90 nomenclature's first kegiatan and the indicator Kepmendagri 050-5889/2021
gives it, not data of any perangkat daerah; its tujuan and sasaran cells say they are to be replaced.
"""

from __future__ import annotations

import datetime
import io

import xlsxwriter

SHEET = "Renstra"
_YEARS = 2


def template_columns(first_year: int) -> list[str]:
    """The header row: names the importer recognises, a Target and a Pagu column per year from `first_year`."""
    years = range(first_year, first_year + _YEARS)
    return ["Tujuan", "Sasaran", "Kode", "Program / Kegiatan / Sub Kegiatan", "Sasaran Program / Kegiatan",
            "Indikator", "Formulasi", "Tipe penghitungan", "Polaritas", "Satuan", "Sumber data",
            *(f"Target {year}" for year in years), *(f"Pagu {year} (Rp)" for year in years), "Penanggung jawab"]


def _example(first_year: int) -> list[str]:
    return ["(ganti dengan tujuan perangkat daerah)", "(ganti dengan sasaran strategis)", "X.XX.01.2.01",
            "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
            "Tersusunnya Dokumen Perencanaan Perangkat Daerah", "Jumlah Dokumen Perencanaan Perangkat Daerah",
            "", "non kumulatif", "positif", "Dokumen", "", *([""] * (2 * _YEARS)), ""]


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
        for column, value in enumerate(_example(first_year)):
            sheet.write_string(1, column, value, example)
        # Text format for every column: Excel then keeps 01.02 and 1:20 as typed instead of making numbers of them.
        sheet.set_column(0, len(columns) - 1, 24, text)
        last = 1000
        for name, choices in (("Tipe penghitungan", ["kumulatif", "non kumulatif"]), ("Polaritas", ["positif", "negatif"])):
            column = columns.index(name)
            sheet.data_validation(1, column, last, column, {
                "validate": "list", "source": choices, "error_title": name,
                "error_message": f"Pilih salah satu: {', '.join(choices)}"})
        sheet.write_comment(1, 0, "Baris contoh: ganti isinya, atau hapus baris ini sebelum diimpor.")
        sheet.freeze_panes(1, 0)
    return out.getvalue()
