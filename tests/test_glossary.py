"""The glossary: every SAKIP term on its page with an anchor, and the same definitions explain table terms in place."""

from __future__ import annotations

import html

import pytest
from bs4 import BeautifulSoup

from macros.glossary import BY_ID, ISTILAH, explain
from macros.naming import program_slug

from .helpers import soup_of

REQUIRED = ["Tujuan", "Sasaran", "Program", "Kegiatan", "Sub Kegiatan", "Indikator Kinerja", "IKU", "Formulasi",
            "Kumulatif", "Non Kumulatif", "Polaritas", "Sumber Data", "Eselon", "Perangkat Daerah", "Cascading"]


def test_every_required_term_has_one_entry_with_a_definition():
    terms = [istilah.term for istilah in ISTILAH]
    assert set(REQUIRED) <= set(terms) and len(terms) == len(set(terms))
    for istilah in ISTILAH:
        assert len(istilah.definition.split()) >= 8, istilah.term


def test_explain_links_to_the_entry_with_the_definition_as_title_and_escapes_it():
    link = BeautifulSoup(explain("Polaritas <x>", "polaritas", "../../"), "html.parser").a
    assert link["href"] == "../../glosarium/#polaritas"
    assert link["title"] == BY_ID["polaritas"].definition
    assert link.get_text() == "Polaritas <x>"
    abbr = BeautifulSoup(explain("IKU", "iku"), "html.parser").abbr
    assert abbr["title"] == BY_ID["iku"].definition and abbr.get_text() == "IKU"


@pytest.mark.slow
def test_glossary_page_is_in_the_navigation_after_tentang_with_an_anchor_per_term(site):
    soup = soup_of(site, "glosarium")
    for istilah in ISTILAH:
        heading = soup.find(id=istilah.id)
        assert heading is not None and heading.name == "h2", istilah.id
        assert heading.get_text().strip().rstrip("#").strip() == istilah.term
        assert " ".join(heading.find_next_sibling("p").get_text().split()) == istilah.definition
    top_level = [" ".join(a.get_text().split()) for a in soup_of(site, "").select(
        "nav.md-nav--primary > ul > li > a, nav.md-nav--primary > ul > li > label")]
    assert top_level.index("Glosarium") == top_level.index("Tentang") + 1


@pytest.mark.slow
def test_table_terms_on_a_program_page_link_to_glossary_entries_that_exist(site, kebasen):
    program = kebasen.programs[4]
    soup = soup_of(site, f"kecamatan-kebasen/2023/program/{program_slug(program)}")
    glossary = soup_of(site, "glosarium")
    headers = soup.select(".indikator-table thead th")
    explained = {th.get_text(): th.select_one("a.istilah") for th in headers if th.select_one("a.istilah")}
    assert set(explained) == {"Indikator kinerja", "Formulasi", "Tipe penghitungan", "Polaritas", "Sumber data",
                              "Target, realisasi dan capaian 2023"}
    values = soup.select(".indikator-table tbody td a.istilah")
    # Kebasen's source states no polaritas for this program's indicators: only the tipe is a glossary term here.
    assert {a.get_text() for a in values} >= {"Kumulatif"}
    first_table = soup.select_one(".indikator-table")
    for link in [*explained.values(), *values]:
        href = link["href"]
        assert href.startswith("../../../../glosarium/#")
        istilah = BY_ID[href.split("#")[1]]
        assert glossary.find(id=istilah.id) is not None
        # The page's first table explains each term in its title too; later tables' rows only link (they would
        # repeat the same definitions in every header and row).
        if first_table in link.parents:
            assert html.unescape(link["title"]) == istilah.definition
        else:
            assert not link.has_attr("title")
    assert first_table.select("a.istilah[title]")
    # Later tables' headers name the columns as the first does, without the links (some twenty to a page).
    later = soup.select(".indikator-table")[1:]
    assert later and all(table.select_one("thead a") is None for table in later)
    assert {th.get_text() for table in later for th in table.select("thead th")} == {"Kode", *explained}
