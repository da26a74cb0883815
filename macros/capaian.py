"""Capaian (achievement, %) of an indicator: its realisasi against its target, with the formula in words.

Pure functions on plain values (texts as typed, read by `macros.nilai`); no MkDocs, no model. The rules, from
`shared/domain.md` ("Targets, realisasi and capaian"):

Values to date (Perjanjian Kinerja and its rencana aksi per triwulan, PermenPANRB 53/2014). Each quarter's
value is that quarter's own, not a running total.
- Realisasi: a year's own `realisasi`, when given, wins. Otherwise, from the quarters reported: kumulatif = the
  sum of the reported quarters; non kumulatif = the latest reported quarter (a level, not a sum).
- Target for the same period: for the year, the year's `target` (when only the four quarters' targets exist:
  kumulatif their sum, non kumulatif the IV target). For quarters: when `target_triwulan` is given, kumulatif =
  the sum of the targets of the reported quarters, non kumulatif = the target of the latest reported quarter,
  and a reported quarter without a target is not computed. When only the year's target exists, the target to
  date is the year's target: a level target holds in every quarter, and a kumulatif capaian to date is then
  the progress towards the year's target (29 / 40 after three quarters). Spreading the year's target over
  the quarters would invent a rencana aksi that nobody signed.
- `tipe_penghitungan` is needed whenever quarters are combined; otherwise it does not matter.

Capaian, R = realisasi to date, T = target to date:
- positif (higher is better): R / T × 100.
- negatif (lower is better): (2 − R / T) × 100 by default, the "kondisi khusus" formula of the civil-service
  performance rules, equal to (T − (R − T)) / T × 100; with `AturanCapaian(negatif="T/R")`: T / R × 100.
- a range target L–H: R inside → 100%; below → against L; above → against H (the same formula as above).
- a grade target (a scale of `nilai.SKALA`, e.g. opini BPK WTP > WDP > TW > TMP): ranks count from 1 for the
  lowest grade; a realisasi that meets or beats the target's grade → 100% (a grade is not a quantity, so
  beating it earns no more); below → rank of R / rank of T × 100 (WDP against WTP: 3 / 4 → 75%). The scale
  orders the grades, so polaritas may be unstated; "negatif" with a grade is not computed.
- polaritas is needed for every numeric target.
The capaian is rounded to one decimal (half up) first; the cap (`batas_atas`) and the predikat bands
(Permendagri 86/2017 by default, see `capaian_aturan`) apply to that figure, so that the predikat always
matches the figure shown. A case that cannot be computed gives no number: `Capaian.alasan` says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Mapping, Sequence

from .capaian_aturan import AturanCapaian, predikat_for
from .nilai import (SKALA, Angka, BukanAngka, Nilai, NilaiTidakTerbaca, Peringkat, Rentang, SkalaTidakJelas,
                    format_angka, parse_nilai, skala_indikator)

TRIWULAN = ("I", "II", "III", "IV")
TIPE_PENGHITUNGAN = ("kumulatif", "non_kumulatif")
POLARITAS = ("positif", "negatif")
_ONE_DECIMAL = Decimal("0.1")
_DEFAULT = AturanCapaian()


class TidakDapatDihitung(Exception):
    """A capaian (or a value to date) that cannot be computed; `alasan` says why, in Indonesian."""

    def __init__(self, alasan: str) -> None:
        super().__init__(alasan)
        self.alasan = alasan


@dataclass(frozen=True)
class SampaiDengan:
    """A value to date: `nilai` for the year (`triwulan` empty) or combined over the reported `triwulan`;
    `rumus` says how, in words, empty when it is the value as typed."""

    nilai: Nilai
    triwulan: tuple[str, ...] = ()
    rumus: str = ""

    @property
    def periode(self) -> str:
        """'tahun', or the latest quarter combined ('I' to 'IV')."""
        return self.triwulan[-1] if self.triwulan else "tahun"


@dataclass(frozen=True)
class Capaian:
    """The capaian: `persen` (rounded to one decimal, capped) and `predikat`, or both None and `alasan`.

    `rumus` is the formula in words with the numbers filled in (or "tidak dapat dihitung: <alasan>");
    `periode` is 'tahun', the latest quarter reported ('I' to 'IV'), or None when nothing was compared.
    """

    persen: Decimal | None
    predikat: str | None
    alasan: str | None
    rumus: str
    periode: str | None = None

    @property
    def dapat_dihitung(self) -> bool:
        return self.persen is not None


def format_persen(persen: Decimal) -> str:
    """A capaian as pages show it: one decimal, decimal comma, thousands dot: '107,1%', '1.250,0%'."""
    return f"{format_angka(persen.quantize(_ONE_DECIMAL, rounding=ROUND_HALF_UP))}%"


def compute_capaian(
    *,
    tipe_penghitungan: str | None,
    polaritas: str | None,
    target: str | None,
    target_triwulan: Mapping[str, str | None] | None = None,
    realisasi: str | None = None,
    realisasi_triwulan: Mapping[str, str | None] | None = None,
    aturan: AturanCapaian = _DEFAULT,
    skala: str | None = None,
) -> Capaian:
    """The capaian of one indicator for one year, to date, by the module's rules.

    Values are texts as typed (None, '' or '-' for none); quarter mappings are keyed 'I' to 'IV'.
    `tipe_penghitungan`: 'kumulatif', 'non_kumulatif' or None; `polaritas`: 'positif', 'negatif' or None.
    `skala` (a key of `nilai.SKALA`) is the scale grades are read on; without it, the one scale the values' grades
    share, and a grade of several scales ('B' and 'C': predikat SAKIP or mutu pelayanan) is not computed.
    Never raises for data: what cannot be computed is a `Capaian` with `alasan`. Raises `ValueError` for a
    `tipe_penghitungan`, `polaritas`, `skala` or quarter key outside those (the caller's mistake, not the staff's).
    """
    _check_choice(tipe_penghitungan, TIPE_PENGHITUNGAN, "tipe_penghitungan")
    _check_choice(polaritas, POLARITAS, "polaritas")
    _check_choice(skala, tuple(SKALA), "skala")
    _check_quarter_keys(target_triwulan, "target")
    _check_quarter_keys(realisasi_triwulan, "realisasi")
    periode = None
    try:
        skala = _scale(skala, target, target_triwulan, realisasi, realisasi_triwulan)
        if _read(target, "target", skala) is None and not _read_quarters(target_triwulan, "target", skala):
            raise TidakDapatDihitung("target belum ditetapkan")
        realisasi_sd = realisasi_to_date(tipe_penghitungan, realisasi, realisasi_triwulan, skala)
        if realisasi_sd is None:
            raise TidakDapatDihitung("realisasi belum dilaporkan")
        periode = realisasi_sd.periode
        target_sd = target_to_date(tipe_penghitungan, target, target_triwulan, realisasi_sd.triwulan, skala)
        raw, formula = _compare(target_sd.nilai, realisasi_sd.nilai, polaritas, aturan)
    except TidakDapatDihitung as refused:
        return Capaian(None, None, refused.alasan, f"tidak dapat dihitung: {refused.alasan}", periode)
    persen = raw.quantize(_ONE_DECIMAL, rounding=ROUND_HALF_UP)
    result = f"{formula}{format_persen(persen)}"
    if aturan.batas_atas is not None and persen > aturan.batas_atas:
        persen = aturan.batas_atas.quantize(_ONE_DECIMAL, rounding=ROUND_HALF_UP)
        result += f", dibatasi menjadi {format_persen(persen)}"
    steps = [step.rumus for step in (realisasi_sd, target_sd) if step.rumus] + [result]
    return Capaian(persen, predikat_for(persen, aturan.predikat), None, "; ".join(steps), periode)


def realisasi_to_date(tipe_penghitungan: str | None, realisasi: str | None,
                      realisasi_triwulan: Mapping[str, str | None] | None,
                      skala: str | None = None) -> SampaiDengan | None:
    """The realisasi to date: the year's when given, else the reported quarters combined; None when none.

    Raises `TidakDapatDihitung` for a value the rule refuses, an unstated tipe when quarters are combined,
    or quarters that cannot be summed.
    """
    year = _read(realisasi, "realisasi", skala)
    if year is not None:
        return SampaiDengan(year)
    quarters = _read_quarters(realisasi_triwulan, "realisasi", skala)
    if not quarters:
        return None
    return _combine(tipe_penghitungan, quarters, "realisasi", list(quarters))


def target_to_date(tipe_penghitungan: str | None, target: str | None,
                   target_triwulan: Mapping[str, str | None] | None,
                   triwulan_dilaporkan: Sequence[str] = (), skala: str | None = None) -> SampaiDengan:
    """The target for the period of a realisasi: the year (`triwulan_dilaporkan` empty) or the reported quarters.

    Raises `TidakDapatDihitung` when there is no target for that period, or for a value the rule refuses.
    """
    plan = _read_quarters(target_triwulan, "target", skala)
    year = _read(target, "target", skala)
    if not triwulan_dilaporkan:
        if year is not None:
            return SampaiDengan(year)
        if len(plan) == len(TRIWULAN):
            return _combine(tipe_penghitungan, plan, "target tahunan", list(TRIWULAN))
        raise TidakDapatDihitung("target tahunan belum ditetapkan"
                                 + (f" (target triwulan baru ada untuk {', '.join(plan)})" if plan else ""))
    if plan:
        missing = [quarter for quarter in triwulan_dilaporkan if quarter not in plan]
        if missing:
            raise TidakDapatDihitung(f"target triwulan {', '.join(missing)} belum ditetapkan, padahal realisasinya "
                                     f"dilaporkan")
        return _combine(tipe_penghitungan, plan, "target", list(triwulan_dilaporkan))
    if year is None:
        raise TidakDapatDihitung("target belum ditetapkan")
    if len(triwulan_dilaporkan) == len(TRIWULAN):  # the whole year: its target as it is
        return SampaiDengan(year, tuple(triwulan_dilaporkan))
    return SampaiDengan(year, tuple(triwulan_dilaporkan),
                        f"target s.d. triwulan {triwulan_dilaporkan[-1]} = target tahunan {_show(year)} "
                        f"(target per triwulan belum ditetapkan)")


def target_setahun(tipe_penghitungan: str | None, target: str | None,
                   target_triwulan: Mapping[str, str | None] | None, skala: str | None = None) -> Nilai | None:
    """The year's target (`target_to_date` for the whole year: as typed, else its four quarters combined), or None
    where there is none or the rule cannot read it (the capaian says why)."""
    try:
        return target_to_date(tipe_penghitungan, target, target_triwulan, skala=skala).nilai
    except TidakDapatDihitung:
        return None


def realisasi_setahun(tipe_penghitungan: str | None, realisasi: str | None,
                      realisasi_triwulan: Mapping[str, str | None] | None, skala: str | None = None) -> Nilai | None:
    """The year's realisasi (`realisasi_to_date` once the year is complete: as typed, else all four quarters
    combined), or None for a year under way or one the rule cannot read (the capaian says why)."""
    try:
        so_far = realisasi_to_date(tipe_penghitungan, realisasi, realisasi_triwulan, skala)
    except TidakDapatDihitung:
        return None
    return so_far.nilai if so_far is not None and len(so_far.triwulan) in (0, len(TRIWULAN)) else None


def _scale(skala: str | None, *values: str | Mapping[str, str | None] | None) -> str | None:
    """`skala`, else the one scale every grade among the values is on (`nilai.skala_indikator`); None leaves each
    grade on its own scale, and a realisasi on another than its target's is then not computed."""
    texts = [text for value in values if value
             for text in (value.values() if isinstance(value, Mapping) else [value]) if text]
    try:
        return skala_indikator(texts, skala)
    except SkalaTidakJelas as unclear:
        raise TidakDapatDihitung(unclear.message) from None


