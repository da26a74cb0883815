"""The JSON Schema of a data file, generated from the model, for editors that check YAML while staff type.

`python -m macros.schema` (or `make schema`) rewrites schema/cascade.schema.json; `--check` only compares.
Each data file names it in its first line: `# yaml-language-server: $schema=../../schema/cascade.schema.json`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .model import Cascade

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema" / "cascade.schema.json"


_PENANGGUNG_JAWAB = "Pejabat atau unit yang bertanggung jawab (opsional), mis. 'Kepala Subbagian Umum'."


def _anggaran(level: str, about: str, uraian: str, children: dict[str, str]) -> dict[str, str]:
    """The descriptions a program, kegiatan and sub kegiatan share (the model's `_Anggaran`), and their own."""
    return {
        "": about,
        "uraian": uraian,
        "sasaran": f"Sasaran {level}: hasil yang hendak dicapai {level} ini (opsional); satu teks, atau daftar teks "
                   f"bila {level} ini punya beberapa sasaran.",
        "kode": f"Kode {level} menurut nomenklatur Permendagri 90/2019 (opsional), mis. '7.01.01'.",
        "penanggung_jawab": _PENANGGUNG_JAWAB,
        "pagu": f"Pagu anggaran {level} per tahun dalam rupiah (opsional), seperti diketik, mis. "
                "{2024: \"7.742.388.142\"}; ditampilkan sebagai 'Rp 7.742.388.142'.",
        "indikator": f"Indikator kinerja {level}.",
        **children,
    }


_NILAI = ("seperti diketik staf, sebagai teks (mis. \"98,5\", \"7-8\", \"WTP\"); desimal dengan koma, ribuan "
          "dengan titik")
_TRIWULAN = "per tahun lalu per triwulan I–IV, nilai triwulan itu sendiri (bukan jumlah berjalan)"
# Shown by editors on hover and while completing; keyed by the model's class, then its field.
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "Cascade": {
        "": "Cascading kinerja satu perangkat daerah untuk satu tahun (cascade_data/<perangkat-daerah>/<tahun>.yaml).",
        "perangkat_daerah": "Nama perangkat daerah, mis. 'Kecamatan Kebasen'.",
        "kabupaten_kota": "Kabupaten/kota perangkat daerah ini (opsional), mis. 'Kabupaten Banyumas': cakupan wilayah "
                          "cascade ini di katalog data terbuka, bila berbeda dari pengaturan situs.",
        "tahun": "Tahun cascade; sama dengan nama berkas (2023.yaml). Berkas Renstra satu periode memakai 'periode'.",
        "periode": "Periode Renstra, tahun awal-tahun akhir (mis. 2021-2026), sebagai pengganti 'tahun'; sama dengan "
                   "nama berkas (2021-2026.yaml). Target ditulis per tahun di dalam periode ini.",
        "dokumen_sumber": "Nama berkas dokumen sumber (opsional), mis. 'Renstra 2021-2026.pdf', yang diletakkan di "
                          "folder perangkat daerah ini: diterbitkan apa adanya dan ditautkan dari ringkasan cascade.",
        "capaian": "Cara menghitung capaian cascade ini bila berbeda dari situs (opsional): negatif (\"2-R/T\" atau "
                   "\"T/R\"), batas_atas (%), predikat (daftar {lebih_dari, predikat}).",
        "tujuan": "Tujuan perangkat daerah (Eselon II); minimal satu. Dokumen tanpa tujuan (daftar IKU) memakai "
                  "'sasaran' di tingkat teratas sebagai gantinya.",
        "sasaran": "Hanya untuk dokumen tanpa tujuan (mis. daftar IKU): sasaran di tingkat teratas, masing-masing "
                   "dengan indikatornya (dan programnya bila ada). Tidak boleh bersama 'tujuan'.",
    },
    "Tujuan": {
        "": "Tujuan perangkat daerah, dengan indikator dan sasaran yang mendukungnya.",
        "uraian": "Pernyataan tujuan, seperti tertulis di dokumen sumber.",
        "penanggung_jawab": _PENANGGUNG_JAWAB,
        "indikator": "Indikator kinerja tujuan.",
        "sasaran": "Sasaran strategis (Eselon III) yang mendukung tujuan ini.",
    },
    "Sasaran": {
        "": "Sasaran strategis yang mendukung tujuan.",
        "uraian": "Pernyataan sasaran, seperti tertulis di dokumen sumber.",
        "penanggung_jawab": _PENANGGUNG_JAWAB,
        "indikator": "Indikator kinerja sasaran.",
        "program": "Program (Eselon IV) yang mendukung sasaran ini.",
    },
    "Program": _anggaran("program", "Program anggaran (nomenklatur Permendagri 90/2019).",
                         "Nama program, mis. 'Program Penunjang Urusan Pemerintahan Daerah Kabupaten / Kota'.",
                         {"kegiatan": "Kegiatan di dalam program ini.",
                          "bidang_urusan": "Bidang urusan pemerintahan program ini (opsional), dengan kodenya "
                                           "seperti tertulis, mis. '2.17 Bidang Koperasi, Usaha Kecil dan Menengah'."}),
    "Kegiatan": _anggaran("kegiatan", "Kegiatan di dalam program.", "Nama kegiatan.",
                          {"sub_kegiatan": "Sub kegiatan di dalam kegiatan ini."}),
    "SubKegiatan": _anggaran("sub kegiatan", "Sub kegiatan: satuan tempat anggaran dibelanjakan.",
                             "Nama sub kegiatan.", {}),
    "Indikator": {
        "": "Indikator kinerja: apa yang diukur, cara menghitung dan asal datanya.",
        "uraian": "Apa yang diukur, mis. 'Jumlah ASN yang terbayarkan gaji dan tunjangannya'.",
        "formulasi": "Cara menghitung, mis. 'Jumlah ... dibagi jumlah ... X 100%'; kosong bila sumber tidak "
                     "mencantumkan.",
        "tipe_penghitungan": "kumulatif: nilai per periode dijumlahkan; non_kumulatif: nilai tahunan adalah nilai "
                             "terakhir, bukan jumlah. Boleh ditiadakan bila sumber tidak mencantumkan: situs "
                             "menulis 'tidak tercantum' dan laporan kualitas data mendaftarnya.",
        "polaritas": "positif: makin tinggi makin baik; negatif: makin rendah makin baik. Tanpa nilai bawaan: "
                     "boleh ditiadakan bila sumber tidak mencantumkan (capaian angka lalu tidak dihitung).",
        "sumber_data": "Asal angka, mis. 'Data Subag Umum dan Kepegawaian'; kosong bila sumber tidak mencantumkan.",
        "kode": "Kode indikator (opsional); bila ada, menjadi ID tetap indikator di situs dan berkas unduhan.",
        "satuan": "Satuan ukuran (opsional), mis. 'persen', 'dokumen'.",
        "skala": "Skala peringkat nilai indikator (opsional): opini_bpk (WTP > WDP > TW > TMP), predikat_sakip "
                 "(AA > A > BB > B > CC > C > D) atau mutu_pelayanan (IKM: A > B > C > D). Wajib bila semua "
                 "peringkatnya ada pada lebih dari satu skala, mis. target 'B' dan realisasi 'C'.",
        "baseline": f"Nilai sebelum periode rencana, per tahun (opsional), {_NILAI}; mis. {{2022: \"20\"}}.",
        "target": f"Target per tahun (opsional), {_NILAI}; mis. {{2024: \"80\"}}.",
        "target_triwulan": f"Target {_TRIWULAN} (opsional); mis. {{2024: {{I: \"6\", II: \"6\"}}}}.",
        "realisasi": f"Realisasi per tahun (opsional), {_NILAI}; bila ada, mengalahkan jumlah triwulan.",
        "realisasi_triwulan": f"Realisasi {_TRIWULAN} (opsional).",
        "iku": "true bila indikator ini Indikator Kinerja Utama (IKU) perangkat daerah (opsional): "
               "ditandai 'IKU' dan dapat disaring di katalog.",
        "target_akhir": "Kondisi kinerja pada akhir periode rencana (opsional), seperti tertulis di Renstra.",
    },
}


