"""An indicator's commitment and result for a year, as pages and downloads show them (no MkDocs here).

The values stay the texts staff typed; the capaian and predikat come from `macros.capaian` under the
cascade's settings (`CascadeFile.aturan`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from .capaian import TRIWULAN, Capaian, compute_capaian, format_persen, realisasi_setahun, target_setahun
from .capaian_aturan import AturanCapaian
from .model import Indikator
from .nilai import Nilai

BELUM_DAPAT_DIHITUNG = "Belum dapat dihitung"


@dataclass(frozen=True)
class KinerjaTahun:
    """One indicator in one year: the values as typed (None where the data has none) and the capaian."""

    tahun: int
    baseline: str | None
    target: str | None
    target_triwulan: Mapping[str, str]
    realisasi: str | None
    realisasi_triwulan: Mapping[str, str]
    capaian: Capaian
    # How its quarters combine into the year (`target_setahun`, `realisasi_setahun`), and the scale its grades are
    # read on (`Indikator.skala_nilai`).
    tipe_penghitungan: str | None = None
    skala: str | None = None

    @property
    def persen(self) -> str | None:
        """The capaian as pages show it ('107,1%'), or None."""
        return None if self.capaian.persen is None else format_persen(self.capaian.persen)

    @cached_property
    def sampai(self) -> str | None:
        """For a capaian of a year under way, the quarter it runs to ('s.d. triwulan III'); None for a whole year's:
        the year's realisasi, or its four quarters all reported."""
        if self.capaian.periode in (None, "tahun") or self.realisasi_setahun is not None:
            return None
        return f"s.d. triwulan {self.capaian.periode}"

    @property
    def predikat(self) -> str:
        """The predikat, or 'Belum dapat dihitung'."""
        return self.capaian.predikat or BELUM_DAPAT_DIHITUNG

    @cached_property
    def target_setahun(self) -> Nilai | None:
        """The year's target: as typed, else its four quarters' combined (`capaian.target_setahun`); or None."""
        return target_setahun(self.tipe_penghitungan, self.target, self.target_triwulan, self.skala)

    @cached_property
    def realisasi_setahun(self) -> Nilai | None:
        """The year's realisasi: as typed, else its four quarters' combined once all four are reported; None before."""
        return realisasi_setahun(self.tipe_penghitungan, self.realisasi, self.realisasi_triwulan, self.skala)

    @property
    def has_values(self) -> bool:
        return bool(self.target or self.target_triwulan or self.realisasi or self.realisasi_triwulan)


def kinerja_tahun(indikator: Indikator, tahun: int, aturan: AturanCapaian) -> KinerjaTahun:
    """The indicator's values and capaian for `tahun`; the baseline is the latest one before `tahun`."""
    target_triwulan = _in_order((indikator.target_triwulan or {}).get(tahun, {}))
    realisasi_triwulan = _in_order((indikator.realisasi_triwulan or {}).get(tahun, {}))
    target = (indikator.target or {}).get(tahun)
    realisasi = (indikator.realisasi or {}).get(tahun)
    skala = indikator.skala_nilai
    capaian = compute_capaian(
        tipe_penghitungan=indikator.tipe_penghitungan, polaritas=indikator.polaritas,
        target=target, target_triwulan=target_triwulan or None,
        realisasi=realisasi, realisasi_triwulan=realisasi_triwulan or None, aturan=aturan, skala=skala)
    earlier = [year for year in (indikator.baseline or {}) if year < tahun]
    baseline = indikator.baseline[max(earlier)] if earlier and indikator.baseline else None
    return KinerjaTahun(tahun, baseline, target, target_triwulan, realisasi, realisasi_triwulan, capaian,
                        indikator.tipe_penghitungan, skala)


def _in_order(values: Mapping[str, str]) -> dict[str, str]:
    return {triwulan: values[triwulan] for triwulan in TRIWULAN if triwulan in values}


def years_of(indikator: Indikator) -> list[int]:
    """Every year for which the indicator has a target or realisasi, oldest first."""
    years: set[int] = set()
    for values in (indikator.target, indikator.target_triwulan, indikator.realisasi, indikator.realisasi_triwulan):
        years.update(values or {})
    return sorted(years)


def quarters(values: Mapping[str, str]) -> list[str | None]:
    """Quarter values in order I to IV, None where not given."""
    return [values.get(triwulan) for triwulan in TRIWULAN]


@dataclass(frozen=True)
class RingkasanPredikat:
    """How many indicators have each predikat, in the order of the bands, then how many cannot be computed."""

    counts: list[tuple[str, int]]
    belum: int

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts) + self.belum


def summarise(kinerja: Iterable[KinerjaTahun], aturan: AturanCapaian) -> RingkasanPredikat:
    """The predikat counts of some indicators' capaian (every band listed, zero included)."""
    counted = Counter(item.capaian.predikat for item in kinerja)
    belum = counted.pop(None, 0)
    return RingkasanPredikat([(band.predikat, counted.get(band.predikat, 0)) for band in aturan.predikat], belum)
