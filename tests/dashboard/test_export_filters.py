"""Exports honour every filter of the events list, and hold exactly the events the list counts."""
import csv
import datetime
import io
import json

import pytest

from events.models import Case, CourtRuling, EnforcementOperation, FederalAction
from jurisdictions.models import Jurisdiction
from tests.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample():
    chicago = Jurisdiction.objects.get(uid="geonames:4887398")
    cook = Jurisdiction.objects.get(uid="fips:17031")
    la = Jurisdiction.objects.get(uid="geonames:5368361")
    denver = Jurisdiction.objects.get(uid="fips:08031")
    case = Case.objects.create(caption="Cook County v. Barr", slug="cook-county-v-barr", court="N.D. Ill.")
    subpoena = make_event(status="published", title="Subpoena to Chicago", sources=1, jurisdictions=[chicago],
                          date=datetime.date(2025, 1, 22))
    FederalAction.objects.create(event=subpoena, agency="DOJ", action_type="subpoena")
    ruling = make_event(status="published", kind="court_ruling", title="Injunction for Cook County", sources=1,
                        jurisdictions=[cook], date=datetime.date(2024, 6, 3), case=case)
    CourtRuling.objects.create(event=ruling, court="N.D. Ill.", ruling_type="preliminary_injunction",
                               outcome="for_jurisdiction")
    raid = make_event(status="published", kind="enforcement_operation", title="Raids in Los Angeles", sources=1,
                      jurisdictions=[la], date=datetime.date(2025, 6, 6))
    EnforcementOperation.objects.create(event=raid, agency="ICE")
    memo = make_event(status="published", title="DHS memo names Denver", sources=1, jurisdictions=[denver],
                      date=datetime.date(2023, 3, 1))
    FederalAction.objects.create(event=memo, agency="DHS", action_type="memo")
    chicago_ruling = make_event(status="published", kind="court_ruling", title="Ruling against Chicago",
                                sources=1, jurisdictions=[chicago], date=datetime.date(2025, 2, 1))
    CourtRuling.objects.create(event=chicago_ruling, court="7th Cir.", ruling_type="appeal", outcome="for_federal")
    make_event(title="Draft subpoena to Chicago", sources=1, jurisdictions=[chicago])


FILTERS = {
    "q=raids": {"Raids in Los Angeles"},
    "kind=court_ruling": {"Injunction for Cook County", "Ruling against Chicago"},
    "kind=federal_action&kind=enforcement_operation": {"Subpoena to Chicago", "Raids in Los Angeles",
                                                      "DHS memo names Denver"},
    "agency=ICE": {"Raids in Los Angeles"},
    "jurisdiction=geonames:4887398": {"Subpoena to Chicago", "Ruling against Chicago"},
    "jurisdiction=Chicago, IL": {"Subpoena to Chicago", "Ruling against Chicago"},
    "jurisdiction=fips:17&within=on": {"Subpoena to Chicago", "Ruling against Chicago", "Injunction for Cook County"},
    "state=CO": {"DHS memo names Denver"},
    "jurisdiction_kind=county": {"Injunction for Cook County", "DHS memo names Denver"},  # Denver: city-county
    "date_from=2025-01-01&date_to=2025-03-31": {"Subpoena to Chicago", "Ruling against Chicago"},
    "outcome=for_federal": {"Ruling against Chicago"},
    "case=cook-county-v-barr": {"Injunction for Cook County"},
}


def csv_titles(client, query: str) -> list[str]:
    text = b"".join(client.get(f"/events/export.csv?{query}").streaming_content).decode()
    return [row["title"] for row in csv.DictReader(io.StringIO(text))]


def list_page_titles(client, query: str) -> tuple[int, list[str]]:
    listing = client.get(f"/events/?{query}").context["listing"]
    return listing.count, [event.title for event in listing.page.object_list]


@pytest.mark.parametrize("query", FILTERS)
def test_each_filter_gives_the_list_pages_events(client, sample, query):
    count, page_titles = list_page_titles(client, query)
    titles = csv_titles(client, query)
    assert set(titles) == FILTERS[query]
    assert titles == page_titles  # same events, same order
    assert len(titles) == count


def test_kind_and_jurisdiction_together_give_exactly_the_list_count(client, sample):
    query = "kind=court_ruling&jurisdiction=Chicago, IL"
    count, _ = list_page_titles(client, query)
    assert count == 1
    assert csv_titles(client, query) == ["Ruling against Chicago"]
    document = json.loads(b"".join(client.get(f"/events/export.json?{query}").streaming_content))
    assert document["count"] == count
    assert [e["title"] for e in document["events"]] == ["Ruling against Chicago"]


def test_sort_order_is_kept(client, sample):
    assert csv_titles(client, "sort=date") == list(reversed(csv_titles(client, "sort=-date")))


def test_no_row_cap_beyond_the_list_page_size(client):
    for _ in range(120):
        make_event(status="published", sources=1)
    assert len(csv_titles(client, "")) == 120
