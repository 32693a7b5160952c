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


# The tiny record: MINIMAL plus the federal action its case came from, which concerns California, so the
# same pages (California's, the case's) exist at both sizes.
TINY = MINIMAL.replace("    status: open\n", "    status: open\n    originating_event: example-order\n") + """
  - key: example-order
    kind: federal_action
    title: An example order threatens funds
    summary: The order, the report says, threatens funds.
    date: 2025-01-20
    date_precision: day
    jurisdictions:
      - {ref: "fips:06", role: subject}
    sources: [src-one]
    detail: {agency: White House, action_type: executive_order, amount_at_stake: 1000000, amount_note: "per the report"}
policies:
  - key: example-policy
    jurisdiction: {ref: "fips:06"}
    title: An example state law
    category: detainer_limits
    stance: limits
    summary: It limits detainers, the report says.
    adopted: 2017-10-05
    sources: [src-one]
lists:
  - key: example-list
    name: An example list
    publisher: U.S. Department of Justice
    scope: federal
    description: An example.
    snapshots:
      - published: 2025-04-24
        sources: [src-one]
        members:
          - {ref: "fips:06", as_listed: California}
"""


def public_urls() -> list[str]:
    case = Case.objects.order_by("pk").first()
    event = Event.objects.published().order_by("pk").first()
    return [
        "/", "/events/", "/events/?kind=court_ruling", "/events/export.csv", "/events/export.json",
        "/events/feed/", "/embed/timeline/", "/embed/map/", "/api/v1/events/", "/api/v1/cases/",
        Jurisdiction.objects.get(uid="fips:06").get_absolute_url(), case.get_absolute_url(), event.get_absolute_url(),
    ]


def test_pages_run_as_many_queries_with_the_record_as_with_one_event(client, gazetteer, tmp_path):
    path = tmp_path / "one.yaml"
    path.write_text(TINY, encoding="utf-8")
    load_record([path])
    small = {url: queries(client, url) for url in public_urls()}
    Event.objects.all().delete()
    Case.objects.all().delete()
    from events.models import RecordEntry

    RecordEntry.objects.all().delete()
    load_record()
    # The same pages by role (California, the first case and event), now in the full record.
    full = {url: queries(client, url) for url in public_urls()}
    assert list(full.values()) == list(small.values()), json.dumps({"small": small, "full": full})


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
