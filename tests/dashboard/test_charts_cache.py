"""Charts and counts: from the chart summary where it answers the filters (the same work before and
after a change); otherwise cached, served again while nothing changed, rebuilt the moment an event
changes."""
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.services import publish_event, retract_event
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def published_total(client) -> int:
    html = client.get("/").content.decode()
    return int(re.search(r"Published events</dt><dd><a [^>]+>([\d,]+)<", html)[1].replace(",", ""))


# The summary does not answer a search or a state: these charts are counted over events and cached.
COUNTED = "/events/?q=event"


def test_a_second_request_reuses_the_aggregates(client):
    for _ in range(3):
        make_event(status="published", sources=1)
    with CaptureQueriesContext(connection) as first:
        client.get(COUNTED)
    with CaptureQueriesContext(connection) as second:
        client.get(COUNTED)
    assert len(second.captured_queries) < len(first.captured_queries)


@pytest.mark.parametrize("url", ["/", "/events/", "/events/?kind=court_ruling"])
def test_summary_pages_read_only_the_summary_right_after_a_change(client, url):
    make_event(status="published", sources=1, kind="court_ruling")
    with CaptureQueriesContext(connection) as cold:
        client.get(url)
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    publish_event(make_event(sources=1, kind="court_ruling"))
    with CaptureQueriesContext(connection) as after_change:
        client.get(url)
    # A change costs the next request a read of the summary (what a cold cache costs), no more: of
    # the tallies that changed only (this event has no place, so the maps stay as they were).
    assert len(warm.captured_queries) <= len(after_change.captured_queries) <= len(cold.captured_queries)
    # Nothing is counted over every event: no COUNT or GROUP BY straight on the events table (the
    # open cases are counted over cases).
    assert not any(re.match(r'SELECT (COUNT|.* GROUP BY).* FROM "events_event"', q["sql"])
                   and 'FROM "events_case"' not in q["sql"] for q in after_change.captured_queries)


def test_publishing_retracting_and_deleting_show_at_once(client):
    make_event(status="published", sources=1)
    assert published_total(client) == 1
    draft = make_event(sources=1)
    publish_event(draft)
    assert published_total(client) == 2
    retract_event(draft, note="Withdrawn by the outlet.")
    assert published_total(client) == 1
    make_event(status="published", sources=1).delete()
    assert published_total(client) == 1


def test_the_events_page_charts_follow_new_events(client):
    make_event(status="published", sources=1, kind="court_ruling")
    assert "1 event on the chart" in client.get("/events/?kind=court_ruling").content.decode()
    make_event(status="published", sources=1, kind="court_ruling")
    assert "2 events on the chart" in client.get("/events/?kind=court_ruling").content.decode()


def test_caching_can_be_switched_off(client, settings):
    settings.CHARTS_CACHE_SECONDS = 0
    make_event(status="published", sources=1)
    with CaptureQueriesContext(connection) as first:
        client.get(COUNTED)
    with CaptureQueriesContext(connection) as second:
        client.get(COUNTED)
    assert len(second.captured_queries) == len(first.captured_queries)


def test_the_list_count_is_cached_and_follows_new_events(client):
    make_event(status="published", sources=1, kind="court_ruling")
    assert "1 event" in client.get("/events/?kind=court_ruling").content.decode()
    with CaptureQueriesContext(connection) as warm:
        html = client.get("/events/?kind=court_ruling&page=1").content.decode()
    assert "1 event" in html
    assert not any("COUNT(*)" in q["sql"] and "events_event" in q["sql"] and "max(updated)" not in q["sql"]
                   for q in warm.captured_queries)
    make_event(status="published", sources=1, kind="court_ruling")
    assert "2 events" in client.get("/events/?kind=court_ruling").content.decode()


def test_the_events_page_reads_the_data_version_once(client):
    make_event(status="published", sources=1)
    with CaptureQueriesContext(connection) as ctx:
        client.get(COUNTED)
    assert sum("max(updated)" in q["sql"] for q in ctx.captured_queries) == 1


def test_a_new_place_costs_the_map_a_read_of_the_summary_again(client):
    from tests.factories import make_jurisdiction

    first = make_jurisdiction(name="Alphaville Zq", state="IL")
    second = make_jurisdiction(name="Betatown Zq", state="IL")
    make_event(status="published", sources=1, kind="court_ruling", jurisdictions=[first])
    with CaptureQueriesContext(connection) as cold:
        client.get("/")
    publish_event(make_event(sources=1, kind="court_ruling", jurisdictions=[second]))
    with CaptureQueriesContext(connection) as after_change:
        response = client.get("/")
    assert len(after_change.captured_queries) == len(cold.captured_queries)
    assert "Betatown Zq" in response.content.decode()
