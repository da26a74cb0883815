"""Data-quality checks on valid cascades, reported as file:line field: message (`make lint` prints them).

The data is published as the official text, so none of this stops a build: these are warnings that point
staff to likely mistakes before a cascade goes out. Each `check_*` is a pure function of one cascade that
returns `Issue`s located by field path; `lint_files` adds the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .lint_kinerja import skala_findings, target_findings
from .model import LEVEL_LABELS, CascadeFile, Item, Loc
from .problems import field_path
from .source_lines import SourceLines, SourceRemark
from .spelling import SPELLING_VARIANTS
from .tree import CascadeTree

_TEXT_FIELDS = ("uraian", "sasaran")
_INDIKATOR_TEXT_FIELDS = ("uraian", "formulasi", "sumber_data", "satuan")
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+")
_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);|\*\*|__|\\n")
_LIST_DASH = re.compile(r"(?:^|\s)[-–•]\s+\S")
_LIST_LETTER = re.compile(r"(?:^|\s)(?:[a-e]|[1-9])[.)]\s+\S")
# Excel writes a control character of a cell as `_x0002_` in its XML; a copy that skipped decoding keeps it.
_EXCEL_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{4}_")
_NUMBER_PREFIX = re.compile(r"^\s*((?:\d+\.)*\d+[.)]|[a-z][.)]|(?:sub\s+)?kegiatan\s+\d+\s*[:.]|program\s+\d+\s*[:.])\s*",
                            re.IGNORECASE)


@dataclass(frozen=True)
class Issue:
    """A finding in one cascade, located by its field path."""

    check: str
    loc: Loc
    message: str


@dataclass(frozen=True)
class Finding:
    """A finding located in its file: what `make lint` prints and the report page lists."""

    check: str
    path: str
    line: int | None
    field: str
    message: str
    loc: Loc = ()

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where} {self.field}: {self.message}"


# What each check looks for, as the report page titles its section.
CHECK_TITLES: dict[str, str] = {
    "berulang": "Indikator yang berulang kata demi kata",
    "kosong": "Isian yang kosong",
    "ejaan": "Dugaan salah eja",
    "markup": "Sisa HTML atau markup",
    "contoh": "Contoh dari templat impor yang belum diganti",
    "gabungan": "Beberapa indikator dalam satu isian",
    "penomoran": "Penomoran dalam nama",
    "formulasi": "Formulasi sama dengan indikatornya",
    "excel": "Sisa kode Excel (_x0002_)",
    "target": "Target dan realisasi yang tidak cocok: realisasi tanpa target, triwulan yang tidak membentuk "
              "tahunnya, persen dan pecahan tercampur, satuan yang berbeda",
    "tidak_tercantum": "Tipe penghitungan atau polaritas yang tidak tercantum",
    "komentar": "Teks terpotong oleh tanda #",
    "tak_terlihat": "Karakter tak terlihat yang dihapus",
    "skala_antartahun": "Skala peringkat yang berganti antartahun",
}


def _same(text: str) -> str:
    """Text compared "word for word": case and spacing do not count."""
    return " ".join(text.casefold().split())


def _label(level: str, item: Item, *, first: bool = False) -> str:
    """'sub kegiatan "Nama"', with a capital first letter when it starts a message."""
    level_label = LEVEL_LABELS[level] if first else LEVEL_LABELS[level].lower()
    return f'{level_label[0]}{level_label[1:].lower()} "{item.uraian}"'


def check_repeated_indikator(tree: CascadeTree) -> list[Issue]:
    """Indicators that repeat, word for word, one of an earlier sibling's (or of the same item)."""
    issues = []
    for node in tree.nodes:
        level, loc, item = node.level, node.loc, node.item
        for n, ind in enumerate(item.indikator):
            for sibling in node.siblings[: node.number]:
                other = sibling.item
                earlier = other.indikator[:n] if sibling is node else other.indikator
                twin = next((o for o in earlier if _same(o.uraian) == _same(ind.uraian)), None)
                if twin is None:
                    continue
                what = "indikator dan formulasinya" if _same(twin.formulasi) == _same(ind.formulasi) else "indikator"
                where = "indikator lain di item yang sama" if sibling is node else _label(level, other)
                issues.append(Issue("berulang", loc + ("indikator", n, "uraian"),
                                    f'{_label(level, item, first=True)}: {what} "{ind.uraian}" sama persis '
                                    f"dengan {where}; periksa apakah indikatornya tersalin"))
                break
    return issues


