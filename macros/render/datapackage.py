"""The Frictionless Data Package (`data/datapackage.json`) describing every CSV and JSON download.

Per cascade: its JSON, its CSV (a Table Schema: one field per column with type and Indonesian description,
primary key 'ID indikator') and its per-indicator CSVs as one multi-part resource whose 'ID indikator' refers
to the cascade CSV's. Paths are relative to the package's own folder (`data/`), so the package is right
wherever the site is served. Fields whose meaning matches a BPS MS-Ind indicator metadata field (rumus,
satuan, interpretasi, periode, sumber, nama indikator) name it in `ms_ind`.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Mapping
from typing import Any

from ..model import LEVEL_LABELS, CascadeFile
from ..nilai import SKALA
from ..naming import DATAPACKAGE_PATH, download_path, indikator_csv_path
from ..opendata_settings import OpenDataSettings
from .export import KETERANGAN_CAPAIAN, indikator_columns
from .indikator_csv import INDIKATOR_COLUMNS, INDIKATOR_PRIMARY_KEY, Column

# Each a tag CKAN accepts (letters, digits, spaces, '-', '_', '.'; 2 to 100 characters): the DCAT catalog's too.
KEYWORDS = ["SAKIP", "cascading kinerja", "indikator kinerja", "perangkat daerah", "Satu Data Indonesia"]
# The cascade CSV's definition of an indicator, which the per-indicator CSVs leave to it (their foreign key).
_DEFINITION_COLUMNS = (
    Column("Level", "string", "Level item pemilik indikator.", enum=tuple(LEVEL_LABELS)),
    Column("Nomor item", "string", "Posisi item pemilik indikator dalam cascade (T1.S1.P2)."),
    Column("Kode indikator", "string", "Kode indikator sebagaimana ditulis staf (teks, bukan angka)."),
    Column("Formulasi", "string", "Cara menghitung nilai indikator.", "rumus"),
    Column("Tipe penghitungan", "string", "Cara nilai antarperiode digabung: kumulatif (dijumlah) atau "
           "non_kumulatif (nilai terakhir); kosong bila tidak tercantum.", enum=("kumulatif", "non_kumulatif")),
    Column("Polaritas", "string", "positif: makin tinggi makin baik; negatif: makin rendah makin baik; kosong bila "
           "tidak tercantum.", "interpretasi", enum=("positif", "negatif")),
    Column("Skala", "string", "Skala peringkat nilai indikator bila staf menyatakannya: opini_bpk (WTP > WDP > TW > "
           "TMP), predikat_sakip (AA > A > BB > B > CC > C > D) atau mutu_pelayanan (IKM: A > B > C > D); kosong "
           "bila tidak dinyatakan.", enum=tuple(SKALA)),
    Column("Sumber data", "string", "Dari mana angka indikator diperoleh.", "sumber"),
)
_BY_NAME = {column.name: column for column in (*INDIKATOR_COLUMNS, *_DEFINITION_COLUMNS)}
# The cascade CSV's columns per year (`macros.render.export.indikator_table`): header → (type, description).
_YEAR_COLUMNS = {
    "Baseline": ("string", "Baseline (nilai sebelum periode rencana) tahun {tahun}, sebagaimana ditulis staf."),
    "Target": ("string", "Target tahun {tahun}, sebagaimana ditulis staf (teks: 1/2, 7-8, 98,5%); kosong bila "
                         "tidak ada."),
    "Realisasi": ("string", "Realisasi tahun {tahun} (tahunan, atau per triwulan di XLSX), sebagaimana ditulis "
                            "staf; kosong bila belum dilaporkan."),
    "Capaian": ("number", "Capaian tahun {tahun} sampai triwulan terakhir yang dilaporkan, dalam persen, satu "
                          "desimal; kosong bila tidak dapat dihitung."),
    "Predikat": ("string", "Predikat capaian tahun {tahun}; kosong bila tidak dapat dihitung."),
    "Keterangan capaian": ("string", KETERANGAN_CAPAIAN),
}
_INDIKATOR_EXTRA = {
    "IKU": "ya bila indikator ini Indikator Kinerja Utama perangkat daerah, tidak bila data menyatakan bukan; "
           "kosong bila tidak dinyatakan.",
    "Target akhir": "Kondisi kinerja pada akhir periode rencana, sebagaimana tertulis di Renstra; kosong bila "
                    "tidak ada.",
}
_YEAR_COLUMN = re.compile(rf"({'|'.join(_YEAR_COLUMNS)}) (\d{{4}})(?: \(%\))?")


def cascade_csv_column(name: str) -> Column:
    """The Table Schema field of a column of a cascade's CSV (`macros.render.export.indikator_table`), by its
    header; a header no rule knows is text without a description."""
    if name == "Tahun":
        return Column(name, "integer", "Tahun cascade.", "periode")
    if name == "Periode":
        return Column(name, "string", "Periode cascade Renstra, tahun awal-tahun akhir (mis. 2021-2026).")
    if name in _BY_NAME:
        return _BY_NAME[name]
    if name in _INDIKATOR_EXTRA:
        return Column(name, "string", _INDIKATOR_EXTRA[name])
    for level, label in LEVEL_LABELS.items():
        lower = label.lower()
        if name == label:
            return Column(name, "string", f"Uraian {lower} tempat indikator berada (kosong bila indikator di "
                                          f"atas level {lower}).")
        if name == f"Kode {lower}":
            return Column(name, "string", f"Kode {lower} menurut Permendagri 90/2019, sebagaimana ditulis "
                                          f"staf (teks, bukan angka).")
        if name == f"Sasaran {lower}":
            return Column(name, "string", f"Sasaran {lower}: hasil yang hendak dicapai {lower} tersebut.")
    year = _YEAR_COLUMN.fullmatch(name)
    if year:
        kind, description = _YEAR_COLUMNS[year[1]]
        return Column(name, kind, description.format(tahun=year[2]))
    return Column(name, "string", "")


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "title": column.name, "type": column.type}
    if column.description:
        field["description"] = column.description
    if column.ms_ind:
        field["ms_ind"] = column.ms_ind
    if column.name == "ID indikator":
        field["constraints"] = {"required": True}
    elif column.enum:
        field["constraints"] = {"enum": list(column.enum)}
    return field


def _integrity(content: str | bytes) -> dict[str, Any]:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return {"bytes": len(data), "hash": f"sha256:{hashlib.sha256(data).hexdigest()}"}


def _local(path: str) -> str:
    """A download's path relative to the package's folder."""
    return posixpath.relpath(path, posixpath.dirname(DATAPACKAGE_PATH))


def resource_name(cf: CascadeFile, kind: str) -> str:
    """A resource's name: '<pd>-<tahun>-<kind>' (kind: json, csv, indikator)."""
    return f"{cf.slug}-{cf.label}-{kind}"


