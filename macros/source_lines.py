"""Where each value of a data file is written: its line, kept small enough for the loaded model to carry."""

from __future__ import annotations

from array import array
from collections.abc import Hashable, Iterator, Mapping

from .model import Loc


class SourceLines(Mapping[Loc, int]):
    """The 1-based line of every value written in one file, keyed by its location; parents come first.

    A dict keyed by location tuples costs more than the validated cascade itself (about 240 bytes a
    value); this keeps the YAML tree flattened in source order in three arrays, 12 bytes a value. A
    lookup descends from the root, stepping over whole subtrees of siblings: a few dozen steps.
    Built by `SourceLinesBuilder`; a location the file does not write raises `KeyError`.
    """

    __slots__ = ("_lines", "_ends", "_keys", "_names")

    def __init__(self, lines: array[int], ends: array[int], keys: array[int], names: dict[Hashable, int]):
        self._lines = lines  # line of node i
        self._ends = ends  # index just past node i's subtree: where its next sibling starts
        self._keys = keys  # node i's key in its parent (mapping key or list index), as its number in `_names`
        self._names = names  # every key and index once, numbered in order of first use

    def __getitem__(self, loc: Loc) -> int:
        index = self._find(loc)
        if index is None:
            raise KeyError(loc)
        return self._lines[index]

    def __iter__(self) -> Iterator[Loc]:
        names = list(self._names)
        open_nodes: list[tuple[int, Loc]] = []  # (end, location) of the ancestors of the current node
        for index in range(len(self._lines)):
            while open_nodes and open_nodes[-1][0] <= index:
                open_nodes.pop()
            loc = open_nodes[-1][1] + (names[self._keys[index]],) if open_nodes else ()
            yield loc
            open_nodes.append((self._ends[index], loc))

    def __len__(self) -> int:
        return len(self._lines)

    def _find(self, loc: Loc) -> int | None:
        if not self._lines:
            return None
        index = 0
        for part in loc:
            key = self._names.get(part)
            if key is None:
                return None
            child, end = index + 1, self._ends[index]
            while child < end and self._keys[child] != key:
                child = self._ends[child]
            if child >= end:
                return None
            index = child
        return index


class SourceLinesBuilder:
    """Records a YAML tree node by node, in source order, into one `SourceLines` of value lines and one of key lines.

    Call `add` for every node before its children, and `close` for a mapping or list after its children.
    """

    def __init__(self) -> None:
        self._values = array("I")
        self._key_lines = array("I")
        self._ends = array("I")
        self._keys = array("I")
        self._names: dict[Hashable, int] = {}

    def add(self, key: Hashable, line: int, key_line: int) -> int:
        """Record the value under `key` (None for the root) written at `line`, its key at `key_line`; its index."""
        index = len(self._values)
        self._values.append(line)
        self._key_lines.append(key_line)
        self._ends.append(index + 1)
        self._keys.append(self._names.setdefault(key, len(self._names)))
        return index

    def close(self, index: int) -> None:
        """End the mapping or list `add` returned `index` for: every node added since lies inside it."""
        self._ends[index] = len(self._values)

    def value_lines(self) -> SourceLines:
        """The line each value starts on."""
        return SourceLines(self._values, self._ends, self._keys, self._names)

    def key_lines(self) -> SourceLines:
        """The line of each value's key (the value's own line for list items and the root)."""
        return SourceLines(self._key_lines, self._ends, self._keys, self._names)
