"""Python's cyclic garbage collector paused while a fetch reads and stores its entries.

A 1,000-entry fetch allocates about a million objects (entries, their texts, analyses, rows), which set off
some 70 young-generation collections and a full one: 16 ms of a 0.6 s fetch (bench/RESULTS.md), spent
finding no cycles, since what a fetch makes is freed by reference counting as soon as it is done with. The
collector runs again, as before, once the block ends; whatever cycles the fetch did make are collected then.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the collector for the block, and restore it as it was (left off if it was off), error or not."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
