"""Small things a reader notices: one "numbers as a table" per chart, Atom entries with authors, a favicon,
and the map's legend out of the toolbar's way."""
import xml.etree.ElementTree as ET

import pytest

from events.charts import us_map
from events.models import Event, Source
from tests.factories import make_event

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_each_chart_offers_its_table_once(client):
    make_event(status="published", sources=1)
    html = client.get("/").content.decode()
    assert html.count("The numbers as a table") == 2  # the timeline's and the map's, nothing doubled


def test_atom_entries_name_the_publishers_of_their_sources(client):
    event = make_event(status="published", sources=1, title="Sued over grants")  # publisher "Test Gazette"
    Source.objects.create(event=event, publisher="", author="Alfonso Serrano", title="Byline only")
    Source.objects.create(event=event, publisher="Test Gazette", title="Same outlet again")
    root = ET.fromstring(client.get("/events/feed/").content)
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}author/{ATOM}name").text == "Test Gazette, Alfonso Serrano"


def test_favicon(client):
    html = client.get("/").content.decode()
    assert 'rel="icon" href="/static/favicon.svg"' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/favicon.svg"
    from django.contrib.staticfiles import finders

    assert finders.find("favicon.svg")  # whitenoise serves it from the collected static files


def test_the_map_toolbar_stands_upright_away_from_the_legend():
    make_event(status="published", sources=1)
    layout = us_map(Event.objects.published()).figure["layout"]
    assert layout["modebar"]["orientation"] == "v" and layout["legend"]["x"] == 0