def _check_choice(value: str | None, choices: tuple[str, ...], name: str) -> None:
    if value is not None and value not in choices:
        raise ValueError(f"{name} harus salah satu dari {', '.join(choices)} atau None, bukan {value!r}")


def _read(text: str | None, what: str, skala: str | None = None) -> Nilai | None:
    """The value of a text, None when nothing was typed ('', '-', 'n/a')."""
    if text is None:
        return None
    try:
        nilai = parse_nilai(text, skala)
    except NilaiTidakTerbaca as refused:
        raise TidakDapatDihitung(f"{what}: {refused.message}") from None
    return None if isinstance(nilai, BukanAngka) and nilai.kosong else nilai


def _check_quarter_keys(values: Mapping[str, str | None] | None, what: str) -> None:
    unknown = [str(key) for key in values or {} if key not in TRIWULAN]
    if unknown:
        raise ValueError(f"{what}_triwulan: triwulan tidak dikenal {unknown}; gunakan I, II, III, IV")


def _read_quarters(values: Mapping[str, str | None] | None, what: str, skala: str | None = None) -> dict[str, Nilai]:
    """The quarters with a value, in the order I to IV."""
    values = values or {}
    _check_quarter_keys(values, what)
    read = {quarter: _read(values.get(quarter), f"{what} triwulan {quarter}", skala) for quarter in TRIWULAN}
    return {quarter: nilai for quarter, nilai in read.items() if nilai is not None}


