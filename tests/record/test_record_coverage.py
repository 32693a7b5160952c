"""The record covers what a reader expects of a tracker of 2017–2025 (issue 11's minimums)."""
from __future__ import annotations

import pytest
from django.db.models import Count

from events.choices import EventKind
from events.models import Case, Event
from jurisdictions.models import OfficialList, Policy

pytestmark = pytest.mark.django_db

MINIMUM_BY_KIND = {
    EventKind.FEDERAL_ACTION: 20,
    EventKind.COURT_RULING: 20,
    EventKind.POLICY_CHANGE: 10,
    EventKind.ENFORCEMENT_OPERATION: 8,
}


def test_at_least_80_published_events_of_every_kind(record):
    published = Event.objects.published()
    assert published.count() >= 80
    counts = dict(published.values_list("kind").annotate(n=Count("id")))
    for kind, minimum in MINIMUM_BY_KIND.items():
        assert counts.get(kind, 0) >= minimum, (kind, counts)


def test_nine_in_ten_events_are_dated(record):
    events = Event.objects.published()
    assert events.dated().count() >= 0.9 * events.count()


def test_at_least_15_cases_with_parties_on_both_sides_and_rulings(record):
    cases = Case.objects.annotate(rulings=Count("events")).filter(rulings__gt=0).prefetch_related("parties")
    complete = [c for c in cases if {"plaintiff", "defendant"} <= {p.role for p in c.parties.all()}]
    assert len(complete) >= 15, [c.caption for c in complete]


def test_dated_policies_for_at_least_20_jurisdictions(record):
    dated = Policy.objects.exclude(effective__isnull=True, adopted__isnull=True)
    assert dated.values("jurisdiction").distinct().count() >= 20


def test_the_august_2025_doj_list_is_there_with_its_members(record):
    lists = OfficialList.objects.filter(publisher__icontains="Justice")
    snapshots = [s for official in lists for s in official.snapshots.all() if (s.published.year, s.published.month) == (2025, 8)]
    assert snapshots and max(s.listings.count() for s in snapshots) >= 30
