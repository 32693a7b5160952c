"""The live JSON behind embeds: same filters, ETag revalidation (304), new events show up."""
import datetime

import pytest

from events.models import Event
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def test_json_has_the_figure_table_and_caption_for_the_filters(client):
    make_event(status="published", sources=1, kind="court_ruling", date=datetime.date(2025, 5, 5))
    make_event(status="published", sources=1, kind="federal_action", date=datetime.date(2025, 5, 6))
    response = client.get("/embed/timeline.json", {"kind": "court_ruling"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    payload = response.json()
    assert [(t["name"], t["y"]) for t in payload["figure"]["data"]] == [("Court ruling", [1])]
    assert payload["table"]["rows"][0][0]["text"] == "May 2025"
    assert payload["caption"].startswith("Published events per month")


def test_unchanged_data_answers_304_and_new_events_change_the_etag(client):
    make_event(status="published", sources=1, date=datetime.date(2025, 5, 5))
    first = client.get("/embed/map.json")
    etag = first["ETag"]
    again = client.get("/embed/map.json", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""

    draft = make_event(status="draft", date=datetime.date(2025, 5, 6), title="Draft", sources=1)
    assert client.get("/embed/timeline.json", headers={"If-None-Match": client.get("/embed/timeline.json")["ETag"]}).status_code == 304
    before = client.get("/embed/timeline.json")["ETag"]
    draft.status = "published"
    draft.published_at = datetime.datetime(2025, 5, 7, tzinfo=datetime.timezone.utc)
    draft.save()
    after = client.get("/embed/timeline.json", headers={"If-None-Match": before})
    assert after.status_code == 200
    assert after["ETag"] != before
    assert sum(after.json()["figure"]["data"][0]["y"]) == Event.objects.published().count() == 2


def test_the_page_carries_the_etag_its_first_poll_will_get(client):
    make_event(status="published", sources=1, date=datetime.date(2025, 5, 5))
    html = client.get("/embed/timeline/", {"kind": "federal_action"}).content.decode()
    etag = client.get("/embed/timeline.json", {"kind": "federal_action"})["ETag"]
    assert f'data-etag="{etag.replace(chr(34), "&quot;")}"' in html


def test_bad_filters_are_a_400_plain_text_message(client):
    response = client.get("/embed/timeline.json", {"date_to": "yesterday-ish"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode() == "Some filters could not be applied:\n- To: Enter a valid date."
