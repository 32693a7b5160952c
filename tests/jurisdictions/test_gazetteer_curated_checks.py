"""The curated tables are checked against the data: a missing id stops the load."""
import pytest

from jurisdictions.gazetteer import consolidated
from jurisdictions.gazetteer.consolidated import GazetteerError, resolve_consolidations
from jurisdictions.gazetteer.sources import read_counties, read_places


@pytest.fixture(scope="module")
def data():
    places, _ = read_places()
    return read_counties(), places


def test_the_shipped_tables_match_the_data(data):
    merges = resolve_consolidations(*data)
    assert {"06075", "08031", "42101", "21111", "47037", "12031", "18097", "15003", "51760"} <= {
        m.county_fips for m in merges
    }


def test_a_missing_curated_place_fails_loudly(data):
    counties, places = data
    without_sf = [p for p in places if p.geonames_id != 5391959]
    with pytest.raises(GazetteerError, match="5391959"):
        resolve_consolidations(counties, without_sf)


def test_a_mistyped_curated_fips_fails_loudly(data, monkeypatch):
    bad = consolidated.Consolidation("06001", 5391959, "CA", "San Francisco County")  # 06001 is Alameda
    monkeypatch.setattr(consolidated, "CONSOLIDATIONS", (bad,))
    with pytest.raises(GazetteerError, match="06001 is Alameda County"):
        resolve_consolidations(*data)
