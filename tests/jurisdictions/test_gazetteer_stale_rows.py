"""Rows the datasets no longer have are reported, never deleted."""
from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import make_jurisdiction

pytestmark = pytest.mark.django_db


def test_a_row_missing_from_the_datasets_is_kept_and_reported(gazetteer):
    gone = make_jurisdiction(uid="geonames:1", state="IL", name="Vanished", slug="vanished")
    out = StringIO()
    call_command("load_jurisdictions", stdout=out)
    gone.refresh_from_db()
    assert "1 jurisdictions in the database are no longer in the datasets" in out.getvalue()
    assert "geonames:1" in out.getvalue()
