import pytest

from jurisdictions.gazetteer.sources import NOT_PLACES
from jurisdictions.models import Jurisdiction


@pytest.mark.django_db
def test_institutions_filed_as_places_are_not_loaded(gazetteer):
    assert not Jurisdiction.objects.filter(name__in=[name for _, name in NOT_PLACES]).exists()
    # Real places whose names carry an institutional word stay.
    assert Jurisdiction.objects.filter(name="College Station", state="TX").exists()
    assert Jurisdiction.objects.filter(name="State College", state="PA").exists()
