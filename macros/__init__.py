"""Kinerja cascade: load, validate and render SAKIP cascades; `define_env` serves mkdocs-macros."""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    """Macros for the hand-written pages. Data reaches them already escaped, never as template text."""
    from .render.pages import render_cascade_list

    @env.macro
    def daftar_cascade() -> str:
        """The list of perangkat daerah and their years, linked to their pages."""
        return render_cascade_list(env.conf.extra["cascades"])

    @env.macro
    def glosarium() -> str:
        """The glossary entries, from the same definitions the indicator tables explain their terms with."""
        from .glossary import render_glossary

        return render_glossary()
