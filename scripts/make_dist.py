"""`make dist`: zip the built site as `dist/cascading-kinerja-<YYYY-MM-DD>.zip` for copying to an intranet server.

The archive is reproducible for a given site folder: entries in sorted order, one fixed timestamp (the
date in its name), fixed permissions, all under one top folder named like the archive, which also holds
BACA-SAYA.txt: how to serve the copy, and what works when it is opened straight from disk.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import zipfile
from pathlib import Path

README_NAME = "BACA-SAYA.txt"

README_TEXT = """\
Salinan situs Cascading Kinerja, dibuat {day}.

Memasang di intranet: salin isi folder ini ke folder mana pun di server web statis (nginx, Apache, IIS).
Semua tautan relatif dan tidak ada yang dimuat dari internet, sehingga situs berjalan di akar server maupun
di subfolder seperti http://intranet/kinerja/ (kecuali halaman "tidak ditemukan" (404), yang tautannya hanya
berjalan di akar server bila situs dibangun tanpa SITE_URL).

Melihat di komputer sendiri tanpa server: buka index.html di peramban. Halaman, diagram, grafik, dan unduhan
dapat dibuka, tetapi pencarian dan katalog semua cascade tidak berjalan, karena peramban tidak memuat data
situs dari disk. Untuk semuanya, jalankan server kecil di folder ini, misalnya

    python3 -m http.server 8000

(di Windows: py -m http.server 8000), lalu buka http://127.0.0.1:8000/ di peramban.
"""


def make_dist(site: Path, out_dir: Path, day: dt.date) -> Path:
    """Write the zip of `site` into `out_dir` and return its path."""
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site} belum berisi situs (tidak ada index.html); jalankan `make build` dulu")
    name = f"cascading-kinerja-{day.isoformat()}"
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{name}.zip"
    partial = target.with_suffix(".zip.part")
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    # CRLF: Notepad on older Windows shows text with LF line ends as one line.
    readme = README_TEXT.format(day=day.isoformat()).replace("\n", "\r\n").encode("utf-8")
    files = [(p.relative_to(site).as_posix(), p) for p in site.rglob("*") if p.is_file()]
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        # Sorted by the names the archive lists ('cari.js' before 'cari/…'), not by path parts.
        for relative, path in sorted([*files, (README_NAME, None)]):
            info = zipfile.ZipInfo(f"{name}/{relative}", date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, readme if path is None else path.read_bytes())
    partial.replace(target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--out", type=Path, default=Path("dist"))
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date.today(), help="YYYY-MM-DD")
    args = parser.parse_args(argv)
    target = make_dist(args.site, args.out, args.date)
    print(f"Arsip situs ditulis ke {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
