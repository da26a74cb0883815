"""Slips in a value typed in braces (`target: {2024: 98,5}`): YAML splits the value at its commas, or reads a year
joined to its value as one key, and goes on without a word. Each slip is named once, at its line, with what mends
it; `macros.yaml_source` asks `brace_slip` of every entry of a flow mapping in a text or value field."""

from __future__ import annotations

import re

import yaml

from .model import BY_QUARTER, BY_YEAR, Loc, pagu_mistake
from .nilai import NilaiTidakTerbaca, parse_nilai
from .problems import Problem, field_path
from .yaml_scalars import CURLY_QUOTES, curly_quotes_advice, typed_scalar

Entries = list[tuple[yaml.Node, yaml.Node]]
Slip = tuple[int, Problem | None]

# What follows a decimal comma: digits, perhaps a percent sign ('98,5%' splits into '98' and '5%').
_DECIMALS = re.compile(r"\d+\s*%?")
# Right after the comma the rest of the value may go on: a unit word, a range, an amount's 'M' ('26,5 dokumen').
_AFTER_COMMA = re.compile(r"\d.*", re.S)
# A key shaped like a year after a comma and a space is an entry of its own whose colon is missing
# ('{2024: 5, 2025}'); right after the comma ('1,2050') it is decimals.
_YEAR = re.compile(r"20\d\d|2100")
# How the part before such a comma ends: a digit, or a '%' put before the decimals ('{2024: 98%,5}').
_NUMBER_END = frozenset("0123456789%")
# A year or quarter key and its value with no space after the colon ('2024:5', '2024:"5"', 'II:5'), which YAML
# reads as one scalar.
_KEY_JOINED = re.compile(r"(?P<key>\d{4}|IV|I{1,3}):(?P<value>\S.*)", re.S)
# Word's quotes, one by one (a string's `in` would find the empty string in it).
_CURLY = tuple(CURLY_QUOTES)


def brace_slip(source: str, shown: str, entries: Entries, index: int, loc: Loc) -> Slip:
    """(how many entries from `index` on are one slip, its problem) for the entry at `index` of the flow mapping
    `entries` at `loc` in `source` (shown as `shown`); (0, None) for an entry of its own. Asked before a key's
    duplicate is looked for: the decimals split off '{2024: 0,2024}' are no second key 2024."""
    for slip in (_split_curly_quotes, _split_decimal, _colon_without_space):
        taken, problem = slip(source, shown, entries, index, loc)
        if taken:
            return taken, problem
    return 0, None


def _split_curly_quotes(source: str, shown: str, entries: Entries, index: int, loc: Loc) -> Slip:
    """A value in curly quotes that its commas split: YAML reads `{2019: “82,5”}` as `2019: “82` and a key `5”`
    without a value. Reported with straight quotes."""
    previous_key, previous = entries[index - 1] if index else (None, None)
    if not (_plain(previous) and isinstance(previous_key, yaml.ScalarNode) and previous.value[:1] in _CURLY):
        return 0, None
    end = previous
    for taken, (key_node, value_node) in enumerate(entries[index:], 1):
        if not _valueless_key_after(source, end, key_node, value_node):
            return 0, None
        end = key_node
        if key_node.value[-1:] in _CURLY:
            year = typed_scalar(previous_key)
            typed = source[previous.start_mark.index:end.end_mark.index]
            return taken, Problem(shown, curly_quotes_advice(typed), end.start_mark.line + 1,
                                  field=field_path(loc + (year,)))
    return 0, None


def _split_decimal(source: str, shown: str, entries: Entries, index: int, loc: Loc) -> Slip:
    """A number whose commas split it: `{2024: 98,5}` reads as `2024: 98` and a key `5` without a value,
    `{2024: 26,5 dokumen}` as `2024: 26` and a key `5 dokumen`, `{2024: 7,742,388,142}` as `2024: 7` and three
    keys. Reported with the quotes to add around the whole value, or, where quotes would not mend it, the number
    or pagu rule's reason."""
    previous_key, previous = entries[index - 1] if index else (None, None)
    if not (_plain(previous) and isinstance(previous_key, yaml.ScalarNode) and previous.value[-1:] in _NUMBER_END):
        return 0, None
    parts = [previous, *_rest_of_value(source, previous, entries[index:])]
    if len(parts) == 1:
        return 0, None
    year = typed_scalar(previous_key)
    typed = ",".join(part.value for part in parts)
    read_as = "dua isian" if len(parts) == 2 else "beberapa isian"
    refused = _refused_when_quoted(loc, typed)
    message = (f"koma di dalam {{ }} memisahkan isian, jadi '{typed}' terbaca sebagai {read_as}; " +
               (f'beri tanda kutip pada angka berkoma: {year}: "{typed}"' if refused is None else
                f"dalam tanda kutip pun nilai ini ditolak: {refused}"))
    return len(parts) - 1, Problem(shown, message, parts[-1].start_mark.line + 1, field=field_path(loc + (year,)))


