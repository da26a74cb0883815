"""One YAML data file → plain Python data and the line of every value, read safely.

Safely: no alias is expanded, no tag constructs an object, nesting is bounded and duplicate keys and anchors (which
YAML would drop from the text) are refused; each refusal is a `Problem` at the line where it is written.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from typing import Any

import yaml

from .model import Loc
from .problems import CascadeError, Problem, field_path
from .source_lines import SourceLines, SourceLinesBuilder
from .yaml_messages import anchor_problem, parse_error
from .yaml_braces import brace_slip
from .yaml_scalars import structural_fields, text_scalar, typed_scalar

MAX_DEPTH = 60

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

# What could be an anchor ('&name' where a value starts: the line's start, after a space, '[', '{', ',' or ':'); a
# name's '&' between words ('Sarana & Prasarana', 'R&D') cannot be.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,:])&[^\s,\[\]{}]", re.M)

_TOO_DEEP = (f"YAML tidak valid: isi berkas bersarang lebih dari {MAX_DEPTH} tingkat; "
             "periksa tanda '[' dan '{' yang tidak ditutup")


class _Loader(yaml.SafeLoader):
    """SafeLoader that composes each alias as a placeholder at the alias's own position.

    Nothing is expanded, so a "billion laughs" file costs no more than its size, and each alias is
    reported where it is written rather than where its anchor is.
    """

    depth = 0

    def __init__(self, stream: str):
        super().__init__(stream)
        # Each anchor (&name) as the event it opens and whether that is a mapping's key: YAML drops it from the
        # value, so '&Laporan BPS' would load as 'BPS'. And the names aliases (*name) refer to.
        self.anchors_written: list[tuple[yaml.NodeEvent, bool]] = []
        self.aliased: set[str] = set()

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()
            self.aliased.add(event.anchor)
            return yaml.ScalarNode(_ALIAS_TAG, event.anchor, event.start_mark, event.end_mark)
        event = self.peek_event()
        if getattr(event, "anchor", None) is not None:
            # The composer asks for a mapping's key with no index, for its value with the key.
            self.anchors_written.append((event, isinstance(parent, yaml.MappingNode) and index is None))
        # A cascade nests about a dozen levels; stop a bracket bomb long before Python's recursion limit.
        if self.depth >= MAX_DEPTH:
            raise _TooDeep(event.start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _TooDeep(Exception):
    def __init__(self, mark: yaml.Mark):
        self.mark = mark


@dataclass(frozen=True)
class ParsedYaml:
    """Plain Python data from a YAML document, with the line of every value and of every mapping key."""

    data: Any
    lines: SourceLines
    key_lines: SourceLines
    # Problems found while parsing (duplicate keys, aliases, tags): reported together with validation's.
    problems: list[Problem]


def decode(raw: bytes, shown: str) -> str:
    """The file's bytes as text (UTF-8, with or without BOM); `CascadeError` at the first byte that is not."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise CascadeError([Problem(shown, "berkas bukan teks UTF-8 (simpan ulang sebagai UTF-8); "
                                    f"byte 0x{raw[error.start]:02x} tidak dikenali", line, column)]) from None


def parse_yaml(text: str, shown: str) -> ParsedYaml:
    """Parse one YAML document safely into plain data plus lines; refuse aliases, tags and duplicate keys.

    Raises `CascadeError` when the text is not one well-formed YAML document; refused aliases, tags and
    keys are returned in `problems` instead, so validation can report its own problems beside them.
    """
    loader: _Loader | None = None
    try:
        root = _compose_fast(text)
        if root is None:
            loader = _Loader(text)
            root = loader.get_single_node()
    except yaml.YAMLError as error:
        raise CascadeError([parse_error(error, text, shown)]) from None
    except _TooDeep as error:
        raise CascadeError([Problem(shown, _TOO_DEEP, error.mark.line + 1, error.mark.column + 1)]) from None
    except RecursionError:
        raise CascadeError([Problem(shown, _TOO_DEEP)]) from None
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:
        raise CascadeError([Problem(shown, "berkas kosong: tidak ada data cascade")])
    reader = _Reader(text, shown, structural_fields(), SourceLinesBuilder(), [])
    try:
        data = reader.to_python(root, (), root.start_mark.line + 1, text=False)
    except RecursionError:
        raise CascadeError([Problem(shown, _TOO_DEEP)]) from None
    lines, problems = reader.lines, reader.problems
    # An anchor that aliases use is named by the aliases' message; alone it would silently drop text.
    if loader is not None:
        problems += [anchor_problem(event, on_key, text, shown) for event, on_key in loader.anchors_written
                     if event.anchor not in loader.aliased]
    return ParsedYaml(data, lines.value_lines(), lines.key_lines(), _summarise_aliases(problems, shown))


