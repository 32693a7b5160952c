"""The CSV export's columns are a public contract: exact header, one documented value per column."""
import csv
import datetime
import io

import pytest

from events.exports import CSV_HEADER
from events.models import Case, CourtRuling, EventJurisdiction, FederalAction, Source
from jurisdictions.models import Jurisdiction
from tests.factories import make_event

pytestmark = pytest.mark.django_db

EXPECTED_HEADER = [
    "id", "url", "title", "kind", "date", "date_precision", "date_text", "summary",
    "jurisdiction_ids", "jurisdiction_names", "subject_jurisdiction_ids",
    "agency", "action_type", "amount_at_stake", "case", "court", "court_outcome", "reported_arrests",
    "source_urls", "source_publishers", "source_titles", "published_at", "updated",
]


def csv_rows(client, query: str = "") -> list[dict[str, str]]:
    response = client.get("/events/export.csv" + query)
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))


def test_header_is_exactly_the_documented_columns(client):
    response = client.get("/events/export.csv")
    first_line = b"".join(response.streaming_content).decode().splitlines()[0]
    assert first_line == ",".join(EXPECTED_HEADER)
    assert list(CSV_HEADER) == EXPECTED_HEADER


def test_an_empty_export_still_has_its_header(client):
    text = b"".join(client.get("/events/export.csv?kind=court_ruling").streaming_content).decode()
    assert text == ",".join(EXPECTED_HEADER) + "\r\n"


def test_headers_say_csv_attachment_with_a_dated_filename(client):
    response = client.get("/events/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = datetime.date.today().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="sanctuary-tracker-events-{today}.csv"'


def test_a_federal_action_row_carries_ids_sources_and_details(client):
    chicago = Jurisdiction.objects.get(uid="geonames:4887398")
    cook = Jurisdiction.objects.get(uid="fips:17031")
    case = Case.objects.create(caption="Chicago v. Sessions", slug="chicago-v-sessions", court="N.D. Ill.")
    event = make_event(
        status="published", title="DOJ conditions Byrne JAG grants", summary="Grants tied to cooperation.",
        date=datetime.date(2017, 8, 15), date_precision="month", case=case,
    )
    EventJurisdiction.objects.create(event=event, jurisdiction=chicago, role="subject")
    EventJurisdiction.objects.create(event=event, jurisdiction=cook, role="mentioned")
    FederalAction.objects.create(event=event, agency="DOJ", action_type="grant_condition", amount_at_stake=3200000)
    Source.objects.create(event=event, publisher="Chicago Tribune", title="City sues; says grants at risk",
                          url="https://example.org/trib", published=datetime.date(2017, 8, 7))
    Source.objects.create(event=event, publisher="WBEZ", title="Emanuel sues", url="https://example.org/wbez",
                          published=datetime.date(2017, 8, 8))
    event.refresh_from_db()

    [row] = csv_rows(client)
    assert row["id"] == str(event.pk)
    assert row["url"] == f"http://testserver/events/{event.pk}-{event.slug}/"
    assert row["kind"] == "federal_action"
    assert (row["date"], row["date_precision"], row["date_text"]) == ("2017-08-01", "month", "August 2017")
    assert row["jurisdiction_ids"] == "geonames:4887398;fips:17031"  # subject first
    assert row["jurisdiction_names"] == "Chicago, IL;Cook County, IL"
    assert row["subject_jurisdiction_ids"] == "geonames:4887398"
    assert (row["agency"], row["action_type"], row["amount_at_stake"]) == ("DOJ", "grant_condition", "3200000")
    assert row["case"] == "chicago-v-sessions"
    assert row["court"] == row["court_outcome"] == row["reported_arrests"] == ""
    assert row["source_urls"] == "https://example.org/trib;https://example.org/wbez"
    assert row["source_publishers"] == "Chicago Tribune;WBEZ"
    assert row["source_titles"] == "City sues; says grants at risk;Emanuel sues"
    assert row["published_at"] == event.published_at.astimezone(datetime.timezone.utc).isoformat(timespec="seconds")
    assert row["updated"] == event.updated.astimezone(datetime.timezone.utc).isoformat(timespec="seconds")


def test_a_court_ruling_row_gives_court_and_outcome_and_an_undated_event_no_date(client):
    ruling = make_event(status="published", kind="court_ruling", sources=1)
    CourtRuling.objects.create(event=ruling, court="U.S. District Court, N.D. Cal.", ruling_type="tro",
                               outcome="for_jurisdiction")
    make_event(status="published", title="Undated", date=None, date_precision="unknown", sources=1)
    rows = {row["title"]: row for row in csv_rows(client)}
    assert rows[ruling.title]["court"] == "U.S. District Court, N.D. Cal."
    assert rows[ruling.title]["court_outcome"] == "for_jurisdiction"
    assert rows[ruling.title]["agency"] == ""
    assert (rows["Undated"]["date"], rows["Undated"]["date_precision"]) == ("", "unknown")
    assert rows["Undated"]["date_text"] == "Date not stated in sources"
