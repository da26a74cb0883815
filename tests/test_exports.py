"""Downloads read back as a spreadsheet user gets them: CSV with the csv module, XLSX with openpyxl, the ZIP."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from openpyxl import load_workbook

from macros.load import load_cascades
from macros.model import Cascade, CascadeFile
from macros.tree import walk
from macros.render.downloads import ZIP_TIMESTAMP, cascade_downloads, to_archive, to_xlsx
from macros.render.export import neutralise, to_csv, to_json

from .helpers import ROOT

CONTOH = ROOT / "tests/fixtures/capaian/cascade_data"

# The model strips surrounding whitespace, so tab and CR starts are tested on `neutralise` alone.
HOSTILE_STARTS = ["=HYPERLINK(\"http://x.test\",\"klik\")", "+1+2", "-2+3", "@SUM(A1:A2)", "=1+1", "-"]


def read_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "CSV must start with a byte order mark so that Excel reads UTF-8"
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def sheet_records(workbook, title: str) -> list[dict[str, object]]:
    rows = list(workbook[title].iter_rows(values_only=True))
    return [dict(zip(rows[0], (("" if v is None else v) for v in row))) for row in rows[1:]]


def expected_lineage(cascade: Cascade) -> dict[str, dict[str, str]]:
    """Per indicator ID, the names of the items above it, worked out from the nested model."""
    rows = walk(cascade).indikator
    names: dict[str, dict[str, str]] = {}

    def add(item, lineage: dict[str, str]) -> dict[str, str]:
        names.update({row.id: lineage for row in rows if row.owner.item is item})
        return lineage

    for t in cascade.tujuan:
        lt = add(t, {"Tujuan": t.uraian})
        for s in t.sasaran:
            ls = add(s, {**lt, "Sasaran": s.uraian})
            for p in s.program:
                lp = add(p, {**ls, "Program": p.uraian, "Sasaran program": p.sasaran or ""})
                for k in p.kegiatan:
                    lk = add(k, {**lp, "Kegiatan": k.uraian, "Sasaran kegiatan": k.sasaran or ""})
                    for sk in k.sub_kegiatan:
                        add(sk, {**lk, "Sub Kegiatan": sk.uraian, "Sasaran sub kegiatan": sk.sasaran or ""})
    assert len(names) == len(rows)
    return names


LEVEL_NAME_COLUMNS = ["Tujuan", "Sasaran", "Program", "Sasaran program", "Kegiatan", "Sasaran kegiatan",
                      "Sub Kegiatan", "Sasaran sub kegiatan"]


def assert_records_match_model(records: list[dict[str, object]], cf: CascadeFile) -> None:
    rows = cf.tree.indikator
    assert [r["ID indikator"] for r in records] == [row.id for row in rows]
    assert len({r["ID indikator"] for r in records}) == len(records), "every indicator exactly once"
    lineage = expected_lineage(cf.cascade)
    for record, row in zip(records, rows):
        ind = row.indikator
        assert record["Level"] == row.owner.level
        assert record["Nomor item"] == row.owner.position
        assert (record["Indikator"], record["Formulasi"], record["Sumber data"]) == (
            ind.uraian, ind.formulasi, ind.sumber_data)
        assert (record["Tipe penghitungan"], record["Polaritas"]) == (ind.tipe_penghitungan or "", ind.polaritas or "")
        assert record["Perangkat daerah"] == cf.cascade.perangkat_daerah
        for column in LEVEL_NAME_COLUMNS:
            assert record[column] == lineage[row.id].get(column, ""), (row.id, column)


def test_csv_has_one_row_per_indicator_with_every_level_named(kebasen):
    records = read_csv(to_csv(kebasen.tree))
    assert len(records) == 45
    assert_records_match_model(records, kebasen)
    assert all(r["Tahun"] == "2023" for r in records)
    first_sub = next(r for r in records if r["Level"] == "sub_kegiatan")
    assert first_sub["Program"] and first_sub["Kegiatan"] and first_sub["Sub Kegiatan"]
    tujuan_row = records[0]
    assert tujuan_row["Level"] == "tujuan" and tujuan_row["Sasaran"] == tujuan_row["Program"] == ""


def test_csv_columns_are_indonesian_and_complete(kebasen):
    header = next(csv.reader(io.StringIO(to_csv(kebasen.tree).removeprefix("\ufeff"))))
    assert header[:5] == ["ID indikator", "Level", "Nomor item", "Perangkat daerah", "Tahun"]
    for column in ["Kode program", "Kode kegiatan", "Kode sub kegiatan", "Kode indikator", "Satuan",
                   *LEVEL_NAME_COLUMNS]:
        assert column in header


def test_xlsx_indikator_sheet_equals_the_model_and_the_csv(kebasen):
    workbook = load_workbook(io.BytesIO(to_xlsx(kebasen.tree)))
    assert workbook.sheetnames == ["Indikator", "Triwulan", "Tujuan", "Sasaran", "Program", "Kegiatan", "Sub Kegiatan",
                                  "Cascade"]
    records = sheet_records(workbook, "Indikator")
    assert_records_match_model(records, kebasen)
    assert all(r["Tahun"] == 2023 for r in records)
    csv_records = read_csv(to_csv(kebasen.tree))
    assert [{k: str(v) for k, v in r.items()} for r in records] == csv_records


def test_xlsx_leaves_a_cell_without_a_value_blank_not_an_empty_text(kebasen):
    # Excel's ISBLANK and Go To Special > Blanks see an empty text as filled.
    workbook = load_workbook(io.BytesIO(to_xlsx(kebasen.tree)))
    values = [cell.value for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert "" not in values and None in values


def test_xlsx_cells_of_text_and_blank_cells_keep_what_is_typed_into_them_later(kebasen):
    # Formatted as Text, a cell keeps '7-8', '1:20' or '007' typed in Excel as typed, not as a date, time or 7;
    # the capaian the site computed stay numbers.
    workbook = load_workbook(io.BytesIO(to_xlsx(kebasen.tree)))
    cells = [cell for sheet in workbook for row in sheet.iter_rows(min_row=2) for cell in row]
    assert all(cell.number_format == "@" for cell in cells if cell.value is None or isinstance(cell.value, str))
    numbers = [cell for cell in cells if isinstance(cell.value, (int, float))]
    assert numbers and all(cell.number_format == "General" for cell in numbers)
    # So are the rows staff add below the table: each column's own format is Text.
    for sheet in workbook:
        text_columns = {n for column in sheet.column_dimensions.values() if column.number_format == "@"
                        for n in range(column.min, column.max + 1)}
        assert text_columns >= set(range(1, sheet.max_column + 1)), sheet.title


def test_xlsx_capaian_show_one_decimal_as_the_pages_do_and_the_years_none():
    # In General format Excel showed 105 and 100 where the pages show 105,0 and 100,0.
    (cf,) = load_cascades(CONTOH)
    sheet = load_workbook(io.BytesIO(to_xlsx(cf.tree, cf.aturan)))["Indikator"]
    header = [cell.value for cell in sheet[1]]
    column = {name: [row[header.index(name)] for row in sheet.iter_rows(min_row=2)] for name in header}
    capaian = [cell for cell in column["Capaian 2024 (%)"] if cell.value is not None]
    assert 75.0 in [cell.value for cell in capaian]  # Opini BPK: WDP for WTP
    assert {cell.number_format for cell in capaian} == {"0.0"}
    assert {cell.number_format for cell in column["Tahun"]} == {"General"}


def test_xlsx_sheets_print_on_a4_at_a_readable_size_with_the_header_and_id_on_every_page(kebasen):
    # The Indikator sheet's 35 columns printed over pages of a few columns each, the header on the first only; then,
    # one page wide, at 13% of their size.
    workbook = load_workbook(io.BytesIO(to_xlsx(kebasen.tree)))
    for sheet in workbook.worksheets:
        setup = sheet.page_setup
        assert (setup.orientation, setup.paperSize) == ("landscape", 9), sheet.title
        assert (sheet.print_title_rows, sheet.print_title_cols) == ("$1:$1", "$A:$A"), sheet.title
        # As few pages across as print some 185 characters of columns a page (text at about 70%), as many down as
        # it takes (0). (A width read back carries Excel's padding, under a character a column.)
        widths = [column.width for column in sheet.column_dimensions.values()
                  for _ in range(column.min, column.max + 1)]
        # Each page across prints the first column again beside its share of the others.
        first, rest, across = widths[0], sum(widths[1:]), setup.fitToWidth or 1
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and setup.fitToHeight == 0, sheet.title
        assert (across - 1) * (185 - first) < rest <= across * (185 - first) + sheet.max_column, sheet.title
        assert sheet.oddFooter.left.text == "&A" and sheet.oddFooter.right.text == "Halaman &P dari &N"
    assert workbook["Indikator"].page_setup.fitToWidth >= 3 and workbook["Cascade"].page_setup.fitToWidth in (None, 1)


def test_xlsx_properties_name_whose_data_it_is(kebasen):
    # Excel's File > Info said "Cascading Kinerja", the software, wrote every workbook.
    properties = load_workbook(io.BytesIO(to_xlsx(kebasen.tree))).properties
    assert (properties.title, properties.creator) == ("Cascading kinerja Kecamatan Kebasen 2023", "Kecamatan Kebasen")
    assert properties.keywords == "SAKIP, cascading kinerja, indikator kinerja"


def test_xlsx_does_not_flag_values_kept_as_text_as_numbers_stored_as_text(kebasen):
    # Excel marks a text cell that looks like a number ('26', '01.01') with a green triangle and offers to convert
    # it, which would turn '01.01' into 1.01: every sheet tells Excel these are meant as text.
    with zipfile.ZipFile(io.BytesIO(to_xlsx(kebasen.tree))) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
        assert sheets
        for name in sheets:
            assert '<ignoredError sqref="A1:XFD1048576" numberStoredAsText="1"/>' in archive.read(name).decode(), name


def test_xlsx_has_a_sheet_of_items_per_level(kebasen):
    workbook = load_workbook(io.BytesIO(to_xlsx(kebasen.tree)))
    places = kebasen.tree.nodes
    ids = {}
    for row in kebasen.tree.indikator:
        ids.setdefault(row.owner.position, []).append(row.id)
    for level, title in [("tujuan", "Tujuan"), ("sasaran", "Sasaran"), ("program", "Program"),
                         ("kegiatan", "Kegiatan"), ("sub_kegiatan", "Sub Kegiatan")]:
        records = sheet_records(workbook, title)
        expected = [p for p in places if p.level == level]
        assert [r["Nomor item"] for r in records] == [p.position for p in expected]
        for record, place in zip(records, expected):
            assert record[title] == place.item.uraian
            assert record["Jumlah indikator"] == len(place.item.indikator)
            assert record["ID indikator"] == "\n".join(ids.get(place.position, []))
    assert len(sheet_records(workbook, "Sub Kegiatan")) == sum(1 for p in places if p.level == "sub_kegiatan")


def test_xlsx_sheets_have_frozen_header_filter_widths_and_wrapping(kebasen):
    workbook = load_workbook(io.BytesIO(to_xlsx(kebasen.tree)))
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref == sheet.dimensions, sheet.title
        assert all(cell.font.b for cell in sheet[1])
        # Stored with Excel's cell padding (about 0.71): Excel shows the whole number as the column width.
        widths = [int(sheet.column_dimensions[c.column_letter].width) for c in sheet[1]]
        assert all(8 <= w <= 60 for w in widths), (sheet.title, widths)
        assert all(cell.alignment.wrap_text for row in sheet.iter_rows(min_row=2) for cell in row)
    indikator = workbook["Indikator"]
    header = [c.value for c in indikator[1]]
    width = {name: int(indikator.column_dimensions[c.column_letter].width) for name, c in zip(header, indikator[1])}
    assert width["Formulasi"] == 60 and width["Tahun"] < 15


def test_xlsx_and_zip_are_byte_for_byte_reproducible(kebasen):
    first_xlsx, first_zip = to_xlsx(kebasen.tree), to_archive(cascade_downloads(kebasen))
    assert to_xlsx(kebasen.tree) == first_xlsx
    assert to_archive(cascade_downloads(kebasen)) == first_zip
    for data in (first_xlsx, first_zip):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            # No clock time anywhere: not in the zip entries, not in the workbook's properties.
            assert {info.date_time for info in archive.infolist()} == {ZIP_TIMESTAMP}
    properties = load_workbook(io.BytesIO(first_xlsx)).properties
    assert properties.created.year == properties.modified.year == 2023


def test_archive_holds_every_format_of_every_cascade(kebasen):
    with zipfile.ZipFile(io.BytesIO(to_archive(cascade_downloads(kebasen)))) as archive:
        assert archive.namelist() == ["kecamatan-kebasen/2023.json", "kecamatan-kebasen/2023.csv",
                                      "kecamatan-kebasen/2023.xlsx"]
        assert json.loads(archive.read("kecamatan-kebasen/2023.json")) == json.loads(to_json(kebasen.cascade))
        assert read_csv(archive.read("kecamatan-kebasen/2023.csv").decode("utf-8")) == read_csv(to_csv(kebasen.tree))
        workbook = load_workbook(io.BytesIO(archive.read("kecamatan-kebasen/2023.xlsx")))
        assert_records_match_model(sheet_records(workbook, "Indikator"), kebasen)


@pytest.fixture
def hostile(kebasen) -> CascadeFile:
    """Kebasen with formula-like text in a name, a formula, a source and a sasaran."""
    data = kebasen.cascade.model_dump()
    program = data["tujuan"][0]["sasaran"][0]["program"][0]
    program["uraian"] = HOSTILE_STARTS[0]
    program["sasaran"] = HOSTILE_STARTS[1]
    indikator = program["kegiatan"][0]["indikator"][0]
    indikator["uraian"], indikator["formulasi"], indikator["sumber_data"] = HOSTILE_STARTS[2:5]
    program["kegiatan"][0]["kode"] = HOSTILE_STARTS[5]
    return CascadeFile(kebasen.slug, kebasen.path, Cascade.model_validate(data))


@pytest.mark.parametrize("text", ["=1+1", "+62 812", "-5+A1", "-A1", "@A1", "\t=1", "\r=1", "-5%)"])
def test_neutralise_prefixes_every_formula_start(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["-5", "-5%", "+1,5", "-0.25", "-1.500", "+10%"])
def test_neutralise_leaves_a_typed_number_without_apostrophe(text):
    """A number starts no formula: an apostrophe before it would be published as part of the value."""
    assert neutralise(text) == text


@pytest.mark.parametrize("value", ["Jumlah dokumen", "5 - 3", "", "'kutip", 2023, -5])
def test_neutralise_leaves_other_cells_alone(value):
    assert neutralise(value) == value


def test_csv_neutralises_formula_starts_with_an_apostrophe(hostile):
    cells = [cell for row in csv.reader(io.StringIO(to_csv(hostile.tree).removeprefix("\ufeff"), newline=""))
             for cell in row]
    for text in HOSTILE_STARTS:
        assert "'" + text in cells, repr(text)
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    # Ordinary text is left exactly as it is.
    assert hostile.cascade.tujuan[0].uraian in cells


def test_xlsx_stores_formula_starts_as_text_never_as_formulas(hostile):
    data = to_xlsx(hostile.tree)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    assert sheets and not any("<f>" in sheet or "<f " in sheet for sheet in sheets)
    workbook = load_workbook(io.BytesIO(data))
    found = {}
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value in HOSTILE_STARTS:
                    assert cell.data_type == "s" and cell.quotePrefix, (sheet.title, cell.coordinate)
                    found[cell.value] = True
    assert set(found) == set(HOSTILE_STARTS), "the text itself is kept, shown as typed"
