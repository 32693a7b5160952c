"""With the whole record loaded, every public page shows it, in the same number of queries as a tiny dataset."""
from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from events.models import Case, Event
from events.record import load_record
from jurisdictions.models import Jurisdiction, OfficialList
from tests.record.conftest import MINIMAL

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries)


def busiest_jurisdiction() -> Jurisdiction:
    return max(Jurisdiction.objects.filter(involvements__isnull=False).distinct(), key=lambda j: j.involvements.count())


def public_urls() -> list[str]:
    case = Case.objects.order_by("pk").first()
    event = Event.objects.published().order_by("pk").first()
    return [
        "/", "/events/", "/events/?kind=court_ruling", "/events/export.csv", "/events/export.json",
        "/events/feed/", "/embed/timeline/", "/embed/map/", "/api/v1/events/", "/api/v1/cases/",
        busiest_jurisdiction().get_absolute_url(), case.get_absolute_url(), event.get_absolute_url(),
    ]


def test_pages_run_as_many_queries_with_the_record_as_with_one_event(client, gazetteer, tmp_path):
    path = tmp_path / "one.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    load_record([path])
    small = {url: queries(client, url) for url in public_urls()}
    Event.objects.all().delete()
    Case.objects.all().delete()
    from events.models import RecordEntry

    RecordEntry.objects.all().delete()
    load_record()
    # Same URLs by role (the busiest jurisdiction, the first case and event), now in the full record.
    full = {url: queries(client, url) for url in public_urls()}
    assert sorted(full.values()) == sorted(small.values()), {"small": small, "full": full}


def test_the_home_page_and_the_list_show_the_newest_record_events(client, record):
    html = client.get("/").content.decode()
    for event in Event.objects.published().newest_first()[:3]:
        assert escape(event.title) in html


def test_each_case_page_shows_its_parties_rulings_and_origin(client, record):
    for case in Case.objects.prefetch_related("parties", "events"):
        html = client.get(case.get_absolute_url()).content.decode()
        assert escape(case.caption) in html
        for ruling in case.events.filter(status="published", kind="court_ruling"):
            assert escape(ruling.title) in html
        if case.originating_event_id and case.originating_event.status == "published":
            assert escape(case.originating_event.title) in html


def test_official_lists_show_their_snapshots_and_members(client, record):
    lists = OfficialList.objects.prefetch_related("snapshots__listings__jurisdiction")
    assert lists.exists()
    for official in lists:
        html = client.get(official.get_absolute_url()).content.decode()
        for snapshot in official.snapshots.all():
            for listing in snapshot.listings.all()[:5]:
                assert escape(listing.jurisdiction.name) in html


def test_exports_and_the_api_carry_every_published_event(client, record):
    published = Event.objects.published().count()
    rows = client.get("/events/export.csv")
    lines = b"".join(rows.streaming_content).decode().splitlines() if hasattr(rows, "streaming_content") else rows.content.decode().splitlines()
    assert len(lines) - 1 == published
    seen, url = 0, "/api/v1/events/?page_size=100"
    while url:
        page = json.loads(client.get(url).content)
        seen += len(page["results"])
        url = page["next"]
    assert seen == published