def check_empty_fields(tree: CascadeTree) -> list[Issue]:
    """Items without an indicator or (below sasaran) without their sasaran; indicators with empty fields."""
    issues = []
    for node in tree.nodes:
        level, loc, item = node.level, node.loc, node.item
        if not item.indikator:
            issues.append(Issue("kosong", loc + ("indikator",),
                                f"{_label(level, item, first=True)} belum memiliki indikator kinerja"))
        if level in ("program", "kegiatan", "sub_kegiatan") and not item.sasaran:
            issues.append(Issue("kosong", loc + ("sasaran",),
                                f"{_label(level, item, first=True)} belum mencantumkan sasarannya"))
    for row in tree.indikator:
        ind = row.indikator
        for name, label in (("formulasi", "formulasi"), ("sumber_data", "sumber data")):
            if not getattr(ind, name):
                issues.append(Issue("kosong", row.loc + (name,), f'Indikator "{ind.uraian}" belum mencantumkan {label}'))
    return issues


def _texts(tree: CascadeTree) -> Iterator[tuple[Loc, str]]:
    """Every text a reader sees, with its field path."""
    yield ("perangkat_daerah",), tree.cascade.perangkat_daerah
    if tree.cascade.kabupaten_kota:
        yield ("kabupaten_kota",), tree.cascade.kabupaten_kota
    for node in tree.nodes:
        for name in _TEXT_FIELDS:
            value = getattr(node.item, name, None)
            # A tujuan's `sasaran` is its list of sasaran, not a text; a program's may be a list of texts.
            if isinstance(value, str) and value:
                yield node.loc + (name,), value
            elif isinstance(value, list):
                yield from ((node.loc + (name, i), text) for i, text in enumerate(value) if isinstance(text, str))
    for row in tree.indikator:
        for name in _INDIKATOR_TEXT_FIELDS:
            value = getattr(row.indikator, name)
            if value:
                yield row.loc + (name,), value


def check_spelling(tree: CascadeTree, words: dict[str, str] = SPELLING_VARIANTS) -> list[Issue]:
    """Words of the list of suspected spelling variants, with the standard spelling."""
    issues = []
    for loc, text in _texts(tree):
        for word in dict.fromkeys(_WORD.findall(text)):
            standard = words.get(word.casefold())
            if standard:
                suggestion = standard.capitalize() if word[0].isupper() else standard
                issues.append(Issue("ejaan", loc, f'"{word}" kemungkinan salah eja; ejaan baku: "{suggestion}" '
                                                  f'(dalam "{_short(text)}")'))
    return issues


def check_markup(tree: CascadeTree) -> list[Issue]:
    """HTML tags, entities and Markdown emphasis left over from copying the source."""
    issues = []
    for loc, text in _texts(tree):
        found = list(dict.fromkeys(_MARKUP.findall(text)))
        if found:
            shown = ", ".join(f'"{_short(f, 30)}"' for f in found)
            issues.append(Issue("markup", loc, f"berisi sisa HTML/markup {shown}; tulis sebagai teks biasa"))
    return issues


# What the import template writes for staff to replace (`macros/importer/template.py`): '(ganti dengan ...)' and
# codes of X's ('X.XX.01').
_TEMPLATE_EXAMPLE = re.compile(r"\(ganti dengan\b|\bX\.XX\b", re.I)


def check_template_examples(tree: CascadeTree) -> list[Issue]:
    """The import template's examples left in a file made from it: they would be published as they are."""
    fields = [*_texts(tree)]
    fields += [(node.loc + (name,), value) for node in tree.nodes for name in ("kode", "penanggung_jawab")
               if isinstance(value := getattr(node.item, name, None), str)]
    fields += [(row.loc + ("kode",), row.indikator.kode) for row in tree.indikator if row.indikator.kode]
    return [Issue("contoh", loc, f'masih berisi contoh dari templat impor ("{_short(text)}"); ganti dengan isi dari '
                                 "dokumen sumbernya, atau hapus bila dokumen tidak menyebutnya")
            for loc, text in fields if _TEMPLATE_EXAMPLE.search(text)]


