"""Worker processes for the build's steps that run on every core (diagrams, charts, pages, parses)."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def spawned_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` processes, each started afresh (spawned), never forked: the build runs threads (the
    diagrams' Chromium behind Playwright's driver, `mkdocs serve`'s server) that a fork would copy mid-step. A
    worker takes a second or two to start (Python, this package, its templates)."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
