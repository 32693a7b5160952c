"""The US map: states shaded by the events involving them or anything inside them; counties and
cities as points; everything links to its jurisdiction page."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.charts import us_map
from events.filters import filter_events
from jurisdictions.models import Jurisdiction
from tests.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def illinois(gazetteer):
    uids = {"state": "fips:17", "county": "fips:17031", "city": "geonames:4887398", "ca": "fips:06"}
    return {key: Jurisdiction.objects.get(uid=uid) for key, uid in uids.items()}


def published(*places, **fields):
    return make_event(status="published", sources=1, jurisdictions=places, **fields)


def trace(chart, kind_or_name):
    return next(t for t in chart.figure["data"] if t["type"] == kind_or_name or t["name"] == kind_or_name)


def test_state_shading_counts_events_of_its_counties_and_cities_once_each(illinois):
    published(illinois["state"])
    published(illinois["county"])
    published(illinois["city"])
    published(illinois["city"], illinois["county"], illinois["state"])  # one event, counted once
    published(illinois["ca"])
    chart = us_map(filter_events({}).qs)
    states = trace(chart, "choropleth")
    assert states["locationmode"] == "USA-states"
    assert dict(zip(states["locations"], states["z"])) == {"IL": 4, "CA": 1}
    assert states["customdata"][states["locations"].index("IL")] == "/jurisdictions/il/illinois/"


def test_counties_and_cities_are_points_sized_by_their_own_events(illinois):
    published(illinois["city"])
    published(illinois["city"], illinois["county"])
    chart = us_map(filter_events({}).qs)
    cities = trace(chart, "Cities and places")
    counties = trace(chart, "Counties")
    assert cities["type"] == counties["type"] == "scattergeo"
    assert cities["marker"]["size"] == [2]
    assert counties["marker"]["size"] == [1]
    assert cities["customdata"] == ["/jurisdictions/il/chicago/"]
    assert counties["customdata"] == ["/jurisdictions/il/cook-county/"]
    chicago = illinois["city"]
    assert (cities["lat"], cities["lon"]) == ([chicago.latitude], [chicago.longitude])
    assert all(t["type"] != "scattergeo" or "Illinois" not in t["text"][0] for t in chart.figure["data"])


def test_map_is_of_the_usa_in_albers_projection(illinois):
    published(illinois["city"])
    geo = us_map(filter_events({}).qs).figure["layout"]["geo"]
    assert geo["scope"] == "usa"
    assert geo["projection"] == {"type": "albers usa"}


def test_drafts_and_retracted_events_are_not_on_the_map(illinois):
    published(illinois["city"])
    make_event(status="draft", jurisdictions=[illinois["ca"]])
    make_event(status="retracted", sources=1, jurisdictions=[illinois["ca"], illinois["county"]])
    chart = us_map(filter_events({}).qs)
    assert trace(chart, "choropleth")["locations"] == ["IL"]
    assert [t["name"] for t in chart.figure["data"]] == ["States", "Cities and places"]


def test_table_has_the_same_numbers_and_links(illinois):
    published(illinois["city"])
    published(illinois["state"])
    chart = us_map(filter_events({}).qs)
    rows = [[c["text"] for c in row] for row in chart.rows]
    assert rows == [["Illinois", "State (with its counties and cities)", "2"], ["Chicago, IL", "City or other place", "1"]]
    assert [row[0]["href"] for row in chart.rows] == ["/jurisdictions/il/illinois/", "/jurisdictions/il/chicago/"]


def test_the_map_follows_the_filters(illinois):
    published(illinois["city"], kind="court_ruling")
    published(illinois["ca"], kind="federal_action")
    chart = us_map(filter_events({"kind": ["court_ruling"]}).qs)
    assert trace(chart, "choropleth")["locations"] == ["IL"]


def test_no_events_gives_an_empty_map_with_a_note(gazetteer):
    chart = us_map(filter_events({}).qs)
    assert chart.figure["data"] == [] and chart.rows == []
    assert chart.figure["layout"]["annotations"]


def test_query_count_does_not_grow_with_events(illinois):
    def queries():
        with CaptureQueriesContext(connection) as ctx:
            us_map(filter_events({"state": "IL"}).qs)
        return len(ctx.captured_queries)

    places = list(Jurisdiction.objects.filter(state="IL", kind="place")[:20])
    for n in range(10):
        published(places[n % 20], illinois["county"])
    small = queries()
    for n in range(190):
        published(places[n % 20], illinois["state"])
    assert queries() == small == 3
