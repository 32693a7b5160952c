"""The diff of an imported snapshot against the previous version of the same list."""
import datetime

import pytest

from jurisdictions.listimport import preview_upload, save_snapshot
from tests.curation.test_list_import_helpers import csv_bytes, make_list, official_list  # noqa: F401

pytestmark = pytest.mark.django_db
FIRST = [("City of Chicago", "IL", "city"), ("Cook County", "IL", "county"), ("State of Illinois", "IL", "state")]
SECOND = [("City of Chicago", "IL", "city"), ("State of Illinois", "IL", "state"), ("City and County of Denver", "CO", "")]


def imported(official_list, rows, day):
    preview = preview_upload(csv_bytes(rows))
    assert preview.ready
    return save_snapshot(official_list, preview, published=day, source_url=f"https://example.org/{day}")


def uids(jurisdictions):
    return [j.uid for j in jurisdictions]


def test_first_version_adds_everything(gazetteer, official_list):
    first = imported(official_list, FIRST, datetime.date(2025, 5, 29))
    diff = first.diff()
    assert first.previous() is None
    assert sorted(uids(diff["added"])) == sorted(["geonames:4887398", "fips:17031", "fips:17"])
    assert diff["removed"] == []


def test_second_version_adds_and_removes(gazetteer, official_list):
    imported(official_list, FIRST, datetime.date(2025, 5, 29))
    second = imported(official_list, SECOND, datetime.date(2025, 8, 5))
    diff = second.diff()
    assert uids(diff["added"]) == ["fips:08031"]
    assert uids(diff["removed"]) == ["fips:17031"]


def test_other_lists_do_not_count(gazetteer, official_list):
    other = make_list(name="Another list (test)", slug="another-list")
    imported(other, FIRST, datetime.date(2025, 5, 29))
    second = imported(official_list, SECOND, datetime.date(2025, 8, 5))
    assert second.previous() is None
    assert sorted(uids(second.diff()["added"])) == sorted(["geonames:4887398", "fips:17", "fips:08031"])


def test_backfilled_older_version_diffs_against_its_own_predecessor(gazetteer, official_list):
    imported(official_list, FIRST, datetime.date(2025, 5, 29))
    latest = imported(official_list, SECOND, datetime.date(2025, 8, 5))
    middle = imported(official_list, [("City of Chicago", "IL", "city")], datetime.date(2025, 6, 15))
    assert uids(middle.diff()["removed"]) == ["fips:17031", "fips:17"]
    assert latest.previous() == middle
    assert sorted(uids(latest.diff()["added"])) == sorted(["fips:17", "fips:08031"])
