"""Loads the demo records (see ``records.py``) into the database, idempotently."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import transaction

from events.choices import EventKind
from events.demo import records
from events.models import (
    Case,
    CaseParty,
    CourtRuling,
    EnforcementOperation,
    Event,
    EventJurisdiction,
    FederalAction,
    PolicyChange,
    Source,
)
from events.services import publish_event
from jurisdictions.models import Jurisdiction, Policy

DETAIL_MODELS = {
    EventKind.FEDERAL_ACTION: FederalAction,
    EventKind.COURT_RULING: CourtRuling,
    EventKind.ENFORCEMENT_OPERATION: EnforcementOperation,
    EventKind.POLICY_CHANGE: PolicyChange,
}


class DemoDataError(Exception):
    """The demo cannot be loaded as things stand (e.g. the gazetteer is missing)."""


@dataclass
class LoadSummary:
    created: dict[str, int] = field(default_factory=dict)
    existing: dict[str, int] = field(default_factory=dict)

    def count(self, what: str, created: bool) -> None:
        bucket = self.created if created else self.existing
        bucket[what] = bucket.get(what, 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self.created)


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _jurisdictions() -> dict[str, Jurisdiction]:
    wanted = {uid for name, uid in vars(records).items() if name.isupper() and isinstance(uid, str) and ":" in uid}
    found = Jurisdiction.objects.in_bulk(wanted, field_name="uid")
    missing = sorted(wanted - set(found))
    if missing:
        raise DemoDataError(
            f"The gazetteer lacks {', '.join(missing)}. Run `python manage.py load_jurisdictions` first."
        )
    return found


@transaction.atomic
def load_demo() -> LoadSummary:
    places = _jurisdictions()
    summary = LoadSummary()

    policies = {}
    for rec in records.POLICIES:
        source = records.SOURCES[rec["source"]]
        policy, created = Policy.objects.get_or_create(
            jurisdiction=places[rec["jurisdiction"]],
            title=rec["title"],
            defaults={
                "category": rec["category"],
                "stance": rec["stance"],
                "summary": rec["summary"],
                "source_url": "",
                "source_title": source["title"],
                "source_publisher": source["publisher"] or source["author"],
            },
        )
        policies[rec["key"]] = policy
        summary.count("policies", created)

    cases = {}
    for rec in records.CASES:
        case, created = Case.objects.get_or_create(
            slug=rec["slug"],
            defaults={k: rec[k] for k in ("caption", "court", "status", "summary")},
        )
        for party in rec["parties"]:
            CaseParty.objects.get_or_create(
                case=case,
                role=party["role"],
                jurisdiction=places[party["jurisdiction"]] if "jurisdiction" in party else None,
                federal_party=party.get("federal_party", ""),
            )
        cases[rec["slug"]] = case
        summary.count("cases", created)

    for rec in records.EVENTS:
        event, created = Event.objects.get_or_create(
            title=rec["title"],
            defaults={
                "kind": rec["kind"],
                "summary": rec["summary"],
                "date": _date(rec["date"]),
                "date_precision": rec["date_precision"],
                "case": cases.get(rec.get("case")),
            },
        )
        summary.count("events", created)
        if not created:
            continue
        for uid, role in rec["jurisdictions"]:
            EventJurisdiction.objects.create(event=event, jurisdiction=places[uid], role=role)
        detail = dict(rec["detail"])
        if "policy" in detail:
            detail["policy"] = policies[detail["policy"]]
        DETAIL_MODELS[rec["kind"]].objects.create(event=event, **detail)
        for key in rec["sources"]:
            source = records.SOURCES[key]
            Source.objects.create(
                event=event,
                publisher=source["publisher"],
                author=source["author"],
                title=source["title"],
                published=_date(source["published"]),
            )
        publish_event(event)
    return summary
