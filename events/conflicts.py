"""Conflict flags: where an event's sources disagree on a fact, so editors check it and readers are told.

The sources can disagree on two things the tracker records per source: the date of the event, as the
analyser read it from each cited article, and the count an editor records from each source (arrests,
people affected). Each flag is one sentence naming the values and who gives them,
never a verdict on which is right.
"""
from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q

from events.choices import DatePrecision
from events.models import Event, Source
from events.models.event import format_date


def source_conflicts(event: Event) -> list[str]:
    """What the event's sources disagree on, as sentences ("Sources differ on the date: …"); empty when
    they agree or say nothing comparable. One query."""
    return conflicts_by_event([event.pk]).get(event.pk, [])


def conflicts_by_event(event_ids: Iterable[int]) -> dict[int, list[str]]:
    """source_conflicts for many events at once (the review queue's flags): one query whatever their number.
    Events without a conflict are absent from the result."""
    ids = sorted(set(event_ids))
    if not ids:
        return {}
    rows = (
        Source.objects.filter(event_id__in=ids)
        .filter(Q(article__event_date__isnull=False) | Q(reported_count__isnull=False))
        .order_by("event_id", "id")
        .values_list("event_id", "article__event_date", "reported_count", "publisher", "author")
    )
    dates: dict[int, dict[datetime.date, list[str]]] = defaultdict(lambda: defaultdict(list))
    counts: dict[int, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for event_id, day, count, publisher, author in rows:
        who = publisher or author
        if day is not None and who not in dates[event_id][day]:
            dates[event_id][day].append(who)
        if count is not None and who not in counts[event_id][count]:
            counts[event_id][count].append(who)
    flags: dict[int, list[str]] = defaultdict(list)
    for event_id, by_day in dates.items():
        if len(by_day) > 1:
            flags[event_id].append(_date_conflict(by_day))
    for event_id, by_count in counts.items():
        if len(by_count) > 1:
            flags[event_id].append(_count_conflict(by_count))
    return dict(flags)


def _date_conflict(by_day: dict[datetime.date, list[str]]) -> str:
    parts = [f"{format_date(day, DatePrecision.DAY)} ({', '.join(who)})" for day, who in sorted(by_day.items())]
    return "Sources differ on the date: " + "; ".join(parts) + "."


def _count_conflict(by_count: dict[int, list[str]]) -> str:
    parts = [f"{count:,} ({', '.join(who)})" for count, who in sorted(by_count.items())]
    return "Sources differ on the count: " + "; ".join(parts) + "."
