"""Write a synthetic Kabupaten's cascades (many perangkat daerah × years) for testing the site at scale.

    scripts/make_synthetic.py <folder> [--perangkat-daerah 40] [--years 5] [--seed 1] [--first-year 2021]
                              [--largest-program] [--triwulan 3]

The names follow the Permendagri 90/2019 nomenclature; every level has indicators with formulasi, tipe
penghitungan, polaritas (a few left out), sumber data and satuan, and each file's year has a baseline,
targets, quarterly targets and realisasi (scripts/synthetic_kinerja.py: some missing, some late, some over
target, ranges such as '3-5' and grades such as 'WTP'); the last year has --triwulan quarters reported.
Consecutive years differ a little (programs, kegiatan and sub kegiatan added, removed or reworded; formulas
changed), as real cascades do. The same seed writes the same files.
It never writes into the project's published `cascade_data/`. With --largest-program the first perangkat
daerah's first year gets, as its last program, the largest a page is built for: 8 kegiatan of 6 sub kegiatan,
every name 120 characters long.
"""

from __future__ import annotations

import argparse
import copy
import random
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
# libyaml's emitter when PyYAML has it: 40 × 5 files in seconds instead of half a minute.
_Emitter = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_Emitter):  # type: ignore[misc,valid-type]
    """Never writes an anchor: the data files refuse YAML aliases, and skipping the alias bookkeeping makes
    writing the targets and quarters of 40 × 5 files some 40% faster."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


MARKER = ".synthetic"
# Quarters reported in the last year by default: the data as of the third quarter's report.
REPORTED = 3

from synthetic_kinerja import add_kinerja  # noqa: E402
from synthetic_names import (  # noqa: E402  (run as a script: its folder is on sys.path)
    KECAMATAN, KECAMATAN_PROGRAMS, KEGIATAN_PATTERNS, PENUNJANG, PENUNJANG_KEGIATAN, PERANGKAT_DAERAH, REWORDS,
    SUB_PATTERNS,
)


# Indicators of tujuan, sasaran and program: (what is measured, satuan); the satuan decides what values
# scripts/synthetic_kinerja.py gives them ("Predikat" and "Opini" are grades of a scale).
_UPPER = [("Indeks Kepuasan Masyarakat terhadap Layanan", "Nilai"), ("Persentase Capaian Kinerja", "%"),
          ("Nilai Evaluasi Akuntabilitas Kinerja", "Predikat"), ("Persentase Target Layanan yang Tercapai pada", "%")]
_OPINI = ("Opini BPK atas Laporan Keuangan", "Opini")
# Indicators of kegiatan and sub kegiatan where lower is better: (uraian pattern, formulasi, tipe, satuan).
_NEGATIF = [("Rata-rata waktu penyelesaian {s}", "Jumlah hari penyelesaian dibagi jumlah layanan", "non_kumulatif",
             "hari"),
            ("Jumlah pengaduan masyarakat atas {s}", "Jumlah pengaduan yang diterima dalam satu tahun anggaran",
             "kumulatif", "Pengaduan")]


def _indikator(rng: random.Random, level: str, subject: str, sumber: str) -> dict[str, Any]:
    """One indicator of the kind each level carries, with its formula, type, polarity, data source and satuan.
    A few state no polaritas, as some real sources do (pages then say "tidak tercantum").

    It draws from `rng` exactly two values, a choice and a number, whatever it makes of them, so that what
    comes after it (the cascade's structure) stays what the same seed has always made; the number decides
    the polarity, the kind of a lower-level indicator and an opinion under the accountability sasaran."""
    polaritas = "positif"
    if level in ("tujuan", "sasaran", "program"):
        what, satuan = rng.choice(_UPPER)
        draw = rng.random()
        # One opinion per body, under the sasaran of its accountability, and on its accounts, not a theme of it.
        if subject.startswith("Akuntabilitas ") and draw >= 0.75:
            (what, satuan), subject = _OPINI, subject.removeprefix("Akuntabilitas ")
        uraian = f"{what} {subject}"
        formulasi = (f"Jumlah target {subject.lower()} yang tercapai dibagi jumlah target yang direncanakan X 100%"
                     if what.startswith("Persentase") else f"Hasil penilaian {what.lower()} {subject.lower()}")
        tipe = "non_kumulatif"
    else:
        noun, verb = rng.choice([("dokumen", "disusun"), ("laporan", "diselesaikan"), ("kegiatan", "dilaksanakan"),
                                 ("peserta", "terfasilitasi"), ("unit", "tersedia"), ("desa", "terlayani")])
        draw = rng.random()
        uraian = f"Jumlah {noun} {subject[0].lower()}{subject[1:]} yang {verb}"
        formulasi = f"Jumlah {noun} yang {verb} dalam satu tahun anggaran"
        tipe, satuan = "kumulatif", noun.capitalize()
        if draw < 0.1:  # lower is better: a duration or a count of complaints
            pattern, formulasi, tipe, satuan = _NEGATIF[draw < 0.05]
            uraian, polaritas = pattern.format(s=f"{subject[0].lower()}{subject[1:]}"), "negatif"
    indikator: dict[str, Any] = {"uraian": uraian, "formulasi": formulasi, "tipe_penghitungan": tipe}
    if not 0.1 <= draw < 0.12:
        indikator["polaritas"] = polaritas
    indikator.update(sumber_data=f"Data {sumber}", satuan=satuan)
    if satuan == "Predikat":  # its grades A, B, C and D are also those of mutu pelayanan IKM
        indikator["skala"] = "predikat_sakip"
    return indikator


def _indikators(rng: random.Random, level: str, subject: str, sumber: str) -> list[dict[str, Any]]:
    """One or two indicators; two of an item never share an uraian (the data-quality check would flag it)."""
    indikators: dict[str, dict[str, Any]] = {}
    for _ in range(rng.choice([1, 1, 1, 2])):
        indikator = _indikator(rng, level, subject, sumber)
        indikators.setdefault(indikator["uraian"], indikator)
    return list(indikators.values())


def _sub_kegiatan(rng: random.Random, name: str, sumber: str) -> dict[str, Any]:
    return {"uraian": name, "sasaran": f"Terlaksananya {name[0].lower()}{name[1:]}",
            "indikator": _indikators(rng, "sub_kegiatan", name, sumber)}


def _kegiatan(rng: random.Random, name: str, subs: list[str], sumber: str) -> dict[str, Any]:
    return {"uraian": name, "sasaran": f"Meningkatnya kualitas {name[0].lower()}{name[1:]}",
            "indikator": _indikators(rng, "kegiatan", name, sumber),
            "sub_kegiatan": [_sub_kegiatan(rng, sub, sumber) for sub in subs]}


def _program(rng: random.Random, name: str, subject: str, sumber: str) -> dict[str, Any]:
    if name == PENUNJANG:
        chosen = rng.sample(PENUNJANG_KEGIATAN, rng.randint(3, 6))
        kegiatan = [_kegiatan(rng, k, rng.sample(subs, min(len(subs), rng.randint(2, 8))), sumber) for k, subs in chosen]
    else:
        kegiatan = []
        for pattern in rng.sample(KEGIATAN_PATTERNS, rng.randint(2, 6)):
            subs = [p.format(s=subject) for p in rng.sample(SUB_PATTERNS, rng.randint(2, 8))]
            kegiatan.append(_kegiatan(rng, pattern.format(s=subject), subs, sumber))
    return {"uraian": name, "sasaran": f"Meningkatnya kinerja {subject.lower()}",
            "indikator": _indikators(rng, "program", subject, sumber), "kegiatan": kegiatan}


# Words that lengthen a name to LONG_NAME characters, as the longest names in real cascades run on.
_LENGTHENING = ("pada Perangkat Daerah dan Unit Pelaksana Teknis di Seluruh Wilayah Kabupaten "
                "termasuk Desa dan Kelurahan Binaan serta Lembaga Kemasyarakatan Terkait").split()
LONG_NAME = 120


def _lengthen(name: str) -> str:
    """The name with words added until it is LONG_NAME characters long (cut there, trailing space dropped)."""
    words = iter(_LENGTHENING * 4)
    while len(name) < LONG_NAME:
        name = f"{name} {next(words)}"
    return name[:LONG_NAME].rstrip() + "." * (LONG_NAME - len(name[:LONG_NAME].rstrip()))


def largest_program(rng: random.Random, subject: str, sumber: str) -> dict[str, Any]:
    """A program of 8 kegiatan with 6 sub kegiatan each, every name LONG_NAME characters long."""
    kegiatan = []
    for pattern in KEGIATAN_PATTERNS[:8]:
        subs = [_lengthen(p.format(s=subject)) for p in rng.sample(SUB_PATTERNS, 6)]
        kegiatan.append(_kegiatan(rng, _lengthen(pattern.format(s=subject)), subs, sumber))
    return {"uraian": _lengthen(f"Program Penyelenggaraan {subject}"),
            "sasaran": f"Meningkatnya kinerja {subject.lower()}",
            "indikator": _indikators(rng, "program", subject, sumber), "kegiatan": kegiatan}


def _program_pool(index: int) -> tuple[str, str, list[tuple[str, str]]]:
    """The index-th perangkat daerah: the dinas and badan first, then kecamatan."""
    if index < len(PERANGKAT_DAERAH):
        return PERANGKAT_DAERAH[index]
    name = KECAMATAN[(index - len(PERANGKAT_DAERAH)) % len(KECAMATAN)]
    round_ = (index - len(PERANGKAT_DAERAH)) // len(KECAMATAN)
    return (f"Kecamatan {name}{f' {round_ + 1}' if round_ else ''}", "Seksi Pemerintahan", KECAMATAN_PROGRAMS)


def first_year(rng: random.Random, name: str, sumber: str, pool: list[tuple[str, str]], tahun: int) -> dict[str, Any]:
    """A perangkat daerah's first cascade: the support program and 4–9 programs of its urusan."""
    generic = [(p, s) for other in PERANGKAT_DAERAH for p, s in other[2] if (p, s) not in pool]
    count = rng.randint(4, 9)
    own = pool[:count]
    chosen = [(PENUNJANG, "Administrasi Perangkat Daerah"), *own,
              *rng.sample(generic, max(0, count - len(own)))]
    programs = [_program(rng, p, s, f"{sumber} {name}") for p, s in chosen]
    split = rng.randint(1, len(programs) - 1)
    sasaran = [
        {"uraian": f"Meningkatnya akuntabilitas kinerja {name}",
         "indikator": _indikators(rng, "sasaran", f"Akuntabilitas {name}", f"Sekretariat {name}"),
         "program": programs[:split]},
        {"uraian": f"Meningkatnya kualitas layanan {name}",
         "indikator": _indikators(rng, "sasaran", f"Layanan {name}", f"{sumber} {name}"),
         "program": programs[split:]},
    ]
    return {"perangkat_daerah": name, "tahun": tahun,
            "tujuan": [{"uraian": f"Mewujudkan tata kelola dan pelayanan {name} yang prima",
                        "indikator": _indikators(rng, "tujuan", name, f"Sekretariat {name}"),
                        "sasaran": sasaran}]}


def next_year(rng: random.Random, previous: dict[str, Any], sumber: str) -> dict[str, Any]:
    """The following year's cascade: mostly the same, with a few additions, removals and rewordings."""
    cascade = copy.deepcopy(previous)
    cascade["tahun"] = previous["tahun"] + 1
    programs = [p for s in cascade["tujuan"][0]["sasaran"] for p in s["program"]]
    for _ in range(rng.randint(2, 5)):
        program = rng.choice(programs)
        kegiatan = rng.choice(program["kegiatan"])
        change = rng.random()
        if change < 0.25 and len(kegiatan["sub_kegiatan"]) > 2:
            kegiatan["sub_kegiatan"].pop(rng.randrange(len(kegiatan["sub_kegiatan"])))
        elif change < 0.5:
            subject = kegiatan["uraian"].split(" ", 1)[-1]
            names = {s["uraian"] for s in kegiatan["sub_kegiatan"]}
            fresh = [p.format(s=subject) for p in SUB_PATTERNS if p.format(s=subject) not in names]
            if fresh:
                kegiatan["sub_kegiatan"].append(_sub_kegiatan(rng, rng.choice(fresh), sumber))
        elif change < 0.75:
            item = rng.choice([kegiatan, *kegiatan["sub_kegiatan"]])
            for old, new in rng.sample(REWORDS, len(REWORDS)):
                if old in item["uraian"]:
                    item["uraian"] = item["uraian"].replace(old, new, 1)
                    break
            else:
                item["uraian"] += " Daerah"
        else:
            indikator = rng.choice(kegiatan["indikator"] + program["indikator"])
            if rng.random() < 0.5:
                indikator["formulasi"] = indikator["formulasi"].replace("dalam satu tahun anggaran", "per semester") \
                    if "tahun anggaran" in indikator["formulasi"] else indikator["formulasi"] + " pada akhir tahun"
            else:
                indikator["sumber_data"] = f"Aplikasi e-SAKIP, {indikator['sumber_data']}"
    change = rng.random()
    if change < 0.2 and len(programs) > 5:
        sasaran = rng.choice([s for s in cascade["tujuan"][0]["sasaran"] if len(s["program"]) > 1])
        sasaran["program"].pop()
    elif change < 0.4 and len(programs) < 10:
        names = {p["uraian"] for p in programs}
        fresh = [(p, s) for other in PERANGKAT_DAERAH for p, s in other[2] if p not in names]
        name, subject = rng.choice(fresh)
        cascade["tujuan"][0]["sasaran"][-1]["program"].append(_program(rng, name, subject, sumber))
    return cascade


def generate(count: int, years: int, seed: int, start: int, largest: bool = False,
             reported: int = REPORTED) -> dict[str, dict[int, dict[str, Any]]]:
    """Every perangkat daerah's cascades by slug and year; `largest` adds `largest_program` to the first one's
    first year. Every indicator gets its file's year's targets and realisasi (`add_kinerja`); the last year has
    `reported` quarters reported (0–4), the years before it all four."""
    from macros.naming import slugify

    result: dict[str, dict[int, dict[str, Any]]] = {}
    for index in range(count):
        name, sumber, pool = _program_pool(index)
        rng = random.Random(f"{seed}:{index}")
        cascades = {start: first_year(rng, name, sumber, pool, start)}
        if largest and index == 0:
            cascades[start]["tujuan"][0]["sasaran"][-1]["program"].append(
                largest_program(rng, pool[0][1], f"{sumber} {name}"))
        for tahun in range(start + 1, start + years):
            cascades[tahun] = next_year(rng, cascades[tahun - 1], f"{sumber} {name}")
        last = start + years - 1
        for tahun, cascade in cascades.items():
            add_kinerja(cascade, f"{seed}:{index}", start, reported if tahun == last else 4)
        result[slugify(name, max_words=20)] = {tahun: said_once(cascade) for tahun, cascade in cascades.items()}
    return result


_REPEATED_WORD = re.compile(r"\b(\w+)(?: \1\b)+", re.IGNORECASE)


def said_once(value: Any) -> Any:
    """Every text in value with a word that a pattern and its subject both bring said once, as a person writes
    it: "Pembangunan Sarana" + "Sarana Pertanian" → "Pembangunan Sarana Pertanian". After every draw from the
    seed, so the same seed makes the same cascades otherwise."""
    if isinstance(value, str):
        return _REPEATED_WORD.sub(r"\1", value)
    if isinstance(value, dict):
        return {key: said_once(item) for key, item in value.items()}
    if isinstance(value, list):
        return [said_once(item) for item in value]
    return value


def write(folder: Path, data: dict[str, dict[int, dict[str, Any]]]) -> int:
    """Write the cascades as `<folder>/<pd>/<tahun>.yaml`; return the number of files."""
    folder = folder.resolve()
    published = (ROOT / "cascade_data").resolve()
    if folder == published or published in folder.parents:
        raise SystemExit(f"menolak menulis data sintetis ke {published}: itu data yang dipublikasikan")
    if folder.exists() and any(folder.iterdir()) and not (folder / MARKER).exists():
        raise SystemExit(f"{folder} sudah berisi berkas lain; pilih folder kosong")
    if folder.exists():
        for child in folder.iterdir():
            if child.is_dir() and all(f.suffix == ".yaml" for f in child.iterdir()):
                shutil.rmtree(child)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text("Data sintetis dari scripts/make_synthetic.py; folder ini boleh ditimpa.\n",
                                 encoding="utf-8")
    written = 0
    for slug, cascades in data.items():
        (folder / slug).mkdir()
        for tahun, cascade in cascades.items():
            text = yaml.dump(cascade, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120,
                             default_flow_style=None)  # `target: {2024: "28"}`, as the README writes it
            (folder / slug / f"{tahun}.yaml").write_text(text, encoding="utf-8")
            written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--perangkat-daerah", type=int, default=40)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--first-year", type=int, default=2021)
    parser.add_argument("--largest-program", action="store_true",
                        help="tambahkan program terbesar: 8 kegiatan × 6 sub kegiatan, nama 120 karakter")
    parser.add_argument("--triwulan", type=int, choices=range(5), default=REPORTED,
                        help="triwulan yang sudah dilaporkan pada tahun terakhir (0–4)")
    args = parser.parse_args(argv)
    written = write(args.folder, generate(args.perangkat_daerah, args.years, args.seed, args.first_year,
                                          args.largest_program, args.triwulan))
    print(f"{written} berkas cascade ditulis ke {args.folder}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
