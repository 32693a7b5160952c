"""The charts and counts read from the chart summary (events/models/tally.py) instead of counted over
the events, for the filters the summary can answer; the same chart functions draw them, so a chart
is identical whichever way its numbers came (tests/events/test_chart_summary_matches.py).

Which filters each answer can take:

- the timeline and the list's count: any kinds and date range, with or without a state (by month
  without dates: MonthTally, StateMonthTally with a state; by day with dates: DayTally, StateDayTally);
- the map: kinds only, or a state with any kinds and date range (StateDayTally, StatePlaceTally by day;
  StatePairTally and StatePlaceKindTally, or StatePlaceTotalTally for every kind, for a state without
  dates; JurisdictionTotalTally with no filter at all, the dashboard's);
- the headline counts and the number of jurisdictions involved: kinds only (MonthTally, and
  JurisdictionTotalTally or JurisdictionTally);
- anything else (a search, an agency, a jurisdiction…) is counted over the events as before, cached on
  the data version (events/charts/cache.py).

Reading the summary costs one to three small queries (a few thousand rows at most); the charts drawn
from it are cached on the summary's version, so a change costs the next request a read of the
summary, not a count of every event.
"""
from __future__ import annotations

import datetime
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Q, Sum
from django.db.models.functions import TruncMonth

from events.charts.base import Chart, filter_params
from events.charts.cache import cache_seconds, get_or_build
from events.charts.headline import HeadlineCounts, headline_from, open_cases_count
from events.charts.timeline import MONTHLY_PRECISIONS, timeline_chart
from events.charts.usmap import POINT_FIELDS, POINT_ORDER, map_chart
from events.choices import DatePrecision
from events.models import (
    DayTally, Event, JurisdictionTally, JurisdictionTotalTally, MonthTally, StateDayTally, StateMonthTally,
    StatePairTally, StatePlaceKindTally, StatePlaceTally, StatePlaceTotalTally, StateTally,
)
from events.tallies import versions
from jurisdictions.choices import STATE_LEVEL_KINDS

DATE_FILTERS = frozenset({"kind", "date_from", "date_to"})
KIND_FILTERS = frozenset({"kind"})
STATE_FILTERS = DATE_FILTERS | {"state"}


