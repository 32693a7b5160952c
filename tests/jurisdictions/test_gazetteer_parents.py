"""Places hang under the county most of their ZIP codes are filed in; boroughs under New York City."""
import pytest

from jurisdictions.models import Jurisdiction

pytestmark = pytest.mark.django_db


def parent_of(state: str, name: str) -> Jurisdiction:
    return Jurisdiction.objects.select_related("parent").get(state=state, name=name, kind="place").parent


@pytest.mark.parametrize(
    "state, place, county",
    [("IL", "Evanston", "Cook County"), ("CA", "Oakland", "Alameda County"), ("NY", "Rochester", "Monroe County")],
)
def test_place_lies_in_its_county(gazetteer, state, place, county):
    assert parent_of(state, place).name == county


def test_brooklyn_is_in_new_york_city(gazetteer):
    assert parent_of("NY", "Brooklyn").uid == "geonames:5128581"


def test_a_place_in_a_consolidated_county_hangs_under_the_consolidated_city(gazetteer):
    assert parent_of("IN", "Beech Grove").fips == "18097"  # Indianapolis (Marion County)


def test_counties_hang_under_their_state(gazetteer):
    assert set(Jurisdiction.objects.filter(kind="county").values_list("parent__kind", flat=True)) <= {
        "state", "territory"
    }


def test_within_a_county_finds_its_places(gazetteer):
    cook = Jurisdiction.objects.get(fips="17031")
    names = set(Jurisdiction.objects.within(cook).values_list("name", flat=True))
    assert {"Cook County", "Chicago", "Evanston"} <= names


def test_a_place_no_zip_is_named_after_gets_the_county_around_it(gazetteer):
    # Las Vegas's ZIP codes are all "Las Vegas"; Paradise (the Strip) is unincorporated Clark County.
    assert parent_of("NV", "Paradise").name == "Clark County"
