"""Small builders for test data. Plain functions, not a factory library: the models are few."""
from __future__ import annotations

import datetime
import itertools

from django.utils import timezone

from events.models import Event, EventJurisdiction, Source
from jurisdictions.models import Jurisdiction

_seq = itertools.count(1)


def make_jurisdiction(**fields) -> Jurisdiction:
    n = next(_seq)
    defaults = {
        "kind": "place",
        "name": f"Testville {n}",
        "state": "ZZ",
        "uid": f"test:{n}",
        "latitude": 40.0,
        "longitude": -75.0,
        "coordinates_source": "editor",
        "slug": f"testville-{n}",
    }
    defaults.update(fields)
    return Jurisdiction.objects.create(**defaults)


def make_event(*, status: str = "draft", jurisdictions=(), sources: int = 0, **fields) -> Event:
    defaults = {
        "kind": "federal_action",
        "title": f"Test event {next(_seq)}",
        "summary": "Something happened.",
        "date": datetime.date(2025, 1, 22),
        "date_precision": "day",
        "status": status,
    }
    if status != "draft":
        defaults["published_at"] = timezone.now()
    if status == "retracted":
        defaults["retracted_at"] = timezone.now()
    defaults.update(fields)
    event = Event.objects.create(**defaults)
    for jurisdiction in jurisdictions:
        EventJurisdiction.objects.create(event=event, jurisdiction=jurisdiction)
    for i in range(sources):
        Source.objects.create(event=event, publisher="Test Gazette", title=f"Report {i}", url=f"https://example.org/{event.pk}/{i}")
    return event