@dataclass(frozen=True)
class Summary:
    """The summary under some filters: kinds (empty for all), a date range and a state."""

    kinds: tuple[str, ...] = ()
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    used: frozenset[str] = frozenset()
    state: str = ""

    @classmethod
    def for_filters(cls, cleaned: Mapping) -> Summary:
        """From a valid FilterSet's ``cleaned_data``; ``used`` names the filters in use."""
        used = frozenset(
            name for name, value in cleaned.items() if name != "sort" and value not in (None, "", [], False)
        )
        return cls(tuple(sorted(cleaned.get("kind") or ())), cleaned.get("date_from"), cleaned.get("date_to"), used,
                   cleaned.get("state") or "")

    def answers(self, name: str) -> bool:
        """Whether the summary has the numbers of ``name`` (timeline, count, map, headline) under these
        filters: kinds, dates and a state at most, and for the map dates only with a state (the
        state tallies are by day, the others not), for the headline kinds only."""
        if not self.used <= STATE_FILTERS:
            return False
        if name == "map":
            return self.used <= KIND_FILTERS or "state" in self.used
        if name == "headline":
            return self.used <= KIND_FILTERS
        return True

    @property
    def _dated(self) -> bool:
        return bool(self.date_from or self.date_to)

    # -- readers ---------------------------------------------------------------------------------------

    def _within(self, rows):
        """Rows of a tally keyed by kind, day and precision, narrowed to these kinds and dates."""
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

    def _days(self):
        """The tally the timeline and the list's count are summed from: by month without a date range
        (MonthTally, StateMonthTally), by day with one."""
        if not self._dated:
            # Without a date range the months are enough: ~1,000 rows at 300,000 events (or for
            # California alone), where the same numbers by day are ~15,000.
            rows = StateMonthTally.objects.filter(state=self.state) if self.state else MonthTally.objects.all()
            rows = rows.order_by()
            return rows.filter(kind__in=self.kinds) if self.kinds else rows
        if self.state:
            # The state's own events: its rows paired with itself.
            return self._within(StateDayTally.objects.filter(state=self.state, other_state=self.state))
        return self._within(DayTally.objects.all())

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
        monthly = days.filter(date_precision__in=MONTHLY_PRECISIONS)
        if self._dated:  # rows by day
            monthly = monthly.annotate(month=TruncMonth("day"))
        per_month = monthly.values_list("month", "kind").annotate(total=Sum("n")).order_by("month", "kind")
        return timeline_chart(counts, per_month, query)

    def map(self, query: Mapping | None = None, max_points: int | None = None,
            max_rows: int | None = None) -> Chart:
        if self.state and not self._dated:
            # Every state and place the state's events involve, by kind: a few thousand rows at
            # most, where the rows by day are every day of every place (~107,000 for California at
            # 300,000 events), and an edit that only moves a date leaves them as they were.
            per_state = StatePairTally.objects.filter(state=self.state)
            places = StatePlaceTotalTally.objects.filter(state=self.state)  # every kind: a row per place
            if self.kinds:
                per_state = per_state.filter(kind__in=self.kinds)
                places = StatePlaceKindTally.objects.filter(state=self.state, kind__in=self.kinds)
            per_state = dict(per_state.order_by().values_list("other_state").annotate(total=Sum("n")))
            places = places.order_by()
        elif self.state:
            # Every state and place the state's matching events involve, by day.
            per_state = dict(
                self._within(StateDayTally.objects.filter(state=self.state)).values_list("other_state")
                .annotate(total=Sum("n"))
            )
            places = self._within(StatePlaceTally.objects.filter(state=self.state))
        else:
            states = StateTally.objects.order_by()
            # Every kind: one row per jurisdiction already (JurisdictionTotalTally), nothing to add up.
            places = JurisdictionTally.objects.order_by() if self.kinds else JurisdictionTotalTally.objects.order_by()
            if self.kinds:
                states, places = states.filter(kind__in=self.kinds), places.filter(kind__in=self.kinds)
            per_state = dict(states.values_list("state").annotate(total=Sum("n")))
        # Read only the points the chart draws and its table shows, when both are capped.
        limit = None if max_points is None or max_rows is None else max(max_points, max_rows)
        points, point_count = _points(places, limit)
        return map_chart(per_state, points, max_points=max_points, max_rows=max_rows, point_count=point_count)

    def headline(self) -> HeadlineCounts:
        months = MonthTally.objects.order_by()
        events = Event.objects.published()
        if self.kinds:
            months, events = months.filter(kind__in=self.kinds), events.filter(kind__in=self.kinds)
            jurisdictions = JurisdictionTally.objects.filter(kind__in=self.kinds).values("jurisdiction").distinct().count()
        else:
            jurisdictions = JurisdictionTotalTally.objects.count()  # a row per jurisdiction involved
        per_kind = dict(months.values_list("kind").annotate(total=Sum("n")))
        return headline_from(per_kind, jurisdictions, open_cases_count(events))

    def reads(self, name: str) -> tuple[type, ...]:
        """The tallies an answer is counted from: what its cache entry is kept on."""
        if name == "timeline":
            if self.state:
                return (StateDayTally,) if self._dated else (StateMonthTally,)
            return (DayTally,) if self._dated else (MonthTally,)
        if name == "map":
            if self.state:
                if self._dated:
                    return (StateDayTally, StatePlaceTally)
                return (StatePairTally, StatePlaceKindTally if self.kinds else StatePlaceTotalTally)
            return (StateTally, JurisdictionTally if self.kinds else JurisdictionTotalTally)
        # The headline (its open cases go with the events it counts).
        return (MonthTally, JurisdictionTally if self.kinds else JurisdictionTotalTally)

    def chart(self, name: str, query: Mapping | None = None) -> Chart:
        return self.cached(name, lambda: {"timeline": self.timeline, "map": self.map}[name](query), query,
                           reads=self.reads(name))

    def capped_map(self, query: Mapping | None, max_points: int, rows: int) -> Chart:
        """The map of the dashboard (``query`` None) and of the events list: every state shaded, the
        ``max_points`` busiest places drawn, the first ``rows`` of its table (``map(query,
        max_points=…).excerpt(rows)``, without making the rest)."""
        return self.cached(f"map-capped-{max_points}-{rows}",
                           lambda: self.map(query, max_points=max_points, max_rows=rows), query,
                           reads=self.reads("map"))

    def cached(self, name: str, build, query: Mapping | None = None, *, reads: tuple[type, ...] | None = None):
        """``build()``, kept in the cache until a tally it ``reads`` changes (the headline's by
        default): drawing a busy map takes longer than reading its numbers. The key holds those
        tallies' versions (one small query), so after a change the first request reads the changed
        tallies again, never a count of every event, and an answer whose tallies did not change
        (the map by kind, when an event only moved to another day) is served as it was."""
        seconds = cache_seconds()
        if not seconds:
            return build()
        version = "-".join(str(v) for v in versions(*(reads or self.reads("headline"))))
        canonical = repr((self.kinds, self.date_from, self.date_to, self.state, sorted(filter_params(query).lists())))
        key = f"charts:summary:{name}:{version}:{hashlib.sha256(canonical.encode()).hexdigest()[:24]}"
        return get_or_build(key, build, seconds)


