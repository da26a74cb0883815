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

_SASARAN_OF = "Sasaran {level}: hasil yang hendak dicapai {level} ini (opsional)."
_KODE_OF = "Kode {level} menurut nomenklatur Permendagri 90/2019 (opsional), mis. '7.01.01'."
# Shown by editors on hover and while completing; keyed by the model's class, then its field.
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "Cascade": {
        "": "Cascading kinerja satu perangkat daerah untuk satu tahun (cascade_data/<perangkat-daerah>/<tahun>.yaml).",
        "perangkat_daerah": "Nama perangkat daerah, mis. 'Kecamatan Kebasen'.",
        "tahun": "Tahun cascade; sama dengan nama berkas.",
        "tujuan": "Tujuan perangkat daerah (Eselon II); minimal satu.",
    },
    "Tujuan": {
        "": "Tujuan perangkat daerah, dengan indikator dan sasaran yang mendukungnya.",
        "uraian": "Pernyataan tujuan, seperti tertulis di dokumen sumber.",
        "indikator": "Indikator kinerja tujuan.",
        "sasaran": "Sasaran strategis (Eselon III) yang mendukung tujuan ini.",
    },
    "Sasaran": {
        "": "Sasaran strategis yang mendukung tujuan.",
        "uraian": "Pernyataan sasaran, seperti tertulis di dokumen sumber.",
        "indikator": "Indikator kinerja sasaran.",
        "program": "Program (Eselon IV) yang mendukung sasaran ini.",
    },
    "Program": {
        "": "Program anggaran (nomenklatur Permendagri 90/2019).",
        "uraian": "Nama program, mis. 'Program Penunjang Urusan Pemerintahan Daerah Kabupaten / Kota'.",
        "sasaran": _SASARAN_OF.format(level="program"),
        "kode": _KODE_OF.format(level="program"),
        "indikator": "Indikator kinerja program.",
        "kegiatan": "Kegiatan di dalam program ini.",
    },
    "Kegiatan": {
        "": "Kegiatan di dalam program.",
        "uraian": "Nama kegiatan.",
        "sasaran": _SASARAN_OF.format(level="kegiatan"),
        "kode": _KODE_OF.format(level="kegiatan"),
        "indikator": "Indikator kinerja kegiatan.",
        "sub_kegiatan": "Sub kegiatan di dalam kegiatan ini.",
    },
    "SubKegiatan": {
        "": "Sub kegiatan: satuan tempat anggaran dibelanjakan.",
        "uraian": "Nama sub kegiatan.",
        "sasaran": _SASARAN_OF.format(level="sub kegiatan"),
        "kode": _KODE_OF.format(level="sub kegiatan"),
        "indikator": "Indikator kinerja sub kegiatan.",
    },
    "Indikator": {
        "": "Indikator kinerja: apa yang diukur, cara menghitung dan asal datanya.",
        "uraian": "Apa yang diukur, mis. 'Jumlah ASN yang terbayarkan gaji dan tunjangannya'.",
        "formulasi": "Cara menghitung, mis. 'Jumlah ... dibagi jumlah ... X 100%'; kosong bila sumber tidak "
                     "mencantumkan.",
        "tipe_penghitungan": "kumulatif: nilai per periode dijumlahkan; non_kumulatif: nilai tahunan adalah nilai "
                             "terakhir, bukan jumlah.",
        "polaritas": "positif (bawaan): makin tinggi makin baik; negatif: makin rendah makin baik.",
        "sumber_data": "Asal angka, mis. 'Data Subag Umum dan Kepegawaian'; kosong bila sumber tidak mencantumkan.",
        "kode": "Kode indikator (opsional); bila ada, menjadi ID tetap indikator di situs dan berkas unduhan.",
        "satuan": "Satuan ukuran (opsional), mis. 'persen', 'dokumen'.",
        "target": "Target per tahun (opsional), mis. {2024: \"80\"}.",
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
    schema["title"] = "Cascading kinerja"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def _tighten(node: Any) -> None:
    """What the model checks beyond the generated schema: required text is not blank, target years are numbers."""
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("minLength") == 1:
            # The model strips whitespace before counting: "   " is empty text.
            node["pattern"] = r"\S"
        if node.get("type") == "object" and "additionalProperties" in node and "properties" not in node:
            node["propertyNames"] = {"pattern": "^[0-9]+$"}
        for value in node.values():
            _tighten(value)
    elif isinstance(node, list):
        for value in node:
            _tighten(value)


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
