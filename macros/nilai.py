"""What a value means, as Indonesian staff type it: '98,5%', '1.500', '7-8', 'WTP', 'n/a'.

Targets and realisasi stay text exactly as typed; `parse_nilai` derives what the text means by the one rule
below and refuses (`NilaiTidakTerbaca`, a message in Indonesian that says what was typed and what to write
instead) whatever the rule cannot read unambiguously. It never guesses. The caller adds file:line.

The rule, applied to the text with its outer spaces removed and inner runs of spaces (non-breaking ones too)
taken as one space:

1. Kosong: '', '-', '–', '—', 'n/a', 'na' (any case) mean "no value" → `BukanAngka(kosong=True)`.
2. Peringkat: a grade of a scale of `SKALA` (case ignored; full names such as 'Wajar Tanpa Pengecualian'
   too) → `Peringkat`. A grade found on more than one scale ('B': predikat SAKIP or mutu pelayanan) is refused
   (`SkalaTidakJelas`) unless the caller names the scale: the indicator's `skala`, stated or the one scale all
   its grades share (`skala_indikator`).
3. Teks: any other text without a digit ('Tersedia', 'Ada'), and a text with digits that is not shaped like a
   number or a range (4. below: '1:20', '1/2', 'Perda Nomor 3 Tahun 2024') → `BukanAngka`, kept as typed:
   it is published as written and gives no capaian, since it is no quantity.
4. Angka or Rentang: a number or a range of two, with at most a leading 'Rp',
   a '%' before or after the number (or after each bound) and one satuan after a space, made of words
   without digits ('26 dokumen', '7-8 bulan', '3 kali/tahun'). A number is
   - digits with an optional decimal comma: '26', '98,5', '0,125';
   - or digits grouped in thousands by dots, every dot followed by exactly three digits and the first group
     1-999: '1.500', '7.742.388.142', '1.500,25';
   - with an optional sign ('-', '−', '+') written against the first number: '-2,5'.
   A range joins two numbers, low first, with '-', '–', '—', 's.d.', 's/d', 'sampai (dengan)' or 'hingga':
   '7-8', '7 – 8', '7 s.d. 8' → `Rentang`. One number → `Angka`.
5. Refused, each with a suggestion, when a text is shaped like a number but its digits could be read two ways:
   - a dot not followed by exactly three digits, or a first group that is not 1-999: '1.5', '1.50', '0.5'
     are decimals in English style → "tulis desimal dengan koma, misalnya '1,5'";
   - 1-3 digits, a comma and exactly three digits: '1,500' is seribu lima ratus in English style or satu koma
     lima → write '1.500' or '1,5' (three decimals are written with a fourth: '1,1250');
   - several commas, or a comma before a dot: '1,500,000', '1,500.25' (English style);
   - a range whose low bound is above its high bound ('8-7'), and any other mix of digits, dots and commas.

Numbers are `decimal.Decimal`, exact as typed; `format_angka` writes one back the same way, so that
`parse_nilai(format_angka(x))` reads x again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType
from typing import Iterable, Mapping, Union


@dataclass(frozen=True)
class Skala:
    """An ordinal scale: `grades` best first, each a label followed by the other spellings staff use."""

    name: str
    title: str
    grades: tuple[tuple[str, ...], ...]

    @property
    def order(self) -> str:
        """Its grades best first: 'WTP > WDP > TW > TMP'."""
        return " > ".join(spellings[0] for spellings in self.grades)

    @property
    def described(self) -> str:
        """Its title and grades in order, best first: 'opini BPK (WTP > WDP > TW > TMP)'."""
        return f"{self.title} ({self.order})"


# Data, not code: a new scale is one more entry. Grades are listed best first.
SKALA: Mapping[str, Skala] = MappingProxyType({skala.name: skala for skala in (
    Skala("opini_bpk", "opini BPK", (
        ("WTP", "Wajar Tanpa Pengecualian"),
        ("WDP", "Wajar Dengan Pengecualian"),
        ("TW", "Tidak Wajar"),
        ("TMP", "Tidak Menyatakan Pendapat", "Disclaimer"),
    )),
    Skala("predikat_sakip", "predikat SAKIP", (("AA",), ("A",), ("BB",), ("B",), ("CC",), ("C",), ("D",))),
    # Mutu pelayanan of an Indeks Kepuasan Masyarakat (PermenPANRB 14/2017): A Sangat Baik, B Baik, C Kurang
    # Baik, D Tidak Baik. The letters only: a word such as 'Baik' says too little to be taken for this grade.
    Skala("mutu_pelayanan", "mutu pelayanan IKM", (("A",), ("B",), ("C",), ("D",))),
)})

_KOSONG = frozenset({"", "-", "–", "—", "n/a", "na"})


@dataclass(frozen=True)
class Angka:
    """One number: `value` exact as typed; `satuan` the '%' or word typed with it, else None."""

    value: Decimal
    text: str
    satuan: str | None = None


@dataclass(frozen=True)
class Rentang:
    """A range of two numbers, `low` <= `high` ('7-8' → 7, 8)."""

    low: Decimal
    high: Decimal
    text: str
    satuan: str | None = None


@dataclass(frozen=True)
class Peringkat:
    """A grade on the scale `SKALA[scale]`: `rank` counts from 1 for the lowest grade, so higher is better."""

    scale: str
    rank: int
    grade: str
    text: str


@dataclass(frozen=True)
class BukanAngka:
    """A text that is not a number nor a grade; `kosong` when it only says there is no value ('-', 'n/a')."""

    text: str
    kosong: bool = False


Nilai = Union[Angka, Rentang, Peringkat, BukanAngka]


class NilaiTidakTerbaca(ValueError):
    """A value the rule cannot read unambiguously; `message` (Indonesian) says what was typed and what to write."""

    def __init__(self, text: str, message: str) -> None:
        super().__init__(message)
        self.text = text
        self.message = message


class SkalaTidakJelas(NilaiTidakTerbaca):
    """A grade found on several scales (`scales`, keys of `SKALA`) where none was named: the indicator's values
    are read, each alone, without it; its `skala` decides. Also a grade off the scale an indicator names."""

    def __init__(self, text: str, message: str, scales: tuple[str, ...]) -> None:
        super().__init__(text, message)
        self.scales = scales


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _grade_index() -> Mapping[str, tuple[Peringkat, ...]]:
    index: dict[str, list[Peringkat]] = {}
    for skala in SKALA.values():
        for position, spellings in enumerate(skala.grades):
            rank = len(skala.grades) - position
            for spelling in spellings:
                index.setdefault(_key(spelling), []).append(Peringkat(skala.name, rank, spellings[0], ""))
    return MappingProxyType({key: tuple(found) for key, found in index.items()})


_GRADES = _grade_index()

_NUMBER = r"\d[\d.,]*"
_SHAPE = re.compile(rf"""
    (?P<rp>rp\.?\ ?)?
    (?P<pct_before>%\ ?)?
    (?P<sign>[-−+])?(?P<low>{_NUMBER})\ ?(?P<pct_low>%)?
    (?:\ ?(?P<sep>[-–—]|s\.d\.?|s/d|sampai(?:\ dengan)?|hingga)\ ?(?P<high>{_NUMBER})\ ?(?P<pct_high>%)?)?
    (?:\ (?P<satuan>[^\W\d_][^\d]*))?
    """, re.IGNORECASE | re.VERBOSE)
_PLAIN = re.compile(r"\d+(?:,\d+)?")
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?")
_ENGLISH_THOUSANDS = re.compile(r"[1-9]\d{0,2},\d{3}")
_ENGLISH_DECIMAL = re.compile(r"\d+\.\d+")
_ENGLISH_GROUPED = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?")


def parse_nilai(text: str, skala: str | None = None) -> Nilai:
    """What `text` means by the module's rule: `Angka`, `Rentang`, `Peringkat` or `BukanAngka`.

    `skala` (a key of `SKALA`) limits grades to that scale: the one a target's grade is on, when reading its
    realisasi. Raises `NilaiTidakTerbaca` for what the rule cannot read; `TypeError` when `text` is not a
    str (a YAML number has already lost how it was typed), `KeyError` for an unknown `skala`.
    """
    if not isinstance(text, str):
        raise TypeError(f"nilai harus berupa teks seperti yang diketik, bukan {type(text).__name__}: {text!r}")
    if skala is not None and skala not in SKALA:
        raise KeyError(f"skala tidak dikenal: {skala!r}; yang dikenal: {', '.join(SKALA)}")
    return _parse(text, skala)


# Pure, and asked for the same few texts hundreds of thousands of times in a Kabupaten's build (every page, download
# and catalog computes capaian from them): remembered. What cannot be read raises again each time (not remembered).
@lru_cache(maxsize=1 << 16)
def _parse(text: str, skala: str | None) -> Nilai:
    flat = " ".join(text.split())
    if flat.casefold() in _KOSONG:
        return BukanAngka(text, kosong=True)
    if not any(character.isdigit() for character in flat):
        return _read_words(text, flat, skala)
    return _read_number_text(text, flat)


def _read_words(text: str, flat: str, skala: str | None) -> Nilai:
    grades = [grade for grade in _GRADES.get(_key(flat), ()) if skala in (None, grade.scale)]
    if len(grades) > 1:
        scales = tuple(grade.scale for grade in grades)
        raise SkalaTidakJelas(text, f"Nilai '{text}' tidak terbaca: '{flat}' ada pada {skala_titles(scales)}. "
                                    f"Nyatakan skalanya pada indikator: {_choices(scales)}.", scales)
    if grades:
        return Peringkat(grades[0].scale, grades[0].rank, grades[0].grade, text)
    return BukanAngka(text)


def skala_indikator(values: Iterable[str], stated: str | None = None) -> str | None:
    """The scale an indicator's grades are read on: `stated` (its `skala`), else the one scale on which every
    grade among `values` is found ('BB' and 'B': predikat SAKIP), else None when it has no grade or its grades
    share no scale ('WTP' and 'BB': its capaian then says the realisasi is not on the target's scale).

    Raises `SkalaTidakJelas` when none is stated and a grade's scale stays open: several scales hold every grade
    ('B' and 'C'), or they share none and one of them is on several ('WDP', 'B' and 'C'); also when a grade is not
    on the `stated` scale ('BB' with mutu_pelayanan). `KeyError` for an unknown `stated`.
    """
    values = list(values)
    if stated is not None:
        if stated not in SKALA:
            raise KeyError(f"skala tidak dikenal: {stated!r}; yang dikenal: {', '.join(SKALA)}")
        off = [text for text in values if _GRADES.get(_key(text))
               and stated not in {grade.scale for grade in _GRADES[_key(text)]}]
        if off:
            raise SkalaTidakJelas(off[0], (
                f"nilai {', '.join(repr(text) for text in dict.fromkeys(off))} bukan peringkat "
                f"{SKALA[stated].described} yang dinyatakan di 'skala: {stated}'; perbaiki nilainya atau skalanya"),
                (stated,))
        return stated
    shared: set[str] | None = None
    for text in values:
        scales = {grade.scale for grade in _GRADES.get(_key(text), ())}
        if scales:
            shared = scales if shared is None else shared & scales
    if shared is None:
        return None
    if len(shared) == 1:
        return next(iter(shared))
    if not shared:  # no one scale: read each grade on its own, unless one of them could be on several
        unclear = [text for text in values if len({grade.scale for grade in _GRADES.get(_key(text), ())}) > 1]
        if not unclear:
            return None
        values, shared = unclear, {grade.scale for grade in _GRADES[_key(unclear[0])]}
    scales = tuple(name for name in SKALA if name in shared)
    grades = sorted({_key(text).upper() for text in values if _GRADES.get(_key(text))})
    raise SkalaTidakJelas(", ".join(grades), (
        f"nilai {', '.join(repr(grade) for grade in grades)} ada pada {skala_titles(scales)}; nyatakan skalanya pada "
        f"indikator: {_choices(scales)}"), scales)


def is_grade(text: str) -> bool:
    """Whether `text` is a grade of one of the scales of `SKALA` ('WTP', 'bb')."""
    return _key(text) in _GRADES


def skala_titles(scales: Iterable[str]) -> str:
    """The scales' titles for a message: 'predikat SAKIP dan mutu pelayanan IKM'."""
    return " dan ".join(SKALA[name].title for name in scales)


def _choices(scales: Iterable[str]) -> str:
    return " atau ".join(f"'skala: {name}'" for name in scales)


def _read_number_text(text: str, flat: str) -> Nilai:
    shape = _SHAPE.fullmatch(flat)
    if shape is None:
        return BukanAngka(text)
    low = _read_number(shape["low"], text)
    if shape["sign"] in ("-", "−"):
        low = -low
    percent = any(shape[group] for group in ("pct_before", "pct_low", "pct_high"))
    satuan = " ".join(part for part in ("%" if percent else None, shape["satuan"],
                                        "Rp" if shape["rp"] else None) if part) or None
    if shape["high"] is None:
        return Angka(low, text, satuan)
    high = _read_number(shape["high"], text)
    if low > high:
        raise NilaiTidakTerbaca(text, f"Nilai '{text}' tidak terbaca: batas bawah rentang lebih besar dari "
                                      f"batas atasnya. Tulis batas bawah lebih dulu, misalnya "
                                      f"'{format_angka(high)}-{format_angka(low)}'.")
    return Rentang(low, high, text, satuan)


def _read_number(token: str, text: str) -> Decimal:
    """One number of the rule (a token of digits, dots and commas) as a Decimal, or a refusal that says why."""
    if _PLAIN.fullmatch(token) and not _ENGLISH_THOUSANDS.fullmatch(token):
        return Decimal(token.replace(",", "."))
    if _GROUPED.fullmatch(token):
        return Decimal(token.replace(".", "").replace(",", "."))
    if _ENGLISH_THOUSANDS.fullmatch(token):
        whole, decimals = token.split(",")
        short = decimals.rstrip("0")
        if not short:
            as_decimal = f"'{whole}'"
        elif len(short) < 3:
            as_decimal = f"'{whole},{short}'"
        else:
            as_decimal = f"'{whole},{decimals}0' (nol keempat menandai desimal)"
        raise NilaiTidakTerbaca(text, (
            f"Nilai '{text}' tidak terbaca: koma yang diikuti tepat tiga angka bisa berarti ribuan (gaya Inggris) "
            f"atau desimal. Tulis '{whole}.{decimals}' bila maksudnya ribuan, atau {as_decimal} bila maksudnya "
            f"desimal."))
    if _ENGLISH_DECIMAL.fullmatch(token):
        raise NilaiTidakTerbaca(text, (
            f"Nilai '{text}' tidak terbaca: titik hanya dipakai sebagai pemisah ribuan (diikuti tepat tiga angka). "
            f"Tulis desimal dengan koma, misalnya '{token.replace('.', ',')}'."))
    if _ENGLISH_GROUPED.fullmatch(token):
        indonesian = token.replace(",", "\0").replace(".", ",").replace("\0", ".")
        raise NilaiTidakTerbaca(text, (
            f"Nilai '{text}' tidak terbaca: '{token}' ditulis dengan gaya Inggris (koma untuk ribuan). "
            f"Tulis ribuan dengan titik dan desimal dengan koma: '{indonesian}'."))
    raise NilaiTidakTerbaca(text, (
        f"Nilai '{text}' tidak terbaca: '{token}' bukan angka yang dikenali. Tulis ribuan dengan titik yang diikuti "
        f"tepat tiga angka dan desimal dengan koma, misalnya '1.500' atau '98,5'."))


def format_angka(value: Decimal, grouped: bool = True) -> str:
    """`value` as staff write it: thousands dot (unless not `grouped`), decimal comma, no exponent ('1.500',
    '6,5', '-1.234,25'; not grouped: '1500', '-1234,25').

    `parse_nilai` reads the result back as `value`; for the one spelling the rule refuses as ambiguous
    (1-3 digits, comma, three decimals: '1,125') a fourth decimal zero is written ('1,1250').
    """
    sign = "-" if value < 0 else ""
    plain = format(abs(value), "f")
    whole, _, decimals = plain.partition(".")
    if decimals and len(decimals) == 3 and len(whole) <= 3 and whole != "0":
        decimals += "0"
    if grouped:
        whole = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{whole},{decimals}" if decimals else f"{sign}{whole}"