def check_packed_indikator(tree: CascadeTree) -> list[Issue]:
    """Indicator fields that hold a list ("- a - b", "a. … b. …", "x; y"): several indicators in one."""
    issues = []
    for row in tree.indikator:
        for name in ("uraian", "formulasi"):
            text = getattr(row.indikator, name)
            parts = [p for p in text.split(";") if p.strip()]
            if (len(_LIST_DASH.findall(text)) >= 2 or len(_LIST_LETTER.findall(text)) >= 2 or len(parts) >= 2
                    or "\n" in text.strip()):
                issues.append(Issue("gabungan", row.loc + (name,),
                                    f'"{_short(text)}" tampak memuat beberapa butir; tulis setiap indikator '
                                    "sebagai butir indikator tersendiri"))
    return issues


def check_numbering(tree: CascadeTree) -> list[Issue]:
    """Numbers typed in front of names (the site numbers items by position), and gaps in such numbers."""
    issues = []
    for node in tree.nodes:
        match = _NUMBER_PREFIX.match(node.item.uraian)
        if match:
            issues.append(Issue("penomoran", node.loc + ("uraian",),
                                f'nama diawali nomor "{match.group(1)}"; hapus nomornya, situs menomori '
                                "menurut urutan"))
        # The numbers of a list of siblings are checked once, at its first item.
        if node.number != 1:
            continue
        numbers = [_leading_number(s.item.uraian) for s in node.siblings]
        if len(numbers) > 1 and all(n is not None for n in numbers) and numbers != list(range(1, len(numbers) + 1)):
            issues.append(Issue("penomoran", node.loc[:-1],
                                f"nomor {LEVEL_LABELS[node.level].lower()} tidak urut: "
                                f"{', '.join(map(str, numbers))}; periksa apakah ada yang terlewat"))
    return issues


def _leading_number(text: str) -> int | None:
    match = re.match(r"^\s*(\d+)[.)]\s", text)
    return int(match.group(1)) if match else None


def check_formulasi_repeats_uraian(tree: CascadeTree) -> list[Issue]:
    """Indicators whose formulasi only repeats the indicator: how to compute it is missing."""
    return [
        Issue("formulasi", row.loc + ("formulasi",),
              f'formulasi sama dengan indikatornya ("{_short(row.indikator.uraian)}"); cara menghitungnya belum dijelaskan')
        for row in tree.indikator
        if row.indikator.formulasi and _same(row.indikator.formulasi) == _same(row.indikator.uraian)
    ]


def check_target(tree: CascadeTree) -> list[Issue]:
    """Targets and realisasi of a year that do not fit together (`macros/lint_kinerja.py` says which)."""
    return [Issue("target", loc, f'Indikator "{_short(row.indikator.uraian)}"{message}')
            for row, loc, message in target_findings(tree)]


def check_excel_escapes(tree: CascadeTree) -> list[Issue]:
    """Excel's escapes of control characters (`_x0002_`) left in a text copied out of a workbook."""
    codes = [(node.loc + ("kode",), getattr(node.item, "kode", None)) for node in tree.nodes]
    for row in tree.indikator:
        codes.append((row.loc + ("kode",), row.indikator.kode))
        codes.extend((row.loc + ("target", year), value) for year, value in (row.indikator.target or {}).items())
    issues = []
    for loc, text in [*_texts(tree), *((loc, value) for loc, value in codes if isinstance(value, str))]:
        found = list(dict.fromkeys(_EXCEL_ESCAPE.findall(text)))
        if found:
            issues.append(Issue("excel", loc, f"berisi sisa kode Excel {', '.join(found)} (karakter kendali yang "
                                              f'tidak terbaca) dalam "{_short(text)}"; hapus kode itu'))
    return issues


def check_unstated_choices(tree: CascadeTree) -> list[Issue]:
    """Indicators whose tipe_penghitungan or polaritas is left out: the site shows "tidak tercantum" and cannot
    combine quarters (tipe) or compute a numeric capaian (polaritas) without them."""
    issues = []
    for row in tree.indikator:
        ind = row.indikator
        if ind.tipe_penghitungan is None:
            issues.append(Issue("tidak_tercantum", row.loc + ("tipe_penghitungan",),
                                f'Indikator "{_short(ind.uraian)}" tidak mencantumkan tipe_penghitungan '
                                "(kumulatif atau non_kumulatif); situs menulis \"tidak tercantum\""))
        if ind.polaritas is None:
            issues.append(Issue("tidak_tercantum", row.loc + ("polaritas",),
                                f'Indikator "{_short(ind.uraian)}" tidak mencantumkan polaritas (positif atau '
                                'negatif); situs menulis "tidak tercantum" dan capaian angkanya tidak dihitung'))
    return issues


