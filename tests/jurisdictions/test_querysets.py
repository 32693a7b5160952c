import pytest

from jurisdictions.models import Jurisdiction

pytestmark = pytest.mark.django_db


def test_counties_include_consolidated_city_counties_but_not_dc(gazetteer):
    counties = Jurisdiction.objects.counties()
    assert counties.filter(uid="fips:06075", name="San Francisco").exists()
    assert not counties.filter(state="DC").exists()
    assert counties.filter(uid="fips:17031").exists()


def test_states_are_the_states_dc_and_territories(gazetteer):
    assert Jurisdiction.objects.states().count() == 56


def test_places_in_a_state(gazetteer):
    places = Jurisdiction.objects.places().in_state("il")
    assert places.filter(name="Chicago").exists()
    assert not places.filter(kind="county").exists()