def _combine(tipe_penghitungan: str | None, values: Mapping[str, Nilai], what: str,
             quarters: list[str]) -> SampaiDengan:
    """The quarters' values combined by tipe: kumulatif their sum, non kumulatif the latest."""
    last = quarters[-1]
    # All four quarters are the year itself, not a part of it "to date".
    label = (what if what == "target tahunan" else f"{what} setahun" if len(quarters) == len(TRIWULAN)
             else f"{what} s.d. triwulan {last}")
    if tipe_penghitungan is None:
        raise TidakDapatDihitung("tipe penghitungan belum dinyatakan (kumulatif atau non kumulatif), padahal "
                                 f"{label} dihitung dari nilai per triwulan")
    if tipe_penghitungan == "non_kumulatif":
        nilai = values[last]
        return SampaiDengan(nilai, tuple(quarters),
                            f"{label} (non kumulatif: nilai triwulan {last}) = {_show(nilai)}")
    parts = [values[quarter] for quarter in quarters]
    for quarter, nilai in zip(quarters, parts):
        _check_summable(nilai, f"{what} triwulan {quarter}", ranges_allowed=what != "realisasi")
    low = sum((_bounds(nilai)[0] for nilai in parts), Decimal(0))
    high = sum((_bounds(nilai)[1] for nilai in parts), Decimal(0))
    satuan = getattr(parts[0], "satuan", None)
    total: Nilai = (Angka(low, format_angka(low), satuan) if low == high
                    else Rentang(low, high, f"{format_angka(low)}–{format_angka(high)}", satuan))
    shown = " + ".join(_show(nilai) for nilai in parts)
    return SampaiDengan(total, tuple(quarters), f"{label} (kumulatif: jumlah triwulan {', '.join(quarters)}) = "
                                                + (f"{shown} = {_show(total)}" if len(parts) > 1 else shown))