# What `macros.render.export.neutralise` adds to a CSV's text, told to the machines that read it.
_APOSTROPHE = ("Teks yang diawali =, +, -, @, tab atau CR dan bukan angka ditulis dengan tanda petik tunggal (') di depannya, "
               "agar spreadsheet tidak menjalankannya sebagai rumus; tanda petik itu bukan bagian dari nilainya.")


def cascade_resources(cf: CascadeFile, downloads: Mapping[str, str | bytes]) -> list[dict[str, Any]]:
    """A cascade's JSON, CSV and per-indicator CSVs as Data Package resources; `downloads` holds their content
    by path, for sizes and checksums."""
    name = cf.cascade.perangkat_daerah
    temporal = {"start": f"{cf.years[0]}-01-01", "end": f"{cf.years[-1]}-12-31"}
    columns = [cascade_csv_column(header) for header in indikator_columns(cf.tree)]
    # The CSVs start with a byte order mark (for Excel), which UTF-8 readers take as its signature: the encoding is
    # named by its IANA name, as the Data Resource spec asks ('utf-8-sig' is Python's own).
    resources = [
        {"name": resource_name(cf, "json"), "path": _local(download_path(cf, "json")), "profile": "data-resource",
         "title": f"Cascading kinerja {name} {cf.label} (JSON)", "format": "json", "mediatype": "application/json",
         "encoding": "utf-8", "description": "Seluruh cascade dengan kunci berkas data berbahasa Indonesia.",
         "temporal": temporal, **_integrity(downloads[download_path(cf, "json")])},
        {"name": resource_name(cf, "csv"), "path": _local(download_path(cf, "csv")), "profile": "tabular-data-resource",
         "title": f"Indikator kinerja {name} {cf.label} (CSV)", "format": "csv", "mediatype": "text/csv",
         "encoding": "utf-8", "description": "Satu baris per indikator, dengan item di atasnya. " + _APOSTROPHE,
         "temporal": temporal, **_integrity(downloads[download_path(cf, "csv")]),
         "schema": {"fields": [_field(column) for column in columns], "primaryKey": ["ID indikator"]}},
    ]
    parts = [indikator_csv_path(cf, row.id) for row in cf.tree.indikator]
    if parts:
        resources.append({
            "name": resource_name(cf, "indikator"), "path": [_local(part) for part in parts],
            "profile": "tabular-data-resource", "title": f"Indikator kinerja {name} {cf.label}, satu berkas per "
            "indikator (CSV)", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "description": "Satu berkas CSV per indikator, satu baris per periode (tahun dan triwulan): target, "
                           "realisasi, capaian dan predikat; berkas-berkasnya bersambung menjadi satu tabel. "
                           "Definisi indikator (formulasi, tipe penghitungan, polaritas, sumber data) ada di CSV "
                           "cascade, lewat ID indikator. " + _APOSTROPHE,
            "temporal": temporal,
            "schema": {"fields": [_field(column) for column in INDIKATOR_COLUMNS],
                       "primaryKey": list(INDIKATOR_PRIMARY_KEY),
                       "foreignKeys": [{"fields": ["ID indikator"], "reference": {
                           "resource": resource_name(cf, "csv"), "fields": ["ID indikator"]}}]},
        })
    return resources


