"""Mistakes in the data files as staff read them: `Problem` (file:line field: message) and `CascadeError`; and
how a build's note for staff begins (`NOTICE`).

Every step of loading (reading the YAML, validating it, the checks across files) reports through these,
so a message names its place the same way whichever step found it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Loc

# How a build's note for staff starts (an INFO line: a note is no reason for a strict build to fail), so that
# `make build` shows it among the progress lines it leaves out.
NOTICE = "Catatan: "


@dataclass(frozen=True)
class Problem:
    """One mistake in a data file, located as precisely as the file allows (1-based line and column)."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None and self.field is None:
                where += f":{self.column}"
        text = f"{where} {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        # A lone surrogate (from a "\ud800" escape in the data) cannot be printed: show it as an escape.
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


class CascadeError(Exception):
    """The data files hold mistakes; `problems` lists every one found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))

    def report(self, advice: str) -> str:
        """What staff read: how many problems, what to do, then one indented line per problem."""
        listing = "\n".join(f"  {problem}" for problem in self.problems)
        return f"Data cascade berisi {len(self.problems)} kesalahan; {advice}:\n{listing}"


def field_path(loc: Loc) -> str:
    """A location as messages name it: ('tujuan', 0, 'indikator') → 'tujuan[0].indikator'; () → ''. A character of a
    key that would not show (a zero-width space, a control character) is written as its escape ('sat\\u200buan')."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)
