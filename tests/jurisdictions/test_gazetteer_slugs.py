"""Slugs are unique within a state and come out the same on every build."""
import pytest
from django.db.models import Count

from jurisdictions.gazetteer.build import build_gazetteer
from jurisdictions.models import Jurisdiction

pytestmark = pytest.mark.django_db


def test_slugs_are_unique_per_state(gazetteer):
    clashes = Jurisdiction.objects.values("state", "slug").annotate(n=Count("pk")).filter(n__gt=1)
    assert list(clashes) == []


def test_namesakes_in_one_state_are_told_apart(gazetteer):
    # Two GeoNames places called Midway in Florida; the bigger one keeps the plain slug.
    midways = Jurisdiction.objects.filter(state="FL", name="Midway").order_by("-population")
    slugs = [m.slug for m in midways]
    assert slugs[0] == "midway" and len(set(slugs)) == len(slugs) >= 2


def test_slugs_are_stable_between_builds(gazetteer):
    stored = dict(Jurisdiction.objects.values_list("uid", "slug"))
    rebuilt = {r.uid: r.slug for r in build_gazetteer().records}
    assert rebuilt == {uid: slug for uid, slug in stored.items() if uid in rebuilt}