def to_datapackage(files: list[CascadeFile], downloads: Mapping[str, str | bytes], settings: OpenDataSettings) -> str:
    """The Data Package of every cascade's downloads (`downloads`: content by path in the site), as JSON."""
    licence = settings.licence
    publisher: dict[str, Any] = {"title": settings.publisher, "role": "publisher"}
    if settings.contact_url.startswith("mailto:"):
        publisher["email"] = settings.contact
    elif settings.contact_url:
        publisher["path"] = settings.contact_url
    years = sorted({year for cf in files for year in cf.years})
    package: dict[str, Any] = {
        "profile": "data-package",
        "name": "cascading-kinerja",
        "title": settings.site_name,
        "description": "Cascading kinerja perangkat daerah (SAKIP): tujuan, sasaran, program, kegiatan, sub "
                       "kegiatan dan indikator kinerjanya.",
        "licenses": [{"name": licence.id, "path": licence.url, "title": licence.title}],
        "contributors": [publisher],
        "keywords": KEYWORDS,
        "resources": [resource for cf in files for resource in cascade_resources(cf, downloads)],
    }
    if years:
        package["temporal"] = {"start": f"{years[0]}-01-01", "end": f"{years[-1]}-12-31"}
    # A cascade's own kabupaten/kota wins over the site's; a site of several lists them all.
    regions = sorted({cf.cascade.kabupaten_kota or settings.region for cf in files} - {""})
    if regions:
        package["spatial"] = regions[0] if len(regions) == 1 else regions
    return json.dumps(package, ensure_ascii=False, separators=(",", ":")) + "\n"
