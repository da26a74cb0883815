"""What `make lint` says about an indicator's targets and realisasi (macros/lint.py reports it as "target"):
values of one year that do not fit together, so that a capaian would be computed from a slip or not at all.

`target_findings(tree)` gives each finding, in Indonesian, for:
- a realisasi in a year without a target (none typed, or only "-"): its capaian cannot be computed;
- in a yearly file, a realisasi of a later year (2025 in 2024.yaml): most often a slip of the year;
- a `skala` stated on an indicator that has values and none of them a grade;
- quarterly targets that do not make the year's target (kumulatif: their sum; non kumulatif: the fourth's);
- a quarter's realisasi left out before one that is reported (I and III, no II) while the year's is not typed: a
  kumulatif capaian to date is then computed without it, and nothing on the page says a quarter is missing;
- a year's realisasi that is not what its four quarters make by the same rule: the capaian takes the year's
  (macros/capaian.py) while the table of quarters beside it shows the other;
- a target (typed, or the year's made by its four quarters) and a realisasi (typed, or, against a target of the
  year alone, the year's made by its four quarters) of which one is a percentage ("98,5%") and the other is not
  and is a fiftieth of it or less, or fifty times it or more ("0,97"): a fraction typed for a percentage, whose
  capaian comes out near 1% or 10.000% (a capaian of 50% to 200% typed so is 50 to 200 times apart);
- a year's quarters of which some are typed with % and some without ("25", "25%"): the year they make takes
  the first one's unit;
- a target and its realisasi (the year's, or else the first quarter's) typed with different unit words
  ("1 dokumen", "1 laporan"; an abbreviation such as "dok" or "bln" is the same word): the capaian compares the
  numbers alone.

`skala_findings(files)` looks across a perangkat daerah's yearly files: the same indicator (`macros.indikator_series`)
graded on another scale than the year before, so that its years' capaian are ranked on different scales while its
page states the newest year's.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from .capaian import TRIWULAN, realisasi_setahun, target_setahun
from .indikator_series import match_indikator
from .kinerja import years_of
from .model import CascadeFile, Indikator, Loc
from .nilai import SKALA, Angka, BukanAngka, Nilai, NilaiTidakTerbaca, format_angka, is_grade, parse_nilai
from .tree import CascadeTree, IndikatorRow

# R / T at or beyond which a percentage against a plain number is taken for a fraction typed for a percentage:
# typed so, a target met at 99% is 99 times apart, one met at 50%, 50 times.
_HUNDREDFOLD = Decimal(50)


def target_findings(tree: CascadeTree) -> Iterator[tuple[IndikatorRow, Loc, str]]:
    """(row, field path, what follows the indicator's name in the message) for each year of each indicator whose
    targets and realisasi do not fit together, and each realisasi of a year after its yearly file's."""
    for row in tree.indikator:
        skala = row.indikator.skala_nilai
        for year in years_of(row.indikator):
            for field, message in _year_findings(row.indikator, year, skala):
                yield row, row.loc + field, message
        typed = row.indikator.semua_nilai
        if row.indikator.skala and _stated(*typed) and not any(map(is_grade, typed)):
            yield row, row.loc + ("skala",), (f": menyatakan 'skala: {row.indikator.skala}' tetapi tidak satu pun "
                                              "nilainya berupa peringkat; hapus skala bila nilainya memang bukan "
                                              "peringkat")
        if tree.cascade.tahun is not None:
            for field in _realisasi_after(row.indikator, tree.cascade.tahun):
                yield row, row.loc + field, (f": realisasi {field[1]} tertulis di cascade tahun {tree.cascade.tahun}, "
                                             f"tahun sesudahnya; periksa tahunnya, atau catat realisasi {field[1]} "
                                             f"di cascade tahun {field[1]}")
            for year in _quarter_targets_of_another_year(row.indikator, tree.cascade.tahun):
                yield row, row.loc + ("target_triwulan", year), (
                    f": target triwulan tertulis untuk tahun {year}, yang tidak punya target atau realisasi lain, "
                    f"dan tidak untuk {tree.cascade.tahun}, tahun cascade ini; periksa tahunnya: realisasi "
                    f"triwulan {tree.cascade.tahun} dibandingkan dengan target tahunnya saja")


def skala_findings(files: list[CascadeFile]) -> Iterator[tuple[CascadeFile, IndikatorRow, Loc, str]]:
    """(file, row, field path, what follows the indicator's name) for each indicator graded on another scale than
    in the perangkat daerah's previous yearly file that grades it (a period file, a Renstra, is left out)."""
    by_body: dict[str, list[CascadeFile]] = {}
    for cf in files:
        if not cf.is_periode:
            by_body.setdefault(cf.slug, []).append(cf)
    for group in by_body.values():
        for series in match_indikator(group):
            # Years with grades only: a `skala` stated beside numbers ranks nothing (`target_findings` says so).
            graded = [(cf, row) for cf, row in series.rows if any(map(is_grade, row.indikator.semua_nilai))]
            for (before, old), (cf, row) in zip(graded, graded[1:]):
                now, then = row.indikator.skala_nilai, old.indikator.skala_nilai
                if now != then:
                    field = ("skala",) if row.indikator.skala else ()
                    yield cf, row, row.loc + field, (
                        f": dinilai dengan skala {SKALA[now].described}, di cascade {before.label} dengan skala "
                        f"{SKALA[then].described}; capaiannya antartahun tidak sebanding. Samakan skalanya, atau beri "
                        "kode lain bila memang indikator yang berbeda")


def _realisasi_after(ind: Indikator, tahun: int) -> Iterator[Loc]:
    """The realisasi fields of years after `tahun` (a target for later years is a plan; a result is not)."""
    for field in ("realisasi", "realisasi_triwulan"):
        for year, values in (getattr(ind, field) or {}).items():
            if year > tahun and _stated(*(values.values() if isinstance(values, dict) else [values])):
                yield field, year


def _quarter_targets_of_another_year(ind: Indikator, tahun: int) -> Iterator[int]:
    """The years other than `tahun` that have quarterly targets and nothing else, when `tahun` has a yearly target
    and quarterly realisasi but no quarterly targets: quarters typed under the wrong year, which leave the year's
    realisasi per quarter against its yearly target alone."""
    if (_stated(*(ind.target_triwulan or {}).get(tahun, {}).values()) or not _stated((ind.target or {}).get(tahun))
            or not _stated(*(ind.realisasi_triwulan or {}).get(tahun, {}).values())):
        return
    for year, quarters in (ind.target_triwulan or {}).items():
        others = [(ind.target or {}).get(year), (ind.realisasi or {}).get(year),
                  *(ind.realisasi_triwulan or {}).get(year, {}).values()]
        if year != tahun and _stated(*quarters.values()) and not _stated(*others):
            yield year


def _year_findings(ind: Indikator, year: int, skala: str | None) -> Iterator[tuple[Loc, str]]:
    target = (ind.target or {}).get(year)
    realisasi = (ind.realisasi or {}).get(year)
    target_quarters = (ind.target_triwulan or {}).get(year, {})
    realisasi_quarters = (ind.realisasi_triwulan or {}).get(year, {})
    if _stated(realisasi, *realisasi_quarters.values()) and not _stated(target, *target_quarters.values()):
        field = "realisasi" if _stated(realisasi) else "realisasi_triwulan"
        yield (field, year), (f" punya realisasi {year} tetapi belum punya target {year}; capaiannya tidak dapat "
                              "dihitung")
    reported = [q for q in TRIWULAN if _stated(realisasi_quarters.get(q))]
    if reported and not _stated(realisasi):
        # A quarter typed "-" is one staff say has none: only one not written at all is a gap.
        gaps = [q for q in TRIWULAN[:TRIWULAN.index(reported[-1])] if realisasi_quarters.get(q) is None]
        if gaps:
            effect = (f"capaian s.d. triwulan {reported[-1]} dijumlahkan tanpa triwulan itu"
                      if ind.tipe_penghitungan == "kumulatif" else f"capaian memakai triwulan {reported[-1]}")
            yield ("realisasi_triwulan", year), (
                f": realisasi triwulan {', '.join(gaps)} {year} belum ditulis padahal triwulan {reported[-1]} sudah; "
                f"{effect}. Tulis realisasinya, atau '-' bila memang tidak ada")
    for values, kind, field in ((target_quarters, "target", "target_triwulan"),
                                (realisasi_quarters, "realisasi", "realisasi")):
        typed = target if kind == "target" else realisasi
        # The year the four quarters make, by the engine's own rule (None until all four are there).
        combined = (target_setahun if kind == "target" else realisasi_setahun)(ind.tipe_penghitungan, None, values,
                                                                               skala)
        made = combined.value if isinstance(combined, Angka) else None
        if typed is not None and made is not None and _number(typed) not in (None, made):
            how = (f"jumlah {kind} triwulan" if ind.tipe_penghitungan == "kumulatif" else f"{kind} triwulan IV")
            after = "" if kind == "target" else f"; capaian memakai realisasi tahun {year}"
            yield (field, year), (f": {how} {year} ({format_angka(made)}) tidak sama dengan {kind} tahun {year} "
                                  f"({typed}){after}")
    # The year's target as typed, else the one its four quarters make (shown with how it was made).
    year_target = target_setahun(ind.tipe_penghitungan, target, target_quarters, skala)
    made_from_quarters = not _stated(target) and isinstance(year_target, Angka)
    planned_year = (f"'{_with_unit(year_target)}' (dari target triwulannya)" if made_from_quarters
                    else f"'{target}'")
    # The year's realisasi as typed, else (against a target of the year alone: the quarters' own targets are
    # compared one by one below) the one its four quarters make.
    year_realisasi = realisasi_setahun(ind.tipe_penghitungan, None, realisasi_quarters, skala)
    if _stated(realisasi) or target_quarters or not isinstance(year_realisasi, Angka):
        year_result = (_angka(realisasi), f"'{realisasi}'")
    else:
        year_result = (year_realisasi, f"'{_with_unit(year_realisasi)}' (dari realisasi triwulannya)")
    pairs = [(str(year), year_target if made_from_quarters else _angka(target), planned_year,
              ("realisasi" if _stated(realisasi) else "realisasi_triwulan", year), *year_result)]
    pairs += [(f"triwulan {q} {year}", _angka(target_quarters.get(q)), f"'{target_quarters.get(q)}'",
               ("realisasi_triwulan", year, q), _angka(realisasi_quarters.get(q)), f"'{realisasi_quarters.get(q)}'")
              for q in TRIWULAN]
    for when, planned, shown, field, result, result_shown in pairs:
        if _hundredfold_apart(planned, result):
            yield field, (f": target {when} {shown} dan realisasinya {result_shown} berbeda sekitar seratus kali "
                          "lipat dan hanya satu yang ditulis dengan %; periksa apakah keduanya ditulis dalam persen "
                          "(misalnya '97%', bukan '0,97')")
    typed_pairs = [(str(year), target, ("realisasi", year), realisasi)]
    typed_pairs += [(f"triwulan {q} {year}", target_quarters.get(q), ("realisasi_triwulan", year, q),
                     realisasi_quarters.get(q)) for q in TRIWULAN]
    # The first pair of the year only: a habit of typing repeats in every quarter.
    for when, planned, field, result in typed_pairs:
        units = (_unit(planned), _unit(result))
        if None not in units and not _same_unit(*units):
            yield field, (f": target {when} '{planned}' dan realisasinya '{result}' ditulis dengan satuan berbeda "
                          f"('{units[0]}' dan '{units[1]}'); capaian hanya membandingkan angkanya, jadi samakan "
                          "satuannya")
            break
    for values, field in ((target_quarters, "target_triwulan"), (realisasi_quarters, "realisasi_triwulan")):
        numbers = [number for number in map(_angka, values.values()) if number is not None]
        if len({_percent(number) for number in numbers}) > 1:
            kind = field.split("_")[0]
            yield (field, year), (f": {kind} triwulan {year} sebagian ditulis dengan % dan sebagian tanpa "
                                  f"({', '.join(repr(text) for text in values.values())}); tulis semuanya dengan "
                                  "satuan yang sama")


def _stated(*values: str | None) -> bool:
    """Whether any of the values says something: typed, and not only "-" or "n/a"."""
    for value in values:
        if value is None:
            continue
        try:
            if not (isinstance(nilai := parse_nilai(value), BukanAngka) and nilai.kosong):
                return True
        except NilaiTidakTerbaca:
            return True
    return False


def _hundredfold_apart(target: Angka | None, realisasi: Angka | None) -> bool:
    if target is None or realisasi is None or target.value <= 0 or realisasi.value <= 0:
        return False
    if _percent(target) == _percent(realisasi):
        return False
    ratio = realisasi.value / target.value
    return ratio <= 1 / _HUNDREDFOLD or ratio >= _HUNDREDFOLD


def _percent(angka: Angka) -> bool:
    return "%" in (angka.satuan or "")


def _with_unit(angka: Angka) -> str:
    """A number made by the engine, with its '%' when its parts had one."""
    return format_angka(angka.value) + ("%" if _percent(angka) else "")


def _nilai(text: str | None) -> Nilai | None:
    """The value of a text by `macros.nilai`'s rule; None for none, or for a text the rule refuses (the capaian
    says why)."""
    try:
        return parse_nilai(text) if text is not None else None
    except NilaiTidakTerbaca:
        return None


def _angka(text: str | None) -> Angka | None:
    value = _nilai(text)
    return value if isinstance(value, Angka) else None


def _unit(text: str | None) -> str | None:
    """The unit word typed after a number or range ('dokumen' of '26 dokumen'); None for none or for '%' (a
    percentage against a plain number is `_hundredfold_apart`'s to judge)."""
    unit = getattr(_nilai(text), "satuan", None)
    return None if unit is None or "%" in unit else unit


def _same_unit(one: str, other: str) -> bool:
    """Whether two unit words may be the same unit as staff abbreviate it: compared without case, a final '.' or
    what follows '/' ('kali/tahun'), the shorter's letters in order in the longer, from its first ('dok' and
    'dokumen', 'bln' and 'bulan', 'Rp' and 'rupiah'; not 'dokumen' and 'laporan')."""
    shorter, longer = sorted((unit.casefold().split("/")[0].rstrip(".") for unit in (one, other)), key=len)
    if not shorter or shorter[0] != longer[0]:
        return not shorter
    rest = iter(longer[1:])
    return all(letter in rest for letter in shorter[1:])


def _number(text: str) -> Decimal | None:
    value = _angka(text)
    return value.value if value else None

