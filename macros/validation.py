"""Parsed YAML → `Cascade`, with every pydantic error turned into a `Problem` staff can act on.

Each message is in Indonesian, names the field and its line, and says what was expected: the allowed
values, the allowed keys (with the likely one for a typo), or the kind of value.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .capaian import TRIWULAN
from .model import BY_QUARTER, BY_YEAR, FIRST_YEAR, LAST_YEAR, Cascade, Loc, top_level_mistakes
from .problems import CascadeError, Problem, field_path
from .yaml_messages import yaml_quoted
from .yaml_scalars import INVISIBLE
from .yaml_source import ParsedYaml

_UNION_LABELS = {"str", "int", "float", "constrained-str", "function-after", "list", "dict"}


def validate_cascade(parsed: ParsedYaml, shown: str) -> Cascade:
    """Validate parsed data against the model, or raise `CascadeError` with the parse problems and every
    validation problem, in line order, each at the line of the field it concerns."""
    try:
        cascade = Cascade.model_validate(parsed.data)
        problems: list[Problem] = []
    except ValidationError as error:
        errors = error.errors(include_url=False)
        problems = [_problem_from_pydantic(e, parsed, shown) for e in _matching_branches(errors)]
        # The model checks its top level only once its fields are valid: say it now too, with the rest.
        if isinstance(parsed.data, dict) and not any(e["type"] == "tingkat_teratas" for e in errors):
            written = {key for key, value in parsed.data.items() if value is not None}
            problems += [_top_level_problem(key, message, parsed, shown)
                         for key, message in top_level_mistakes(written)]
    # A field already reported while parsing would only be reported again as "empty".
    parse_fields = {p.field for p in parsed.problems}
    problems = parsed.problems + [p for p in problems if p.field not in parse_fields]
    if problems:
        raise CascadeError(sorted(_unique(problems), key=lambda p: p.line or 0))
    return cascade


# A value of the wrong kind for one branch of a union field (a text or a list of texts).
_TYPE_MISMATCH = {"string_type", "list_type"}


def _matching_branches(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For a field that takes a text or a list (`sasaran`), the errors of the branch the value has the kind of:
    an empty list is "at least one item", not also "must be text"."""
    def field(error: dict[str, Any]) -> tuple[Any, ...]:
        # Branch labels ('constrained-str', 'list[constrained-str]') name no place in the data.
        return tuple(part for part in error["loc"]
                     if not (isinstance(part, str) and (part in _UNION_LABELS or "[" in part)))

    matched = {field(e) for e in errors if e["type"] not in _TYPE_MISMATCH}
    return [e for e in errors if e["type"] not in _TYPE_MISMATCH or field(e) not in matched]


def _problem_from_pydantic(error: dict[str, Any], parsed: ParsedYaml, shown: str) -> Problem:
    # A check of a whole item may name the place below it that it concerns (`di`).
    loc = _data_loc(error["loc"], parsed.data) + tuple((error.get("ctx") or {}).get("di", ()))
    kind = error["type"]
    if kind == "tingkat_teratas":
        return _top_level_problem(error["ctx"]["kunci"], error["ctx"]["pesan"], parsed, shown)
    if kind == "extra_forbidden":
        return Problem(shown, _unknown_key_message(loc), parsed.key_lines.get(loc), field=field_path(loc))
    if kind == "missing":
        return Problem(shown, "wajib diisi tetapi tidak ada", parsed.lines.get(loc[:-1]), field=field_path(loc))
    line = parsed.lines.get(loc, parsed.lines.get(loc[:-1]))
    if error.get("input", "") is None:
        # One message for an empty value, not one per kind of value a union field would take.
        return Problem(shown, _empty_message(loc), line, field=field_path(loc))
    return Problem(shown, _value_message(error, loc), line, field=field_path(loc))


def _empty_message(loc: Loc) -> str:
    """What to do about an empty value. A year's or quarter's value may be on one line with others
    (`target: {2023: "26", 2024: }`), where deleting the line would delete them too."""
    # Not pagu: a pagu is always a number, never "-".
    if len(loc) >= 2 and loc[-2] in BY_YEAR - {"pagu"}:
        which = f"tahun {loc[-1]}"
    elif len(loc) >= 3 and loc[-3] in BY_QUARTER:
        which = f"triwulan {loc[-1]}"
    else:
        return "kosong: tulis isinya, atau hapus baris ini bila memang tidak ada isinya"
    return f'kosong: tulis nilainya dalam tanda kutip (mis. "26"), "-" bila memang belum ada, atau hapus {which} saja'


