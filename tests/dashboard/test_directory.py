"""/jurisdictions/: the searchable gazetteer directory, one test per filter, counts of published events."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db
URL = "/jurisdictions/"


def rows(client, query: str, status: int = 200):
    response = client.get(URL + query)
    assert response.status_code == status
    page = response.context["page"]
    return response, ([] if page is None else [str(j) for j in page.object_list])


def test_whole_gazetteer_is_paginated(client, gazetteer):
    response, names = rows(client, "")
    assert response.context["page"].paginator.count >= 20_545
    assert len(names) == 50 and "Page 1 of" in response.content.decode()


def test_filter_by_name(client, gazetteer):
    _, names = rows(client, "?q=chicago")
    assert "Chicago, IL" in names and "Springfield, IL" not in names
    assert all("chicago" in n.lower() for n in names)


def test_filter_by_state(client, gazetteer):
    _, names = rows(client, "?state=RI&kind=place&q=Provid")
    assert "Providence, RI" in names and "East Providence, RI" in names
    assert all(n.endswith(", RI") for n in names)
    _, names = rows(client, "?state=RI&q=Chicago")
    assert names == []


def test_filter_by_kind(client, gazetteer):
    _, names = rows(client, "?kind=state&q=Illinois")
    assert names == ["Illinois"]
    _, counties = rows(client, "?kind=county&state=CA&q=San Francisco")
    # The consolidated city-county counts as a county, as in the events filter.
    assert "San Francisco, CA" in counties


def test_filter_by_has_events_counts_published_only(client):
    busy = make_jurisdiction(name="Eventful Zqxhamlet")
    quiet = make_jurisdiction(name="Eventless Zqxhamlet")
    make_event(status="published", sources=1, jurisdictions=[busy])
    make_event(status="published", sources=1, jurisdictions=[busy])
    make_event(jurisdictions=[quiet])  # a draft does not count
    make_event(status="retracted", sources=1, jurisdictions=[quiet])  # nor does a retraction
    _, names = rows(client, "?q=Zqxhamlet&has_events=yes")
    assert names == [str(busy)]
    _, names = rows(client, "?q=Zqxhamlet&has_events=no")
    assert names == [str(quiet)]
    response, _ = rows(client, "?q=Zqxhamlet")
    counts = {j.name: j.event_count for j in response.context["page"].object_list}
    assert counts == {"Eventful Zqxhamlet": 2, "Eventless Zqxhamlet": 0}
    html = response.content.decode()
    assert f'href="/events/?jurisdiction={busy.uid.replace(":", "%3A")}">2</a>' in html


@pytest.mark.parametrize("query", ["?kind=bogus", "?state=XX", "?has_events=maybe", "?q=" + "x" * 200])
def test_an_invalid_filter_is_a_400_with_a_message(client, query):
    response, names = rows(client, query, status=400)
    html = response.content.decode()
    assert "Some filters could not be applied" in html and 'role="alert"' in html
    assert names == []


def test_names_are_escaped(client):
    make_jurisdiction(name="<script>alert(1)</script> Hamlet")
    html = client.get(URL + "?q=Hamlet").content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; Hamlet" in html


def test_the_nav_links_to_the_directory(client):
    assert '<a href="/jurisdictions/">Jurisdictions</a>' in client.get("/about/").content.decode()


def test_query_count_does_not_grow_with_the_data(client):
    places = [make_jurisdiction(name=f"Countable Hamlet {i}") for i in range(3)]

    def add(n):
        for i in range(n):
            make_event(status="published", sources=1, jurisdictions=[places[i % 3]])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL + "?q=Countable&has_events=yes").status_code == 200
        return len(queries)

    add(10)
    few = count()
    add(190)
    assert count() == few
