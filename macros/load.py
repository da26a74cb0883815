"""YAML files → validated `Cascade` objects, with every problem reported as file:line and field path.

Staff edit these files by hand, so every error message is in Indonesian, names the place and says
what was expected. Data mistakes raise `CascadeError`, never a Python traceback.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from .model import Cascade, CascadeFile
from .naming import SLUG_PATTERN, program_slug

# Well above any real cascade (Kebasen 2023 is 25 KB), well below what could exhaust memory.
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 60
YEAR_FILE = re.compile(r"^(\d{4})\.yaml$")

# Tag of the placeholder an alias (*name) is composed into: it is reported, never expanded.
_ALIAS_TAG = "!alias"

_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


class _Loader(yaml.SafeLoader):
    """SafeLoader that composes each alias as a placeholder at the alias's own position.

    Nothing is expanded, so a "billion laughs" file costs no more than its size, and each alias is
    reported where it is written rather than where its anchor is.
    """

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()
            return yaml.ScalarNode(_ALIAS_TAG, event.anchor, event.start_mark, event.end_mark)
        # A cascade nests about a dozen levels; stop a bracket bomb long before Python's recursion limit.
        if self.depth >= MAX_DEPTH:
            raise _TooDeep(self.peek_event().start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _TooDeep(Exception):
    def __init__(self, mark: yaml.Mark):
        self.mark = mark


@dataclass(frozen=True)
class Problem:
    """One mistake in a data file, located as precisely as the file allows."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None and self.field is None:
                where += f":{self.column}"
        text = f"{where} {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        # A lone surrogate (from a "\ud800" escape in the data) cannot be printed: show it as an escape.
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


class CascadeError(Exception):
    """The data files hold mistakes; `problems` lists every one found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))

    def report(self, advice: str) -> str:
        """What staff read: how many problems, what to do, then one indented line per problem."""
        listing = "\n".join(f"  {problem}" for problem in self.problems)
        return f"Data cascade berisi {len(self.problems)} kesalahan; {advice}:\n{listing}"


Loc = tuple[str | int, ...]


@dataclass
class _Located:
    """Plain Python data from a YAML document, with the line and column of every node and key."""

    data: Any
    value_pos: dict[Loc, tuple[int, int]]
    key_pos: dict[Loc, tuple[int, int]]
    # Problems found while parsing (duplicate keys, aliases, tags): reported together with validation's.
    problems: list[Problem]


def load_cascades(data_dir: Path, *, shown_relative_to: Path | None = None) -> list[CascadeFile]:
    """Load every `<perangkat-daerah>/<tahun>.yaml` under `data_dir`, or raise `CascadeError` with all problems."""
    base = shown_relative_to or Path.cwd()
    problems: list[Problem] = []
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
            if path.name.startswith("."):
                continue
            try:
                loaded.append(load_cascade_file(path, entry.name, base))
            except CascadeError as error:
                problems.extend(error.problems)
    problems.extend(_check_names_across_files(loaded, base))
    if problems:
        raise CascadeError(problems)
    return loaded


def load_cascade_file(path: Path, slug: str, base: Path | None = None) -> CascadeFile:
    """Read, parse and validate one cascade file."""
    shown = _shown(path, base or Path.cwd())
    match = YEAR_FILE.fullmatch(path.name)
    if path.is_dir():
        raise CascadeError([Problem(shown, "folder di dalam folder perangkat daerah tidak dibaca; letakkan data "
                                    f"langsung di {slug}/<tahun>.yaml, misalnya '{slug}/2023.yaml'")])
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise CascadeError([Problem(shown, "bukan berkas data YAML; folder perangkat daerah hanya boleh berisi "
                                    "berkas <tahun>.yaml: pindahkan berkas ini keluar dari folder data")])
    if not path.is_file() or not match:
        raise CascadeError([Problem(shown, "nama berkas harus tahun cascade dengan akhiran .yaml, misalnya '2023.yaml'")])
    if path.stat().st_size > MAX_FILE_BYTES:
        raise CascadeError([Problem(shown, f"berkas lebih besar dari {MAX_FILE_BYTES // 1024} KB; "
                                    "periksa apakah isinya benar data cascade")])
    text = _decode(path.read_bytes(), shown)
    located = parse_yaml(text, shown)
    cascade = validate_cascade(located, shown)
    problems = []
    if cascade.tahun != int(match.group(1)):
        line, _ = located.value_pos.get(("tahun",), (None, None))
        problems.append(Problem(shown, f"tahun {cascade.tahun} tidak sama dengan nama berkas '{path.name}'",
                                line, field="tahun"))
    problems.extend(_check_program_urls(cascade, located, shown))
    if problems:
        raise CascadeError(problems)
    return CascadeFile(slug=slug, path=path, cascade=cascade)


def locate(path: Path, shown: str) -> _Located:
    """The file's data with the line and column of every field, for checks that report lines (`macros.lint`)."""
    return parse_yaml(_decode(path.read_bytes(), shown), shown)


