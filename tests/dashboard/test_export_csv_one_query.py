"""The CSV export is one SQL query, whatever the number of rows, and its memory does not grow with them."""
import csv
import datetime
import io
import tracemalloc

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events import exports
from events.models import Event, EventJurisdiction, Source
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db


def add_events(count: int, places) -> None:
    """Published events with two places and two sources each, written in bulk (the test is about reading)."""
    now = timezone.now()
    events = Event.objects.bulk_create(
        Event(kind="federal_action", title=f"Bulk event {n}", slug=f"bulk-event-{n}", summary="Text, " * 20,
              date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n % 2000), date_precision="day",
              status="published", published_at=now)
        for n in range(count)
    )
    EventJurisdiction.objects.bulk_create(
        EventJurisdiction(event=event, jurisdiction=place, role=role)
        for event in events for place, role in zip(places, ("subject", "mentioned"))
    )
    Source.objects.bulk_create(
        Source(event=event, publisher="Gazette", title=f"Report {n}", url=f"https://example.org/{event.pk}/{n}")
        for event in events for n in range(2)
    )


def download(client) -> tuple[int, int]:
    """(queries, data rows) of one full CSV download."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/events/export.csv")
        body = b"".join(response.streaming_content)
    return len(captured), len(list(csv.reader(io.StringIO(body.decode())))) - 1


@pytest.mark.parametrize("count", [1, 50])
def test_one_query_for_any_number_of_rows(client, count):
    place = make_jurisdiction()
    for _ in range(count):
        make_event(status="published", sources=3, jurisdictions=[place, make_jurisdiction()])
    queries, rows = download(client)
    assert rows == count
    assert queries == 1


def test_one_query_across_many_fetches(client, monkeypatch):
    monkeypatch.setattr(exports, "CSV_FETCH_ROWS", 7)
    monkeypatch.setattr(exports, "CSV_ROWS_PER_WRITE", 5)
    add_events(60, [make_jurisdiction(), make_jurisdiction()])
    assert download(client) == (1, 60)


def peak_bytes_streaming(client) -> tuple[int, int]:
    """Peak traced memory while the CSV is read and dropped piece by piece, as a server sends it."""
    tracemalloc.start()
    try:
        response = client.get("/events/export.csv")
        size = 0
        for piece in response.streaming_content:
            size += len(piece)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, size


def test_memory_is_flat_from_200_to_2000_events(client, monkeypatch):
    # Fetches and writes smaller than 200 rows, so both sizes stream in several pieces: what stays in
    # memory is one fetch and one piece, whatever the total.
    monkeypatch.setattr(exports, "CSV_FETCH_ROWS", 100)
    monkeypatch.setattr(exports, "CSV_ROWS_PER_WRITE", 50)
    places = [make_jurisdiction(), make_jurisdiction()]
    add_events(200, places)
    peak_small, size_small = peak_bytes_streaming(client)
    add_events(1800, places)
    peak_large, size_large = peak_bytes_streaming(client)
    assert size_large > 9 * size_small  # ten times the rows really went through
    # Ten times the rows, (nearly) the same peak: a small allowance for caches warmed on the way.
    assert peak_large < peak_small * 1.3 + 64 * 1024, (peak_small, peak_large)
