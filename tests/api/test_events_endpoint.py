"""/api/v1/events/: published events only, with their sources, corrections, places, details and case."""
import pytest

from tests.api.conftest import CHICAGO, COOK, ids

pytestmark = pytest.mark.django_db


def test_lists_only_published_events(api, sample):
    listed = ids(api.get("/api/v1/events/"))
    assert set(listed) == {sample.lawsuit.pk, sample.ruling.pk, sample.operation.pk, sample.change.pk}


@pytest.mark.parametrize("which", ["draft", "retracted"])
def test_drafts_and_retracted_events_are_404_on_detail(api, sample, which):
    event = getattr(sample, which)
    response = api.get(f"/api/v1/events/{event.pk}/")
    assert response.status_code == 404
    assert response.json() == {"detail": "No Event matches the given query."}


def test_drafts_stay_hidden_from_staff_too(api, sample, editor):
    api.force_authenticate(editor)
    assert api.get(f"/api/v1/events/{sample.draft.pk}/").status_code == 404


def test_detail_embeds_sources_corrections_jurisdictions_case_and_ruling(api, sample):
    body = api.get(f"/api/v1/events/{sample.ruling.pk}/").json()
    assert body["id"] == sample.ruling.pk
    assert body["page_url"] == f"http://testserver{sample.ruling.get_absolute_url()}"
    assert body["kind"] == "court_ruling"
    assert body["date"] == "2025-07-25" and body["date_precision"] == "day"
    assert body["date_display"] == "July 25, 2025"
    assert body["case"] == "us-v-illinois"
    assert body["sources"] == [
        {"publisher": "Test Gazette", "author": "", "title": "Report 0",
         "url": f"https://example.org/{sample.ruling.pk}/0", "published": None}
    ]
    assert len(body["corrections"]) == 1
    assert body["corrections"][0]["note"] == "The ruling's date was first given as July 24."
    assert body["corrections"][0]["date"].startswith("2025-07-28T")
    places = {j["uid"]: j for j in body["jurisdictions"]}
    assert places[CHICAGO] == {"uid": CHICAGO, "name": "Chicago", "kind": "place", "state": "IL", "role": "subject"}
    assert places[COOK]["kind"] == "county"
    assert body["court_ruling"] == {"court": "N.D. Ill.", "ruling_type": "dismissal",
                                    "outcome": "for_jurisdiction", "judges": ""}
    assert body["federal_action"] is None and body["policy_change"] is None and body["enforcement_operation"] is None


def test_kind_details_of_each_kind(api, sample):
    def get(event):
        return api.get(f"/api/v1/events/{event.pk}/").json()

    assert get(sample.lawsuit)["federal_action"] == {
        "agency": "DOJ", "action_type": "lawsuit", "amount_at_stake": 1_000_000, "amount_note": ""}
    assert get(sample.operation)["enforcement_operation"]["reported_arrests"] == 44
    assert get(sample.change)["policy_change"] == {
        "policy": sample.policy.pk, "policy_title": "Detainer ordinance", "jurisdiction": COOK, "change": "reaffirmed"}


def test_no_database_keys_of_jurisdictions_leak(api, sample):
    body = api.get(f"/api/v1/events/{sample.ruling.pk}/").json()
    for place in body["jurisdictions"]:
        assert set(place) == {"uid", "name", "kind", "state", "role"}


def test_non_numeric_and_missing_ids_are_404(api, sample):
    assert api.get("/api/v1/events/999999999/").status_code == 404
    assert api.get("/api/v1/events/99999999999999999999999/").status_code == 404
    assert api.get("/api/v1/events/abc/").status_code == 404


def test_the_api_is_read_only(api, sample):
    assert api.post("/api/v1/events/", {"title": "x"}, format="json").status_code == 405
    assert api.delete(f"/api/v1/events/{sample.lawsuit.pk}/").status_code == 405
