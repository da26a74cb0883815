"""What changed in a perangkat daerah's cascade from one year to the next (pure functions, no MkDocs).

Items are matched by normalised name within the same parent (programs across the whole cascade, since a
program may move to another sasaran). An unmatched pair at the same position with a similar name
(difflib ratio ≥ 0.6) is the same item reworded; an indicator with the same uraian but another
formulasi, tipe penghitungan, polaritas or sumber data is changed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from .model import LEVEL_LABELS, CascadeFile, Indikator
from .tree import CHILD_LEVEL, CascadeTree, Node

SIMILAR = 0.6
INDIKATOR_FIELDS = ("formulasi", "tipe_penghitungan", "polaritas", "sumber_data", "satuan")
Kind = Literal["ditambah", "dihapus", "diubah"]
ComparedLevel = Literal["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan", "indikator"]


@dataclass(frozen=True)
class Change:
    """One difference: `uraian` is the newer name (the older one for a removal), `before` the older name if reworded."""

    kind: Kind
    level: ComparedLevel
    uraian: str
    parent: str
    before: str | None = None
    fields: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class YearComparison:
    """The changes between two consecutive years of one perangkat daerah."""

    before: int
    after: int
    changes: list[Change]

    def count(self, kind: Kind) -> int:
        return sum(1 for change in self.changes if change.kind == kind)


def normalise(name: str) -> str:
    """A name as compared: case, punctuation and spacing ignored ('Kab./Kota' = 'kab kota')."""
    return " ".join(re.findall(r"\w+", name.casefold()))


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, normalise(a), normalise(b), autojunk=False).ratio()


def match_items(old: Sequence[str], new: Sequence[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(same, reworded) index pairs of two lists of names; indices in neither are removed or added.

    Same: equal normalised names. Reworded: of the rest, pairs at the same position in the parent, then
    pairs at the same position among the unmatched, whose names are similar.
    """
    by_name: dict[str, list[int]] = {}
    for j, name in enumerate(new):
        by_name.setdefault(normalise(name), []).append(j)
    same: list[tuple[int, int]] = []
    for i, name in enumerate(old):
        candidates = by_name.get(normalise(name))
        if candidates:
            same.append((i, candidates.pop(0)))
    old_left = [i for i in range(len(old)) if i not in {i for i, _ in same}]
    new_left = [j for j in range(len(new)) if j not in {j for _, j in same}]
    reworded = [(i, i) for i in old_left if i in new_left and similarity(old[i], new[i]) >= SIMILAR]
    old_left = [i for i in old_left if i not in {i for i, _ in reworded}]
    new_left = [j for j in new_left if j not in {j for _, j in reworded}]
    reworded += [(i, j) for i, j in zip(old_left, new_left) if similarity(old[i], new[j]) >= SIMILAR]
    return same, sorted(reworded)


def _compare_items(level: str, old: list[Node], new: list[Node], parent: str) -> Iterator[Change]:
    same, reworded = match_items([o.item.uraian for o in old], [n.item.uraian for n in new])
    for i, j in same + reworded:
        if (i, j) in reworded:
            yield Change("diubah", level, new[j].item.uraian, parent, before=old[i].item.uraian)  # type: ignore[arg-type]
        yield from _compare_item(level, old[i], new[j], parent)
    for i in sorted(set(range(len(old))) - {i for i, _ in same + reworded}):
        yield Change("dihapus", level, old[i].item.uraian, parent)  # type: ignore[arg-type]
    for j in sorted(set(range(len(new))) - {j for _, j in same + reworded}):
        yield Change("ditambah", level, new[j].item.uraian, parent)  # type: ignore[arg-type]


def _compare_item(level: str, old: Node, new: Node, parent: str) -> Iterator[Change]:
    """An item's indicators and children, once the item itself is matched."""
    label = LEVEL_LABELS[level]
    uraian = new.item.uraian
    here = uraian if normalise(uraian).startswith(label.lower()) else f"{label} {uraian}"
    place = f"{parent} › {here}" if parent else here
    yield from compare_indikator(old.item.indikator, new.item.indikator, place)
    # A sasaran's programs are compared across the whole cascade (compare_cascades): a program may move.
    if level != "sasaran" and level in CHILD_LEVEL:
        yield from _compare_items(CHILD_LEVEL[level], old.children, new.children, place)


def compare_indikator(old: Sequence[Indikator], new: Sequence[Indikator], parent: str) -> Iterator[Change]:
    """Indicators added, removed, reworded, or kept with another formulasi, tipe, polaritas or sumber data."""
    same, reworded = match_items([o.uraian for o in old], [n.uraian for n in new])
    for i, j in same + reworded:
        fields = tuple((field, getattr(old[i], field) or "", getattr(new[j], field) or "")
                       for field in INDIKATOR_FIELDS if getattr(old[i], field) != getattr(new[j], field))
        if (i, j) in reworded or fields:
            before = old[i].uraian if (i, j) in reworded else None
            yield Change("diubah", "indikator", new[j].uraian, parent, before=before, fields=fields)
    for i in sorted(set(range(len(old))) - {i for i, _ in same + reworded}):
        yield Change("dihapus", "indikator", old[i].uraian, parent)
    for j in sorted(set(range(len(new))) - {j for _, j in same + reworded}):
        yield Change("ditambah", "indikator", new[j].uraian, parent)


def compare_cascades(old: CascadeTree, new: CascadeTree) -> list[Change]:
    """Every difference from `old` to `new`: tujuan and sasaran, programs, kegiatan, sub kegiatan, indicators."""
    if old.levels == new.levels:
        changes = list(_compare_items(old.levels[0], old.roots, new.roots, ""))
    else:
        # One year lists tujuan and the other starts at sasaran (an IKU list): the tujuan were added or removed,
        # and the sasaran are compared across the whole cascade.
        changes = list(_compare_items("tujuan", old.at("tujuan"), new.at("tujuan"), ""))
        changes += _compare_items("sasaran", old.at("sasaran"), new.at("sasaran"), "")
    changes += _compare_items("program", old.programs, new.programs, "")
    return changes


def compare_years(files: list[CascadeFile]) -> list[YearComparison]:
    """One perangkat daerah's consecutive years compared, newest pair first."""
    # A period file (a Renstra) is not one of the years compared.
    ordered = sorted((cf for cf in files if not cf.is_periode), key=lambda cf: cf.tahun)
    return [YearComparison(a.tahun, b.tahun, compare_cascades(a.tree, b.tree))
            for a, b in reversed(list(zip(ordered, ordered[1:])))]
