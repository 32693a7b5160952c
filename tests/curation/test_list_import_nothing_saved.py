"""A bad file changes nothing: save refuses a preview with problems, and a failure while writing
leaves no snapshot and no listings behind (one transaction)."""
import datetime

import pytest
from django.db import IntegrityError

from jurisdictions.listimport import ImportNotReady, create_snapshot, preview_upload, save_snapshot
from jurisdictions.models import Jurisdiction, Listing, ListSnapshot
from tests.curation.test_list_import_helpers import GOOD_ROWS, csv_bytes, official_list  # noqa: F401

pytestmark = pytest.mark.django_db
DAY = datetime.date(2025, 8, 5)


@pytest.mark.parametrize(
    "data",
    [
        csv_bytes([*GOOD_ROWS, ("Washington County", "", "county")]),  # one ambiguous row
        csv_bytes([*GOOD_ROWS, ("Nowhere At All", "IL", "city")]),  # one unresolved row
        b"name,state\nChicago,IL\n",  # missing column
        b"\x00\x01\x02binary",  # not text
        b"",  # empty
    ],
    ids=["ambiguous", "unresolved", "missing-column", "binary", "empty"],
)
def test_save_refuses_a_preview_with_problems(gazetteer, official_list, data):
    preview = preview_upload(data)
    with pytest.raises(ImportNotReady):
        save_snapshot(official_list, preview, published=DAY, source_url="https://example.org/v1")
    assert ListSnapshot.objects.count() == 0 and Listing.objects.count() == 0


def test_failure_while_writing_listings_rolls_back_the_snapshot(gazetteer, official_list):
    chicago = Jurisdiction.objects.get(uid="geonames:4887398")
    cook = Jurisdiction.objects.get(uid="fips:17031")
    # The same jurisdiction twice breaks listing_unique_per_snapshot after the snapshot row is written.
    with pytest.raises(IntegrityError):
        create_snapshot(
            official_list, [(cook, "Cook County"), (chicago, "Chicago"), (chicago, "City of Chicago")],
            published=DAY, source_url="https://example.org/v1",
        )
    assert ListSnapshot.objects.count() == 0 and Listing.objects.count() == 0


def test_second_version_with_the_same_date_is_refused_and_first_kept(gazetteer, official_list):
    preview = preview_upload(csv_bytes(GOOD_ROWS))
    first = save_snapshot(official_list, preview, published=DAY, source_url="https://example.org/v1")
    with pytest.raises(IntegrityError):
        save_snapshot(official_list, preview_upload(csv_bytes(GOOD_ROWS[:2])), published=DAY, source_url="https://example.org/v2")
    assert list(ListSnapshot.objects.all()) == [first]
    assert first.listings.count() == len(GOOD_ROWS)
