"""The data folder → validated `CascadeFile`s, with every problem reported as file:line and field path.

Staff edit these files by hand, so every error message is in Indonesian, names the place and says
what was expected. Data mistakes raise `CascadeError`, never a Python traceback. This module finds the
files and checks what spans a whole file or several files; reading the YAML is `yaml_source`'s job and
checking it against the model is `validation`'s.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from pathlib import Path

from .capaian_aturan import AturanCapaian, AturanTidakSah
from .model import Cascade, CascadeFile, Loc
from .naming import SLUG_PATTERN, anchor, cascade_dir, page_url, program_page
from .problems import CascadeError, Problem, field_path
from .validation import validate_cascade
from .parse_cache import ParseCache
from .yaml_source import decode, parse_yaml

# Well above any real cascade (Kebasen 2023 is 25 KB), well below what could exhaust memory.
MAX_FILE_BYTES = 2 * 1024 * 1024
# A file of one year ('2023.yaml') or of a period ('2021-2026.yaml', a Renstra).
YEAR_FILE = re.compile(r"^(\d{4})(?:-(\d{4}))?\.yaml$")


def load_cascades(data_dir: Path, *, shown_relative_to: Path | None = None,
                  capaian: Mapping[str, object] | None = None, parse_cache: Path | None = None,
                  workers: int = 1) -> list[CascadeFile]:
    """Load every `<perangkat-daerah>/<tahun>.yaml` under `data_dir`, or raise `CascadeError` with all problems.

    `capaian` is the site's way of computing capaian (`macros.capaian_aturan`, from mkdocs.yml `extra.capaian`);
    a cascade's own `capaian:` settings override it key by key. `parse_cache` is a folder keeping each file's
    parse between builds (`macros.parse_cache`), where `workers` processes parse the files it lacks first;
    without it every file is parsed here.
    """
    base = shown_relative_to or Path.cwd()
    parser = ParseCache(parse_cache) if parse_cache else None
    try:
        AturanCapaian.from_settings(capaian)
    except AturanTidakSah as error:
        raise CascadeError([Problem("mkdocs.yml", str(error), field="extra.capaian")]) from None
    problems: list[Problem] = []
    found: list[tuple[str, Path]] = []
    loaded: list[CascadeFile] = []
    if not data_dir.is_dir():
        raise CascadeError([Problem(_shown(data_dir, base), "folder data cascade tidak ditemukan")])
    for entry in sorted(data_dir.iterdir()):
        if entry.name.startswith(".") or (entry.is_file() and entry.name.lower() == "readme.md"):
            continue
        if not entry.is_dir():
            problems.append(Problem(_shown(entry, base), "berkas di luar folder perangkat daerah; "
                                    "letakkan data di cascade_data/<perangkat-daerah>/<tahun>.yaml"))
            continue
        if not SLUG_PATTERN.fullmatch(entry.name):
            problems.append(Problem(_shown(entry, base), "nama folder perangkat daerah harus huruf kecil, "
                                    "angka dan tanda hubung, misalnya 'kecamatan-kebasen'"))
            continue
        for path in sorted(entry.iterdir()):
            # Beside the cascades a folder may hold what they come from (a README, the source PDF).
            if path.name.startswith(".") or (path.is_file() and path.suffix.lower() not in (".yaml", ".yml")):
                continue
            found.append((entry.name, path))
    if parser and workers > 1:
        parser.parse_ahead(_readable_texts([path for _, path in found], base), workers)
    for slug, path in found:
        try:
            loaded.append(load_cascade_file(path, slug, base, capaian, parser))
        except CascadeError as error:
            problems.extend(error.problems)
    problems.extend(_check_names_across_files(loaded, base))
    if problems:
        raise CascadeError(problems)
    return loaded


def _readable_texts(paths: list[Path], base: Path) -> list[tuple[str, str]]:
    """The text of each cascade file that can be read, with its name as messages show it; `load_cascade_file`
    reports the others."""
    texts = []
    for path in paths:
        shown = _shown(path, base)
        if path.is_file() and YEAR_FILE.fullmatch(path.name) and path.stat().st_size <= MAX_FILE_BYTES:
            try:
                texts.append((decode(path.read_bytes(), shown), shown))
            except CascadeError:
                pass
    return texts


def load_cascade_file(path: Path, slug: str, base: Path | None = None,
                      capaian: Mapping[str, object] | None = None, parser: ParseCache | None = None) -> CascadeFile:
    """Read, parse and validate one cascade file, or raise `CascadeError` with every problem found in it.

    `base` is the folder paths are shown relative to (the current folder by default); `parser` keeps parses
    between builds (without it the file is parsed); the returned file carries the line of every value it writes.
    """
    shown = _shown(path, base or Path.cwd())
    match = YEAR_FILE.fullmatch(path.name)
    if path.is_dir():
        raise CascadeError([Problem(shown, "folder di dalam folder perangkat daerah tidak dibaca; letakkan data "
                                    f"langsung di {slug}/<tahun>.yaml, misalnya '{slug}/2023.yaml'")])
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise CascadeError([Problem(shown, "bukan berkas data YAML; folder perangkat daerah hanya boleh berisi "
                                    "berkas <tahun>.yaml: pindahkan berkas ini keluar dari folder data")])
    if not match:
        raise CascadeError([Problem(shown, "nama berkas harus tahun cascade dengan akhiran .yaml, misalnya '2023.yaml', "
                                    "atau periode Renstra, misalnya '2021-2026.yaml'")])
    if not path.is_file():
        # A link whose file is gone, or something else than a file under a data file's name.
        raise CascadeError([Problem(shown, "berkas tidak dapat dibaca: namanya ada di folder, tetapi isinya tidak "
                                    "(tautan ke berkas yang sudah dipindah atau dihapus?); salin berkas datanya ke "
                                    "sini")])
    if path.stat().st_size > MAX_FILE_BYTES:
        raise CascadeError([Problem(shown, f"berkas lebih besar dari {MAX_FILE_BYTES // 1024} KB; "
                                    "periksa apakah isinya benar data cascade")])
    raw = path.read_bytes()
    text = decode(raw, shown)
    parsed = parser.parse(text, shown) if parser else parse_yaml(text, shown)
    cascade = validate_cascade(parsed, shown)
    problems = _check_file_name(cascade, path.name, match, shown, parsed.lines)
    problems.extend(_check_dokumen_sumber(cascade.dokumen_sumber, path, slug, shown, parsed.lines))
    aturan = AturanCapaian.from_settings({**(capaian or {}), **(cascade.capaian or {})})
    loaded = CascadeFile(slug=slug, path=path, cascade=cascade, lines=parsed.lines, aturan=aturan,
                         source_digest=hashlib.sha256(raw).hexdigest())
    problems.extend(_check_years_in_periode(loaded, shown))
    problems.extend(_check_program_urls(loaded, shown))
    problems.extend(_check_indikator_ids(loaded, shown))
    if problems:
        raise CascadeError(problems)
    return loaded


def _check_file_name(cascade: Cascade, name: str, match: re.Match[str], shown: str,
                     lines: Mapping[Loc, int]) -> list[Problem]:
    """A file is named by its year ('2023.yaml', `tahun: 2023`) or its period ('2021-2026.yaml', `periode:
    2021-2026`), and a period file's targets and realisasi fall within its period."""
    named = match.group(0).removesuffix(".yaml")
    if cascade.label == named:
        return []
    field = "tahun" if cascade.tahun is not None else "periode"
    if (field == "tahun") == (match.group(2) is None):
        what = f"tahun {cascade.tahun}" if field == "tahun" else f"periode {cascade.periode}"
        return [Problem(shown, f"{what} tidak sama dengan nama berkas '{name}'", lines.get((field,)), field=field)]
    if field == "tahun":
        return [Problem(shown, f"berkas '{name}' dinamai menurut periode: tulis 'periode: {named}' menggantikan "
                        f"'tahun:', atau namai berkas '{cascade.tahun}.yaml'", lines.get((field,)), field=field)]
    return [Problem(shown, f"berkas '{name}' dinamai menurut satu tahun: tulis 'tahun: {named}' menggantikan "
                    f"'periode:', atau namai berkas '{cascade.periode}.yaml'", lines.get((field,)), field=field)]


