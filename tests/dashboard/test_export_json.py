"""The JSON export is one valid JSON document, nested where the CSV flattens, and agrees with the CSV."""
import csv
import datetime
import io
import json

import pytest

from events.exports import CSV_HEADER, LIST_SEPARATOR
from events.models import EnforcementOperation
from jurisdictions.models import Jurisdiction
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def download(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8")


def make_sample():
    chicago = Jurisdiction.objects.get(uid="geonames:4887398")
    la = Jurisdiction.objects.get(uid="geonames:5368361")
    first = make_event(status="published", title='ICE "surge", Chicago', sources=2, jurisdictions=[chicago],
                       kind="enforcement_operation", date=datetime.date(2025, 9, 8))
    EnforcementOperation.objects.create(event=first, agency="ICE", operation_name="Midway Blitz",
                                        reported_arrests=12)
    make_event(status="published", title="=Second; with a semicolon", sources=1, jurisdictions=[la, chicago])
    make_event(status="published", title="No sources or places")


def test_the_document_parses_with_nested_places_and_sources(client):
    make_sample()
    response = client.get("/events/export.json")
    assert response.streaming is True
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="sanctuary-tracker-events-')
    document = json.loads(b"".join(response.streaming_content))
    assert document["count"] == len(document["events"]) == 3
    assert document["source"] == "Sanctuary Tracker"
    operation = next(e for e in document["events"] if e["kind"] == "enforcement_operation")
    assert operation["jurisdictions"] == [{
        "id": "geonames:4887398", "name": "Chicago, IL", "kind": "place", "state": "IL", "role": "subject",
        "url": "http://testserver/jurisdictions/il/chicago/",
    }]
    assert [s["publisher"] for s in operation["sources"]] == ["Test Gazette", "Test Gazette"]
    assert set(operation["sources"][0]) == {"url", "publisher", "author", "title", "published"}
    assert (operation["agency"], operation["reported_arrests"]) == ("ICE", 12)
    assert operation["case"] is None and operation["amount_at_stake"] is None


def test_an_empty_export_is_valid_json(client):
    document = json.loads(download(client, "/events/export.json"))
    assert document["events"] == [] and document["count"] == 0


def test_json_records_match_csv_rows(client):
    make_sample()
    events = json.loads(download(client, "/events/export.json"))["events"]
    rows = list(csv.DictReader(io.StringIO(download(client, "/events/export.csv"))))
    assert [str(e["id"]) for e in events] == [r["id"] for r in rows]
    for event, row in zip(events, rows):
        assert row["url"] == event["url"]
        # CSV neutralises formula starts; the JSON keeps the title as written.
        assert row["title"] in (event["title"], "'" + event["title"])
        assert row["jurisdiction_ids"] == LIST_SEPARATOR.join(j["id"] for j in event["jurisdictions"])
        assert row["source_urls"] == LIST_SEPARATOR.join(s["url"] for s in event["sources"])
        for column in ("kind", "date", "date_precision", "agency", "reported_arrests", "published_at", "updated"):
            assert row[column] == ("" if event[column] is None else str(event[column]))
    assert set(CSV_HEADER) - set(events[0]) == {
        "jurisdiction_ids", "jurisdiction_names", "subject_jurisdiction_ids",
        "source_urls", "source_publishers", "source_titles",
    }


@pytest.mark.parametrize("url", ["/events/export.json", "/events/export.csv", "/events/timelinejs.json"])
def test_invalid_filters_answer_400_in_plain_text(client, url):
    response = client.get(url + "?date_from=yesterday&kind=nonsense")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "date_from: Enter a valid date." in text
    assert "kind: Select a valid choice. nonsense is not one of the available choices." in text
