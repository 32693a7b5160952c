"""States and counties are keyed by FIPS, places by GeoNames id."""
import pytest

from jurisdictions.models import Jurisdiction

pytestmark = pytest.mark.django_db


def test_cook_county_is_keyed_by_its_fips_code(gazetteer):
    cook = Jurisdiction.objects.get(state="IL", name="Cook County")
    assert (cook.kind, cook.fips, cook.uid) == ("county", "17031", "fips:17031")
    assert cook.parent.uid == "fips:17"


def test_a_place_is_keyed_by_its_geonames_id(gazetteer):
    chicago = Jurisdiction.objects.get(uid="geonames:4887398")
    assert (chicago.name, chicago.state, chicago.geonames_id, chicago.fips) == ("Chicago", "IL", 4887398, None)
    assert chicago.population > 2_000_000


def test_states_have_no_invented_population(gazetteer):
    assert not Jurisdiction.objects.filter(kind="state", population__isnull=False).exists()
    # Counties have a population only from the Census Bureau file (test_gazetteer_county_population.py).
    assert set(
        Jurisdiction.objects.filter(kind="county", population__isnull=False).values_list("population_source", flat=True)
    ) == {"census_v2019"}
