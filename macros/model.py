"""The cascade as typed, frozen objects: what a data file must hold once it is valid."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .capaian_aturan import AturanCapaian, AturanTidakSah
from .nilai import SKALA, Angka, NilaiTidakTerbaca, SkalaTidakJelas, format_angka, parse_nilai, skala_indikator

if TYPE_CHECKING:
    from .tree import CascadeTree

# A label longer than this is a pasting accident, not a name: refuse it before it bloats every page.
MAX_TEXT_LENGTH = 2000

Teks = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT_LENGTH)]
TeksBolehKosong = Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_TEXT_LENGTH)]
Kode = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
TipePenghitungan = Literal["kumulatif", "non_kumulatif"]
Polaritas = Literal["positif", "negatif"]
Triwulan = Literal["I", "II", "III", "IV"]
# The scale of an indicator's grades, a key of `macros.nilai.SKALA`.
NamaSkala = Literal[tuple(SKALA)]  # type: ignore[valid-type]


def _readable_nilai(text: str) -> str:
    """A target, realisasi or baseline as typed, refused when `macros.nilai`'s rule cannot read it. A grade of
    several scales ('B') is left to its indicator, whose `skala` or other grades tell which (`Indikator`)."""
    try:
        parse_nilai(text)
    except SkalaTidakJelas:
        return text
    except NilaiTidakTerbaca as error:
        raise PydanticCustomError("nilai_tidak_terbaca", "{pesan}", {"pesan": error.message}) from None
    return text


# Words staff shorten an amount with, and what each multiplies it by: a pagu says them in full digits instead.
_RUPIAH_SHORTHAND = {"rp": 1, "rupiah": 1, "rb": 10**3, "ribu": 10**3, "jt": 10**6, "juta": 10**6, "m": 10**9,
                     "miliar": 10**9, "milyar": 10**9, "t": 10**12, "triliun": 10**12}

_SIGNED = re.compile(r"\s*(?:rp\.?\s*)?[-−+]", re.IGNORECASE)


def pagu_mistake(text: str) -> str | None:
    """What is wrong with `text` as a pagu, in Indonesian with what to write instead; None for an amount
    `macros.nilai`'s rule reads as one number of 0 or more with no unit but an "Rp" before it ("7.742.388.142",
    "Rp 350.000"). Pages put "Rp" before a pagu, so '2 juta' or '50%' would be published as "Rp 2 juta", "Rp 50%";
    a shortened amount is told its full number."""
    try:
        nilai = parse_nilai(text)
    except NilaiTidakTerbaca:  # a grade ('B'), a text the rule cannot read: no number
        nilai = None
    if not isinstance(nilai, Angka):
        # "Rp. 1.000.000,-" (no cents), as invoices write it: the amount without its ",-" is one.
        bare = re.sub(r",\s*-+\s*$", "", text)
        if bare != text and pagu_mistake(bare) is None:
            return f'pagu ditulis tanpa ",-" di akhir: tulis "{bare.strip()}"; tertulis "{text}"'
        return f'pagu harus berupa satu angka rupiah, mis. 7.742.388.142; tertulis "{text}"'
    # Pages keep an "Rp" typed before the amount, and put one there otherwise: one after it would be a second.
    unit = nilai.satuan or ""
    if text.strip().casefold().startswith("rp"):
        unit = unit.removesuffix("Rp").strip()
    if "%" in unit:
        return f'pagu ditulis sebagai jumlah rupiah, bukan persen; tulis angka rupiahnya, mis. 7.742.388.142; ' \
               f'tertulis "{text}"'
    if unit:
        times = _RUPIAH_SHORTHAND.get(unit.casefold().rstrip("."))
        example = format_angka((nilai.value * times).normalize()) if times else "7.700.000.000"
        return f"pagu ditulis angka rupiah lengkap tanpa satuan ('{unit}'); tulis angkanya utuh, mis. {example}; " \
               f'tertulis "{text}"'
    if nilai.value < 0 or _SIGNED.match(text):
        return (f"pagu ditulis tanpa tanda minus atau plus: jumlah rupiah 0 atau lebih, mis. "
                f'{format_angka(abs(nilai.value))}; tertulis "{text}"')
    return None


def _rupiah(text: str) -> str:
    """A pagu as typed, refused as `pagu_mistake` says."""
    mistake = pagu_mistake(text)
    if mistake:
        raise PydanticCustomError("pagu_bukan_angka", "{pesan}", {"pesan": mistake})
    return text


# A value as staff typed it ("98,5%", "7-8", "WTP"); numbers are derived from it by `macros.nilai`.
Nilai = Annotated[Teks, AfterValidator(_readable_nilai)]
# A year a value is for, written in full: a key 24 or 2204 is a slip, not a year to publish.
FIRST_YEAR, LAST_YEAR = 2000, 2100
Tahun = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]

# The fields whose values are keyed by year ('target: {2024: "26"}'), and by year then quarter.
BY_YEAR = frozenset({"baseline", "target", "realisasi", "pagu"})
BY_QUARTER = frozenset({"target_triwulan", "realisasi_triwulan"})
NilaiPerTahun = dict[Tahun, Nilai]
# A budget in Rupiah as typed ("7.742.388.142"), per year.
PaguPerTahun = dict[Tahun, Annotated[Nilai, AfterValidator(_rupiah)]]
NilaiPerTriwulan = dict[Tahun, dict[Triwulan, Nilai]]


class _Model(BaseModel):
    # strict: a number where text belongs is a mistake to report, not to coerce silently.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Indikator(_Model):
    uraian: Teks
    formulasi: TeksBolehKosong
    # Left out when the source does not state them: pages say "tidak tercantum", lint lists them.
    tipe_penghitungan: TipePenghitungan | None = None
    polaritas: Polaritas | None = None
    sumber_data: TeksBolehKosong
    kode: Kode | None = None
    satuan: Teks | None = None
    # The scale of its grades where a grade is on more than one ('B': predikat SAKIP or mutu pelayanan IKM).
    skala: NamaSkala | None = None
    baseline: NilaiPerTahun | None = None
    target: NilaiPerTahun | None = None
    target_triwulan: NilaiPerTriwulan | None = None
    realisasi: NilaiPerTahun | None = None
    realisasi_triwulan: NilaiPerTriwulan | None = None
    # An Indikator Kinerja Utama of the perangkat daerah: highlighted, and a filter of the catalog.
    iku: bool | None = None
    # The condition at the end of the plan's period, as the Renstra states it.
    target_akhir: Teks | None = None

    @model_validator(mode="after")
    def _grades_on_one_scale(self) -> Indikator:
        try:
            self.skala_nilai
        except SkalaTidakJelas as error:
            # A grade off the stated scale is reported where it is typed (`di`, below the indicator); grades
            # that fit two scales, at the indicator, where its `skala` would go.
            off = self.skala and next((place for place, value in self._nilai_places() if value == error.text), None)
            raise PydanticCustomError("skala_tidak_jelas", "{pesan}",
                                      {"pesan": error.message, **({"di": off} if off else {})}) from None
        return self

    def _nilai_places(self) -> list[tuple[tuple[str, int] | tuple[str, int, str], str]]:
        """Every value typed with its place under the indicator, (field, year[, quarter]), in `semua_nilai`'s
        order."""
        places: list[tuple[tuple[str, int] | tuple[str, int, str], str]] = [
            ((field, year), value) for field in ("baseline", "target", "realisasi")
            for year, value in (getattr(self, field) or {}).items()]
        return places + [((field, year, triwulan), value) for field in ("target_triwulan", "realisasi_triwulan")
                         for year, quarters in (getattr(self, field) or {}).items()
                         for triwulan, value in quarters.items()]

    @property
    def semua_nilai(self) -> list[str]:
        """Every value typed: its baselines, targets and realisasi, of years and of quarters."""
        return [value for _, value in self._nilai_places()]

    @property
    def skala_nilai(self) -> str | None:
        """The scale its grades are read on (`macros.nilai.skala_indikator`): `skala`, else the one its grades
        share; None without grades."""
        return skala_indikator(self.semua_nilai, self.skala)


class _Anggaran(_Model):
    """What a program, kegiatan and sub kegiatan share: a budget item of Permendagri 90/2019."""

    uraian: Teks
    # What the item is to achieve: one text, or a list of texts for an item with several outcomes.
    sasaran: Teks | Annotated[list[Teks], Field(min_length=1)] | None = None
    kode: Kode | None = None
    penanggung_jawab: Teks | None = None
    pagu: PaguPerTahun | None = None
    indikator: list[Indikator] = []

    @property
    def outcomes(self) -> list[str]:
        """The item's sasaran as a list of texts, in the order written: [] when none is written."""
        if self.sasaran is None:
            return []
        return [self.sasaran] if isinstance(self.sasaran, str) else list(self.sasaran)


