"""Atom feeds: all published events, any filter of the list, newest publications first, at most 50."""
import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Source
from jurisdictions.models import Jurisdiction
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def feed(client, url: str = "/events/feed/") -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)


def entries(root: ET.Element) -> list[ET.Element]:
    return root.findall(f"{ATOM}entry")


def titles(root: ET.Element) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in entries(root)]


def test_all_published_events_newest_publication_first(client):
    now = timezone.now()
    old = make_event(status="published", title="Old news", sources=1, published_at=now - datetime.timedelta(days=3))
    new = make_event(status="published", title="Old event published today", sources=1, published_at=now,
                     date=datetime.date(2017, 1, 25))
    make_event(title="A draft", sources=1)
    root = feed(client)
    assert root.findtext(f"{ATOM}title") == "Sanctuary Tracker: events"
    assert titles(root) == [new.title, old.title]


def test_an_entry_has_link_dates_stable_id_and_its_sources(client):
    published = timezone.now().replace(microsecond=0) - datetime.timedelta(days=1)
    event = make_event(status="published", title="Subpoenas threatened", published_at=published)
    Source.objects.create(event=event, publisher="The Texas Tribune", title="DOJ warns 23 jurisdictions",
                          url="https://example.org/tt", published=datetime.date(2018, 1, 24))
    event.refresh_from_db()
    [entry] = entries(feed(client))
    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver{event.get_absolute_url()}"
    assert entry.findtext(f"{ATOM}id") == f"http://testserver/events/{event.pk}/"
    assert datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}published")) == published
    assert datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated")) == event.updated
    summary = entry.findtext(f"{ATOM}summary")
    assert '<a href="https://example.org/tt">DOJ warns 23 jurisdictions</a>' in summary
    assert "The Texas Tribune" in summary and "January 24, 2018" in summary
    assert [c.get("term") for c in entry.findall(f"{ATOM}category")] == ["Federal action"]


def test_the_id_survives_a_slug_change(client):
    event = make_event(status="published", sources=1)
    before = entries(feed(client))[0].findtext(f"{ATOM}id")
    event.slug = "renamed"
    event.save()
    assert entries(feed(client))[0].findtext(f"{ATOM}id") == before


def test_a_filtered_feed_holds_only_matching_events_and_says_so(client):
    chicago = Jurisdiction.objects.get(uid="geonames:4887398")
    make_event(status="published", kind="court_ruling", title="Chicago ruling", sources=1, jurisdictions=[chicago])
    make_event(status="published", kind="federal_action", title="Chicago subpoena", sources=1, jurisdictions=[chicago])
    make_event(status="published", kind="court_ruling", title="Elsewhere ruling", sources=1)
    root = feed(client, "/events/feed/?kind=court_ruling&jurisdiction=geonames:4887398")
    assert titles(root) == ["Chicago ruling"]
    assert root.findtext(f"{ATOM}title") == "Sanctuary Tracker: events where kind: Court ruling; jurisdiction: Chicago, IL"
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links["alternate"] == "http://testserver/events/?kind=court_ruling&jurisdiction=geonames%3A4887398"
    assert links["self"] == "http://testserver/events/feed/?kind=court_ruling&jurisdiction=geonames:4887398"


def test_invalid_filters_answer_400_in_plain_text(client):
    response = client.get("/events/feed/?jurisdiction=Nowhereville, ZZ&date_to=soon")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "date_to: Enter a valid date." in response.content.decode()
    assert "jurisdiction: No jurisdiction is called" in response.content.decode()


def test_the_feed_holds_the_latest_50(client):
    now = timezone.now()
    for n in range(55):
        make_event(status="published", title=f"Event {n:02d}", published_at=now - datetime.timedelta(minutes=55 - n))
    shown = titles(feed(client))
    assert len(shown) == 50
    assert shown[0] == "Event 54" and shown[-1] == "Event 05"


def test_titles_and_summaries_are_escaped(client):
    make_event(status="published", title="<script>alert(1)</script> & more", summary="<img src=x onerror=alert(2)>",
               sources=1)
    response = client.get("/events/feed/")
    assert b"<script>" not in response.content and b"<img" not in response.content
    [entry] = entries(ET.fromstring(response.content))
    # Atom title is text: a reader shows the characters, never runs them.
    assert entry.findtext(f"{ATOM}title") == "<script>alert(1)</script> & more"
    summary = entry.findtext(f"{ATOM}summary")
    assert "&lt;img src=x onerror=alert(2)&gt;" in summary and "<img" not in summary


def test_10_and_200_events_run_the_same_queries(client):
    place = make_jurisdiction()

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/events/feed/?kind=federal_action").status_code == 200
        return len(captured)

    for _ in range(10):
        make_event(status="published", sources=2, jurisdictions=[place])
    few = count_queries()
    for _ in range(190):
        make_event(status="published", sources=2, jurisdictions=[place])
    assert count_queries() == few
