"""The events page offers the downloads and the feed for exactly the filters on screen."""
import pytest

pytestmark = pytest.mark.django_db


def test_download_links_and_feed_discovery_carry_the_filters(client):
    html = client.get("/events/?kind=court_ruling&state=IL&page=2").content.decode()
    query = "?kind=court_ruling&amp;state=IL"
    for path in ("/events/export.csv", "/events/export.json", "/events/timelinejs.json", "/events/feed/"):
        assert f'href="{path}{query}"' in html
    assert f'<link rel="alternate" type="application/atom+xml" title="Sanctuary Tracker: these events (Atom)" href="/events/feed/{query}">' in html
    assert "page=2" not in html.split("Download:")[1].split("</p>")[0]


def test_unfiltered_page_links_to_the_whole_feed(client):
    html = client.get("/events/").content.decode()
    assert 'href="/events/export.csv">CSV</a>' in html
    assert 'type="application/atom+xml" title="Sanctuary Tracker: these events (Atom)" href="/events/feed/">' in html
