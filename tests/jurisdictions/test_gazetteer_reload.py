"""Loading twice writes nothing the second time, and says so."""
from io import StringIO

import pytest
from django.core.management import call_command

from jurisdictions.models import Jurisdiction

pytestmark = pytest.mark.django_db


def test_second_load_changes_nothing(gazetteer):
    before = dict(Jurisdiction.objects.values_list("uid", "updated"))
    out = StringIO()
    call_command("load_jurisdictions", stdout=out)
    assert "No changes: " in out.getvalue()
    assert "jurisdictions already up to date" in out.getvalue()
    assert dict(Jurisdiction.objects.values_list("uid", "updated")) == before


def test_a_changed_row_is_put_back_and_counted(gazetteer):
    Jurisdiction.objects.filter(uid="fips:17031").update(name="Cook Cty", parent=None)
    out = StringIO()
    call_command("load_jurisdictions", stdout=out)
    assert "0 created, 1 updated" in out.getvalue()
    cook = Jurisdiction.objects.get(uid="fips:17031")
    assert (cook.name, cook.parent.uid) == ("Cook County", "fips:17")
