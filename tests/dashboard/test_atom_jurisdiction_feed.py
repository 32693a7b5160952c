"""The "follow this jurisdiction" feed: published events involving it, 404 for an unknown one."""
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from jurisdictions.models import Jurisdiction
from tests.factories import make_event

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def titles(content: bytes) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in ET.fromstring(content).findall(f"{ATOM}entry")]


@pytest.fixture
def chicago():
    return Jurisdiction.objects.get(uid="geonames:4887398")


def test_url_name_and_address(chicago):
    assert reverse("jurisdiction_feed", kwargs={"state": "il", "slug": "chicago"}) == "/jurisdictions/il/chicago/feed/"
    assert chicago.get_absolute_url() + "feed/" == "/jurisdictions/il/chicago/feed/"


def test_it_holds_the_published_events_involving_the_jurisdiction(client, chicago):
    cook = Jurisdiction.objects.get(uid="fips:17031")
    make_event(status="published", title="About Chicago", sources=1, jurisdictions=[chicago])
    make_event(status="published", title="Chicago and Cook", sources=1, jurisdictions=[cook, chicago])
    make_event(status="published", title="Only Cook", sources=1, jurisdictions=[cook])
    make_event(title="Draft about Chicago", sources=1, jurisdictions=[chicago])
    make_event(status="retracted", title="Retracted about Chicago", sources=1, jurisdictions=[chicago])
    response = client.get("/jurisdictions/il/chicago/feed/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert sorted(titles(response.content)) == ["About Chicago", "Chicago and Cook"]
    root = ET.fromstring(response.content)
    assert root.findtext(f"{ATOM}title") == "Sanctuary Tracker: Chicago, IL"
    alternate = next(link for link in root.findall(f"{ATOM}link") if link.get("rel") == "alternate")
    assert alternate.get("href") == "http://testserver/jurisdictions/il/chicago/"


def test_the_query_string_narrows_it(client, chicago):
    make_event(status="published", kind="court_ruling", title="Chicago ruling", sources=1, jurisdictions=[chicago])
    make_event(status="published", title="Chicago action", sources=1, jurisdictions=[chicago])
    response = client.get("/jurisdictions/il/chicago/feed/?kind=court_ruling")
    assert titles(response.content) == ["Chicago ruling"]
    assert client.get("/jurisdictions/il/chicago/feed/?kind=bogus").status_code == 400


@pytest.mark.parametrize("url", ["/jurisdictions/il/no-such-place/feed/", "/jurisdictions/zz/chicago/feed/"])
def test_an_unknown_jurisdiction_is_404(client, url):
    assert client.get(url).status_code == 404
