"""The events page charts count exactly the listed events, and offer embed code for these filters."""
import datetime
import html as htmllib
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jurisdictions.models import Jurisdiction
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def figure(html: str, chart_id: str) -> dict:
    match = re.search(rf'<script id="{chart_id}-data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


@pytest.fixture
def places(gazetteer):
    return {uid: Jurisdiction.objects.get(uid=uid) for uid in ("geonames:4887398", "fips:17031", "fips:06")}


def test_chart_total_equals_the_list_count_for_a_filtered_query(client, places):
    chicago, cook, california = places["geonames:4887398"], places["fips:17031"], places["fips:06"]
    for month in range(1, 7):
        make_event(status="published", sources=1, kind="court_ruling", jurisdictions=[chicago],
                   date=datetime.date(2025, month, 10))
        make_event(status="published", sources=1, kind="federal_action", jurisdictions=[cook],
                   date=datetime.date(2025, month, 11))
    make_event(status="published", sources=1, kind="court_ruling", jurisdictions=[cook], date=None, date_precision="unknown")
    make_event(status="published", sources=1, kind="court_ruling", jurisdictions=[california], date=datetime.date(2025, 2, 1))
    make_event(status="draft", kind="court_ruling", jurisdictions=[chicago], date=datetime.date(2025, 2, 2))

    response = client.get("/events/", {"kind": "court_ruling", "state": "IL", "date_to": "2025-04-30"})
    html = response.content.decode()
    listed = int(re.search(r'class="results__count">(\d+) event', html).group(1))
    assert listed == 4  # Chicago January to April; the undated one has no date, so date_to excludes it

    timeline = figure(html, "events-timeline")
    assert sum(sum(t["y"]) for t in timeline["data"]) == listed
    us_map = figure(html, "events-map")
    assert dict(zip(us_map["data"][0]["locations"], us_map["data"][0]["z"])) == {"IL": listed}
    # Clicking April opens April of the same filters.
    april = timeline["data"][0]["customdata"][-1]
    assert april == "/events/?kind=court_ruling&state=IL&date_from=2025-04-01&date_to=2025-04-30"
    assert client.get(april).content.decode().count('class="results__count">1 event') == 1


def test_undated_events_in_the_list_are_named_under_the_timeline(client):
    make_event(status="published", sources=1, date=datetime.date(2025, 1, 2))
    make_event(status="published", sources=1, date=None, date_precision="unknown")
    html = client.get("/events/").content.decode()
    assert "2 events" in html
    assert "1 with the date not stated in sources" in html


def test_embed_code_is_absolute_escaped_and_keeps_the_filters(client):
    html = client.get("/events/", {"kind": "court_ruling", "q": 'a"b<c', "page": "2"}).content.decode()
    textarea = re.search(r'<textarea id="embed-code-timeline"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    assert "<" not in textarea  # shown as text, never as markup
    code = htmllib.unescape(textarea)
    assert code.startswith('<iframe src="http://testserver/embed/timeline/?kind=court_ruling&amp;q=a%22b%3Cc"')
    assert "page=" not in code
    assert 'id="embed-code-map"' in html


def test_invalid_filters_show_no_charts(client):
    response = client.get("/events/", {"date_from": "not a date"})
    assert response.status_code == 400
    assert "events-timeline" not in response.content.decode()


def test_events_page_query_count_is_the_same_for_10_and_200_events(client, places):
    chicago = places["geonames:4887398"]

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/events/", {"state": "IL", "kind": "court_ruling"}).status_code == 200
        return len(ctx.captured_queries)

    for n in range(10):
        make_event(status="published", sources=2, kind="court_ruling", jurisdictions=[chicago], date=datetime.date(2024, 1 + n, 1))
    small = queries()
    for n in range(190):
        make_event(status="published", sources=2, kind="court_ruling", jurisdictions=[chicago, chicago.parent],
                   date=datetime.date(2015 + n % 10, 1 + n % 12, 1 + n % 28))
    assert queries() == small


def test_charts_agree_with_the_list_under_a_text_search(client):
    # The search annotates a rank and orders by it: neither may leak into the charts' grouping.
    for day in range(1, 4):
        make_event(status="published", sources=1, title=f"Subpoena served {day}", date=datetime.date(2025, 1, day))
    make_event(status="published", sources=1, title="Grant conditions", date=datetime.date(2025, 1, 9))
    html = client.get("/events/", {"q": "subpoena"}).content.decode()
    listed = int(re.search(r'class="results__count">(\d+) event', html).group(1))
    assert listed == 3
    assert sum(sum(t["y"]) for t in figure(html, "events-timeline")["data"]) == listed
