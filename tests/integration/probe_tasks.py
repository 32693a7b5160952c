"""A task a test worker loads with ``-I tests.integration.probe_tasks``: it reports, from inside a pool child,
which of the given modules that child has loaded and the gazetteer index it holds (built by the main
process before the fork, not by this task)."""
from __future__ import annotations

import os
import sys

from celery import shared_task


@shared_task(name="tests.probe.loaded")
def loaded(modules: list[str]) -> dict:
    from feeds.analysis import gazetteer_index

    return {
        "pid": os.getpid(),
        "loaded": sorted(m for m in modules if m in sys.modules),
        "index_built": gazetteer_index._index is not None,
        "index_signature": repr(gazetteer_index._index.signature) if gazetteer_index._index is not None else None,
    }