class SubKegiatan(_Anggaran):
    pass


class Kegiatan(_Anggaran):
    sub_kegiatan: list[SubKegiatan] = []


class Program(_Anggaran):
    bidang_urusan: Teks | None = None
    kegiatan: list[Kegiatan] = []


class Sasaran(_Model):
    uraian: Teks
    penanggung_jawab: Teks | None = None
    indikator: list[Indikator] = []
    program: list[Program] = []


class Tujuan(_Model):
    uraian: Teks
    penanggung_jawab: Teks | None = None
    indikator: list[Indikator] = []
    sasaran: list[Sasaran] = []


def _ascending_periode(text: str) -> str:
    """A period as typed ('2021-2026'), refused unless its first year comes before its last."""
    start, end = (int(part) for part in text.split("-"))
    if not (FIRST_YEAR <= start < end <= LAST_YEAR):
        raise PydanticCustomError("periode_tidak_sah", "periode harus tahun awal lalu tahun akhir yang lebih besar, "
                                  f"antara {FIRST_YEAR} dan {LAST_YEAR}, mis. 2021-2026; tertulis \"{{teks}}\"",
                                  {"teks": text})
    return text


# A plan's period, first and last year included: '2021-2026' (a Renstra).
Periode = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\d{4}-\d{4}$"),
                    AfterValidator(_ascending_periode)]


