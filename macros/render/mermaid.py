"""The Mermaid hierarchy diagram of one program: Sasaran → Program → Kegiatan → Sub Kegiatan."""

from __future__ import annotations

from ..model import Program, Sasaran
from .escape import mermaid_label

_STYLES = """\
    classDef sasaran fill:#fde7c5,stroke:#8a5a00,color:#1f1f1f
    classDef program fill:#cfe3ff,stroke:#1d4f91,color:#1f1f1f
    classDef kegiatan fill:#d7f0dd,stroke:#1e6b34,color:#1f1f1f
    classDef sub fill:#f3f3f3,stroke:#555555,color:#1f1f1f"""


def program_diagram(sasaran: Sasaran, program: Program) -> str:
    """Mermaid flowchart source of a program's hierarchy, one node per item; each label is a heading and the
    item's text, escaped once for Mermaid by `mermaid_label`."""
    lines = [
        "flowchart LR",
        f'    s["{_label("SASARAN", sasaran.uraian)}"]:::sasaran',
        f'    p["{_label("PROGRAM", program.uraian)}"]:::program',
        "    s --> p",
    ]
    for ki, kegiatan in enumerate(program.kegiatan, 1):
        lines.append(f'    k{ki}["{_label(f"KEGIATAN {ki}", kegiatan.uraian)}"]:::kegiatan')
        lines.append(f"    p --> k{ki}")
        for si, sub in enumerate(kegiatan.sub_kegiatan, 1):
            lines.append(f'    k{ki}s{si}["{_label(f"SUB KEGIATAN {ki}.{si}", sub.uraian)}"]:::sub')
            lines.append(f"    k{ki} --> k{ki}s{si}")
    lines.append(_STYLES)
    return "\n".join(lines) + "\n"


def _label(heading: str, text: str) -> str:
    return f"{mermaid_label(heading)}<br/>{mermaid_label(text)}"
