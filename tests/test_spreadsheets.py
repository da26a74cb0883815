"""Spreadsheets keep what staff typed: codes and targets such as `007`, `01.02`, `1.10`, `1/2` and `-5%` arrive
in the XLSX as text cells, and the CSV puts no apostrophe before a number."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from macros.model import Cascade, CascadeFile
from macros.render.downloads import to_xlsx
from macros.render.export import to_csv

CODES = ["007", "01.02", "1.10"]
TARGETS = ["1/2", "-5%", "007"]


@pytest.fixture
def typed(kebasen) -> CascadeFile:
    """Kebasen with program codes and an indicator's code and targets that spreadsheets like to reinterpret."""
    data = kebasen.cascade.model_dump(exclude_none=True)
    programs = data["tujuan"][0]["sasaran"][0]["program"]
    for program, kode in zip(programs, CODES):
        program["kode"] = kode
    indikator = programs[0]["indikator"][0]
    indikator["kode"] = "01.02.007"
    indikator["target"] = dict(zip((2023, 2024, 2025), TARGETS))
    return CascadeFile(kebasen.slug, kebasen.path, Cascade.model_validate(data))


def _sheet_rows(content: bytes) -> list[list[object]]:
    """The first sheet's cells: "Indikator" in our XLSX, the only sheet of a converted CSV."""
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _by_header(rows: list[list[object]]) -> list[dict[str, object]]:
    header, *body = rows
    return [dict(zip(header, row)) for row in body]


def test_xlsx_keeps_codes_and_targets_as_typed_text(typed):
    rows = _by_header(_sheet_rows(to_xlsx(typed.tree)))
    assert [row["Kode program"] for row in rows if row["Level"] == "program"][:3] == CODES
    (first,) = [row for row in rows if row["Kode indikator"] == "01.02.007"]
    assert [first["Target 2023"], first["Target 2024"], first["Target 2025"]] == TARGETS


def test_csv_shows_no_apostrophe_before_a_number_and_guards_formulas(typed):
    rows = _by_header(list(csv.reader(io.StringIO(to_csv(typed.tree).removeprefix("\ufeff")))))
    (first,) = [row for row in rows if row["Kode indikator"] == "01.02.007"]
    assert [first["Target 2023"], first["Target 2024"], first["Target 2025"]] == TARGETS
    assert [row["Kode program"] for row in rows if row["Level"] == "program"][:3] == CODES


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) tidak terpasang: uji konversi CSV dilewati")
def test_libreoffice_opening_the_csv_changes_what_the_note_warns_about(typed, tmp_path):
    """What the note beside the CSV download says: Calc, with default settings, reads the target `007` as the
    number 7, which is why the page points to the XLSX (whose text cells the tests above read back)."""
    (tmp_path / "cascade.csv").write_text(to_csv(typed.tree), encoding="utf-8")
    subprocess.run([_soffice(), "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "xlsx", "--outdir", str(tmp_path / "out"), str(tmp_path / "cascade.csv")],
                   check=True, capture_output=True, timeout=180)
    rows = _by_header(_sheet_rows((tmp_path / "out/cascade.xlsx").read_bytes()))
    (first,) = [row for row in rows if str(row["Kode indikator"]) == "01.02.007"]
    assert first["Target 2025"] == 7