def _colon_without_space(source: str, shown: str, entries: Entries, index: int, loc: Loc) -> Slip:
    """A year or quarter and its value joined by a colon without a space: YAML reads `{2024:5}` as one key
    '2024:5' (a base-60 number) without a value, and `{2024:98,5}` as that and a key `5`. Reported with the space
    to add (and quotes around a value with a comma)."""
    key_node, value_node = entries[index]
    joined = _KEY_JOINED.fullmatch(key_node.value) if _plain(key_node) and _keyed_by_year(loc) else None
    if not (joined and isinstance(value_node, yaml.ScalarNode) and value_node.value == ""):
        return 0, None
    key, value = joined["key"], joined["value"]
    rest = _rest_of_value(source, key_node, entries[index + 1:]) if value[-1:] in _NUMBER_END else []
    typed = ",".join([key_node.value, *(part.value for part in rest)])
    mended = f'"{typed.partition(":")[2]}"' if rest else value
    what = "tahun" if key.isdigit() else "triwulan"
    return 1 + len(rest), Problem(
        shown, f"'{typed}' terbaca sebagai satu kunci, bukan {what} dan nilainya; beri spasi setelah titik dua: "
               f"{key}: {mended}", key_node.start_mark.line + 1,
        field=field_path(loc + ((int(key) if key.isdigit() else key),)))


def _rest_of_value(source: str, before: yaml.ScalarNode, entries: Entries) -> list[yaml.ScalarNode]:
    """The keys without a value that follow `before` and are the rest of its value, split off at a comma: on its
    line, starting with the digits after a decimal comma. Right after the comma one may go on ('5 dokumen',
    '5-8', '7 M'); after a comma and a space it is digits and perhaps '%', and not a year: '{2024: 5, 2025}' is a
    year left empty, '{2024: 1,2050}' decimals."""
    rest: list[yaml.ScalarNode] = []
    for key_node, value_node in entries:
        if not _valueless_key_after(source, before, key_node, value_node):
            break
        between = source[before.end_mark.index:key_node.start_mark.index]
        if not (_AFTER_COMMA.fullmatch(key_node.value) if between == "," else
                _DECIMALS.fullmatch(key_node.value) and not _YEAR.fullmatch(key_node.value)):
            break
        rest.append(key_node)
        before = key_node
    return rest


def _valueless_key_after(source: str, before: yaml.ScalarNode, key_node: yaml.Node, value_node: yaml.Node) -> bool:
    """Whether an entry is a plain key without a value, on the line where `before` ends, and no colon typed after
    it: a piece YAML cut off a value, not an entry whose value was left empty ('{2023: "5", 2024: }')."""
    return (_plain(key_node) and isinstance(value_node, yaml.ScalarNode) and value_node.value == ""
            and ":" not in source[key_node.end_mark.index:value_node.start_mark.index]
            and before.end_mark.line == key_node.start_mark.line)


def _plain(node: yaml.Node | None) -> bool:
    """A scalar typed without quotes (style None, or '' from libyaml)."""
    return isinstance(node, yaml.ScalarNode) and not node.style


def _refused_when_quoted(loc: Loc, typed: str) -> str | None:
    """Why a value of the yearly or quarterly field at `loc` (its years' or quarters' mapping) would still be
    refused once quoted: the number rule's reason ('7,742,388,142' is English style), or a pagu's ('1,5 M' is not
    the whole amount); None when it would load."""
    field = loc[-1] if loc and loc[-1] in BY_YEAR else loc[-2] if len(loc) > 1 and loc[-2] in BY_QUARTER else None
    if field is None:
        return None
    try:
        parse_nilai(typed)
    except NilaiTidakTerbaca as error:
        return error.message
    return pagu_mistake(typed) if field == "pagu" else None


def _keyed_by_year(loc: Loc) -> bool:
    """Whether the mapping at `loc` holds years or quarters as keys."""
    return bool(loc) and (loc[-1] in BY_YEAR | BY_QUARTER or (len(loc) > 1 and loc[-2] in BY_QUARTER))