def top_level_mistakes(keys: set[str]) -> list[tuple[str, str]]:
    """What is wrong with a file whose top level writes `keys`, as (key to report at, message): it states
    `tahun` or `periode`, and `tujuan` or (without tujuan) `sasaran`, one of each. [] when nothing is."""
    mistakes = []
    if ("tahun" in keys) == ("periode" in keys):
        mistakes.append(("tahun", "tulis 'tahun:' (berkas satu tahun, mis. 2023.yaml) atau 'periode:' (berkas "
                                  "Renstra satu periode, mis. periode: 2021-2026 di 2021-2026.yaml), salah satu saja"))
    if "tujuan" not in keys and "sasaran" not in keys:
        mistakes.append(("tujuan", "wajib ada 'tujuan:' (daftar tujuan), atau 'sasaran:' di tingkat teratas untuk "
                                   "dokumen tanpa tujuan seperti daftar IKU"))
    if "tujuan" in keys and "sasaran" in keys:
        mistakes.append(("sasaran", "'sasaran:' di tingkat teratas hanya untuk dokumen tanpa tujuan; bila ada "
                                    "tujuan, letakkan sasaran di bawah tujuannya"))
    return mistakes


class Cascade(_Model):
    perangkat_daerah: Teks
    # The kabupaten or kota of the perangkat daerah, where a site publishes bodies of more than one: the open-data
    # catalog's spatial coverage of this cascade (the site's `data_terbuka.kabupaten_kota` otherwise).
    kabupaten_kota: Teks | None = None
    # A yearly file states its year; a file covering a period (a Renstra, `<pd>/2021-2026.yaml`) its period
    # instead. Exactly one of the two is given (`_one_top_level`).
    tahun: Tahun | None = None
    periode: Periode | None = None
    # The file beside this one this cascade was transcribed from (a PDF): published and linked (`macros.load`
    # checks that it is there).
    dokumen_sumber: Teks | None = None
    # How this cascade's capaian is computed, where it departs from the site's settings (`macros.capaian_aturan`).
    capaian: dict[str, object] | None = None
    # A cascade starts at its tujuan; a document without tujuan (an IKU list) starts at its sasaran instead.
    # Exactly one of the two is given (`_one_top_level`).
    tujuan: Annotated[list[Tujuan], Field(min_length=1)] | None = None
    sasaran: Annotated[list[Sasaran], Field(min_length=1)] | None = None

    @field_validator("capaian")
    @classmethod
    def _usable_settings(cls, settings: dict[str, object] | None) -> dict[str, object] | None:
        try:
            AturanCapaian.from_settings(settings)
        except AturanTidakSah as error:
            raise PydanticCustomError("aturan_tidak_sah", "{pesan}", {"pesan": str(error)}) from None
        return settings

    @model_validator(mode="after")
    def _one_top_level(self) -> Cascade:
        for key, message in top_level_mistakes({name for name in self.model_fields_set
                                                if getattr(self, name) is not None}):
            raise PydanticCustomError("tingkat_teratas", "{pesan}", {"kunci": key, "pesan": message})
        return self

    @property
    def years(self) -> list[int]:
        """The years the file covers, ascending: its `tahun`, or every year of its `periode`."""
        if self.periode is None:
            return [self.tahun] if self.tahun is not None else []
        start, end = (int(part) for part in self.periode.split("-"))
        return list(range(start, end + 1))

    @property
    def label(self) -> str:
        """How pages, addresses and downloads name the file: '2023', or its period '2021-2026'."""
        return self.periode if self.periode is not None else str(self.tahun)

    @property
    def top(self) -> list[Tujuan] | list[Sasaran]:
        """The items the cascade starts at: its tujuan, or its sasaran when it has no tujuan."""
        return self.tujuan if self.tujuan is not None else self.sasaran or []