def _check_years_in_periode(cf: CascadeFile, shown: str) -> list[Problem]:
    """Every year a period file gives a target, realisasi or pagu for is a year of its period (a baseline comes
    before it)."""
    cascade, lines = cf.cascade, cf.lines
    if cascade.periode is None:
        return []
    by_year = [(row.loc, row.indikator, name) for row in cf.tree.indikator
               for name in ("target", "target_triwulan", "realisasi", "realisasi_triwulan")]
    by_year += [(node.loc, node.item, "pagu") for node in cf.tree.nodes]
    problems = []
    for where, holder, name in by_year:
        for year in getattr(holder, name, None) or {}:
            if year not in cascade.years:
                loc = (*where, name, year)
                problems.append(Problem(shown, f"tahun {year} di luar periode {cascade.periode}; tulis {name} "
                                        f"hanya untuk tahun {cascade.years[0]} sampai {cascade.years[-1]}",
                                        lines.get(loc, lines.get(loc[:-1])), field=field_path(loc)))
    return sorted(problems, key=lambda problem: problem.line or 0)


def _check_dokumen_sumber(name: str | None, path: Path, slug: str, shown: str,
                          lines: Mapping[Loc, int]) -> list[Problem]:
    """The source document a cascade names is a file beside it in its folder (a name, never a path)."""
    if name is None:
        return []
    where = dict(line=lines.get(("dokumen_sumber",)), field="dokumen_sumber")
    if "/" in name or "\\" in name or name.startswith("."):
        return [Problem(shown, f"tulis nama berkas saja, tanpa folder (mis. 'Renstra 2021-2026.pdf'); berkasnya "
                        f"diletakkan di folder {slug}", **where)]
    document = path.parent / name
    if not document.is_file() or document.suffix.lower() in (".yaml", ".yml"):
        return [Problem(shown, f"berkas '{name}' tidak ada di folder {slug}; letakkan berkas dokumen sumber di "
                        f"samping {path.name} dengan nama persis itu, atau hapus isian dokumen_sumber", **where)]
    return []


