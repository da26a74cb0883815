"""Commitments and results of a synthetic cascade's indicators (scripts/make_synthetic.py): baseline, targets,
quarterly targets, quarterly and yearly realisasi, in the format of the README's "Targets, realisasi and
capaian", every value typed as staff type it ('92,5', '1.250', '91,25%', '3-5', 'WTP').

What an indicator gets follows its satuan and polaritas (set by make_synthetic's `_indikator`):

| satuan | values |
| --- | --- |
| `%` | a level (non kumulatif) up to 100, one decimal or none, sometimes typed with '%'; quarterly levels |
|     | rising to the year's target |
| `Nilai` | an index such as the IKM, two decimals, yearly only |
| `hari` (negatif) | a duration, the target often a range ('3-5'); quarterly realisasi levels |
| `Opini`, `Predikat` | a grade of opini BPK or of predikat SAKIP, yearly only |
| anything else | a count (kumulatif): the year's target split over the quarters; large counts with a thousands dot |

A year before the last is closed: every quarter is reported and, for most indicators, the year's realisasi too.
The last year is under way: `reported` quarters are in, and some indicators are a quarter late. A few indicators
have no target in a year, a few no realisasi, a few a realisasi without a target (what the data-quality report
flags); most land near their target, some well below, some above. Every value comes from a `random.Random`
seeded by the caller's key, the item and the indicator (and the year), so the same seed writes the same values
and an indicator keeps its baseline and a steady trend over the years.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

TRIWULAN = ("I", "II", "III", "IV")
# Grades best first, as macros/nilai.py's scales list them.
GRADES = {"Opini": ("WTP", "WDP", "TW", "TMP"), "Predikat": ("AA", "A", "BB", "B", "CC", "C", "D")}
FIELDS = ("baseline", "target", "target_triwulan", "realisasi", "realisasi_triwulan")
# realisasi / target (positif) or target / realisasi (negatif): well below, a little below, on, above target.
PERFORMANCE = (((0.4, 0.75), 1), ((0.75, 0.95), 3), ((0.95, 1.05), 5), ((1.05, 1.3), 2))


def angka(value: float, decimals: int = 0) -> str:
    """A number as Indonesian staff type it: thousands dot, decimal comma ('1.250', '92,5'); never 3 decimals,
    which macros/nilai.py refuses as ambiguous."""
    assert decimals in (0, 1, 2)
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def indicators(cascade: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every indicator of a cascade with the uraian of the item that owns it, top down."""
    def walk(item: dict[str, Any], children: tuple[str, ...]) -> Iterator[tuple[str, dict[str, Any]]]:
        for indikator in item.get("indikator", []):
            yield item["uraian"], indikator
        if children:
            for child in item.get(children[0], []):
                yield from walk(child, children[1:])

    for tujuan in cascade["tujuan"]:
        yield from walk(tujuan, ("sasaran", "program", "kegiatan", "sub_kegiatan"))


@dataclass(frozen=True)
class Plan:
    """One indicator's values for one year, typed; quarters keyed 'I' to 'IV', only those that exist."""

    baseline: str
    target: str
    target_triwulan: dict[str, str]
    realisasi: str | None
    realisasi_triwulan: dict[str, str]


@dataclass(frozen=True)
class Draw:
    """What the year's random draws decided, shared by every shape: how far from target this year, whether the
    plan has quarters, and how many quarters are reported."""

    fixed: random.Random
    year: random.Random
    age: int
    ratio: float
    quarterly: bool
    shown: int


def add_kinerja(cascade: dict[str, Any], key: str, start: int, reported: int) -> None:
    """Give every indicator of `cascade` its values for the cascade's year, replacing any it had.

    `key`: what makes this perangkat daerah's values its own (seed and index); `start`: the first year of the
    synthetic period (the baseline is the year before); `reported`: quarters reported so far in this year
    (0–4; 4 for a closed year).
    """
    tahun = cascade["tahun"]
    for owner, indikator in indicators(cascade):
        for field in FIELDS:
            indikator.pop(field, None)
        fixed = random.Random(f"{key}:{owner}:{indikator['uraian']}")
        year = random.Random(f"{key}:{owner}:{indikator['uraian']}:{tahun}")
        indikator.update(_values(indikator, fixed, year, tahun, tahun - start, reported))


def _values(indikator: dict[str, Any], fixed: random.Random, year: random.Random, tahun: int, age: int,
            reported: int) -> dict[str, Any]:
    """The indicator's fields for `tahun`, `age` years after the start, in the order the README lists them."""
    shape = SHAPES.get(indikator.get("satuan", ""), _count)
    with_baseline = fixed.random() < 0.8
    quarterly = shape in (_count, _percent) and fixed.random() < 0.7
    shown = reported - 1 if 0 < reported < 4 and year.random() < 0.2 else reported   # a quarter late
    if year.random() < 0.05:
        shown = 0                                                                     # nothing reported
    (low, high), = year.choices([band for band, _ in PERFORMANCE], weights=[w for _, w in PERFORMANCE])
    draw = Draw(fixed, year, age, year.uniform(low, high), quarterly, shown)
    plan = shape(draw, indikator.get("polaritas") == "negatif")
    values: dict[str, Any] = {}
    if with_baseline:
        values["baseline"] = {tahun - age - 1: plan.baseline}
    if year.random() < 0.04:                                   # no target this year
        if year.random() < 0.75:
            return values
    else:
        values["target"] = {tahun: plan.target}
        if plan.target_triwulan:
            values["target_triwulan"] = {tahun: plan.target_triwulan}
    if plan.realisasi is not None and shown == 4 and (not plan.realisasi_triwulan or year.random() < 0.7):
        values["realisasi"] = {tahun: plan.realisasi}
    if plan.realisasi_triwulan:
        values["realisasi_triwulan"] = {tahun: plan.realisasi_triwulan}
    return values


