"""The Mermaid diagrams of one program page, drawn downwards so that a phone shows them at a legible size: an
overview (sasaran → program → its kegiatan, one under the other), then one diagram per kegiatan with its sub
kegiatan, one under the other."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import with_kode
from ..naming import anchor
from ..tree import Node
from .escape import mermaid_label

# Characters per label line: with Mermaid's 16 px font a node is then about 300 px wide, so a diagram fits a
# 360 px phone's column at its natural size (or shrunk by less than 3/4: its labels stay at 12 px or more).
LABEL_WIDTH = 30

# Each level has a colour and a shape of its own (never colour alone): sasaran a stadium, program a rectangle,
# kegiatan a rounded rectangle, sub kegiatan a rectangle with double sides. The page's legend shows them.
_STYLES = """\
    classDef sasaran fill:#fde7c5,stroke:#8a5a00,color:#1f1f1f
    classDef program fill:#cfe3ff,stroke:#1d4f91,color:#1f1f1f
    classDef kegiatan fill:#d7f0dd,stroke:#1e6b34,color:#1f1f1f
    classDef sub fill:#f3f3f3,stroke:#555555,color:#1f1f1f"""
_SHAPES = {"sasaran": ('(["', '"])'), "program": ('["', '"]'), "kegiatan": ('("', '")'), "sub": ('[["', '"]]')}


@dataclass(frozen=True)
class Diagram:
    """One diagram of a program page: its Mermaid source, its caption (plain text, Indonesian), the page anchor
    each linked node goes to, as (Mermaid node id, anchor) pairs, and the kegiatan it shows (its number; None for
    the program's overview)."""

    source: str
    caption: str
    links: tuple[tuple[str, str], ...]
    kegiatan: int | None = None


def program_page_diagrams(program: Node) -> list[Diagram]:
    """The diagrams of a program page (`program` is the tree's program node): the overview first, then one
    per kegiatan that has sub kegiatan, in source order."""
    return [overview_diagram(program), *(kegiatan_diagram(kegiatan) for kegiatan in program.children
                                         if kegiatan.children)]


def overview_diagram(program: Node) -> Diagram:
    """Sasaran → program → the program's kegiatan, stacked in one column; program and kegiatan link to their
    indicators."""
    sasaran = program.parent
    lines = ["flowchart TB", _node("s", "sasaran", sasaran.item.uraian), _node("p", "program", with_kode(program.item)),
             "    s --> p"]
    links = [("p", anchor(program.position))]
    if program.children:
        ids = [f"k{kegiatan.number}" for kegiatan in program.children]
        lines += _column("kg", "Kegiatan", [_node(node_id, "kegiatan", with_kode(kegiatan.item), str(kegiatan.number))
                                            for node_id, kegiatan in zip(ids, program.children)], ids)
        lines.append("    p --> kg")
        links += [(node_id, anchor(kegiatan.position)) for node_id, kegiatan in zip(ids, program.children)]
    lines.append(_STYLES)
    caption = f"Diagram hierarki {program.item.uraian}: sasaran, program dan kegiatannya"
    return Diagram("\n".join(lines) + "\n", caption, tuple(links))


def kegiatan_diagram(kegiatan: Node) -> Diagram:
    """A kegiatan → its sub kegiatan, stacked in one column; each links to its indicators."""
    number = kegiatan.number
    ids = [f"k{number}s{sub.number}" for sub in kegiatan.children]
    lines = ["flowchart TB", _node(f"k{number}", "kegiatan", with_kode(kegiatan.item), str(number))]
    lines += _column("sk", "Sub kegiatan", [_node(node_id, "sub", with_kode(sub.item), f"{number}.{sub.number}")
                                            for node_id, sub in zip(ids, kegiatan.children)], ids)
    lines += [f"    k{number} --> sk", _STYLES]
    links = [(f"k{number}", anchor(kegiatan.position)),
             *((node_id, anchor(sub.position)) for node_id, sub in zip(ids, kegiatan.children))]
    caption = f"Kegiatan {number} {kegiatan.item.uraian} dan sub kegiatannya"
    return Diagram("\n".join(lines) + "\n", caption, tuple(links), number)


def _node(node_id: str, level: str, text: str, number: str = "") -> str:
    """A node line: the number (if any) and the text, wrapped and escaped; the level's shape and class."""
    opening, closing = _SHAPES[level]
    label = mermaid_label(f"{number} {text}" if number else text, width=LABEL_WIDTH)
    return f"    {node_id}{opening}{label}{closing}:::{level}"


def _column(group_id: str, title: str, nodes: list[str], ids: list[str]) -> list[str]:
    """A titled group holding nodes one under the other: invisible links chain them, so Mermaid stacks them
    instead of setting them side by side."""
    chain = [f"    {above} ~~~ {below}" for above, below in zip(ids, ids[1:])]
    return [f'    subgraph {group_id}["{title}"]', "    direction TB", *nodes, *chain, "    end",
            f"    style {group_id} fill:#ffffff,stroke:#9e9e9e,color:#1f1f1f"]