def _decode(raw: bytes, shown: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise CascadeError([Problem(shown, "berkas bukan teks UTF-8 (simpan ulang sebagai UTF-8); "
                                    f"byte 0x{raw[error.start]:02x} tidak dikenali", line, column)]) from None


def _compose_fast(text: str) -> yaml.Node | None:
    """The document composed by libyaml (several times faster), or None when only `_Loader` may read it.

    None for a document with an error or an alias (libyaml shares the aliased node): `_Loader` then composes
    it again and reports its problems exactly as without this shortcut.
    """
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        return None
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return None
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return None
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(child for pair in node.value for child in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return root


def parse_yaml(text: str, shown: str) -> _Located:
    """Parse one YAML document safely into plain data plus positions; refuse aliases, tags and duplicate keys."""
    try:
        root = _compose_fast(text) or yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        unclosed = _unclosed_quote(text)
        if unclosed and (mark is None or unclosed[0] <= mark.line + 1):
            # YAML lets a quote run on over many lines, so it fails far below the real mistake.
            raise CascadeError([Problem(shown, "YAML tidak valid: tanda kutip tidak ditutup: tambahkan tanda "
                                        "kutip penutup di akhir teks", *unclosed)]) from None
        raise CascadeError([Problem(shown, _yaml_message(error, text),
                                    mark.line + 1 if mark else None,
                                    mark.column + 1 if mark else None)]) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        raise CascadeError([Problem(shown, f"karakter kendali U+{error.character:04X} tidak boleh ada di berkas; "
                                    "hapus karakter ini (biasanya terbawa saat menyalin teks)", line, column)]) from None
    except yaml.YAMLError as error:
        raise CascadeError([Problem(shown, f"YAML tidak valid: {error}")]) from None
    except _TooDeep as error:
        raise CascadeError([Problem(shown, _TOO_DEEP, error.mark.line + 1, error.mark.column + 1)]) from None
    except RecursionError:
        raise CascadeError([Problem(shown, _TOO_DEEP)]) from None
    if root is None:
        raise CascadeError([Problem(shown, "berkas kosong: tidak ada data cascade")])
    located = _Located(None, {}, {}, [])
    aliases: list[Problem] = []
    try:
        located.data = _to_python(root, (), located, aliases, shown)
    except RecursionError:
        raise CascadeError([Problem(shown, _TOO_DEEP)]) from None
    located.problems += _summarise_aliases(aliases, shown)
    return located


_TOO_DEEP = (f"YAML tidak valid: isi berkas bersarang lebih dari {MAX_DEPTH} tingkat; "
             "periksa tanda '[' dan '{' yang tidak ditutup")


def _summarise_aliases(problems: list[Problem], shown: str) -> list[Problem]:
    """The first alias in full and the rest in one line: an alias bomb holds thousands."""
    aliases: list[Problem] = []
    others: list[Problem] = []
    for problem in problems:
        (aliases if problem.message.startswith("alias YAML '*") else others).append(problem)
    if len(aliases) <= 1:
        return problems
    lines = sorted({p.line for p in aliases[1:] if p.line is not None})
    shown_lines = ", ".join(map(str, lines[:10])) + (", …" if len(lines) > 10 else "")
    return others + [aliases[0], Problem(shown, f"{len(aliases) - 1} alias YAML lain juga tidak diizinkan "
                                                f"(baris {shown_lines})", aliases[1].line)]


def _to_python(node: yaml.Node, loc: Loc, out: _Located, problems: list[Problem], shown: str) -> Any:
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    out.value_pos[loc] = (line, column)
    if node.tag == _ALIAS_TAG:
        problems.append(Problem(shown, f"alias YAML '*{node.value}' tidak diizinkan; tulis isinya secara lengkap",
                                line, field=_field(loc) or None))
        return None
    if node.tag not in _SAFE_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        problems.append(Problem(shown, f"tag YAML '{tag}' tidak diizinkan; tulis nilai biasa tanpa tanda '!'",
                                line, field=_field(loc) or None))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            simple = isinstance(key_node, yaml.ScalarNode) and key_node.tag in _SAFE_TAGS
            key = _scalar(key_node) if simple else None
            key_line = key_node.start_mark.line + 1
            if key is None or isinstance(key, (list, dict)):
                problems.append(Problem(shown, "kunci harus berupa teks sederhana", key_line, field=_field(loc) or None))
                continue
            if key in first_line:
                problems.append(Problem(shown, f"kunci '{key}' ditulis dua kali (pertama di baris {first_line[key]}); "
                                        "hapus salah satunya", key_line, field=_field(loc + (key,))))
                continue
            first_line[key] = key_line
            out.key_pos[loc + (key,)] = (key_line, key_node.start_mark.column + 1)
            result[key] = _to_python(value_node, loc + (key,), out, problems, shown)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, loc + (i,), out, problems, shown) for i, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
        # A date-like value is still the text the staff member typed.
        return node.value
    return yaml.SafeLoader("").construct_object(node)


_YAML_MESSAGES = [
    ("found character '\\t' that cannot start any token",
     "karakter tab tidak boleh dipakai di YAML; gunakan spasi untuk indentasi"),
    ("mapping values are not allowed here",
     "tanda ':' tidak terduga; periksa indentasi, atau beri tanda kutip pada teks yang memuat ': '"),
    ("could not find expected ':'", "baris ini tidak berbentuk 'kunci: nilai'; periksa indentasi dan tanda ':'"),
    ("did not find expected key", "indentasi tidak rata dengan baris di atasnya"),
    ("did not find expected '-' indicator", "indentasi butir daftar ('- ') tidak rata"),
    ("expected <block end>", "indentasi tidak rata dengan baris di atasnya"),
    ("but found another document", "berkas hanya boleh berisi satu dokumen YAML (hapus '---' kedua)"),
]


_QUOTED_VALUE = re.compile(r"""^(\s*(?:-\s+)?[^\s#'"][^:#]*:\s+|\s*-\s+)(["'])(.*)$""")


def _unclosed_quote(text: str) -> tuple[int, int] | None:
    """Line and column of the first quoted value that does not close on its own line, if any."""
    for number, line in enumerate(text.splitlines(), 1):
        match = _QUOTED_VALUE.match(line)
        if not match:
            continue
        quote, rest = match.group(2), match.group(3)
        closing = re.sub(r'\\.', "", rest) if quote == '"' else rest.replace("''", "")
        if quote not in closing:
            return number, len(match.group(1)) + 1
    return None


def _yaml_message(error: yaml.MarkedYAMLError, text: str) -> str:
    problem = f"{error.context or ''} {error.problem or ''}"
    for needle, message in _YAML_MESSAGES:
        if needle in problem:
            if "tab" in message or "\t" in needle:
                return message
            return f"YAML tidak valid: {message}"
    return f"YAML tidak valid: {problem.strip()}"


def validate_cascade(located: _Located, shown: str) -> Cascade:
    """Validate parsed data against the model; every problem gets the line of the field it concerns."""
    try:
        cascade = Cascade.model_validate(located.data)
        problems: list[Problem] = []
    except ValidationError as error:
        problems = [_problem_from_pydantic(e, located, shown) for e in error.errors(include_url=False)]
    # A field already reported while parsing would only be reported again as "empty".
    parse_fields = {p.field for p in located.problems}
    problems = located.problems + [p for p in problems if p.field not in parse_fields]
    if problems:
        raise CascadeError(sorted(_unique(problems), key=lambda p: p.line or 0))
    return cascade


def _problem_from_pydantic(error: dict[str, Any], located: _Located, shown: str) -> Problem:
    loc = _data_loc(error["loc"], located.data)
    kind = error["type"]
    if kind == "extra_forbidden":
        line = located.key_pos.get(loc, (None,))[0]
        return Problem(shown, _unknown_key_message(loc), line, field=_field(loc))
    if kind == "missing":
        line = located.value_pos.get(loc[:-1], (None,))[0]
        return Problem(shown, "wajib diisi tetapi tidak ada", line, field=_field(loc))
    line = located.value_pos.get(loc, located.value_pos.get(loc[:-1], (None,)))[0]
    return Problem(shown, _value_message(error, loc), line, field=_field(loc))


def _data_loc(pydantic_loc: tuple[Any, ...], data: Any) -> Loc:
    """Keep the parts of a pydantic location that are keys or indexes of the data (drop union-branch labels)."""
    loc: list[str | int] = []
    node = data
    for i, part in enumerate(pydantic_loc):
        last = i == len(pydantic_loc) - 1
        if isinstance(node, dict) and part in node:
            loc.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and part.isdigit() and int(part) in node:
            loc.append(int(part))
            node = node[int(part)]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            loc.append(part)
            node = node[part]
        elif last and isinstance(node, dict) and isinstance(part, str) and part not in _UNION_LABELS:
            loc.append(part)
    return tuple(loc)


_UNION_LABELS = {"str", "int", "float", "constrained-str", "function-after", "list", "dict"}


def field_path(loc: Loc) -> str:
    """A location as messages name it: ('tujuan', 0, 'indikator') → 'tujuan[0].indikator'."""
    return _field(loc)


def _field(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _model_at(loc: Loc) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc`, found by following the field annotations."""
    model: Any = Cascade
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) if isinstance(model, type) and issubclass(model, BaseModel) else None
        if field is None:
            return None
        model = _unwrap(field.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    while True:
        args = [a for a in get_args(annotation) if a is not type(None)]
        if get_origin(annotation) is list or (args and get_origin(annotation) is not dict and len(args) == 1):
            annotation = args[0]
        elif hasattr(annotation, "__metadata__"):
            annotation = annotation.__origin__
        else:
            return annotation


def _unknown_key_message(loc: Loc) -> str:
    model = _model_at(loc[:-1])
    allowed = list(model.model_fields) if model else []
    message = f"kunci '{loc[-1]}' tidak dikenal"
    close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
    if close:
        message += f" (maksudnya '{close[0]}'?)"
    if allowed:
        message += f". Kunci yang boleh: {', '.join(allowed)}"
    return message


def _value_message(error: dict[str, Any], loc: Loc) -> str:
    kind, value = error["type"], error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f"{_short(value)} harus salah satu dari: {', '.join(allowed)}"
    if kind == "string_type":
        return f"harus berupa teks, bukan {_describe(value)}" + (
            " (beri tanda kutip agar dibaca sebagai teks)" if isinstance(value, (int, float, bool)) else "")
    if kind == "list_type":
        return f"harus berupa daftar (butir diawali '- '), bukan {_describe(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"harus berupa pemetaan 'kunci: nilai', bukan {_describe(value)}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"harus berupa bilangan bulat, bukan {_describe(value)}"
    if kind == "string_unicode":
        return f"teks {_short(value)} memuat karakter Unicode yang tidak sah; ketik ulang teks ini"
    if kind == "invalid_key":
        return "kunci harus berupa teks, bukan angka atau nilai ya/tidak"
    if kind == "string_too_short":
        return "tidak boleh kosong"
    if kind == "string_too_long":
        return f"teks terlalu panjang ({len(value)} karakter; paling banyak {ctx.get('max_length')})"
    if kind == "too_short":
        return "harus berisi paling sedikit satu butir"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"{_short(value)} di luar rentang tahun yang masuk akal (2000–2100)"
    return f"nilai {_short(value)} tidak valid ({error['msg']})"


def _describe(value: Any) -> str:
    if value is None:
        return "nilai kosong"
    if isinstance(value, bool):
        return f"nilai ya/tidak ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"angka ({value})"
    if isinstance(value, list):
        return "daftar"
    if isinstance(value, dict):
        return "pemetaan 'kunci: nilai'"
    return f"teks {_short(value)}"


def _short(value: Any, limit: int = 60) -> str:
    if isinstance(value, str):
        # Invisible and unencodable characters are shown as escapes, so the message prints and can be read.
        text = "'" + "".join(c if c.isprintable() and not 0xD800 <= ord(c) <= 0xDFFF else f"\\u{ord(c):04x}"
                             for c in value) + "'"
    else:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…'"


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


def _check_program_urls(cascade: Cascade, located: _Located, shown: str) -> list[Problem]:
    """Two programs of one cascade must not end up at the same page address."""
    problems: list[Problem] = []
    first: dict[str, str] = {}
    for ti, t in enumerate(cascade.tujuan):
        for si, s in enumerate(t.sasaran):
            for pi, program in enumerate(s.program):
                loc: Loc = ("tujuan", ti, "sasaran", si, "program", pi, "uraian")
                slug = program_slug(program)
                if slug in first:
                    problems.append(Problem(shown, f"alamat halaman 'program/{slug}/' sudah dipakai oleh "
                                            f"{first[slug]}; bedakan uraian program ini",
                                            located.value_pos.get(loc, (None,))[0], field=_field(loc)))
                else:
                    first[slug] = _field(loc[:-1])
    return problems


def _check_names_across_files(loaded: list[CascadeFile], base: Path) -> list[Problem]:
    """One perangkat daerah folder carries one name in all its years."""
    problems = []
    names: dict[str, CascadeFile] = {}
    for item in loaded:
        other = names.setdefault(item.slug, item)
        if other.cascade.perangkat_daerah != item.cascade.perangkat_daerah:
            problems.append(Problem(_shown(item.path, base),
                                    f"perangkat_daerah '{item.cascade.perangkat_daerah}' berbeda dengan "
                                    f"'{other.cascade.perangkat_daerah}' di {_shown(other.path, base)}",
                                    field="perangkat_daerah"))
    return problems


def _shown(path: Path, base: Path) -> str:
    if not path.is_absolute():
        return str(path)
    try:
        relative = os.path.relpath(path, base)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative
