"""The data format takes what real documents hold: fields left out when the source does not state them,
and the optional fields real Renstra and Renja tables carry, each shown where a reader looks for it."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import replace

from bs4 import BeautifulSoup

from macros.model import Cascade, CascadeFile
from macros.naming import anchor
from macros.render.catalog import render_catalog_page
from macros.render.export import indikator_table, to_csv
from macros.render.pages import render_overview_page

from .helpers import flat, markdown_to_html


def changed(kebasen: CascadeFile, change: Callable[[dict], None]) -> CascadeFile:
    """The real cascade as code builds it, with `change(data)` applied to its data first."""
    data = kebasen.cascade.model_dump(exclude_none=True, exclude_unset=True)
    change(data)
    return replace(kebasen, cascade=Cascade.model_validate(data), lines={})


def html_of(markdown_text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown_to_html(markdown_text), "html.parser")


def without_tipe_and_polaritas(data: dict) -> None:
    first = data["tujuan"][0]["indikator"][0]
    del first["tipe_penghitungan"], first["polaritas"]


def test_tipe_and_polaritas_left_out_are_shown_as_tidak_tercantum_not_invented(kebasen):
    cf = changed(kebasen, without_tipe_and_polaritas)
    row = cf.tree.indikator[0]
    assert (row.indikator.tipe_penghitungan, row.indikator.polaritas) == (None, None)
    page = html_of(render_overview_page(cf, [cf]))
    cells = [flat(cell.get_text(" ")) for cell in page.find("tr", id=anchor(row.id)).find_all(["th", "td"])]
    assert cells[3:5] == ["tidak tercantum", "tidak tercantum"]
    assert cells[3:5] == [flat(cell.get_text(" ")) for cell in page.find("tr", id=anchor(row.id)).find_all("td")[2:4]]
    # A row that states them keeps its words and their links to the glossary.
    other = page.find("tr", id=anchor(cf.tree.indikator[1].id)).find_all("td")
    assert [flat(cell.get_text(" ")) for cell in other[2:4]] == ["Non kumulatif", "Positif (makin tinggi makin baik)"]
    assert [cell.find("a", class_="istilah")["href"].split("#")[-1] for cell in other[2:4]] == [
        "non-kumulatif", "polaritas"]


def test_tipe_and_polaritas_left_out_are_empty_cells_in_the_downloads(kebasen):
    cf = changed(kebasen, without_tipe_and_polaritas)
    (header, first, *_) = list(csv.reader(io.StringIO(to_csv(cf.tree))))
    assert first[header.index("Tipe penghitungan")] == "" and first[header.index("Polaritas")] == ""
    table = indikator_table(cf.tree)
    assert table.rows[1][table.columns.index("Polaritas")] == "positif"


def test_the_catalog_filters_indicators_whose_tipe_is_not_stated(kebasen):
    cf = changed(kebasen, without_tipe_and_polaritas)
    page = html_of(render_catalog_page(cf))
    choices = {option["value"]: option.get_text() for option in page.find("select", attrs={"name": "tipe"}).find_all("option")}
    assert choices["tidak_tercantum"] == "Tidak tercantum"
    row = page.find("tr", id=anchor(cf.tree.indikator[0].id))
    assert row["data-tipe"] == "tidak_tercantum"
    assert flat(row.get_text(" ")).count("tidak tercantum") == 2