def _top_level_problem(key: str, message: str, parsed: ParsedYaml, shown: str) -> Problem:
    # Said of the whole file, so placed at the top-level key it concerns (or the file's start).
    return Problem(shown, message, parsed.key_lines.get((key,)) or parsed.lines.get(()) or 1, field=key)


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
        # pydantic's '[key]' says the error is in a mapping's key, which the location already ends at.
        elif last and isinstance(node, dict) and isinstance(part, str) and part not in (*_UNION_LABELS, "[key]"):
            loc.append(part)
    return tuple(loc)


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
    odd = [c for c in dict.fromkeys(str(loc[-1])) if not (c.isascii() and c.isprintable())]
    if odd:
        # Every key of the format is plain ASCII: a hidden character or a look-alike letter pasted into one makes it
        # unknown though it reads the same on screen ("'satuan' tidak dikenal (maksudnya 'satuan'?)").
        plain = "".join(c for c in str(loc[-1]) if c not in INVISIBLE)
        close = difflib.get_close_matches(plain, allowed, n=1, cutoff=0.6)
        return (f"kunci {_short(loc[-1])} memuat {', '.join(map(_odd_character, odd))}; ketik ulang kunci ini dengan "
                f"huruf biasa" + (f": {close[0]}" if close else ""))
    if str(loc[-1]).startswith("-") and str(loc[-1])[1:].strip() in allowed:
        key = str(loc[-1])[1:].strip()
        return (f"kunci '{loc[-1]}': tanda '-' menempel pada kuncinya; bila ini awal butir daftar baru, tulis "
                f"'- {key}:' (dengan spasi sesudah '-'), bila bukan, hapus tanda '-'")
    message = f"kunci '{loc[-1]}' tidak dikenal"
    close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
    if close:
        message += f" (maksudnya '{close[0]}'?)"
    if allowed:
        message += f". Kunci yang boleh: {', '.join(allowed)}"
    return message


def _odd_character(char: str) -> str:
    """A character no key has, named so staff can tell it from the one it looks like: 'huruf 'а' (U+0430, CYRILLIC
    SMALL LETTER A), bukan huruf Latin'."""
    if char in INVISIBLE:
        return f"karakter tak terlihat {INVISIBLE[char]}"
    if not char.isprintable():
        return f"karakter kendali U+{ord(char):04X}"
    return f"huruf '{char}' (U+{ord(char):04X}, {unicodedata.name(char, '?')}), bukan huruf Latin biasa"


# A quarter typed as staff write it elsewhere ('i', '1', 'TW 3', 'Triwulan II', 'Q4'): the numeral meant.
_QUARTER_TYPED = re.compile(r"(?:triwulan|tw|q)?[\s.-]*(?P<n>iv|i{1,3}|[1-4])", re.I)


def _quarter_meant(key: object) -> str | None:
    """The quarter (I to IV) a key typed otherwise stands for, if clear."""
    meant = _QUARTER_TYPED.fullmatch(str(key).strip())
    if meant is None:
        return None
    numeral = meant["n"].upper()
    return TRIWULAN[int(numeral) - 1] if numeral.isdigit() else numeral


def _per_year_message(error: dict[str, Any], loc: Loc) -> str | None:
    """What is wrong with a value keyed by year (`target: {2023: "26"}`), where staff leave out the year or its
    level, or quote it: said with the shape to write, not only the kind of value expected."""
    kind, value = error["type"], error.get("input")
    if kind in ("dict_type", "model_type") and loc and loc[-1] in BY_YEAR | BY_QUARTER \
            and isinstance(value, str):
        example = f"{{I: {yaml_quoted(value)}}}" if loc[-1] in BY_QUARTER else yaml_quoted(value)
        return f"tulis per tahun, bukan satu nilai {_short(value)}: mis. {loc[-1]}: {{2023: {example}}}"
    if len(loc) < 2 or loc[-2] not in BY_YEAR | BY_QUARTER or not isinstance(loc[-1], (str, int)):
        return None
    key, quarter = loc[-1], _quarter_meant(loc[-1])
    if quarter and loc[-2] in BY_QUARTER:
        # Reported once for the key and once for its value: one message, so the two are one problem. A quarter typed
        # as a number ('1') comes as a year out of range: it is the quarter too, not a year whose value goes elsewhere.
        return f"triwulan {quarter} harus ditulis di bawah tahunnya: mis. {loc[-2]}: {{2023: {{{quarter}: ...}}}}"
    if not isinstance(key, str):
        return None
    if kind in ("int_type", "int_parsing") and re.fullmatch(r"[0-9]{4}", key.strip()):
        return f"tahun ditulis tanpa tanda kutip: {key.strip()}, bukan '{key}'"
    return None


