"""The API's jurisdictions list honours ``search=`` (name or alias, every word), like the directory's ``q``,
on the real gazetteer."""
import pytest

pytestmark = pytest.mark.django_db


def uids(client, query: str) -> list[str]:
    response = client.get(f"/api/v1/jurisdictions/?{query}&page_size=200")
    assert response.status_code == 200, response.content
    return [row["uid"] for row in response.json()["results"]]


def test_search_matches_names_and_aliases(client):
    assert uids(client, "search=cook+county&state=IL") == ["fips:17031"]
    assert "fips:17031" in uids(client, "search=cook")
    assert "fips:17031" not in uids(client, "search=cook&state=MN")
    assert uids(client, "search=NYC") == ["geonames:5128581"]  # an alias, not the name
    assert uids(client, "search=louisville+metro") == ["fips:21111"]
    assert uids(client, "search=zzqqxx") == []


def test_search_narrows_the_list(client):
    everything = client.get("/api/v1/jurisdictions/?state=IL").json()
    searched = client.get("/api/v1/jurisdictions/?state=IL&search=chicago").json()
    assert len(searched["results"]) < len(everything["results"])
    assert all("chicago" in row["name"].lower() or any("chicago" in a.lower() for a in row["aliases"])
               for row in searched["results"])


def test_an_overlong_search_is_a_clear_error(client):
    response = client.get("/api/v1/jurisdictions/?search=" + "x" * 500)
    assert response.status_code == 400
    assert "search" in response.json()
