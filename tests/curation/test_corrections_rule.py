"""Which changes to an event are changes of fact (events/corrections.py)."""
import datetime

import pytest

from events.corrections import (
    event_facts,
    fact_changes,
    field_facts,
    needs_correction,
    proposed_field_facts,
)
from events.models import EventJurisdiction, FederalAction
from tests.factories import make_event, make_jurisdiction


def facts(**overrides):
    base = {
        "kind": "federal_action", "title": "DOJ sues the city", "summary": "The suit says…",
        "date": datetime.date(2025, 2, 6), "date_precision": "day",
        "jurisdictions": frozenset({(1, "subject")}), "details": {"federal_action": {"agency": "DOJ"}},
    }
    return {**base, **overrides}


def test_identical_facts_are_no_change():
    assert fact_changes(facts(), facts()) == []


@pytest.mark.parametrize(
    ("field", "value", "label"),
    [
        ("title", "DOJ drops suit", "title"),
        ("summary", "Different.", "summary"),
        ("kind", "court_ruling", "kind"),
        ("date", datetime.date(2025, 2, 7), "date"),
        ("date_precision", "month", "date precision"),
        ("jurisdictions", frozenset({(1, "subject"), (2, "mentioned")}), "jurisdictions"),
        ("details", {"federal_action": {"agency": "DHS"}}, "details"),
    ],
)
def test_each_fact_is_a_change(field, value, label):
    assert fact_changes(facts(), facts(**{field: value})) == [label]


def test_changes_are_listed_in_a_fixed_order_and_missing_facts_are_not_compared():
    new = facts(summary="Other.", title="Other")
    del new["details"]
    assert fact_changes(facts(), new) == ["title", "summary"]


def test_only_public_events_need_a_correction():
    assert needs_correction("published", ["title"])
    assert needs_correction("retracted", ["title"])
    assert not needs_correction("draft", ["title"])
    assert not needs_correction("published", [])


def test_a_date_within_the_same_month_is_no_change_at_month_precision():
    stored = facts(date=datetime.date(2025, 3, 1), date_precision="month")
    proposed = proposed_field_facts(stored, {"date": datetime.date(2025, 3, 15), "date_precision": "month"})
    assert fact_changes(stored, proposed) == []
    proposed = proposed_field_facts(stored, {"date": datetime.date(2025, 3, 15), "date_precision": "day"})
    assert fact_changes(stored, proposed) == ["date", "date precision"]


@pytest.mark.django_db
def test_stored_facts_include_places_and_details():
    place = make_jurisdiction()
    event = make_event(status="published", sources=1)
    before = event_facts(event)
    EventJurisdiction.objects.create(event=event, jurisdiction=place)
    FederalAction.objects.create(event=event, agency="DOJ", action_type="lawsuit")
    after = event_facts(event)
    assert fact_changes(before, after) == ["jurisdictions", "details"]
    FederalAction.objects.filter(event=event).update(amount_at_stake=1000)
    assert fact_changes(after, event_facts(event)) == ["details"]


@pytest.mark.django_db
def test_workflow_and_bookkeeping_fields_are_not_facts():
    event = make_event(status="published", sources=1)
    before = field_facts(event)
    event.retraction_note = "x"
    event.status = "retracted"
    assert fact_changes(before, field_facts(event)) == []