def _compose_fast(text: str) -> yaml.Node | None:
    """The document composed by libyaml (several times faster), or None when only `_Loader` may read it.

    None for a document with an error or an alias (libyaml shares the aliased node): `_Loader` then composes
    it again and reports its problems exactly as without this shortcut.
    """
    loader = getattr(yaml, "CSafeLoader", None)
    # libyaml drops anchors without a trace: only `_Loader` reports them.
    if loader is None or _MAYBE_ANCHOR.search(text):
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


@dataclass
class _Reader:
    """One document's nodes → plain data, noting lines, remarks and problems as it goes."""

    source: str
    shown: str
    structural: frozenset[str]
    lines: SourceLinesBuilder
    problems: list[Problem]

    def to_python(self, node: yaml.Node, loc: Loc, key_line: int, *, text: bool) -> Any:
        """`text`: the node is (inside) a text or value field, whose scalars are the characters typed."""
        lines, problems, shown = self.lines, self.problems, self.shown
        line = node.start_mark.line + 1
        index = lines.add(loc[-1] if loc else None, line, key_line)
        if node.tag == _ALIAS_TAG:
            problems.append(Problem(shown, f"alias YAML '*{node.value}' tidak diizinkan; tulis isinya secara lengkap",
                                    line, field=field_path(loc) or None))
            return None
        if node.tag not in _SAFE_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            problems.append(Problem(shown, f"tag YAML '{tag}' tidak diizinkan; tulis nilai biasa tanpa tanda '!'",
                                    line, field=field_path(loc) or None))
            return None
        if isinstance(node, yaml.MappingNode):
            result = self._mapping(node, loc, text=text)
            lines.close(index)
            return result
        if isinstance(node, yaml.SequenceNode):
            items = [self.to_python(item, loc + (i,), item.start_mark.line + 1, text=text)
                     for i, item in enumerate(node.value)]
            lines.close(index)
            return items
        if text:
            return text_scalar(node, loc, self.source, lines, problems, shown)
        return typed_scalar(node)

    def _mapping(self, node: yaml.MappingNode, loc: Loc, *, text: bool) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        restarted = False  # the keys read are those of the next item, its '- ' left out
        rest_of_previous = 0  # the entries before this index belong to a slip already named
        for index, (key_node, value_node) in enumerate(node.value):
            simple = isinstance(key_node, yaml.ScalarNode) and key_node.tag in _SAFE_TAGS
            key = typed_scalar(key_node) if simple else None
            key_line = key_node.start_mark.line + 1
            if key is None or isinstance(key, (list, dict)):
                self.problems.append(Problem(self.shown, "kunci harus berupa teks sederhana", key_line,
                                             field=field_path(loc) or None))
                continue
            if index < rest_of_previous:
                continue
            if text and node.flow_style:
                taken, slip = brace_slip(self.source, self.shown, node.value, index, loc)
                if slip is not None:
                    self.problems.append(slip)
                    rest_of_previous = index + taken
                    continue
            if key in first_line and self._new_item_without_dash(node, index, loc):
                # The item's keys all over again: the next item of the list, its '- ' left out. Its keys are the next
                # item's, not this one's written twice: one message, and no advice to delete any of them.
                self.problems.append(Problem(
                    self.shown, f"kunci '{key}' ditulis lagi (pertama di baris {first_line[key]}), seperti awal "
                                f"butir baru: bila ini butir berikutnya, tulis '- ' di depan '{key}', sejajar dengan "
                                f"'- ' di baris {node.start_mark.line + 1}; bila bukan, hapus salah satunya", key_line,
                    field=field_path(loc + (key,))))
                first_line, restarted = {key: key_line}, True
                continue
            if key in first_line:
                self.problems.append(Problem(self.shown, f"kunci '{key}' ditulis dua kali (pertama di baris "
                                             f"{first_line[key]}); hapus salah satunya", key_line,
                                             field=field_path(loc + (key,))))
                continue
            first_line[key] = key_line
            if restarted:
                continue
            # A field's kind comes from its name; a year key (target: {2024: ...}) keeps its field's kind.
            value_is_text = text if not isinstance(key, str) else key not in self.structural
            result[key] = self.to_python(value_node, loc + (key,), key_line, text=value_is_text)
        return result

    @staticmethod
    def _new_item_without_dash(node: yaml.MappingNode, index: int, loc: Loc) -> bool:
        """Whether the key at `index` of a list item's block mapping starts the item again: it is the item's first
        key and the one before it is not (the next item's keys, typed without its '- ')."""
        if node.flow_style or not loc or not isinstance(loc[-1], int):
            return False
        first, key, before = (node.value[i][0] for i in (0, index, index - 1))
        return all(isinstance(k, yaml.ScalarNode) for k in (first, key, before)) and key.value == first.value \
            and before.value != first.value and key.start_mark.column == first.start_mark.column
