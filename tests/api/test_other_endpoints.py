"""/api/v1/jurisdictions/, /cases/, /policies/ and /lists/."""
import datetime

import pytest

from jurisdictions.models import Listing, ListSnapshot, OfficialList
from tests.api.conftest import CHICAGO, COOK, by_uid

pytestmark = pytest.mark.django_db


def test_jurisdiction_detail_by_uid(api, sample):
    body = api.get(f"/api/v1/jurisdictions/{CHICAGO}/").json()
    assert body["uid"] == CHICAGO and body["name"] == "Chicago" and body["state"] == "IL"
    assert body["parent"] == COOK
    assert body["event_count"] == 2  # the lawsuit and the ruling; not the draft or the retracted story
    assert body["page_url"] == "http://testserver/jurisdictions/il/chicago/"
    assert "id" not in body and "pk" not in body


def test_unknown_jurisdiction_is_404(api, sample):
    assert api.get("/api/v1/jurisdictions/fips:99999/").status_code == 404


def test_jurisdictions_use_the_directory_filters(api, sample):
    rows = api.get("/api/v1/jurisdictions/", {"q": "Cook", "state": "IL", "kind": "county"}).json()["results"]
    assert [row["uid"] for row in rows] == [COOK]
    with_events = api.get("/api/v1/jurisdictions/", {"has_events": "yes"}).json()["results"]
    assert {row["uid"] for row in with_events} == {CHICAGO, COOK, by_uid(sample.operation.involvements.get().jurisdiction.uid).uid}
    bad = api.get("/api/v1/jurisdictions/", {"kind": "planet"})
    assert bad.status_code == 400 and "kind" in bad.json()


def test_case_embeds_parties_and_published_events(api, sample):
    body = api.get("/api/v1/cases/us-v-illinois/").json()
    assert body["caption"] == "United States v. Illinois"
    assert body["originating_event"] == sample.lawsuit.pk
    assert body["events"] == [sample.ruling.pk]
    assert body["parties"] == [
        {"role": "defendant", "jurisdiction": {"uid": CHICAGO, "name": "Chicago", "kind": "place", "state": "IL"},
         "federal_party": ""},
        {"role": "plaintiff", "jurisdiction": None, "federal_party": "United States"},
    ]
    assert [row["slug"] for row in api.get("/api/v1/cases/").json()["results"]] == ["us-v-illinois"]


def test_case_hides_unpublished_origin_and_events(api, sample):
    sample.case.originating_event = sample.retracted
    sample.case.save()
    sample.draft.case = sample.case
    sample.draft.save()
    body = api.get("/api/v1/cases/us-v-illinois/").json()
    assert body["originating_event"] is None
    assert body["events"] == [sample.ruling.pk]


def test_policies_list_and_filters(api, sample):
    rows = api.get("/api/v1/policies/").json()["results"]
    assert rows[0]["title"] == "Detainer ordinance"
    assert rows[0]["jurisdiction"] == {"uid": COOK, "name": "Cook County", "kind": "county", "state": "IL"}
    assert api.get("/api/v1/policies/", {"jurisdiction": COOK}).json()["results"][0]["id"] == sample.policy.pk
    assert api.get("/api/v1/policies/", {"state": "CA"}).json()["results"] == []
    assert api.get("/api/v1/policies/", {"category": "detainer_limits", "stance": "limits", "ended": "false"}).json()["results"]
    assert api.get("/api/v1/policies/", {"ended": "true"}).json()["results"] == []
    assert api.get(f"/api/v1/policies/{sample.policy.pk}/").json()["adopted"] == "2011-09-07"
    assert api.get("/api/v1/policies/", {"stance": "maybe"}).status_code == 400


def test_lists_embed_snapshots_and_memberships(api, db):
    official = OfficialList.objects.create(name="Test list", slug="test-list", publisher="U.S. Department of Justice",
                                           url="https://example.gov/list")
    older = ListSnapshot.objects.create(official_list=official, published=datetime.date(2025, 5, 29),
                                        source_url="https://example.gov/list-1")
    newer = ListSnapshot.objects.create(official_list=official, published=datetime.date(2025, 8, 5),
                                        source_url="https://example.gov/list-2")
    Listing.objects.create(snapshot=older, jurisdiction=by_uid(CHICAGO), name_as_listed="City of Chicago")
    Listing.objects.create(snapshot=newer, jurisdiction=by_uid(COOK))
    Listing.objects.create(snapshot=newer, jurisdiction=by_uid(CHICAGO))
    body = api.get("/api/v1/lists/test-list/").json()
    assert body["url"] == "https://example.gov/list"
    assert [s["published"] for s in body["snapshots"]] == ["2025-08-05", "2025-05-29"]
    assert [j["uid"] for j in body["snapshots"][0]["jurisdictions"]] == [CHICAGO, COOK]
    assert body["snapshots"][1]["jurisdictions"] == [
        {"uid": CHICAGO, "name": "Chicago", "kind": "place", "state": "IL", "name_as_listed": "City of Chicago"}
    ]
    assert [row["slug"] for row in api.get("/api/v1/lists/").json()["results"]] == ["test-list"]
    assert api.get("/api/v1/lists/no-such-list/").status_code == 404
