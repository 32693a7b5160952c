"""Every jurisdiction ends up with a point on Earth and says where the point came from."""
import pytest
from django.db.models import Q

from jurisdictions.choices import CoordinateSource
from jurisdictions.models import Jurisdiction

pytestmark = pytest.mark.django_db


def test_every_jurisdiction_has_coordinates_in_range(gazetteer):
    out_of_range = Q(latitude__lt=-90) | Q(latitude__gt=90) | Q(longitude__lt=-180) | Q(longitude__gt=180)
    assert not Jurisdiction.objects.filter(out_of_range | Q(latitude=0, longitude=0)).exists()


def test_points_are_in_the_us_and_its_territories(gazetteer):
    # American Samoa reaches -14.5, Alaska 71; Guam and the Northern Marianas sit east of 144.
    pacific = ["GU", "MP"]
    elsewhere = Jurisdiction.objects.exclude(state__in=pacific)
    assert not elsewhere.exclude(latitude__range=(-15, 72), longitude__range=(-180, -64)).exists()
    assert not Jurisdiction.objects.filter(state__in=pacific).exclude(
        latitude__range=(13, 21), longitude__range=(144, 147)
    ).exists()


def test_counties_get_computed_points_and_places_geonames_points(gazetteer):
    assert set(Jurisdiction.objects.filter(kind="place").values_list("coordinates_source", flat=True)) == {
        CoordinateSource.GEONAMES
    }
    county_sources = set(Jurisdiction.objects.filter(kind="county").values_list("coordinates_source", flat=True))
    assert county_sources <= {CoordinateSource.ZIP_MEAN, CoordinateSource.PLACES_MEAN, CoordinateSource.STATE_POINT}
    # Only two territorial county-equivalents have neither ZIP codes nor places inside.
    assert Jurisdiction.objects.filter(coordinates_source=CoordinateSource.STATE_POINT).count() == 2


def test_cook_county_point_is_near_chicago(gazetteer):
    cook = Jurisdiction.objects.get(fips="17031")
    assert 41.5 < cook.latitude < 42.2 and -88.3 < cook.longitude < -87.5
