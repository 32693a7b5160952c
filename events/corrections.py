"""Public corrections: which changes to a public event need one, and recording it.

Readers may have cited what the page said. So once an event is public (published, or retracted but
still shown), changing what it states — its kind, title, summary, date, the precision of the date,
the jurisdictions involved or its kind-specific details — needs a dated note on the page saying
what changed and why. Sources, workflow fields and bookkeeping are not facts in this sense.
"""
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.forms.models import model_to_dict

from events.models import Correction, CourtRuling, EnforcementOperation, Event, FederalAction, PolicyChange
from events.models.event import PUBLIC_STATUSES, normalise_date

# The event's own fields that state facts, in the order changes are listed.
FACT_FIELDS = ("kind", "title", "summary", "date", "date_precision")
# The facts that live in other rows.
RELATED_FACTS = ("jurisdictions", "details")
FACT_LABELS = {
    "kind": "kind",
    "title": "title",
    "summary": "summary",
    "date": "date",
    "date_precision": "date precision",
    "jurisdictions": "jurisdictions",
    "details": "details",
}
DETAIL_MODELS = {
    "federal_action": FederalAction,
    "court_ruling": CourtRuling,
    "enforcement_operation": EnforcementOperation,
    "policy_change": PolicyChange,
}

Facts = Mapping[str, Any]


def field_facts(event: Event) -> dict[str, Any]:
    """The facts stated by the event's own fields."""
    return {name: getattr(event, name) for name in FACT_FIELDS}


def event_facts(event: Event) -> dict[str, Any]:
    """Every fact the public page states, as stored: the fields, who is involved and the details."""
    facts = field_facts(event)
    facts["jurisdictions"] = frozenset(event.involvements.values_list("jurisdiction_id", "role"))
    details = {}
    for relation, model in DETAIL_MODELS.items():
        row = model.objects.filter(event_id=event.pk).first()
        if row is not None:
            details[relation] = model_to_dict(row, exclude=["event"])
    facts["details"] = details
    return facts


def proposed_field_facts(stored: Facts, cleaned_data: Mapping[str, Any]) -> dict[str, Any]:
    """The field facts an edit would store: submitted values over the stored ones, with the date
    normalised to its precision as Event.save() will store it (so 15 March at month precision is
    no change from 1 March)."""
    facts = dict(stored)
    for name in FACT_FIELDS:
        if name in cleaned_data:
            facts[name] = cleaned_data[name]
    day = facts.get("date")
    if isinstance(day, datetime.date):
        facts["date"] = normalise_date(day, facts.get("date_precision"))
    return facts


def fact_changes(old: Facts, new: Facts) -> list[str]:
    """Labels of the facts that differ between two snapshots, in a fixed order.

    A fact missing from either snapshot is not compared, so a form that shows only some facts can
    pass only those.
    """
    return [
        FACT_LABELS[name]
        for name in (*FACT_FIELDS, *RELATED_FACTS)
        if name in old and name in new and old[name] != new[name]
    ]


def is_public_status(status: str) -> bool:
    return status in PUBLIC_STATUSES


def needs_correction(status: str, changes: list[str]) -> bool:
    """Whether a change to an event in this (stored) status must come with a public note."""
    return is_public_status(status) and bool(changes)


def stored_status(event: Event) -> str | None:
    """The status in the database (the instance may hold an edited or historical copy)."""
    if event.pk is None:
        return None
    return Event.objects.filter(pk=event.pk).values_list("status", flat=True).first()


@transaction.atomic
def record_correction(event: Event, note: str, user=None, changes: list[str] | None = None) -> Correction:
    """Publish a dated correction note on the event's page and in the corrections log, with the facts
    that changed (labels from fact_changes)."""
    note = note.strip()
    if not note:
        raise ValueError("A correction needs a note.")
    return Correction.objects.create(event=event, note=note, created_by=user, changes=list(changes or []))
