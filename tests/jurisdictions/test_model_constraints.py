import datetime

import pytest
from django.db import IntegrityError, transaction

from jurisdictions.models import Jurisdiction, Listing, ListSnapshot, OfficialList, Policy
from tests.factories import make_jurisdiction

pytestmark = pytest.mark.django_db


def test_slug_is_unique_within_a_state_only():
    make_jurisdiction(state="QQ", slug="springfield")
    make_jurisdiction(state="QR", slug="springfield")
    with pytest.raises(IntegrityError):
        make_jurisdiction(state="QQ", slug="springfield")


def test_a_county_needs_a_fips_code():
    with pytest.raises(IntegrityError):
        make_jurisdiction(kind="county")


def test_coordinates_must_be_on_earth():
    with pytest.raises(IntegrityError):
        make_jurisdiction(latitude=123.0)


def test_fips_and_geonames_ids_are_unique():
    make_jurisdiction(kind="county", fips="97001")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_jurisdiction(kind="county", fips="97001")
    make_jurisdiction(geonames_id=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_jurisdiction(geonames_id=1)


def test_a_policy_cannot_end_before_it_was_adopted():
    with pytest.raises(IntegrityError):
        Policy.objects.create(
            jurisdiction=make_jurisdiction(), title="T", category="detainer_limits", stance="limits",
            adopted=datetime.date(2020, 1, 1), ended=datetime.date(2019, 1, 1),
        )


def test_snapshot_diff_lists_added_and_removed_jurisdictions():
    a, b, c = (make_jurisdiction(name=n) for n in ("Alpha", "Beta", "Gamma"))
    lst = OfficialList.objects.create(name="Test list", slug="test-list", publisher="DOJ")
    first = ListSnapshot.objects.create(official_list=lst, published=datetime.date(2025, 5, 29), source_url="https://example.org/1")
    second = ListSnapshot.objects.create(official_list=lst, published=datetime.date(2025, 8, 5), source_url="https://example.org/2")
    for snap, members in ((first, (a, b)), (second, (b, c))):
        for j in members:
            Listing.objects.create(snapshot=snap, jurisdiction=j)
    assert second.previous() == first
    assert second.diff() == {"added": [c], "removed": [a]}
    assert first.diff() == {"added": [a, b], "removed": []}
    with pytest.raises(IntegrityError):
        Listing.objects.create(snapshot=first, jurisdiction=a)


def test_within_a_state_returns_everything_in_it():
    state = make_jurisdiction(kind="state", state="QQ", fips="98")
    county = make_jurisdiction(kind="county", state="QQ", fips="98003", parent=state)
    make_jurisdiction(state="QQ", parent=county)
    make_jurisdiction(state="QR")
    assert Jurisdiction.objects.within(state).count() == 3
