"""A task a test worker loads with ``-I tests.integration.probe_tasks``: it reports, from inside a pool child,
which of the given modules that child has loaded and whether it holds the gazetteer index."""
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
    }
