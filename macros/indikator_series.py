"""One indicator across a perangkat daerah's years: the rows of its cascade files that are the same indicator.

The same indicator is found by its `kode` when it has one, otherwise by its text (`uraian`) normalised: Unicode
NFKC, case folded, whitespace folded, so that a re-typed capital or a line break pasted from a PDF does not split
it. A cascade may state the same indicator twice (Kebasen's Program 5 repeats a sub kegiatan's indicator word for
word): the n-th statement of a year matches the n-th of every other year, so each year gives an indicator one
row. Pure: no MkDocs, no addresses beyond the page name `macros.naming` makes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .kinerja import KinerjaTahun, years_of
from .model import CascadeFile, Indikator
from .naming import indikator_slug
from .tree import IndikatorRow


@dataclass(frozen=True)
class IndikatorSeries:
    """One indicator of a perangkat daerah: `key` (what matched its rows), `slug` (its page's name, unique within
    the perangkat daerah) and its rows as (cascade file, row), oldest year first, one per year."""

    key: tuple[str, str, int]
    slug: str
    rows: tuple[tuple[CascadeFile, IndikatorRow], ...]

    @property
    def newest(self) -> tuple[CascadeFile, IndikatorRow]:
        """The newest year's file and row: its definition is the one the page states."""
        return self.rows[-1]


@dataclass(frozen=True)
class TahunSeries:
    """An indicator's year: its values and capaian, and the year of the cascade file they were read from."""

    kinerja: KinerjaTahun
    menurut: int


def kinerja_per_tahun(series: IndikatorSeries) -> list[TahunSeries]:
    """Every year of the indicator, oldest first: the years of the files that state it and the years those files
    give values for (a Renstra's targets for the coming years). A year's values come from that year's own file;
    a year without one takes them from the newest file that states values for it."""
    own = {cf.tahun: (cf, row) for cf, row in series.rows}
    stated = {year for _, row in series.rows for year in years_of(row.indikator)}
    years = []
    for year in sorted(own.keys() | stated):
        cf, row = own.get(year) or next((cf, row) for cf, row in reversed(series.rows)
                                        if year in years_of(row.indikator))
        years.append(TahunSeries(cf.tree.kinerja(row.indikator, year, cf.aturan), cf.tahun))
    return years


def normalised_text(text: str) -> str:
    """Text compared for sameness: NFKC, case folded, runs of whitespace as one space, trimmed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def indikator_key(indikator: Indikator) -> tuple[str, str]:
    """What identifies an indicator across years: ('kode', <kode>) when it has one, else ('uraian', <normalised>)."""
    if indikator.kode:
        return ("kode", indikator.kode.strip())
    return ("uraian", normalised_text(indikator.uraian))


def match_indikator(files: Iterable[CascadeFile]) -> list[IndikatorSeries]:
    """The indicators of one perangkat daerah's cascade files, each with its row of every year that states it.

    Series come in the order their first row appears (oldest year first, then source order); slugs are made
    from the kode or text and made unique with '-2', '-3', ... in that order.
    """
    grouped: dict[tuple[str, str, int], list[tuple[CascadeFile, IndikatorRow]]] = {}
    for cf in sorted(files, key=lambda cf: cf.tahun):
        seen: dict[tuple[str, str], int] = {}
        for row in cf.tree.indikator:
            base = indikator_key(row.indikator)
            seen[base] = seen.get(base, 0) + 1
            grouped.setdefault((*base, seen[base]), []).append((cf, row))
    series: list[IndikatorSeries] = []
    taken: set[str] = set()
    for key, rows in grouped.items():
        kind, value, occurrence = key
        first = rows[0][1].indikator
        base = indikator_slug(first.kode if kind == "kode" and first.kode else first.uraian)
        slug = base if occurrence == 1 and base not in taken else _free(base, taken)
        taken.add(slug)
        series.append(IndikatorSeries(key, slug, tuple(rows)))
    return series


def _free(base: str, taken: set[str]) -> str:
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
