import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db


def test_home_lists_published_events_and_hides_drafts(client):
    place = make_jurisdiction(name="Springfield")
    make_event(title="Published thing", status="published", sources=1, jurisdictions=[place])
    make_event(title="Secret draft", status="draft", sources=1)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Published thing" in html
    assert "Springfield" in html
    assert "Test Gazette" in html
    assert "Secret draft" not in html


def test_home_escapes_titles(client):
    make_event(title='<script>alert("x")</script>', status="published", sources=1)
    html = client.get("/").content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_home_query_count_does_not_grow_with_events(client):
    places = [make_jurisdiction() for _ in range(3)]
    for _ in range(10):
        make_event(status="published", sources=2, jurisdictions=places)
    small = count_queries(client, "/")
    for _ in range(190):
        make_event(status="published", sources=2, jurisdictions=places)
    assert count_queries(client, "/") == small


def test_home_draws_charts_of_published_events_only(client):
    place = make_jurisdiction(name="Springfield")
    make_event(title="Published thing", status="published", sources=1, jurisdictions=[place])
    make_event(title="Secret draft", status="draft", sources=1, jurisdictions=[place])
    html = client.get("/").content.decode()
    assert 'class="chart__plot" id="timeline"' in html
    assert 'class="chart__plot" id="map"' in html
    assert "Published events per month, by kind: 1 event on the chart." in html
    assert '<dt>Published events</dt><dd><a href="/events/">1</a></dd>' in html
