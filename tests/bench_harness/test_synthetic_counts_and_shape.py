from collections import Counter

import pytest
from django.db.models import Count, Q

from events.choices import EventKind, InvolvementRole
from events.models import Case, Event
from feeds.models import Article
from tests.bench_harness.conftest import ARTICLES, EVENTS

pytestmark = pytest.mark.django_db


def test_it_makes_the_numbers_asked_for_and_reports_them(synthetic):
    assert Event.objects.filter(is_synthetic=True).count() == EVENTS == synthetic["events"]
    assert Article.objects.filter(is_synthetic=True).count() == ARTICLES == synthetic["articles"]
    assert Case.objects.count() == synthetic["cases"] == EVENTS // 250 or synthetic["cases"] == 3


def test_each_event_has_one_to_four_sources_one_to_three_places_and_a_subject(synthetic):
    counted = Event.objects.annotate(
        sources_n=Count("sources", distinct=True),
        places_n=Count("involvements", distinct=True),
        subjects_n=Count("involvements", filter=Q(involvements__role=InvolvementRole.SUBJECT), distinct=True),
    )
    assert set(counted.values_list("sources_n", flat=True)) == {1, 2, 3, 4}
    assert set(counted.values_list("places_n", flat=True)) == {1, 2, 3}
    assert not counted.filter(subjects_n=0).exists()


def test_each_event_has_exactly_the_detail_row_of_its_kind(synthetic):
    names = {
        EventKind.FEDERAL_ACTION: "federal_action", EventKind.COURT_RULING: "court_ruling",
        EventKind.POLICY_CHANGE: "policy_change", EventKind.ENFORCEMENT_OPERATION: "enforcement_operation",
    }
    events = Event.objects.select_related(*names.values())
    for event in events:
        present = {kind for kind, name in names.items() if hasattr(event, name)}
        assert present == {event.kind}, event.pk


def test_policy_changes_concern_a_policy_of_their_subject_place(synthetic):
    for event in Event.objects.filter(kind=EventKind.POLICY_CHANGE).select_related("policy_change__policy"):
        subjects = {i.jurisdiction_id for i in event.involvements.all() if i.role == InvolvementRole.SUBJECT}
        assert event.policy_change.policy.jurisdiction_id in subjects


def test_cases_have_parties_on_both_sides_and_rulings(synthetic):
    cases = Case.objects.annotate(parties_n=Count("parties"), rulings_n=Count(
        "events", filter=Q(events__kind=EventKind.COURT_RULING)))
    assert not cases.filter(parties_n__lt=2).exists()
    assert cases.filter(rulings_n__gt=0).exists()
    assert Case.objects.filter(originating_event__kind=EventKind.FEDERAL_ACTION).exists()
    assert not Case.objects.exclude(originating_event=None).exclude(originating_event__kind=EventKind.FEDERAL_ACTION).exists()


def test_a_few_places_carry_most_of_the_events(synthetic):
    per_place = Counter(Event.objects.values_list("involvements__jurisdiction", flat=True))
    counts = sorted(per_place.values(), reverse=True)
    median = counts[len(counts) // 2]
    assert counts[0] >= 10 * median
