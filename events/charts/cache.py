"""Chart results cached per filter and per state of the data.

Aggregating 100,000 events for a map or a timeline takes most of a second; the answer only changes
when events change. Charts the chart summary answers are read from it instead (events/charts/summary.py);
the others are cached here, keyed on their filters and on a *data version*: one cheap query over the
tables the charts read (the summary's version, newest change to an event or a case, newest
involvement or source). Publishing, editing or deleting an event changes the version at once, in every
process, because it is read from the database, not from the cache. Edits that touch neither
(renaming a source in place) are picked up when the entry expires (CHARTS_CACHE_SECONDS).
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from events.charts.base import Chart, filter_params

T = TypeVar("T")

# The tally version goes up with every change to what a published event counts for (publishing,
# retracting, deleting, a new date, kind or jurisdiction: events/tallies.py); the newest ``updated``
# catches the other edits (a title a search finds). Each is one index or one-row read, where the
# count of every event this replaces took longer the more events there were.
_VERSION_SQL = """
SELECT (SELECT max(version) FROM events_tallyversion WHERE tally = ''), (SELECT max(updated) FROM events_event),
       (SELECT max(updated) FROM events_case), (SELECT max(id) FROM events_eventjurisdiction),
       (SELECT max(id) FROM events_source)
"""


def data_version() -> str:
    """What the charts depend on, in one query."""
    with connection.cursor() as cursor:
        cursor.execute(_VERSION_SQL)
        row = cursor.fetchone()
    return hashlib.sha256(repr(row).encode()).hexdigest()[:16]


class ChartCache:
    """Look-ups for one request: the data version is read once, however many charts the page draws."""

    def __init__(self, query: Mapping | None):
        params = filter_params(query)
        canonical = "&".join(f"{k}={v}" for k in sorted(params) for v in sorted(params.getlist(k)))
        self.filters_key = hashlib.sha256(canonical.encode()).hexdigest()[:24]
        self._version: str | None = None

    def get(self, name: str, build: Callable[[], T]) -> T:
        seconds = cache_seconds()
        if not seconds:
            return build()
        if self._version is None:
            self._version = data_version()
        return get_or_build(f"charts:{name}:{self._version}:{self.filters_key}", build, seconds)


def cache_seconds() -> int:
    """How long a chart's answer is kept (CHARTS_CACHE_SECONDS); 0 for not at all."""
    return getattr(settings, "CHARTS_CACHE_SECONDS", 600)


def get_or_build(key: str, build: Callable[[], T], seconds: int) -> T:
    """The cached answer under ``key``, else ``build()``'s, kept for ``seconds``. A chart learns its key,
    so that its drawn HTML can be cached beside it (tracker/templatetags/event_charts.py)."""
    value = cache.get(key)
    if value is None:
        value = build()
        if isinstance(value, Chart):
            value.cache_key = key
        cache.set(key, value, seconds)
    return value