def _achieved(target: float, ratio: float, negatif: bool) -> float:
    return target / ratio if negatif else target * ratio


def _count(draw: Draw, negatif: bool) -> Plan:
    """A count summed over the quarters: the year's target split into four, each quarter's own realisasi."""
    fixed, year = draw.fixed, draw.year
    large = fixed.random() < 0.15 and not negatif
    base = fixed.randint(150, 2000) if large else fixed.randint(6, 24) if negatif else fixed.randint(4, 60)
    growth = -0.05 if negatif else fixed.choice([0.0, 0.05, 0.1])
    target = max(4, round(base * (1 + growth) ** draw.age))
    parts = [target // 4 + (1 if q >= 4 - target % 4 else 0) for q in range(4)]
    done = [max(0, round(_achieved(part, draw.ratio, negatif) * year.uniform(0.85, 1.15))) for part in parts]
    shown = done[:draw.shown]
    return Plan(
        baseline=angka(round(base * fixed.uniform(0.8, 1.0))),
        target=angka(target),
        target_triwulan=dict(zip(TRIWULAN, map(angka, parts))) if draw.quarterly else {},
        realisasi=angka(sum(done)),
        realisasi_triwulan=dict(zip(TRIWULAN, map(angka, shown))) if draw.quarterly or draw.shown < 4 else {},
    )


def _percent(draw: Draw, negatif: bool) -> Plan:
    """A share in percent, a level: quarterly targets rise to the year's, the latest quarter is the year's."""
    fixed, year = draw.fixed, draw.year
    decimals, suffix = fixed.choice([0, 1]), "%" if fixed.random() < 0.3 else ""
    target = min(100.0, fixed.uniform(70, 92) + 2 * draw.age)
    rises = [fixed.uniform(1, 4) for _ in range(3)]
    steps = [target - sum(rises[q:]) for q in range(4)]
    levels = [min(100.0, _achieved(step, draw.ratio, negatif) * year.uniform(0.97, 1.03)) for step in steps]

    def typed(value: float, places: int = decimals) -> str:
        return angka(value, places) + suffix

    return Plan(
        baseline=typed(target * fixed.uniform(0.85, 0.97)),
        target=typed(target),
        target_triwulan={q: typed(step) for q, step in zip(TRIWULAN, steps[:3])} | {"IV": typed(target)}
        if draw.quarterly else {},
        realisasi=typed(levels[3], 2),
        realisasi_triwulan={q: typed(level, 2) for q, level in zip(TRIWULAN, levels[:draw.shown])},
    )


def _index(draw: Draw, negatif: bool) -> Plan:
    """An index measured once a year (the IKM): two decimals, no quarters."""
    target = draw.fixed.uniform(76, 85) + 0.5 * draw.age
    return Plan(baseline=angka(target * draw.fixed.uniform(0.93, 0.99), 2), target=angka(target, 2),
                target_triwulan={}, realisasi=angka(min(100.0, _achieved(target, draw.ratio, negatif)), 2),
                realisasi_triwulan={})


def _duration(draw: Draw, negatif: bool) -> Plan:
    """A duration in days, lower is better: the target often a range ('3-5'), quarterly realisasi levels."""
    fixed, year = draw.fixed, draw.year
    low = max(1, fixed.randint(3, 7) - draw.age // 2)
    high = low + fixed.choice([0, 1, 2])
    middle = (low + high) / 2
    levels = [_achieved(middle, draw.ratio, negatif) * year.uniform(0.9, 1.1) for _ in TRIWULAN]
    return Plan(baseline=angka(high + fixed.randint(1, 3)), target=f"{low}-{high}" if high > low else str(low),
                target_triwulan={}, realisasi=angka(levels[3], 1),
                realisasi_triwulan={q: angka(level, 1) for q, level in zip(TRIWULAN, levels[:draw.shown])})


def _grade(grades: tuple[str, ...], starts: tuple[int, ...]) -> Callable[[Draw, bool], Plan]:
    """A grade of a scale, given once a year: the first target one of `starts` (rank, 0 the best), one grade
    better every two years; the realisasi a grade off now and then."""
    def plan(draw: Draw, negatif: bool) -> Plan:
        start = draw.fixed.choice(starts)
        target = max(0, start - draw.age // 2)
        off = draw.year.choices([-1, 0, 1], weights=[1, 6, 2])[0]
        realisasi = min(len(grades) - 1, max(0, target + off))
        return Plan(baseline=grades[min(len(grades) - 1, start + 1)], target=grades[target], target_triwulan={},
                    realisasi=grades[realisasi], realisasi_triwulan={})
    return plan


SHAPES: dict[str, Callable[[Draw, bool], Plan]] = {
    "%": _percent, "Nilai": _index, "hari": _duration,
    "Opini": _grade(GRADES["Opini"], (0, 0, 0, 1)), "Predikat": _grade(GRADES["Predikat"], (2, 3, 3, 4)),
}