def _per_quarter_message(error: dict[str, Any], loc: Loc) -> str | None:
    """What is wrong with a year's quarters (`target_triwulan: {2023: {I: "6"}}`) when a quarter is typed otherwise
    than I to IV, or the year is given one value: said with what to write."""
    kind, value = error["type"], error.get("input")
    if kind == "literal_error" and len(loc) >= 3 and loc[-3] in BY_QUARTER:
        message = (f"triwulan ditulis {', '.join(TRIWULAN[:-1])} atau {TRIWULAN[-1]} (angka Romawi, huruf kapital), "
                   f"bukan {_short(loc[-1])}")
        meant = _quarter_meant(loc[-1])
        return message + (f": tulis {meant}" if meant else "")
    if (kind in ("dict_type", "model_type") and len(loc) >= 2 and loc[-2] in BY_QUARTER and isinstance(loc[-1], int)
            and FIRST_YEAR <= loc[-1] <= LAST_YEAR and isinstance(value, str)):
        # Most often the year's own value, typed one field too far: say where that goes as well (under a key that is
        # no year, the year's own message says what to mend first).
        year_field = loc[-2].removesuffix("_triwulan")
        return (f"triwulan tahun {loc[-1]} ditulis sebagai pemetaan di bawah tahunnya, bukan satu nilai "
                f"{_short(value)}: mis. {loc[-2]}: {{{loc[-1]}: {{I: ..., II: ..., III: ..., IV: ...}}}}; nilai "
                f"setahun ditulis di {year_field}: {{{loc[-1]}: {yaml_quoted(value)}}}")
    return None


def _value_message(error: dict[str, Any], loc: Loc) -> str:
    kind, value = error["type"], error.get("input")
    ctx = error.get("ctx") or {}
    shaped = _per_year_message(error, loc) or _per_quarter_message(error, loc)
    if shaped:
        return shaped
    if kind in ("nilai_tidak_terbaca", "aturan_tidak_sah", "skala_tidak_jelas"):
        return ctx["pesan"]
    if kind in ("periode_tidak_sah", "pagu_bukan_angka"):
        return error["msg"]
    if kind == "string_pattern_mismatch" and loc == ("periode",):
        return f"periode {_short(value)} harus ditulis tahun awal-tahun akhir, mis. 2021-2026"
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
        if loc and isinstance(loc[-1], int) and FIRST_YEAR <= loc[-1] <= LAST_YEAR:
            # `realisasi:` with its `2024: "27"` on the next line not indented under it.
            return (f"tahun {loc[-1]} tertulis sebagai kunci di sini, bukan di bawah isian di atasnya: tulis lebih "
                    f"menjorok (dua spasi) di bawah kunci nilainya, mis. di bawah 'realisasi:'")
        return "kunci harus berupa teks, bukan angka atau nilai ya/tidak"
    if kind == "string_too_short":
        return "tidak boleh kosong"
    if kind == "string_too_long":
        return f"teks terlalu panjang ({len(value)} karakter; paling banyak {ctx.get('max_length')})"
    if kind == "too_short":
        return "harus berisi paling sedikit satu butir"
    if kind == "bool_type":
        return f"{_short(value)} tidak dikenal: tulis true (ya) atau false (tidak), tanpa tanda kutip"
    if kind in ("greater_than_equal", "less_than_equal"):
        return (f"{_short(value)} di luar rentang tahun yang masuk akal ({FIRST_YEAR}–{LAST_YEAR}); tulis tahunnya "
                f"lengkap empat angka, mis. 2023")
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
