"""A cascade drafted from a spreadsheet → the text of a data file, with YAML comments where the import guessed.

Every scalar is written by PyYAML's emitter (quoted wherever YAML would read it as something else), never
by formatting text into YAML; only the indentation, the keys (fixed field names) and the comment lines are
put together here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Union

import yaml

# A mapping is written one key per line, each value on its line: a year's text (`pagu`, `target`), a year's
# quarters (`target_triwulan`), or the settings of `capaian:` as YAML flow collections. A list holds mappings
# (`indikator`, `program`) or texts (an item's several `sasaran`), one per line.
Value = Union[str, int, bool, dict[int, str], dict[int, dict[str, str]], dict[str, object], list["Draft"],
              list[str]]
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/cascade.schema.json"
# YAML 1.1 ends a comment at any of these; a comment must stay one line.
_LINE_BREAKS = re.compile(r"[\r\n\x85\u2028\u2029]+")


@dataclass
class Draft:
    """A mapping of the data file being drafted: its fields in writing order, and comments above some of them."""

    fields: dict[str, Value] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)
    # Keys in the order they were set or noted: a note about a field left out stays where the field would be.
    order: list[str] = field(default_factory=list)

    def set(self, key: str, value: Value, note: str | None = None) -> None:
        self.fields[key] = value
        self._place(key)
        if note:
            self.note(key, note)

    def note(self, key: str, text: str) -> None:
        """A comment line written above `key` (which need not be set: a note about a field left out)."""
        self.notes.setdefault(key, []).append(text)
        self._place(key)

    def _place(self, key: str) -> None:
        if key not in self.order:
            self.order.append(key)


def scalar(value: str | int | bool) -> str:
    """One scalar as YAML writes it, on one line: plain where that reads back as the same text, quoted otherwise."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    style = '"' if _LINE_BREAKS.search(value) or not value.isprintable() else None
    dumped = yaml.dump(value, allow_unicode=True, default_style=style, width=float("inf"))
    return dumped.removesuffix("\n...\n").rstrip("\n")


def _inline(value: object) -> str:
    """A value on the rest of one line: a scalar, or a collection in YAML's flow style, by PyYAML's emitter."""
    if isinstance(value, (str, int)):
        return scalar(value)
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=float("inf"), sort_keys=False).strip()


def comment(text: str) -> str:
    return "# " + _LINE_BREAKS.sub(" ", text).strip()


def render_yaml(root: Draft, header: list[str]) -> str:
    """The data file's text: the schema line, the header comments, then the drafted cascade."""
    lines = [SCHEMA_LINE, *(comment(text) for text in header)]
    _mapping(root, 0, lines, first_prefix="")
    return "\n".join(lines) + "\n"


def _mapping(draft: Draft, indent: int, lines: list[str], first_prefix: str) -> None:
    pad = " " * indent
    keys = list(dict.fromkeys([*draft.order, *draft.fields, *draft.notes]))
    for number, key in enumerate(keys):
        # The first key of a list item shares the '- ' line; its notes go above the item.
        prefix = first_prefix if number == 0 else pad
        note_pad = first_prefix[:-2] if number == 0 and first_prefix else pad
        lines.extend(note_pad + comment(text) for text in draft.notes.get(key, []))
        if key not in draft.fields:
            continue
        value = draft.fields[key]
        if isinstance(value, (list, dict)) and not value:
            continue  # an empty list or mapping is left out, as the data files leave it out
        if isinstance(value, list):
            lines.append(f"{prefix}{key}:")
            for item in value:
                if isinstance(item, str):
                    lines.append(f"{pad}  - {scalar(item)}")
                else:
                    _mapping(item, indent + 4, lines, first_prefix=" " * (indent + 2) + "- ")
        elif isinstance(value, dict):
            lines.append(f"{prefix}{key}:")
            lines.extend(f"{pad}  {scalar(name)}: {_inline(inner)}" for name, inner in value.items())
        else:
            lines.append(f"{prefix}{key}: {scalar(value)}")
