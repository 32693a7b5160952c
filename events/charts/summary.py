"""The charts and counts read from the chart summary (events/models/tally.py) instead of counted over
the events, for the filters the summary can answer; the same chart functions draw them, so a chart
is identical whichever way its numbers came (tests/events/test_chart_summary_matches.py).

Which filters each answer can take:

- the timeline, the headline counts by kind and the list's count: any kinds and date range;
- the map and the number of jurisdictions involved: kinds only;
- anything else (a search, a state, an agency…) is counted over the events as before, cached on the
  data version (events/charts/cache.py).

Reading the summary costs one to three small queries (a few thousand rows at most); the charts drawn
from it are cached on the summary's version, so a change costs the next request a read of the
summary, not a count of every event.
"""
from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, Sum
from django.db.models.functions import TruncMonth

from events.charts.base import Chart, event_ids, filter_params
from events.charts.headline import HeadlineCounts, headline_from, open_cases_count
from events.charts.timeline import MONTHLY_PRECISIONS, timeline_chart
from events.charts.usmap import POINT_FIELDS, POINT_ORDER, map_chart
from events.choices import DatePrecision
from events.models import DayTally, Event, JurisdictionTally, StateTally, TallyVersion
from jurisdictions.choices import STATE_LEVEL_KINDS

DATE_FILTERS = frozenset({"kind", "date_from", "date_to"})
KIND_FILTERS = frozenset({"kind"})
# What each answer needs the filters to be within.
ANSWERS = {"timeline": DATE_FILTERS, "count": DATE_FILTERS, "map": KIND_FILTERS, "headline": KIND_FILTERS}


@dataclass(frozen=True)
class Summary:
    """The summary under some filters: kinds (empty for all) and a date range."""

    kinds: tuple[str, ...] = ()
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    used: frozenset[str] = frozenset()

    @classmethod
    def for_filters(cls, cleaned: Mapping) -> Summary:
        """From a valid FilterSet's ``cleaned_data``; ``used`` names the filters in use."""
        used = frozenset(
            name for name, value in cleaned.items() if name != "sort" and value not in (None, "", [], False)
        )
        return cls(tuple(sorted(cleaned.get("kind") or ())), cleaned.get("date_from"), cleaned.get("date_to"), used)

    def answers(self, name: str) -> bool:
        return self.used <= ANSWERS[name]

    # -- readers ---------------------------------------------------------------------------------------

    def _days(self):
        rows = DayTally.objects.all()
        if self.kinds:
            rows = rows.filter(kind__in=self.kinds)
        if self.date_from or self.date_to:
            # A date filter leaves out undated events, as ``date >= …`` does on the events themselves.
            rows = rows.exclude(date_precision=DatePrecision.UNKNOWN)
            if self.date_from:
                rows = rows.filter(day__gte=self.date_from)
            if self.date_to:
                rows = rows.filter(day__lte=self.date_to)
        return rows.order_by()

    def count(self) -> int:
        return self._days().aggregate(n=Sum("n"))["n"] or 0

    def timeline(self, query: Mapping | None = None) -> Chart:
        days = self._days()
        counts = days.aggregate(
            total=Sum("n"),
            undated=Sum("n", filter=Q(date_precision=DatePrecision.UNKNOWN)),
            year_only=Sum("n", filter=Q(date_precision=DatePrecision.YEAR)),
        )
        counts = {key: value or 0 for key, value in counts.items()}
        per_month = (
            days.filter(date_precision__in=MONTHLY_PRECISIONS)
            .annotate(month=TruncMonth("day"))
            .values_list("month", "kind")
            .annotate(total=Sum("n"))
            .order_by("month", "kind")
        )
        return timeline_chart(counts, per_month, query)

    def map(self, query: Mapping | None = None, max_points: int | None = None) -> Chart:
        states = StateTally.objects.order_by()
        places = JurisdictionTally.objects.order_by()
        if self.kinds:
            states, places = states.filter(kind__in=self.kinds), places.filter(kind__in=self.kinds)
        per_state = dict(states.values_list("state").annotate(total=Sum("n")))
        points = (
            places.exclude(jurisdiction__kind__in=STATE_LEVEL_KINDS)
            .values_list(*POINT_FIELDS)
            .annotate(n=Sum("n"))
            .order_by(*POINT_ORDER)
        )
        return map_chart(per_state, points, max_points=max_points)

    def headline(self) -> HeadlineCounts:
        days = DayTally.objects.order_by()
        places = JurisdictionTally.objects.order_by()
        events = Event.objects.published()
        if self.kinds:
            days, places, events = (days.filter(kind__in=self.kinds), places.filter(kind__in=self.kinds),
                                    events.filter(kind__in=self.kinds))
        per_kind = dict(days.values_list("kind").annotate(total=Sum("n")))
        jurisdictions = places.values("jurisdiction").distinct().count()
        return headline_from(per_kind, jurisdictions, open_cases_count(event_ids(events)))

    def chart(self, name: str, query: Mapping | None = None) -> Chart:
        return self.cached(name, lambda: {"timeline": self.timeline, "map": self.map}[name](query), query)

    def home_map(self, max_points: int) -> Chart:
        """The dashboard's map: every state shaded, the ``max_points`` busiest places drawn."""
        return self.cached(f"map-home-{max_points}", lambda: self.map(None, max_points=max_points))

    def cached(self, name: str, build, query: Mapping | None = None):
        """``build()``, kept in the cache until the summary changes: drawing a busy map takes longer
        than reading its numbers. The key is the summary's version (one row), so after a change the
        first request reads the summary again: a few small queries, never a count of every event."""
        seconds = getattr(settings, "CHARTS_CACHE_SECONDS", 600)
        if not seconds:
            return build()
        version = TallyVersion.objects.values_list("version", flat=True).first()
        canonical = repr((self.kinds, self.date_from, self.date_to, sorted(filter_params(query).lists())))
        key = f"charts:summary:{name}:{version}:{hashlib.sha256(canonical.encode()).hexdigest()[:24]}"
        value = cache.get(key)
        if value is None:
            value = build()
            cache.set(key, value, seconds)
        return value


def summary_for(filterset) -> Summary | None:
    """The summary for a valid FilterSet, or None for an invalid one."""
    if not filterset.is_valid():
        return None
    return Summary.for_filters(filterset.form.cleaned_data)