def _check_summable(nilai: Nilai, what: str, ranges_allowed: bool) -> None:
    if isinstance(nilai, Peringkat):
        raise TidakDapatDihitung(f"{what} '{nilai.text}' berupa peringkat, yang tidak dapat dijumlahkan "
                                 f"(indikator kumulatif)")
    if isinstance(nilai, BukanAngka):
        raise TidakDapatDihitung(f"{what} '{nilai.text}' bukan angka, sehingga tidak dapat dijumlahkan")
    if isinstance(nilai, Rentang) and not ranges_allowed:
        raise TidakDapatDihitung(f"{what} '{nilai.text}' berupa rentang; realisasi harus satu nilai")


def _bounds(nilai: Nilai) -> tuple[Decimal, Decimal]:
    if isinstance(nilai, Rentang):
        return nilai.low, nilai.high
    assert isinstance(nilai, Angka)
    return nilai.value, nilai.value


def _show(nilai: Nilai) -> str:
    if isinstance(nilai, Angka):
        return format_angka(nilai.value)
    if isinstance(nilai, Rentang):
        return f"{format_angka(nilai.low)}–{format_angka(nilai.high)}"
    if isinstance(nilai, Peringkat):
        return nilai.grade
    return nilai.text


def _compare(target: Nilai, realisasi: Nilai, polaritas: str | None, aturan: AturanCapaian) -> tuple[Decimal, str]:
    """The capaian before rounding and its formula in words, ending '= ' where the figure goes."""
    if isinstance(target, Peringkat):
        return _compare_grades(target, realisasi, polaritas)
    if isinstance(target, BukanAngka):
        raise TidakDapatDihitung(f"target '{target.text}' bukan angka dan bukan peringkat pada skala yang dikenal")
    if isinstance(realisasi, Peringkat):
        raise TidakDapatDihitung(f"realisasi '{realisasi.text}' berupa peringkat {SKALA[realisasi.scale].title}, "
                                 f"sedangkan targetnya angka")
    if isinstance(realisasi, BukanAngka):
        raise TidakDapatDihitung(f"realisasi '{realisasi.text}' bukan angka")
    if isinstance(realisasi, Rentang):
        raise TidakDapatDihitung(f"realisasi '{realisasi.text}' berupa rentang; realisasi harus satu nilai")
    if polaritas is None:
        raise TidakDapatDihitung("polaritas belum dinyatakan (positif atau negatif)")
    value = realisasi.value
    if isinstance(target, Angka):
        return _ratio(target.value, value, polaritas, aturan, "")
    shown = f"rentang target {_show(target)}"
    if target.low <= value <= target.high:
        return Decimal(100), f"realisasi {format_angka(value)} berada dalam {shown}: capaian = "
    if value < target.low:
        context = f"realisasi {format_angka(value)} di bawah {shown}, dibandingkan dengan batas bawah " \
                  f"{format_angka(target.low)}: "
        return _ratio(target.low, value, polaritas, aturan, context)
    context = f"realisasi {format_angka(value)} di atas {shown}, dibandingkan dengan batas atas " \
              f"{format_angka(target.high)}: "
    return _ratio(target.high, value, polaritas, aturan, context)


