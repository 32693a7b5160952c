"""The events list's map stays the same size whatever the number of events: its busiest places drawn,
the first rows of its table shown with the number of all rows, and a link to the whole table for the
same filters, which a reader follows to see every row."""
import datetime
import html as htmllib
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.charts.summary import Summary
from events.models import Event
from events.tallies import versions
from jurisdictions.models import Jurisdiction
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_state(settings):
    settings.LIST_MAP_POINTS = 3
    settings.LIST_MAP_ROWS = 4
    for code, name, fips in (("CA", "California", "06"), ("NV", "Nevada", "32")):
        if not Jurisdiction.objects.filter(kind="state", state=code).exists():
            make_jurisdiction(kind="state", name=name, state=code, slug=name.lower(), fips=fips)
    places = [make_jurisdiction(name=f"Place {n}", state="CA") for n in range(6)]
    elsewhere = make_jurisdiction(name="Outside", state="NV")
    for n, place in enumerate(places):
        for month in range(n + 1):  # Place 5 has the most events
            make_event(status="published", sources=1, kind="court_ruling" if month % 2 else "federal_action",
                       jurisdictions=[place, elsewhere] if n == 0 else [place], date=datetime.date(2024, 1 + month, 10))
    return places


def figure(html: str) -> dict:
    found = re.search(r'<script id="events-map-data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def table(html: str, table_id: str) -> list[str]:
    """The first cell's text of each body row."""
    body = re.search(rf'<table[^>]*id="{table_id}".*?<tbody>(.*?)</tbody>', html, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r'<th scope="row">(.*?)</th>', body)]


@pytest.mark.parametrize("query", ["state=CA", "", "state=CA&date_from=2024-01-01", "q=event"])
def test_a_few_rows_and_circles_and_the_link_leads_to_every_row(client, busy_state, query):
    html = client.get(f"/events/?{query}").content.decode()
    drawn = [n for trace in figure(html)["data"] if trace["type"] == "scattergeo" for n in trace["marker"]["size"]]
    assert sorted(drawn) == [4, 5, 6]  # the three busiest places
    shown = table(html, "events-map-table")
    assert len(shown) == 4
    total = re.search(r"The first 4 of (\d+) rows", html)
    assert total, "the page says how many rows there are"
    link = re.search(r'<a href="([^"]+)">Every state, county and city of these events in one table', html)
    assert link
    whole = client.get(htmllib.unescape(link.group(1)))
    assert whole.status_code == 200
    every = table(whole.content.decode(), "map-table")
    assert len(every) == int(total.group(1))
    assert every[:4] == shown  # the page's rows are the first rows of the whole table
    assert {f"Place {n}, CA" for n in range(6)} <= set(every)


def test_few_places_are_all_listed_without_a_link(client, busy_state, settings):
    settings.LIST_MAP_ROWS = 50
    html = client.get("/events/?state=CA").content.decode()
    assert len(table(html, "events-map-table")) == 2 + 6 + 1  # California, Nevada, six places, Outside
    assert "Every state, county and city of these events" not in html


def test_queries_rows_and_circles_do_not_grow_with_the_events(client, busy_state, settings):
    settings.CHARTS_CACHE_SECONDS = 0  # every request counts its charts

    def measure(url):
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url).content.decode()
        drawn = sum(len(t["lat"]) for t in figure(html)["data"] if t["type"] == "scattergeo")
        return len(queries), len(table(html, "events-map-table")), drawn

    few = [measure(url) for url in ("/events/?state=CA", "/events/")]
    extra = [make_jurisdiction(name=f"More {n}", state="CA") for n in range(20)]
    for place in extra:
        make_event(status="published", sources=1, jurisdictions=[place], date=datetime.date(2025, 1, 1))
    assert [measure(url) for url in ("/events/?state=CA", "/events/")] == few


def test_a_date_moved_leaves_the_state_map_without_dates_as_it_was(busy_state):
    """The map under a state filter without dates reads the tallies by kind, which a date does not change."""
    summary = Summary(state="CA", used=frozenset({"state"}))
    before = versions(*summary.reads("map"))
    event = Event.objects.published().first()
    event.date = event.date + datetime.timedelta(days=1)
    event.save()
    assert versions(*summary.reads("map")) == before
    assert versions(*Summary(state="CA", date_from=datetime.date(2024, 1, 1),
                             used=frozenset({"state", "date_from"})).reads("map")) != before
