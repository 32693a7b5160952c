"""DC, consolidated city-counties and New York City each appear exactly once."""
import pytest

from jurisdictions.models import Jurisdiction

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "state, name", [("NY", "New York City"), ("CA", "San Francisco"), ("DC", "District of Columbia")]
)
def test_appears_once_by_name(gazetteer, state, name):
    assert Jurisdiction.objects.filter(state=state, name=name).count() == 1


def test_san_francisco_is_one_consolidated_row(gazetteer):
    sf = Jurisdiction.objects.get(fips="06075")
    assert (sf.kind, sf.name, sf.uid, sf.geonames_id, sf.is_consolidated) == (
        "place", "San Francisco", "fips:06075", 5391959, True
    )
    assert not Jurisdiction.objects.filter(state="CA", name="San Francisco County").exists()
    assert not Jurisdiction.objects.filter(uid="geonames:5391959").exists()
    assert "San Francisco County" in sf.aliases


def test_dc_is_one_district_row(gazetteer):
    dc = Jurisdiction.objects.get(state="DC", parent__isnull=True)
    assert (dc.kind, dc.name, dc.fips, dc.uid, dc.geonames_id, dc.is_consolidated) == (
        "district", "District of Columbia", "11", "fips:11", 4140963, True
    )
    assert {"Washington, D.C.", "Washington DC", "D.C."} <= set(dc.aliases)
    assert not Jurisdiction.objects.filter(fips="11001").exists()
    assert not Jurisdiction.objects.filter(state="DC", kind="place", name="Washington").exists()


def test_louisville_and_nashville_take_the_citys_name(gazetteer):
    assert Jurisdiction.objects.get(fips="21111").name == "Louisville"
    assert Jurisdiction.objects.get(fips="47037").name == "Nashville"


def test_every_virginia_independent_city_is_one_place(gazetteer):
    cities = Jurisdiction.objects.filter(state="VA", fips__gte="51500", fips__lt="51900")
    assert cities.count() == 38
    assert set(cities.values_list("kind", "is_consolidated")) == {("place", True)}
    assert not Jurisdiction.objects.filter(state="VA", kind="county", name__endswith=" city").exists()


def test_new_york_city_is_one_place_over_five_counties(gazetteer):
    nyc = Jurisdiction.objects.get(uid="geonames:5128581")
    assert (nyc.kind, nyc.name, nyc.is_consolidated, nyc.parent.uid) == ("place", "New York City", False, "fips:36")
    assert {"New York", "NYC"} <= set(nyc.aliases)
    boroughs = Jurisdiction.objects.filter(fips__in=["36005", "36047", "36061", "36081", "36085"])
    assert set(boroughs.values_list("kind", "parent__uid")) == {("county", "fips:36")}
