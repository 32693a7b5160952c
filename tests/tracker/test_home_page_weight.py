"""The dashboard stays light at any size of the record: a few rows of each chart's table with a link to
the whole table on its own page, and the map's busiest places drawn as circles (every state shaded)."""
import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_record(settings):
    settings.HOME_MAP_POINTS = 3
    settings.HOME_TABLE_ROWS = 2
    places = [make_jurisdiction(name=f"Place {n}", state="IL") for n in range(5)]
    for n, place in enumerate(places):
        for month in range(n + 1):  # Place 4 has the most events
            make_event(status="published", sources=1, jurisdictions=[place],
                       date=datetime.date(2024, 1 + month, 10))
    return places


def figure(html: str, chart_id: str) -> dict:
    found = re.search(rf'<script id="{chart_id}-data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def table_rows(html: str, table_id: str) -> int:
    table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.S).group(0)
    return table.count("<tr>") - 1  # less the header row


def test_home_map_draws_the_busiest_places_and_says_so(client, busy_record):
    html = client.get("/").content.decode()
    points = [t for t in figure(html, "map")["data"] if t["type"] == "scattergeo"]
    assert sum(len(t["lat"]) for t in points) == 3
    assert sorted(n for t in points for n in t["marker"]["size"]) == [3, 4, 5]
    assert "the 3 counties and cities with the most events (of 5)" in html


def test_home_tables_show_a_few_rows_and_link_to_the_whole_tables(client, busy_record):
    html = client.get("/").content.decode()
    assert table_rows(html, "map-table") == 2 and table_rows(html, "timeline-table") == 2
    assert 'href="/charts/map/"' in html and 'href="/charts/timeline/"' in html
    assert "The latest 2 of 5 months." in html
    # The latest months, the newest last as in the whole table.
    assert html.index("April 2024") < html.index("May 2024") and "January 2024</a>" not in html


def test_the_whole_tables_have_every_row(client, busy_record):
    whole_map = client.get("/charts/map/").content.decode()
    assert table_rows(whole_map, "map-table") == 1 + 5  # Illinois (the test places' "IL"), then every place
    for n in range(5):
        assert f"Place {n}, IL" in whole_map
    whole_timeline = client.get("/charts/timeline/").content.decode()
    assert table_rows(whole_timeline, "timeline-table") == 5


def test_the_whole_tables_follow_the_filters(client, busy_record):
    make_event(status="published", sources=1, kind="court_ruling", jurisdictions=[make_jurisdiction(name="Lone")])
    html = client.get("/charts/map/?kind=court_ruling").content.decode()
    assert "Lone, ZZ" in html and "Place 0, IL" not in html
    assert 'href="/events/export.csv?kind=court_ruling"' in html
    assert client.get("/charts/map/?date_from=nonsense").status_code == 400


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/charts/map/", "/charts/timeline/", "/"])
def test_queries_do_not_grow_with_events(client, url):
    few = [make_jurisdiction() for _ in range(2)]
    for place in few:
        make_event(status="published", sources=1, jurisdictions=[place])
    small = count_queries(client, url)
    for _ in range(40):
        make_event(status="published", sources=2, jurisdictions=[make_jurisdiction(), *few],
                   date=datetime.date(2020, 1, 1) + datetime.timedelta(days=40 * len(few)))
    assert count_queries(client, url) == small
