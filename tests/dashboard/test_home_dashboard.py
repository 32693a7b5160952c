"""The home dashboard: headline counts, timeline, map, latest events, filter form; constant queries."""
import datetime
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
def chicago(gazetteer):
    return Jurisdiction.objects.get(uid="geonames:4887398")


def test_home_shows_counts_charts_tables_and_the_filter_form(client, chicago):
    make_event(status="published", sources=1, kind="court_ruling", date=datetime.date(2025, 3, 4), jurisdictions=[chicago])
    make_event(status="published", sources=1, kind="federal_action", date=None, date_precision="unknown")
    make_event(status="draft", kind="federal_action", date=datetime.date(2025, 3, 5), jurisdictions=[chicago])
    html = client.get("/").content.decode()

    assert re.search(r"<dt>Published events</dt><dd><a [^>]*>2</a>", html)
    assert re.search(r"<dt>Court rulings</dt><dd><a href=\"/events/\?kind=court_ruling\">1</a>", html)
    assert re.search(r"<dt>Jurisdictions involved</dt><dd>1</dd>", html)
    assert "Open court cases" in html

    timeline = figure(html, "timeline")
    assert [(t["name"], t["y"]) for t in timeline["data"]] == [("Court ruling", [1])]
    assert "1 with the date not stated in sources" in html
    us_map = figure(html, "map")
    assert us_map["data"][0]["locations"] == ["IL"]
    assert 'id="timeline-table"' in html and 'id="map-table"' in html
    assert '<a href="/jurisdictions/il/chicago/">Chicago, IL</a>' in html

    assert '<form class="filters" method="get" action="/events/"' in html
    assert "/static/vendor/plotly/plotly.min.js" in html and "/static/js/charts.js" in html


def test_home_lists_at_most_the_configured_number_of_latest_events(client, settings):
    settings.HOME_LATEST_EVENTS = 3
    for day in range(1, 6):
        make_event(status="published", sources=1, title=f"Event of day {day}", date=datetime.date(2025, 1, day))
    html = client.get("/").content.decode()
    latest = html.split('id="latest"', 1)[1]
    assert "Event of day 5" in latest and "Event of day 3" in latest
    assert "Event of day 2" not in latest


def test_home_query_count_is_the_same_for_10_and_200_events(client, chicago):
    cook = chicago.parent

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/").status_code == 200
        return len(ctx.captured_queries)

    for n in range(10):
        make_event(status="published", sources=2, jurisdictions=[chicago, cook], date=datetime.date(2024, 1 + n, 1))
    small = queries()
    for n in range(190):
        make_event(status="published", sources=2, jurisdictions=[chicago], kind="court_ruling",
                   date=datetime.date(2015 + n % 10, 1 + n % 12, 1 + n % 28))
    assert queries() == small


def test_chart_tables_escape_jurisdiction_names(client):
    from tests.factories import make_jurisdiction

    evil = make_jurisdiction(name='<img src=x onerror="alert(1)">', state="IL")
    make_event(status="published", sources=1, jurisdictions=[evil])
    html = client.get("/").content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;, IL</a>" in html
