"""The one walk through a cascade: every item and indicator in its place, computed once per cascade.

Pages, downloads, catalogs, the data-quality checks and report, the year comparison and the loader's
checks all read the same `CascadeTree`, so a new field of an item is threaded through here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property

from .capaian_aturan import AturanCapaian
from .kinerja import KinerjaTahun, kinerja_tahun
from .model import Cascade, Indikator, Item, Level, Loc
from .problems import field_path

LEVELS: tuple[Level, ...] = ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")
CHILD_LEVEL: dict[Level, Level] = {"tujuan": "sasaran", "sasaran": "program", "program": "kegiatan",
                                   "kegiatan": "sub_kegiatan"}
# The letters staff number a cascade with: T1.S1.P2.K1.SK2 (tujuan 1, ..., sub kegiatan 2).
POSITION_LETTERS: dict[Level, str] = {"tujuan": "T", "sasaran": "S", "program": "P", "kegiatan": "K", "sub_kegiatan": "SK"}


@dataclass(frozen=True, eq=False)
class Node:
    """An item in its place: level, number among its siblings (from 1), parent, location in the file.

    `siblings` is the list of nodes the item shares a parent with (itself included), the very list that is
    the parent's `children`; `line` is where the item starts in its file (None for a cascade built in code).
    """

    level: Level
    item: Item
    number: int
    parent: Node | None
    loc: Loc
    line: int | None
    siblings: list[Node]
    children: list[Node] = field(default_factory=list)

    @cached_property
    def position(self) -> str:
        """The position path staff use: 'T1.S1.P2.K1'."""
        own = f"{POSITION_LETTERS[self.level]}{self.number}"
        return own if self.parent is None else f"{self.parent.position}.{own}"

    @property
    def field_path(self) -> str:
        """The item's place in the YAML: 'tujuan[0].sasaran[0].program[1]'."""
        return field_path(self.loc)

    @property
    def parents(self) -> tuple[Node, ...]:
        """The items above this one, tujuan first."""
        return () if self.parent is None else (*self.parent.parents, self.parent)

    def ancestor(self, level: Level) -> Node | None:
        """This node or the one above it at `level`, if the item is at or below that level."""
        node: Node | None = self
        while node is not None and node.level != level:
            node = node.parent
        return node

    @property
    def lineage(self) -> dict[Level, Node]:
        """This node and those above it, by level."""
        return {node.level: node for node in (*self.parents, self)}


@dataclass(frozen=True, eq=False)
class IndikatorRow:
    """One indicator with its owner's node and its stable identifier.

    The identifier is the indicator's `kode` when the data gives one, otherwise its position path
    (T1.S1.P2.K1.SK2.I1), the way staff already number a cascade.
    """

    owner: Node
    indikator: Indikator
    number: int
    line: int | None

    @property
    def position(self) -> str:
        return f"{self.owner.position}.I{self.number}"

    @property
    def id(self) -> str:
        return self.indikator.kode or self.position

    @property
    def loc(self) -> Loc:
        return (*self.owner.loc, "indikator", self.number - 1)


@dataclass(frozen=True, eq=False)
class CascadeTree:
    """A cascade walked once: its items parents first in source order, and its indicators in source order."""

    cascade: Cascade
    roots: list[Node]
    nodes: list[Node]
    indikator: list[IndikatorRow]
    # (id of the indicator, year, settings) → (the indicator, its KinerjaTahun): the indicator is kept beside its
    # figure so that an id reused by another object can never be taken for it.
    _kinerja: dict[tuple[int, int, AturanCapaian], tuple[Indikator, KinerjaTahun]] = field(
        default_factory=dict, init=False, repr=False)

    def __getstate__(self) -> dict[str, object]:
        # Its lookups are keyed by the ids of this process's objects, which are others once unpickled (a first build
        # makes pages in other processes): they are worked out again there.
        return {**{one.name: getattr(self, one.name) for one in fields(self)}, "_kinerja": {}}

    def at(self, level: Level) -> list[Node]:
        """The items of one level, in source order."""
        return [node for node in self.nodes if node.level == level]

    @cached_property
    def programs(self) -> list[Node]:
        return self.at("program")

    @property
    def levels(self) -> tuple[Level, ...]:
        """The levels this cascade has, top first: all five, or from sasaran down for a document without tujuan."""
        return LEVELS if self.cascade.tujuan is not None else LEVELS[1:]

    @cached_property
    def _rows_by_owner(self) -> dict[int, list[IndikatorRow]]:
        rows: dict[int, list[IndikatorRow]] = {}
        for row in self.indikator:
            rows.setdefault(id(row.owner), []).append(row)
        return rows

    def rows_of(self, node: Node) -> list[IndikatorRow]:
        """The indicators of one item, in source order."""
        return self._rows_by_owner.get(id(node), [])

    def kinerja(self, indikator: Indikator, tahun: int, aturan: AturanCapaian) -> KinerjaTahun:
        """`macros.kinerja.kinerja_tahun` of one of this cascade's indicators, computed once per year and
        settings: the overview, program page, catalog, downloads and indicator page all show the same figure."""
        key = (id(indikator), tahun, aturan)
        found = self._kinerja.get(key)
        if found is None or found[0] is not indikator:
            found = self._kinerja[key] = (indikator, kinerja_tahun(indikator, tahun, aturan))
        return found[1]

    @cached_property
    def _by_loc(self) -> dict[Loc, Node | IndikatorRow]:
        return {**{node.loc: node for node in self.nodes}, **{row.loc: row for row in self.indikator}}

    def find(self, loc: Loc) -> Node | IndikatorRow | None:
        """The deepest item or indicator that holds the field at `loc` (None for the cascade's own fields)."""
        for end in range(len(loc), 0, -1):
            found = self._by_loc.get(loc[:end])
            if found is not None:
                return found
        return None


def walk(cascade: Cascade, lines: Mapping[Loc, int] | None = None) -> CascadeTree:
    """Walk a cascade once; `lines` gives the line of each location written in its file, if known."""
    lines = lines or {}
    nodes: list[Node] = []
    rows: list[IndikatorRow] = []

    def visit(level: Level, items: list[Item], parent: Node | None, loc: Loc, siblings: list[Node]) -> None:
        for index, item in enumerate(items):
            here = (*loc, index)
            node = Node(level, item, index + 1, parent, here, lines.get(here), siblings)
            siblings.append(node)
            nodes.append(node)
            rows.extend(IndikatorRow(node, ind, n, lines.get((*here, "indikator", n - 1)))
                        for n, ind in enumerate(item.indikator, 1))
            child = CHILD_LEVEL.get(level)
            if child is not None:
                visit(child, getattr(item, child), node, (*here, child), node.children)

    roots: list[Node] = []
    # A document without tujuan (an IKU list) starts at its sasaran: positions 'S1.P2', never an invented 'T1'.
    top: Level = "tujuan" if cascade.tujuan is not None else "sasaran"
    visit(top, list(cascade.top), None, (top,), roots)
    return CascadeTree(cascade, roots, nodes, rows)
