"""Every events filter works through the API exactly as on the pages (one FilterSet: EventFilter)."""
import pytest

from events.filters import EventFilter
from events.api.views import EventViewSet
from tests.api.conftest import CHICAGO, COOK, ILLINOIS, ids

pytestmark = pytest.mark.django_db


def test_the_api_uses_the_pages_filterset():
    assert EventViewSet.filterset_class is EventFilter


def test_kind(api, sample):
    assert ids(api.get("/api/v1/events/", {"kind": "court_ruling"})) == [sample.ruling.pk]
    both = ids(api.get("/api/v1/events/?kind=court_ruling&kind=policy_change"))
    assert set(both) == {sample.ruling.pk, sample.change.pk}


def test_jurisdiction_by_uid(api, sample):
    assert set(ids(api.get("/api/v1/events/", {"jurisdiction": CHICAGO}))) == {sample.lawsuit.pk, sample.ruling.pk}


def test_jurisdiction_by_name(api, sample):
    assert set(ids(api.get("/api/v1/events/", {"jurisdiction": "Chicago, IL"}))) == {sample.lawsuit.pk, sample.ruling.pk}


def test_jurisdiction_within(api, sample):
    # Cook County's own events, and those of Chicago inside it.
    assert set(ids(api.get("/api/v1/events/", {"jurisdiction": COOK}))) == {sample.ruling.pk, sample.change.pk}
    within = ids(api.get("/api/v1/events/", {"jurisdiction": ILLINOIS, "within": "true"}))
    assert set(within) == {sample.lawsuit.pk, sample.ruling.pk, sample.change.pk}


def test_state(api, sample):
    assert ids(api.get("/api/v1/events/", {"state": "CA"})) == [sample.operation.pk]


def test_jurisdiction_kind(api, sample):
    assert set(ids(api.get("/api/v1/events/", {"jurisdiction_kind": "county"}))) == {sample.ruling.pk, sample.change.pk}


def test_date_range(api, sample):
    found = ids(api.get("/api/v1/events/", {"date_from": "2025-03-01", "date_to": "2025-06-30"}))
    assert set(found) == {sample.change.pk, sample.operation.pk}


def test_q_full_text(api, sample):
    assert ids(api.get("/api/v1/events/", {"q": "dismisses"})) == [sample.ruling.pk]


def test_outcome(api, sample):
    assert ids(api.get("/api/v1/events/", {"outcome": "for_jurisdiction"})) == [sample.ruling.pk]
    assert ids(api.get("/api/v1/events/", {"outcome": "for_federal"})) == []


def test_case(api, sample):
    assert ids(api.get("/api/v1/events/", {"case": "us-v-illinois"})) == [sample.ruling.pk]


def test_agency(api, sample):
    assert ids(api.get("/api/v1/events/", {"agency": "ICE"})) == [sample.operation.pk]
    assert ids(api.get("/api/v1/events/", {"agency": "DOJ"})) == [sample.lawsuit.pk]


def test_filters_combine(api, sample):
    assert ids(api.get("/api/v1/events/", {"state": "IL", "kind": "federal_action", "agency": "DOJ"})) == [sample.lawsuit.pk]


def test_sort_is_validated_but_cursor_order_rules(api, sample):
    by_title = ids(api.get("/api/v1/events/", {"sort": "title"}))
    assert by_title == ids(api.get("/api/v1/events/"))
    response = api.get("/api/v1/events/", {"sort": "sideways"})
    assert response.status_code == 400
    assert "sort" in response.json()


@pytest.mark.parametrize(
    "params, field, message",
    [
        ({"date_from": "yesterday"}, "date_from", "Enter a valid date."),
        ({"kind": "alien_invasion"}, "kind", "Select a valid choice. alien_invasion is not one of the available choices."),
        ({"jurisdiction": "fips:99999"}, "jurisdiction", "No jurisdiction has the id “fips:99999”."),
        ({"case": "no-such-case"}, "case", "No case has that short name; copy it from the case page's address."),
        ({"agency": "NASA"}, "agency", "Select a valid choice. NASA is not one of the available choices."),
        ({"q": "x" * 201}, "q", "Ensure this value has at most 200 characters (it has 201)."),
    ],
)
def test_invalid_filter_is_400_with_the_message(api, sample, params, field, message):
    response = api.get("/api/v1/events/", params)
    assert response.status_code == 400
    assert response.json()[field] == [message]


def test_ambiguous_name_lists_the_candidates(api, sample):
    response = api.get("/api/v1/events/", {"jurisdiction": "Springfield"})
    assert response.status_code == 400
    assert "could be several jurisdictions" in response.json()["jurisdiction"][0]
