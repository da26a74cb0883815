"""YAML scalars as staff typed them: the characters of a text or value field, never YAML 1.1's guesses.

YAML 1.1 (PyYAML) reads an unquoted `1:20` as the number 80 (base 60), `007` as 7, `1.10` as 1.1, `no` as
false and `2024-01-02` as a date. In a text field (uraian, formulasi, sumber_data, satuan, kode, sasaran, the
values of `target`) that is never what was meant, so the reader takes the characters as written. Structural
fields (`tahun`, and every mapping key such as the years of `target`) are still read as YAML types: they are
numbers by nature, and the model refuses text there.

What cannot be taken as typed is refused at its line: `~` or `null` in a text field (YAML's "nothing", or the
word itself?), and a control character an escape in double quotes wrote ("\\v"), which no page, chart or
download can show. An empty value stays "not written". Invisible characters pasted from Word or PDF are removed
from text on load, and the removal is remarked for `make lint`, as is a same-line ` #` comment after an
unquoted text (YAML drops the rest of the line from the value).
"""

from __future__ import annotations

import re
from typing import Any, get_args

import yaml
from pydantic import BaseModel

from .model import BY_QUARTER, BY_YEAR, Cascade, Loc
from .problems import Problem, field_path
from .source_lines import SourceLinesBuilder, SourceRemark
from .yaml_messages import quote_advice, yaml_quoted

# Zero-width and soft characters that Word and PDF copies carry: they show nothing, but split words for search
# and for comparisons. A BOM at the start of the file is the encoding's (see yaml_source.decode), not text.
INVISIBLE = {
    "\u00ad": "tanda hubung lunak (U+00AD)",
    "\u200b": "spasi lebar-nol (U+200B)",
    "\u200c": "pemisah lebar-nol (U+200C)",
    "\u200d": "penyambung lebar-nol (U+200D)",
    "\u2060": "penyambung kata (U+2060)",
    "\ufeff": "BOM / spasi lebar-nol (U+FEFF)",
}
_INVISIBLE = re.compile("[" + "".join(INVISIBLE) + "]")
# Control characters (C0 but tab, line feed and carriage return; DEL; C1), which only an escape in double quotes
# ("\v", "\x01") can put in a value (YAML refuses them typed as they are: `yaml_messages.parse_error`). Kept, they
# would make a chart's SVG ill-formed XML, turn into '_x000B_' in the XLSX and act on the terminal lint prints to.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# An escape of a double-quoted YAML scalar, and what each one-letter escape stands for.
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.S)
_ESCAPED = {"0": "\0", "a": "\a", "b": "\b", "v": "\v", "f": "\f", "e": "\x1b", "N": "\x85"}
_NULL_WORDS = {"~", "null", "Null", "NULL"}
_DECIMAL_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_DECIMAL_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
# Word's curly quotes, which YAML takes for text: a value wrapped in them is published with them and gives no number.
CURLY_QUOTES = "“”„‟‘’‚‛"
_COMMENT_AFTER = re.compile(r"[ \t]+(#.*)")


def structural_fields(model: type[BaseModel] = Cascade) -> frozenset[str]:
    """Names of the fields that admit no text anywhere in the model (e.g. 'tahun', 'tujuan', 'indikator').

    A field name that is text in one model and a list in another (`sasaran`) counts as text: the model then
    refuses a text where a list belongs with its usual message.
    """
    text: set[str] = set()
    other: set[str] = set()
    seen: set[type] = set()
    stack: list[type[BaseModel]] = [model]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        for name, field in current.model_fields.items():
            leaves = _leaf_types(field.annotation)
            (text if str in leaves else other).add(name)
            stack.extend(leaf for leaf in leaves if isinstance(leaf, type) and issubclass(leaf, BaseModel))
    return frozenset(other - text)


def _leaf_types(annotation: Any) -> set[Any]:
    """Every type an annotation is made of: list[Teks | int] → {str, int}."""
    origin = getattr(annotation, "__origin__", None)
    if hasattr(annotation, "__metadata__"):  # Annotated[str, ...]
        return _leaf_types(origin)
    args = get_args(annotation)
    if not args:
        return {annotation}
    return set().union(*(_leaf_types(arg) for arg in args))


def is_plain(node: yaml.ScalarNode) -> bool:
    """Written without quotes or a block indicator (libyaml reports '' for plain, PyYAML None)."""
    return not node.style


