"""The loaded gazetteer has every state, the district, the territories, the counties and the places."""
import pytest

from jurisdictions.models import Jurisdiction

pytestmark = pytest.mark.django_db


def count(kind: str) -> int:
    return Jurisdiction.objects.filter(kind=kind).count()


def test_fifty_states_one_district_and_the_territories(gazetteer):
    assert count("state") == 50
    assert count("district") == 1
    territories = set(Jurisdiction.objects.filter(kind="territory").values_list("state", flat=True))
    assert territories == {"AS", "GU", "MP", "PR", "VI"}


def test_every_county_and_place_is_there(gazetteer):
    assert count("county") >= 3100
    assert count("place") >= 15000
