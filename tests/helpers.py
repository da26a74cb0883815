"""Helpers shared by the test modules."""

from __future__ import annotations

from macros.model import Program
from macros.tree import IndikatorRow, Node


def program_of(entry: Node | IndikatorRow) -> Program | None:
    """The program an item or indicator belongs to (None above program level)."""
    node = entry.owner if isinstance(entry, IndikatorRow) else entry
    program = node.ancestor("program")
    return None if program is None else program.item