def cascade_schema() -> dict[str, Any]:
    """The model's JSON Schema with Indonesian descriptions, as editors read it."""
    schema = Cascade.model_json_schema()
    definitions = {"Cascade": schema, **schema["$defs"]}
    for name, definition in definitions.items():
        described = DESCRIPTIONS.get(name, {})
        if "" in described:
            definition["description"] = described[""]
        for field, prop in definition["properties"].items():
            if field in described:
                prop["description"] = described[field]
    _tighten(schema)
    _one_top_level(schema)
    schema["title"] = "Cascading kinerja"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def _tighten(node: Any) -> None:
    """What the model checks beyond the generated schema: required text is not blank, target years are numbers
    (a mapping's keys that the model names otherwise, a year's quarters I to IV, keep their names)."""
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("minLength") == 1:
            # The model strips whitespace before counting: "   " is empty text.
            node["pattern"] = r"\S"
        if node.get("type") == "object" and "additionalProperties" in node and "properties" not in node:
            node.setdefault("propertyNames", {"pattern": "^[0-9]+$"})
        for value in node.values():
            _tighten(value)
    elif isinstance(node, list):
        for value in node:
            _tighten(value)


def _one_top_level(schema: dict[str, Any]) -> None:
    """The model's `Cascade._one_top_level`: `tahun` or `periode`, not both; a list of tujuan, or (without
    tujuan) a list of sasaran, not both."""
    pairs = (("tahun", "periode"), ("tujuan", "sasaran"))
    for name in (name for pair in pairs for name in pair):
        prop = schema["properties"][name]
        # Optional in Python only so that one of the two can be absent: written empty, neither is allowed.
        branch = next(branch for branch in prop.pop("anyOf") if branch.get("type") != "null")
        prop.pop("default", None)
        prop.update(branch)
    schema["allOf"] = [{"oneOf": [{"required": [a], "not": {"required": [b]}},
                                  {"required": [b], "not": {"required": [a]}}]} for a, b in pairs]


def render_schema() -> str:
    return json.dumps(cascade_schema(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    """Write the schema file, or with --check report whether it is out of date."""
    text = render_schema()
    if "--check" in argv:
        if SCHEMA_FILE.is_file() and SCHEMA_FILE.read_text(encoding="utf-8") == text:
            return 0
        print(f"{SCHEMA_FILE} tidak sesuai dengan model; jalankan `make schema`", file=sys.stderr)
        return 1
    SCHEMA_FILE.parent.mkdir(exist_ok=True)
    SCHEMA_FILE.write_text(text, encoding="utf-8")
    print(f"{SCHEMA_FILE} ditulis")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
