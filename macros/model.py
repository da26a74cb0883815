"""The cascade as typed, frozen objects: what a data file must hold once it is valid."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .capaian_aturan import AturanCapaian, AturanTidakSah
from .nilai import Angka, NilaiTidakTerbaca, parse_nilai

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


def _readable_nilai(text: str) -> str:
    """A target, realisasi or baseline as typed, refused when `macros.nilai`'s rule cannot read it."""
    try:
        parse_nilai(text)
    except NilaiTidakTerbaca as error:
        raise PydanticCustomError("nilai_tidak_terbaca", "{pesan}", {"pesan": error.message}) from None
    return text


def _rupiah(text: str) -> str:
    """A pagu as typed ("7.742.388.142"), refused unless `macros.nilai`'s rule reads it as one number."""
    if not isinstance(parse_nilai(text), Angka):
        raise PydanticCustomError("pagu_bukan_angka", "pagu harus berupa satu angka rupiah, mis. 7.742.388.142; "
                                  "tertulis \"{teks}\"", {"teks": text})
    return text


# A value as staff typed it ("98,5%", "7-8", "WTP"); numbers are derived from it by `macros.nilai`.
Nilai = Annotated[Teks, AfterValidator(_readable_nilai)]
NilaiPerTahun = dict[int, Nilai]
# A budget in Rupiah as typed ("7.742.388.142"), per year.
PaguPerTahun = dict[int, Annotated[Nilai, AfterValidator(_rupiah)]]
NilaiPerTriwulan = dict[int, dict[Triwulan, Nilai]]


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
    baseline: NilaiPerTahun | None = None
    target: NilaiPerTahun | None = None
    target_triwulan: NilaiPerTriwulan | None = None
    realisasi: NilaiPerTahun | None = None
    realisasi_triwulan: NilaiPerTriwulan | None = None
    # An Indikator Kinerja Utama of the perangkat daerah: highlighted, and a filter of the catalog.
    iku: bool | None = None
    # The condition at the end of the plan's period, as the Renstra states it.
    target_akhir: Teks | None = None


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


class Cascade(_Model):
    perangkat_daerah: Teks
    tahun: Annotated[int, Field(ge=2000, le=2100)]
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
        if self.tujuan is None and self.sasaran is None:
            raise PydanticCustomError("tingkat_teratas", "{pesan}", {"kunci": "tujuan", "pesan": (
                "wajib ada 'tujuan:' (daftar tujuan), atau 'sasaran:' di tingkat teratas untuk dokumen tanpa "
                "tujuan seperti daftar IKU")})
        if self.tujuan is not None and self.sasaran is not None:
            raise PydanticCustomError("tingkat_teratas", "{pesan}", {"kunci": "sasaran", "pesan": (
                "'sasaran:' di tingkat teratas hanya untuk dokumen tanpa tujuan; bila ada tujuan, letakkan "
                "sasaran di bawah tujuannya")})
        return self

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
        return self.cascade.tahun

    @property
    def programs(self) -> list[Program]:
        return [node.item for node in self.tree.programs]

    @cached_property
    def tree(self) -> CascadeTree:
        """The cascade walked once (`macros.tree`), shared by every page, download and check."""
        from .tree import walk  # macros.tree builds on this module's classes

        return walk(self.cascade, self.lines)