Level = Literal["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"]
LEVEL_LABELS: dict[str, str] = {
    "tujuan": "Tujuan",
    "sasaran": "Sasaran",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub_kegiatan": "Sub Kegiatan",
}
Item = Tujuan | Sasaran | Program | Kegiatan | SubKegiatan


def with_kode(item: Item) -> str:
    """An item's name as staff read it in a Renja: its Permendagri 90 code first when it has one
    ('5.03.01 Program Penunjang ...'), otherwise its name alone."""
    kode = getattr(item, "kode", None)
    return f"{kode} {item.uraian}" if kode else item.uraian

# A place in a data file as its keys and list indexes: ('tujuan', 0, 'sasaran', 0, 'indikator', 1, 'uraian').
Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class CascadeFile:
    """A validated cascade with where it came from: the perangkat daerah's folder slug, its file and its lines.

    `lines` holds the 1-based line of every value the file writes, keyed by location; it is empty for a
    cascade built in code. It is derived from the file, so it takes no part in comparing two `CascadeFile`s.
    """

    slug: str
    path: Path
    cascade: Cascade
    lines: Mapping[Loc, int] = field(default_factory=dict, compare=False, repr=False)
    # How its capaian is computed: the site's settings with the cascade's own `capaian:` over them.
    aturan: AturanCapaian = field(default_factory=AturanCapaian, compare=False, repr=False)
    # The sha256 of the bytes the file was read from ('' for a cascade built in code): with `aturan` and the code,
    # it decides everything made from this file, which the build keeps by it (`macros.generated`).
    source_digest: str = field(default="", compare=False, repr=False)

    def line(self, loc: Loc) -> int | None:
        """The line of the value at `loc`, or of the nearest enclosing value the file writes (a missing list,
        a default); None when `lines` knows none of them."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(loc[:end])
            if line is not None:
                return line
        return None

    @property
    def tahun(self) -> int:
        """The year whose targets, realisasi and capaian the file's pages report as "this year's": the file's
        year; for a period file the latest year of its period with a realisasi, else its first year."""
        if self.cascade.tahun is not None:
            return self.cascade.tahun
        reported = [year for row in self.tree.indikator for year in (*(row.indikator.realisasi or {}),
                                                                    *(row.indikator.realisasi_triwulan or {}))
                    if year in self.cascade.years]
        return max(reported, default=self.cascade.years[0])

    @property
    def label(self) -> str:
        """'2023', or a period file's '2021-2026': the part of its addresses and titles after the name."""
        return self.cascade.label

    @property
    def years(self) -> list[int]:
        return self.cascade.years

    @property
    def is_periode(self) -> bool:
        """Whether the file covers a period (a Renstra) rather than one year."""
        return self.cascade.periode is not None

    @property
    def order(self) -> tuple[int, int]:
        """Where the file sorts among its perangkat daerah's files: by last year, then by first year (a
        period 2021-2026 after the year 2026)."""
        return self.years[-1], -self.years[0]

    @property
    def programs(self) -> list[Program]:
        return [node.item for node in self.tree.programs]

    @cached_property
    def tree(self) -> CascadeTree:
        """The cascade walked once (`macros.tree`), shared by every page, download and check."""
        from .tree import walk  # macros.tree builds on this module's classes

        return walk(self.cascade, self.lines)