def _ratio(target: Decimal, realisasi: Decimal, polaritas: str, aturan: AturanCapaian,
           context: str) -> tuple[Decimal, str]:
    """R / T × 100, (2 − R / T) × 100 or T / R × 100, by polaritas and setting, with its words."""
    if target == 0:
        raise TidakDapatDihitung("target bernilai 0, sehingga tidak dapat menjadi pembagi")
    if target < 0:
        raise TidakDapatDihitung(f"target bernilai negatif ({format_angka(target)}); rumus perbandingan "
                                 f"tidak berlaku")
    t, r = format_angka(target), format_angka(realisasi)
    with localcontext() as exact:
        exact.prec = 28
        if polaritas == "positif":
            return realisasi / target * 100, f"{context}realisasi / target × 100 = {r} / {t} × 100 = "
        if aturan.negatif == "2-R/T":
            return ((2 - realisasi / target) * 100,
                    f"{context}(2 − realisasi / target) × 100 = (2 − {r} / {t}) × 100 = ")
        if realisasi <= 0:
            raise TidakDapatDihitung(f"realisasi bernilai {r}, sehingga tidak dapat menjadi pembagi pada rumus "
                                     f"target / realisasi (polaritas negatif)")
        return target / realisasi * 100, f"{context}target / realisasi × 100 = {t} / {r} × 100 = "


def _compare_grades(target: Peringkat, realisasi: Nilai, polaritas: str | None) -> tuple[Decimal, str]:
    skala = SKALA[target.scale]
    if not isinstance(realisasi, Peringkat) or realisasi.scale != target.scale:
        raise TidakDapatDihitung(f"realisasi '{_show(realisasi)}' tidak ada pada skala {skala.described} "
                                 f"yang dipakai targetnya '{target.text}'")
    if polaritas == "negatif":
        raise TidakDapatDihitung(f"polaritas negatif tidak berlaku untuk peringkat {skala.title}: urutan "
                                 f"skalanya ({skala.order}) sudah menentukan mana yang lebih baik")
    where = f"pada skala {skala.described}"
    if realisasi.rank >= target.rank:
        return Decimal(100), (f"realisasi {realisasi.grade} mencapai atau melampaui target {target.grade} {where}: "
                              f"capaian = ")
    lowest = skala.grades[-1][0]
    with localcontext() as exact:
        exact.prec = 28
        raw = Decimal(realisasi.rank) / Decimal(target.rank) * 100
    return raw, (f"realisasi {realisasi.grade} di bawah target {target.grade} {where}: peringkat realisasi / "
                 f"peringkat target × 100, dihitung dari yang terendah ({lowest} = 1) = "
                 f"{realisasi.rank} / {target.rank} × 100 = ")
