"""How capaian is computed where bodies differ: the negatif formula, an optional cap and the predikat bands.

The settings come as a mapping, from `mkdocs.yml` (`extra`) for the whole site or from a cascade file:

    negatif: "2-R/T"        # or "T/R"; default "2-R/T", the "kondisi khusus" formula
    batas_atas: 120         # a cap on capaian, in %, applied before banding; default none
    predikat:               # bands, highest first: the first whose `lebih_dari` the capaian exceeds;
      - {lebih_dari: 90, predikat: Sangat Tinggi}   # the last has no `lebih_dari` and takes the rest
      - {lebih_dari: 75, predikat: Tinggi}
      - {lebih_dari: 65, predikat: Sedang}
      - {lebih_dari: 50, predikat: Rendah}
      - {predikat: Sangat Rendah}

The default bands are Permendagri 86/2017's scale (> 90 Sangat Tinggi, 76–90 Tinggi, 66–75 Sedang,
51–65 Rendah, ≤ 50 Sangat Rendah) with its stated boundaries read as thresholds, so that a capaian between
two of its whole-number bands falls in the lower one: 90 and 90,0 → Tinggi, 90,1 → Sangat Tinggi; 75,5 → Tinggi;
65,5 → Sedang; 50 → Sangat Rendah, 50,1 → Rendah.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Literal, Mapping

from .nilai import Angka, NilaiTidakTerbaca, SkalaTidakJelas, parse_nilai

RUMUS_NEGATIF = ("2-R/T", "T/R")


class AturanTidakSah(ValueError):
    """A capaian setting that cannot be used; the message (Indonesian) names the setting and what is allowed."""


@dataclass(frozen=True)
class BatasPredikat:
    """One band: capaian (%) strictly above `lebih_dari` gets `predikat`; `lebih_dari=None` takes the rest."""

    lebih_dari: Decimal | None
    predikat: str


PERMENDAGRI_86_2017: tuple[BatasPredikat, ...] = (
    BatasPredikat(Decimal(90), "Sangat Tinggi"),
    BatasPredikat(Decimal(75), "Tinggi"),
    BatasPredikat(Decimal(65), "Sedang"),
    BatasPredikat(Decimal(50), "Rendah"),
    BatasPredikat(None, "Sangat Rendah"),
)


@dataclass(frozen=True)
class AturanCapaian:
    """The settings of the engine; checked when made, so an `AturanCapaian` is always usable.

    `negatif`: "2-R/T" ((2 − R / T) × 100) or "T/R" (T / R × 100) for negative polarity; `batas_atas`: the cap
    in % or None; `predikat`: bands highest first, thresholds strictly decreasing, the last without one.
    Raises `AturanTidakSah`.
    """

    negatif: Literal["2-R/T", "T/R"] = "2-R/T"
    batas_atas: Decimal | None = None
    predikat: tuple[BatasPredikat, ...] = field(default=PERMENDAGRI_86_2017)

    def __post_init__(self) -> None:
        if self.negatif not in RUMUS_NEGATIF:
            raise AturanTidakSah(f"Pengaturan capaian 'negatif' tidak dikenal: {self.negatif!r}. "
                                 f"Pilih salah satu: {', '.join(repr(rumus) for rumus in RUMUS_NEGATIF)}.")
        if self.batas_atas is not None and self.batas_atas <= 0:
            raise AturanTidakSah(f"Pengaturan capaian 'batas_atas' harus lebih dari 0, bukan {self.batas_atas}.")
        _check_bands(self.predikat)

    @classmethod
    def from_settings(cls, settings: Mapping[str, object] | None) -> AturanCapaian:
        """The settings of a mapping as it comes from YAML (see the module docstring); None → the defaults.

        Raises `AturanTidakSah` on an unknown key or a value that cannot be used.
        """
        settings = settings or {}
        if not isinstance(settings, Mapping):
            raise AturanTidakSah(f"Pengaturan capaian harus berupa pasangan nama: nilai, bukan {settings!r}.")
        _check_keys(settings, {"negatif", "batas_atas", "predikat"}, "Pengaturan capaian")
        values: dict[str, object] = {}
        if "negatif" in settings:
            values["negatif"] = settings["negatif"]
        if settings.get("batas_atas") is not None:
            values["batas_atas"] = _setting_number(settings["batas_atas"], "batas_atas")
        if "predikat" in settings:
            values["predikat"] = _bands_from_settings(settings["predikat"])
        return cls(**values)


def predikat_for(persen: Decimal, bands: tuple[BatasPredikat, ...] = PERMENDAGRI_86_2017) -> str:
    """The predikat of a capaian in % under `bands`: the first band whose `lebih_dari` it strictly exceeds."""
    for band in bands:
        if band.lebih_dari is None or persen > band.lebih_dari:
            return band.predikat
    raise AssertionError("the last band has no threshold")  # guaranteed by _check_bands


def _check_keys(settings: Mapping[str, object], known: set[str], where: str) -> None:
    unknown = sorted(str(key) for key in settings if key not in known)
    if unknown:
        raise AturanTidakSah(f"{where}: '{unknown[0]}' tidak dikenal. "
                             f"Yang dikenal: {', '.join(sorted(known))}.")


def _setting_number(value: object, name: str) -> Decimal:
    """A number from YAML: an int, a float (as it prints) or a text read by the rule of `nilai`."""
    if isinstance(value, bool):
        raise AturanTidakSah(f"Pengaturan capaian '{name}' harus berupa angka, bukan {value!r}.")
    if isinstance(value, (int, float, Decimal)):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            number = None
        if number is not None and number.is_finite():
            return number
    if isinstance(value, str):
        try:
            nilai = parse_nilai(value)
        except SkalaTidakJelas:  # a grade ('B'): no number, said below
            nilai = None
        except NilaiTidakTerbaca as refused:
            raise AturanTidakSah(f"Pengaturan capaian '{name}': {refused.message}") from None
        if isinstance(nilai, Angka):
            return nilai.value
    raise AturanTidakSah(f"Pengaturan capaian '{name}' harus berupa angka, bukan {value!r}.")


def _bands_from_settings(value: object) -> tuple[BatasPredikat, ...]:
    if not isinstance(value, (list, tuple)) or not value:
        raise AturanTidakSah("Pengaturan capaian 'predikat' harus berupa daftar batas, dari yang tertinggi, "
                             "misalnya [{lebih_dari: 90, predikat: Sangat Tinggi}, ..., {predikat: Sangat Rendah}].")
    bands = []
    for position, entry in enumerate(value, start=1):
        where = f"Pengaturan capaian 'predikat' nomor {position}"
        if not isinstance(entry, Mapping):
            raise AturanTidakSah(f"{where} harus berupa {{lebih_dari: angka, predikat: teks}}, bukan {entry!r}.")
        _check_keys(entry, {"lebih_dari", "predikat"}, where)
        threshold = entry.get("lebih_dari")
        bands.append(BatasPredikat(
            None if threshold is None else _setting_number(threshold, f"predikat nomor {position}: lebih_dari"),
            entry.get("predikat")))  # type: ignore[arg-type]  # checked by _check_bands
    return tuple(bands)


def _check_bands(bands: tuple[BatasPredikat, ...]) -> None:
    if not bands:
        raise AturanTidakSah("Pengaturan capaian 'predikat' tidak boleh kosong.")
    for position, band in enumerate(bands, start=1):
        if not isinstance(band.predikat, str) or not band.predikat.strip():
            raise AturanTidakSah(f"Pengaturan capaian 'predikat' nomor {position}: nama predikat belum diisi.")
        last = position == len(bands)
        if last != (band.lebih_dari is None):
            raise AturanTidakSah(f"Pengaturan capaian 'predikat' nomor {position} ('{band.predikat}'): hanya batas "
                                 f"terakhir yang tanpa 'lebih_dari', dan batas terakhir harus tanpa 'lebih_dari'.")
    thresholds = [band.lebih_dari for band in bands[:-1]]
    if any(higher <= lower for higher, lower in zip(thresholds, thresholds[1:])):  # type: ignore[operator]
        raise AturanTidakSah("Pengaturan capaian 'predikat': urutkan batas dari yang tertinggi; setiap "
                             "'lebih_dari' harus lebih kecil dari yang sebelumnya.")