# The map's points: the tally summed per jurisdiction first (a few thousand rows), then joined to the
# jurisdictions for what a point shows. Grouping the join by the six shown columns, as the ORM would,
# hashed the whole gazetteer and grouped on wide keys: 30-60 ms at 300,000 events, a third of the
# first request after a change. Same rows, same order (the database's, by count, name and state).
_POINTS_SQL = """
SELECT j.kind, j.name, j.state, j.slug, j.latitude, j.longitude, t.total
FROM ({tally}) t JOIN jurisdictions_jurisdiction j ON j.id = t.jurisdiction_id
WHERE j.kind NOT IN ({state_level})
ORDER BY t.total DESC, j.name, j.state
"""
# Only the first %s points (PostgreSQL), and how many there are in all: the jurisdictions whose total
# reaches the last drawn one's (ties included, so the order by name decides among them as above) are
# looked up by primary key, where joining every point hashed all 20,000 jurisdictions (~10 of the
# ~15 ms the dashboard's map took to read at 300,000 events).
_TOP_POINTS_SQL = """
WITH t AS MATERIALIZED (
    SELECT s.jurisdiction_id, s.total FROM ({tally}) s
    WHERE s.jurisdiction_id NOT IN (SELECT id FROM jurisdictions_jurisdiction WHERE kind IN ({state_level}))
), top AS MATERIALIZED (
    SELECT * FROM t WHERE t.total >= COALESCE((SELECT total FROM t ORDER BY total DESC OFFSET %s LIMIT 1), 0)
)
SELECT j.kind, j.name, j.state, j.slug, j.latitude, j.longitude, top.total, (SELECT count(*) FROM t)
FROM top CROSS JOIN LATERAL (SELECT * FROM jurisdictions_jurisdiction jj WHERE jj.id = top.jurisdiction_id OFFSET 0) j
ORDER BY top.total DESC, j.name, j.state
LIMIT %s
"""


def _points(places, limit: int | None = None) -> tuple[list[tuple], int]:
    """Rows of POINT_FIELDS + events for the counties and places of a tally (any queryset of a
    tally with ``jurisdiction`` and ``n``), the first ``limit`` of them if given, and how many there
    are in all."""
    if places.model in (JurisdictionTotalTally, StatePlaceTotalTally):  # one row per jurisdiction already
        totals = places.order_by().annotate(total=F("n")).values_list("jurisdiction_id", "total")
    else:
        totals = places.order_by().values("jurisdiction_id").annotate(total=Sum("n")).values_list("jurisdiction_id", "total")
    tally_sql, params = totals.query.sql_with_params()
    state_level = ", ".join(["%s"] * len(STATE_LEVEL_KINDS))
    with connection.cursor() as cursor:
        if limit is not None and limit > 0 and connection.vendor == "postgresql":
            cursor.execute(_TOP_POINTS_SQL.format(tally=tally_sql, state_level=state_level),
                           [*params, *STATE_LEVEL_KINDS, limit - 1, limit])
            rows = cursor.fetchall()
            return [tuple(row[:-1]) for row in rows], (rows[0][-1] if rows else 0)
        cursor.execute(_POINTS_SQL.format(tally=tally_sql, state_level=state_level), [*params, *STATE_LEVEL_KINDS])
        rows = [tuple(row) for row in cursor.fetchall()]
    return (rows if limit is None else rows[:limit]), len(rows)


def summary_for(filterset) -> Summary | None:
    """The summary for a valid FilterSet, or None for an invalid one."""
    if not filterset.is_valid():
        return None
    return Summary.for_filters(filterset.form.cleaned_data)