def _check_program_urls(cf: CascadeFile, shown: str) -> list[Problem]:
    """Two programs of one cascade must not end up at the same page address (the same program under two
    sasaran gets two: `naming.program_page`)."""
    problems: list[Problem] = []
    first: dict[str, str] = {}
    for program in cf.tree.programs:
        address = page_url(program_page(cf, program)).removeprefix(f"{cascade_dir(cf)}/")
        if address in first:
            loc = (*program.loc, "uraian")
            problems.append(Problem(shown, f"alamat halaman '{address}' sudah dipakai oleh "
                                    f"{first[address]} di bawah sasaran yang sama; bedakan uraian program ini",
                                    cf.lines.get(loc), field=field_path(loc)))
        else:
            first[address] = program.field_path
    return problems


def _check_indikator_ids(cf: CascadeFile, shown: str) -> list[Problem]:
    """Every indicator of a cascade has its own identifier as an anchor: it names its row's address and its CSV
    download (`naming.indikator_csv_path`) and is the Data Package's primary key, so '1.1' and '1-1' (both
    '1-1') or a code of no letters or digits ('-', whose anchor is empty) are refused at the code."""
    problems: list[Problem] = []
    first: dict[str, tuple[str, str, str]] = {}
    for row in cf.tree.indikator:
        loc = (*row.loc, "kode")
        where = dict(line=cf.lines.get(loc), field=field_path(loc))
        name = anchor(row.id)
        if not name:
            problems.append(Problem(shown, f"kode indikator '{row.id}' tidak memuat huruf atau angka, sehingga tidak "
                                    "dapat menjadi pengenal indikator; hapus baris kode bila indikator tidak berkode",
                                    **where))
        elif name in first:
            other_id, other_path, other_word = first[name]
            problems.append(Problem(shown, f"kode indikator '{row.id}' memberi pengenal yang sama ('{name}', dipakai "
                                    f"pada alamat baris dan berkas CSV indikator) dengan {other_word} '{other_id}' di "
                                    f"{other_path}; bedakan kodenya", **where))
        else:
            first[name] = (row.id, field_path(row.loc), "kode" if row.indikator.kode else "letak")
    return problems


def _check_names_across_files(loaded: list[CascadeFile], base: Path) -> list[Problem]:
    """One perangkat daerah folder carries one name, and one kabupaten/kota (or none), in all its years."""
    problems = []
    names: dict[str, CascadeFile] = {}
    for item in loaded:
        other = names.setdefault(item.slug, item)
        for key in ("perangkat_daerah", "kabupaten_kota"):
            mine, theirs = getattr(item.cascade, key), getattr(other.cascade, key)
            if mine != theirs:
                problems.append(Problem(_shown(item.path, base),
                                        f"{key} {_written(mine)} berbeda dengan {_written(theirs)} di "
                                        f"{_shown(other.path, base)}; tulis sama di semua tahunnya", field=key))
    return problems


def _written(value: str | None) -> str:
    return f"'{value}'" if value else "(tidak ditulis)"


def _shown(path: Path, base: Path) -> str:
    if not path.is_absolute():
        return str(path)
    try:
        relative = os.path.relpath(path, base)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative
