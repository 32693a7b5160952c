"""The headline numbers: published events by kind, jurisdictions involved, open cases."""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from events.charts.base import event_ids
from events.choices import CaseStatus, EventKind
from events.models import Case, EventJurisdiction
from events.visibility import public_cases_reached_by

OPEN_CASE_STATUSES = (CaseStatus.OPEN, CaseStatus.ON_APPEAL)


@dataclass
class HeadlineCounts:
    total: int
    by_kind: list[tuple[str, str, int]]  # (kind, label, count) for every kind, zeros included
    jurisdictions: int
    open_cases: int


def headline_counts(events: QuerySet) -> HeadlineCounts:
    """Three queries whatever the number of events."""
    ids = event_ids(events)
    per_kind = dict(events.order_by().values_list("kind").annotate(n=Count("pk")))
    jurisdictions = EventJurisdiction.objects.filter(event__in=ids).aggregate(
        n=Count("jurisdiction", distinct=True)
    )["n"]
    return headline_from(per_kind, jurisdictions, open_cases_count(events))


def open_cases_count(events: QuerySet) -> int:
    """Open public cases reached through these published events: a ruling in it or the action behind it."""
    # One EXISTS per open case for most (one of its own events is among these), where "originating event
    # IN (every published event)" read every published event on each count.
    return public_cases_reached_by(events, Case.objects.filter(status__in=OPEN_CASE_STATUSES)).count()


def headline_from(per_kind: dict[str, int], jurisdictions: int, open_cases: int) -> HeadlineCounts:
    return HeadlineCounts(
        total=sum(per_kind.values()),
        by_kind=[(kind.value, kind.label, per_kind.get(kind.value, 0)) for kind in EventKind],
        jurisdictions=jurisdictions,
        open_cases=open_cases,
    )
