"""Counties get the Census Bureau's population from the bundled file, named as such; none is ever invented."""
from io import StringIO

import pytest
from django.core.management import call_command

from jurisdictions.choices import PopulationSource
from jurisdictions.gazetteer import build
from jurisdictions.gazetteer.sources import COUNTY_POPULATION_FILE, read_county_populations
from jurisdictions.models import Jurisdiction

pytestmark = pytest.mark.django_db

CENSUS = PopulationSource.CENSUS_V2019


def _population(uid: str) -> tuple[int | None, str]:
    row = Jurisdiction.objects.get(uid=uid)
    return row.population, row.population_source


def test_counties_carry_the_census_vintage_2019_estimate(gazetteer):
    assert _population("fips:17031") == (5_150_233, CENSUS)  # Cook County, IL
    assert _population("fips:06037") == (10_039_107, CENSUS)  # Los Angeles County, CA
    assert _population("fips:48301") == (169, CENSUS)  # Loving County, TX, the smallest


def test_consolidated_city_counties_and_dc_carry_their_county_figure(gazetteer):
    assert _population("fips:06075") == (881_549, CENSUS)  # San Francisco
    assert _population("fips:51760") == (230_436, CENSUS)  # Richmond, an independent city
    assert _population("fips:11") == (705_749, CENSUS)  # DC, county-equivalent 11001


def test_counties_the_file_lacks_stay_without_population(gazetteer):
    # Chugach Census Area was split from Valdez-Cordova in 2019; Vintage 2019 still counts the old area.
    assert _population("fips:02063") == (None, "")
    # The territories are not in the county file.
    assert _population("fips:72127") == (None, "")  # San Juan Municipio, PR
    assert _population("fips:66010") == (None, "")  # Guam


def test_places_keep_geonames_populations(gazetteer):
    assert _population("geonames:4887398")[1] == PopulationSource.GEONAMES  # Chicago
    assert not Jurisdiction.objects.filter(population__isnull=True).exclude(population_source="").exists()
    assert not Jurisdiction.objects.filter(population__isnull=False, population_source="").exists()


def test_every_county_of_the_states_and_dc_but_two_has_a_figure(gazetteer):
    counties = Jurisdiction.objects.filter(kind="county").exclude(state__in=["PR", "GU", "AS", "MP", "VI"])
    assert set(counties.filter(population__isnull=True).values_list("fips", flat=True)) == {"02063", "02066"}


def test_a_county_missing_from_the_file_is_left_empty_not_estimated(monkeypatch):
    table = dict(read_county_populations())
    del table["17031"], table["06075"]
    monkeypatch.setattr(build, "read_county_populations", lambda: table)
    records = {r.uid: r for r in build.build_gazetteer().records}
    cook, sf = records["fips:17031"], records["fips:06075"]
    assert (cook.population, cook.population_source) == (None, "")
    # A consolidated city-county without a Census figure keeps GeoNames' figure for the city, saying so.
    assert sf.population and sf.population_source == PopulationSource.GEONAMES
    assert records["fips:17043"].population_source == CENSUS  # DuPage is still read


def test_the_bundled_file_is_the_census_table_for_the_states_and_dc():
    table = read_county_populations()
    assert len(table) == 3142
    assert {fips[:2] for fips in table} == {
        f"{n:02d}" for n in range(1, 57) if n not in (3, 7, 14, 43, 52)
    }  # 50 states and DC
    assert all(len(fips) == 5 and population > 0 for fips, population in table.items())
    assert COUNTY_POPULATION_FILE.read_text(encoding="utf-8").splitlines()[0] == (
        "fips,census_state_name,census_county_name,popestimate2019"
    )
    assert (COUNTY_POPULATION_FILE.parent / "README.md").exists()


def test_the_reader_takes_the_file_as_written(tmp_path):
    path = tmp_path / "pop.csv"
    path.write_text(
        "fips,census_state_name,census_county_name,popestimate2019\n"
        "01001,Alabama,Autauga County,55869\n"
        "35013,New Mexico,Doña Ana County,218195\n",
        encoding="utf-8",
    )
    assert read_county_populations(path) == {"01001": 55869, "35013": 218195}


def test_a_reload_puts_back_a_cleared_figure_and_then_changes_nothing(gazetteer):
    Jurisdiction.objects.filter(uid="fips:17031").update(population=None, population_source="")
    out = StringIO()
    call_command("load_jurisdictions", stdout=out)
    assert "0 created, 1 updated" in out.getvalue()
    assert "census_v2019 3,141" in out.getvalue()
    assert _population("fips:17031") == (5_150_233, CENSUS)
    out = StringIO()
    call_command("load_jurisdictions", stdout=out)
    assert "No changes: " in out.getvalue()


def test_the_page_names_the_source_next_to_the_figure(gazetteer, client):
    cook = client.get(Jurisdiction.objects.get(uid="fips:17031").get_absolute_url()).content.decode()
    assert "5,150,233" in cook
    assert "U.S. Census Bureau estimate for July 1, 2019 (Vintage 2019)" in cook
    sf = client.get(Jurisdiction.objects.get(uid="fips:06075").get_absolute_url()).content.decode()
    assert "881,549" in sf and "for the county-equivalent, FIPS 06075" in sf
    chugach = client.get(Jurisdiction.objects.get(uid="fips:02063").get_absolute_url()).content.decode()
    assert "Not in the gazetteer&#x27;s sources" in chugach or "Not in the gazetteer's sources" in chugach


def test_the_api_and_the_about_page_name_the_source(gazetteer, client):
    body = client.get("/api/v1/jurisdictions/fips:17031/").json()
    assert (body["population"], body["population_source"]) == (5_150_233, "census_v2019")
    about = client.get("/about/").content.decode()
    assert "U.S. Census Bureau county population estimates, Vintage 2019" in about
    assert "<code>covidcast</code> 0.2.2 (MIT licence)" in about