def text_scalar(node: yaml.ScalarNode, loc: Loc, source: str, lines: SourceLinesBuilder,
                problems: list[Problem], shown: str) -> str | None:
    """The characters typed for a scalar in a text field; None for an empty value or a refused null.

    Invisible characters are removed and remarked; a same-line comment after a plain value is remarked.
    """
    line = node.start_mark.line + 1
    if node.style in ("|", ">") and not node.value:
        # '>5' or '|2' typed as a value: YAML reads a block of text indented below it, here none, so nothing.
        advice = quote_advice(source, node.start_mark.index)
        problems.append(Problem(shown, f"tanda '{node.style}' di awal nilai tanpa tanda kutip dibaca YAML sebagai "
                                f"awal teks berlapis, yang di sini kosong; {advice}", line,
                                field=field_path(loc) or None))
        return None
    if is_plain(node):
        if node.value in _NULL_WORDS:
            problems.append(Problem(shown, f"'{node.value}' dibaca YAML sebagai nilai kosong; kosongkan isian ini "
                                    f"bila memang tidak ada isinya, atau beri tanda kutip ({yaml_quoted(node.value)}) bila "
                                    "itulah teksnya", line, field=field_path(loc) or None))
            return None
        if node.value == "":
            return None
        if len(node.value) > 1 and node.value[0] in CURLY_QUOTES and node.value[-1] in CURLY_QUOTES:
            advice = curly_quotes_advice(node.value, text=not BY_YEAR.union(BY_QUARTER).intersection(loc))
            problems.append(Problem(shown, advice, line, field=field_path(loc) or None))
            return None
        comment = _COMMENT_AFTER.match(source, node.end_mark.index)
        if comment:
            lines.remark(loc, SourceRemark("komentar", comment.group(1).rstrip()))
    value = node.value
    control = _CONTROL.search(value)
    if control:
        problems.append(_control_problem(node, control.group(), source, shown, loc))
        return None
    found = dict.fromkeys(_INVISIBLE.findall(value))
    if found:
        lines.remark(loc, SourceRemark("tak_terlihat", ", ".join(INVISIBLE[c] for c in found)))
        value = _INVISIBLE.sub("", value)
    return value


def curly_quotes_advice(typed: str, text: bool = False) -> str:
    """What to do about a value `typed` in curly quotes ('“82,5”'), which YAML keeps as part of the value; a `text`
    (a name, not a target) may mean them."""
    advice = (f"nilai {typed} diapit tanda kutip miring (biasanya dari Word), yang tidak dibaca YAML sebagai tanda "
              f"kutip dan akan ikut tampil; ganti dengan tanda kutip lurus: {yaml_quoted(typed[1:-1])}")
    if text:
        advice += f" (bila tanda kutip miring itu memang bagian teksnya, apit seluruhnya: {yaml_quoted(typed)})"
    return advice


def _control_problem(node: yaml.ScalarNode, char: str, source: str, shown: str, loc: Loc) -> Problem:
    """The refusal of a control character in a value, at the line of the escape that wrote it, named by its code
    point and escape (never the character itself, which the terminal would act on)."""
    for escape in _ESCAPE.finditer(source, node.start_mark.index, node.end_mark.index):
        code = escape.group(1)
        if (chr(int(code[1:], 16)) if len(code) > 1 else _ESCAPED.get(code)) == char:
            return Problem(shown, f"karakter kendali U+{ord(char):04X} (ditulis '{escape.group()}') tidak boleh ada "
                                  f"di teks; hapus '{escape.group()}' dari teksnya",
                           source.count("\n", 0, escape.start()) + 1, field=field_path(loc) or None)
    return Problem(shown, f"karakter kendali U+{ord(char):04X} tidak boleh ada di teks; hapus karakter ini",
                   node.start_mark.line + 1, field=field_path(loc) or None)


def typed_scalar(node: yaml.ScalarNode) -> Any:
    """A scalar in a structural field or a key, read as YAML 1.2 types it (a date stays its text)."""
    if node.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
        return node.value
    # YAML 1.1 also reads 0x7E4, 0o3743, 2_020, +2020, 02023 (octal: 1043) and 33:40 (sexagesimal: 2020) as numbers:
    # here a number is written in decimal digits, and anything else stays the text typed, which the model refuses.
    if node.tag == "tag:yaml.org,2002:int" and not _DECIMAL_INT.fullmatch(node.value):
        return node.value
    if node.tag == "tag:yaml.org,2002:float" and not _DECIMAL_FLOAT.fullmatch(node.value):
        return node.value
    value = yaml.SafeLoader("").construct_object(node)
    # YAML 1.1 also reads yes/no/on/off as true/false; here only true and false are (YAML 1.2's), so that
    # `iku: yes` is refused as `iku: ya` is, not taken for a choice nobody wrote in Indonesian.
    if isinstance(value, bool) and node.value.lower() not in ("true", "false"):
        return node.value
    return value
