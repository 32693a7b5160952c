"""/events/timelinejs.json is a TimelineJS3 document: dated events only, dates no more precise
than the sources, headlines escaped and linked."""
import datetime
import json

import pytest

from events.models import Source
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def timeline(client, query: str = "") -> dict:
    response = client.get("/events/timelinejs.json" + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"  # TimelineJS loads it from a newsroom's page
    return json.loads(b"".join(response.streaming_content))


def slide_for(document: dict, event) -> dict:
    return next(s for s in document["events"] if s["unique_id"] == f"event-{event.pk}")


def test_structure_title_slide_and_events(client):
    event = make_event(status="published", title="Order signed", kind="federal_action", sources=1)
    document = timeline(client)
    assert document["title"]["text"]["headline"] == "Sanctuary Tracker: events"
    assert "start_date" not in document["title"]
    [slide] = document["events"]
    assert set(slide) == {"unique_id", "start_date", "display_date", "text", "group", "autolink"}
    assert "media" not in slide
    assert slide["group"] == "Federal action"
    assert slide["text"]["headline"] == f'<a href="http://testserver/events/{event.pk}-order-signed/">Order signed</a>'
    assert '<a href="https://example.org/' in slide["text"]["text"]
    assert document["count"] == 1


def test_dates_honour_their_precision_and_undated_events_are_left_out(client):
    day = make_event(status="published", date=datetime.date(2017, 1, 25), date_precision="day", sources=1)
    month = make_event(status="published", date=datetime.date(2017, 11, 20), date_precision="month", sources=1)
    year = make_event(status="published", date=datetime.date(2019, 7, 4), date_precision="year", sources=1)
    undated = make_event(status="published", date=None, date_precision="unknown", sources=1)
    document = timeline(client)
    assert slide_for(document, day)["start_date"] == {"year": "2017", "month": "1", "day": "25"}
    assert slide_for(document, month)["start_date"] == {"year": "2017", "month": "11"}
    assert slide_for(document, month)["display_date"] == "November 2017"
    assert slide_for(document, year)["start_date"] == {"year": "2019"}
    assert f"event-{undated.pk}" not in {s["unique_id"] for s in document["events"]}
    assert len(document["events"]) == 3


def test_user_text_is_escaped_and_only_web_links_are_linked(client):
    event = make_event(status="published", title="<script>alert(1)</script> & co", summary="<b>bold</b>")
    Source.objects.create(event=event, publisher="<i>Pub</i>", title="x", url="javascript:alert(2)")
    Source.objects.create(event=event, publisher="Good", title="y", url="https://example.org/ok")
    slide = timeline(client)["events"][0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</a>" in slide["text"]["headline"]
    assert "<script>" not in json.dumps(slide)
    assert "&lt;b&gt;bold&lt;/b&gt;" in slide["text"]["text"]
    assert "javascript:" not in slide["text"]["text"]
    assert '<a href="https://example.org/ok">Good</a>' in slide["text"]["text"]


def test_filters_apply_and_name_themselves_in_the_title(client):
    make_event(status="published", title="A ruling", kind="court_ruling", sources=1)
    make_event(status="published", title="An action", kind="federal_action", sources=1)
    document = timeline(client, "?kind=court_ruling&q=<x>")
    assert document["title"]["text"]["headline"] == "Sanctuary Tracker: events where search: &lt;x&gt;; kind: Court ruling"
    document = timeline(client, "?kind=court_ruling")
    assert [s["group"] for s in document["events"]] == ["Court ruling"]