def check_comment_after_text(cf: CascadeFile) -> list[Issue]:
    """Unquoted texts followed by ' #' on their line: YAML read the rest of the line as a comment."""
    return [
        Issue("komentar", loc, f"teks tanpa tanda kutip berhenti di tanda '#': yang terbaca hanya "
                               f'"{_short(_value_at(cf, loc))}", sisanya ("{_short(remark.detail, 40)}") dianggap '
                               "komentar YAML; beri tanda kutip pada seluruh teks bila '#' bagian dari teksnya")
        for loc, remark in _remarks(cf, "komentar")
    ]


def check_invisible_characters(cf: CascadeFile) -> list[Issue]:
    """Invisible characters (soft hyphen, zero-width space, ...) that loading removed from a text."""
    return [
        Issue("tak_terlihat", loc, f"karakter tak terlihat dihapus saat dibaca: {remark.detail}; biasanya terbawa "
                                   "saat menyalin dari Word atau PDF: hapus juga dari berkas")
        for loc, remark in _remarks(cf, "tak_terlihat")
    ]


def _remarks(cf: CascadeFile, kind: str) -> list[tuple[Loc, SourceRemark]]:
    remarks = cf.lines.remarks if isinstance(cf.lines, SourceLines) else {}
    return [(loc, remark) for loc, found in remarks.items() for remark in found if remark.kind == kind]


def _value_at(cf: CascadeFile, loc: Loc) -> str:
    value: object = cf.cascade
    for part in loc:
        value = value[part] if isinstance(part, int) or isinstance(value, dict) else getattr(value, part)
    return str(value)


CHECKS: list[Callable[[CascadeTree], list[Issue]]] = [
    check_repeated_indikator,
    check_empty_fields,
    check_spelling,
    check_markup,
    check_template_examples,
    check_packed_indikator,
    check_numbering,
    check_formulasi_repeats_uraian,
    check_excel_escapes,
    check_target,
    check_unstated_choices,
]
# Checks of how a file is written (remarked by the YAML reader), not of the cascade: they need the loaded file.
SOURCE_CHECKS: list[Callable[[CascadeFile], list[Issue]]] = [
    check_comment_after_text,
    check_invisible_characters,
]


def lint_cascade(tree: CascadeTree) -> list[Issue]:
    """Every check's issues for one cascade."""
    return [issue for check in CHECKS for issue in check(tree)]


def shown_path(cf: CascadeFile) -> str:
    """The data file as staff name it, the same wherever the site is built: 'cascade_data/<pd>/<tahun>.yaml'."""
    return f"{cf.path.parent.parent.name}/{cf.slug}/{cf.path.name}"


def file_findings(cf: CascadeFile) -> list[Finding]:
    """The findings of one file on its own (every check but those across years), with file and line."""
    return [Finding(issue.check, shown_path(cf), cf.line(issue.loc), field_path(issue.loc) or "(berkas)",
                    issue.message, issue.loc)
            for issue in [*lint_cascade(cf.tree), *(i for check in SOURCE_CHECKS for i in check(cf))]]


def lint_files(files: list[CascadeFile],
               of_file: Callable[[CascadeFile], list[Finding]] = file_findings) -> list[Finding]:
    """Every finding of every cascade, with file and line, in file then line order; `of_file` gives one file's
    own (`file_findings`, or the same kept between builds: `macros.lint_cache`)."""
    findings = [finding for cf in files for finding in of_file(cf)]
    # Across a perangkat daerah's files: the same indicator from year to year.
    findings += [Finding("skala_antartahun", shown_path(cf), cf.line(loc), field_path(loc),
                         f'Indikator "{_short(row.indikator.uraian)}"{message}', loc)
                 for cf, row, loc, message in skala_findings(files)]
    return sorted(findings, key=lambda f: (f.path, f.line or 0))


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
