"""Write the checked record into the database, in one transaction.

For each row, by its stable key (RecordEntry):
- not loaded before: created;
- loaded, and the file row is unchanged: nothing happens (a second run changes nothing);
- loaded, the file row changed, and nobody edited the database row since: updated in place;
- loaded, but an editor changed (or deleted) the row in the admin since: left alone, and reported.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from events.choices import EventKind, EventStatus
from events.models import (
    Case,
    CaseParty,
    CourtRuling,
    EnforcementOperation,
    Event,
    EventJurisdiction,
    FederalAction,
    PolicyChange,
    RecordEntry,
    Source,
)
from events.record.errors import RecordError, Where
from events.record.references import Gazetteer
from events.record.rows import Record, check_record, read_files
from events.services import publish_event
from jurisdictions.models import Listing, ListSnapshot, OfficialList, Policy

DETAIL_MODELS = {
    EventKind.FEDERAL_ACTION: FederalAction,
    EventKind.COURT_RULING: CourtRuling,
    EventKind.ENFORCEMENT_OPERATION: EnforcementOperation,
    EventKind.POLICY_CHANGE: PolicyChange,
}
OUTCOMES = ("created", "updated", "unchanged", "kept", "deleted")


def record_dir() -> Path:
    return Path(settings.BASE_DIR) / "record"


@dataclass
class LoadReport:
    """What a run did, per kind of row and outcome, and the rows it left alone (with why)."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    kept: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def count(self, model: str, outcome: str) -> None:
        self.counts.setdefault(model, dict.fromkeys(OUTCOMES, 0))[outcome] += 1

    @property
    def changed(self) -> bool:
        return any(c["created"] or c["updated"] for c in self.counts.values())

    def lines(self) -> list[str]:
        out = []
        for model, counts in sorted(self.counts.items()):
            parts = [f"{n} {outcome}" for outcome, n in counts.items() if n]
            out.append(f"{model}: {', '.join(parts)}")
        return out


def load_record(paths: list[Path] | None = None, *, dry_run: bool = False) -> LoadReport:
    """Check every file, then write; raises RecordError (and writes nothing) on any problem."""
    root = record_dir()
    paths = sorted(paths or root.glob("*.yaml"))
    if not paths:
        raise RecordError([f"{root}: no record files (*.yaml) found"])
    record = check_record(read_files(paths, root))
    try:
        with transaction.atomic():
            report = _Writer(record).run()
            if dry_run:
                transaction.set_rollback(True)
    except (IntegrityError, DatabaseError) as exc:
        raise RecordError([f"the database refused the record, nothing was loaded: {exc}"]) from exc
    return report


class _Writer:
    def __init__(self, record: Record) -> None:
        self.record = record
        self.report = LoadReport(files=record.files)
        self.gazetteer = Gazetteer()
        self.entries = {(e.model, e.key): e for e in RecordEntry.objects.all()}
        self.cases: dict[str, Case] = {}
        self.policies: dict[str, Policy] = {}
        self.events: dict[str, Event] = {}
        # Rows an editor changed or deleted since they were loaded: nothing of theirs is touched.
        self.left_alone: set[tuple[str, str]] = set()

    def run(self) -> LoadReport:
        self._resolve_all()
        for key, row in self.record.policies.items():
            self._unit("policy", key, row, Policy, self._write_policy, self.policies)
        for key, row in self.record.lists.items():
            self._unit("list", key, row, OfficialList, self._write_list, {})
        for key, row in self.record.cases.items():
            self._unit("case", key, row, Case, self._write_case, self.cases)
        for key, row in self.record.events.items():
            self._unit("event", key, row, Event, self._write_event, self.events)
        self._link_originating_events()
        return self.report

    # --- Jurisdictions: all resolved before anything is written, so every miss is reported at once ----

    def _resolve_all(self) -> None:
        refs: list[tuple[Where, dict]] = []
        for row in self.record.events.values():
            refs += [(row["where"], ref) for ref in row["jurisdictions"]]
        for row in self.record.cases.values():
            refs += [(row["where"], p) for p in row["parties"] if not p.get("federal_party")]
        for row in self.record.policies.values():
            refs.append((row["where"], row["jurisdiction"]))
        for row in self.record.lists.values():
            for snap in row["snapshots"]:
                refs += [(snap["where"], m) for m in snap["members"]]
        self.gazetteer.prefetch({ref["ref"] for _, ref in refs if ref.get("ref")})
        for where, ref in refs:
            ref["jurisdiction"] = self.gazetteer.resolve(where, ref)
        if self.gazetteer.problems:
            raise RecordError(self.gazetteer.problems)

    # --- One unit: a row and everything that hangs off it ---------------------------------------------

    def _unit(self, model: str, key: str, row: dict, model_class, write, registry: dict) -> None:
        entry = self.entries.get((model, key))
        obj = model_class.objects.filter(pk=entry.object_id).first() if entry else None
        if entry and obj is None:
            self.left_alone.add((model, key))
            self.report.count(model, "deleted")
            self.report.kept.append(f"{model} {key}: deleted in the admin since it was loaded; not recreated")
            return
        if entry and entry.digest == row["digest"]:
            registry[key] = obj
            self.report.count(model, "unchanged")
            return
        if entry and _edited_since(obj, entry.loaded_at):
            registry[key] = obj
            self.left_alone.add((model, key))
            self.report.count(model, "kept")
            self.report.kept.append(
                f"{model} {key}: changed in the admin since it was loaded; the file's new version "
                f"({row['where'].file}) was not applied"
            )
            return
        obj = write(obj, row)
        registry[key] = obj
        RecordEntry.objects.update_or_create(
            model=model, key=key,
            defaults={"object_id": obj.pk, "digest": row["digest"], "source_file": row["where"].file,
                      "loaded_at": timezone.now()},
        )
        self.report.count(model, "updated" if entry else "created")

    def _source(self, key: str) -> dict:
        return self.record.sources[key]

    def _source_fields(self, keys: list[str]) -> dict:
        first = self._source(keys[0])
        return {
            "source_url": first["url"], "source_title": first["title"],
            "source_publisher": first["publisher"] or first["author"], "source_published": first["published"],
        }

    def _write_policy(self, policy: Policy | None, row: dict) -> Policy:
        policy = policy or Policy()
        for name in ("title", "category", "stance", "summary", "adopted", "effective", "ended", "citation"):
            setattr(policy, name, row[name])
        policy.jurisdiction = row["jurisdiction"]["jurisdiction"]
        for name, value in self._source_fields(row["sources"]).items():
            setattr(policy, name, value)
        policy.save()
        return policy

    def _write_list(self, official: OfficialList | None, row: dict) -> OfficialList:
        official = official or OfficialList()
        for name in ("name", "publisher", "authority", "scope", "description", "url", "withdrawn"):
            setattr(official, name, row[name])
        official.slug = official.slug or _slug_for(row)
        withdrawal = self._source(row["withdrawn_source"]) if row["withdrawn_source"] else None
        official.withdrawn_source_url = withdrawal["url"] if withdrawal else ""
        official.withdrawn_source_title = withdrawal["title"] if withdrawal else ""
        official.save()
        for snap in row["snapshots"]:
            fields = self._source_fields(snap["sources"])
            snapshot, _ = ListSnapshot.objects.update_or_create(
                official_list=official, published=snap["published"],
                defaults={
                    "source_url": fields["source_url"], "source_title": fields["source_title"],
                    "source_publisher": fields["source_publisher"], "source_published": fields["source_published"],
                    "notes": snap["notes"],
                },
            )
            snapshot.listings.all().delete()
            names: dict[int, list[str]] = {}
            for member in snap["members"]:
                names.setdefault(member["jurisdiction"].pk, []).append(str(member.get("as_listed") or ""))
            Listing.objects.bulk_create(
                Listing(snapshot=snapshot, jurisdiction_id=pk, name_as_listed=" / ".join(n for n in listed if n)[:200])
                for pk, listed in names.items()
            )
        return official

    def _write_case(self, case: Case | None, row: dict) -> Case:
        case = case or Case(slug=row["where"].key)
        for name in ("caption", "court", "docket_number", "docket_url", "filed", "status", "summary"):
            setattr(case, name, row[name])
        for name, value in self._source_fields(row["sources"]).items():
            setattr(case, name, value)
        case.save()
        case.parties.all().delete()
        for party in row["parties"]:
            CaseParty.objects.create(
                case=case, role=party["role"], jurisdiction=party.get("jurisdiction"),
                federal_party=str(party.get("federal_party") or ""),
            )
        return case

    def _write_event(self, event: Event | None, row: dict) -> Event:
        event = event or Event(status=EventStatus.DRAFT)
        for name in ("kind", "title", "summary", "date", "date_precision"):
            setattr(event, name, row[name])
        event.case = self.cases.get(row["case"]) if row["case"] else None
        event.save()
        event.involvements.all().delete()
        seen: set[int] = set()
        for ref in row["jurisdictions"]:
            place = ref["jurisdiction"]
            if place.pk not in seen:
                seen.add(place.pk)
                EventJurisdiction.objects.create(event=event, jurisdiction=place, role=ref["role"])
        for model in DETAIL_MODELS.values():
            model.objects.filter(event=event).delete()
        detail = {k: v for k, v in row["detail"].items() if v is not None}
        if "policy" in detail:
            detail["policy"] = self.policies[detail["policy"]]
        DETAIL_MODELS[row["kind"]].objects.create(event=event, **detail)
        event.sources.all().delete()
        for key in row["sources"]:
            source = self._source(key)
            Source.objects.create(
                event=event, publisher=source["publisher"], author=source["author"], title=source["title"],
                url=source["url"], published=source["published"], reported_count=row["reported_counts"].get(key),
            )
        if event.status == EventStatus.DRAFT:
            publish_event(event)
        return event

    def _link_originating_events(self) -> None:
        for key, row in self.record.cases.items():
            case = self.cases.get(key)
            origin = self.events.get(row["originating_event"]) if row["originating_event"] else None
            if ("case", key) in self.left_alone or case is None:
                continue
            if case.originating_event_id != (origin.pk if origin else None):
                Case.objects.filter(pk=case.pk).update(originating_event=origin)


def _edited_since(obj, loaded_at: datetime.datetime) -> bool:
    """Whether anyone saved the row (or, for an event, its sources or places) after the loader did."""
    if obj.history.filter(history_date__gt=loaded_at).exists():
        return True
    if isinstance(obj, Event):
        return (
            Source.history.filter(event_id=obj.pk, history_date__gt=loaded_at).exists()
            or EventJurisdiction.history.filter(event_id=obj.pk, history_date__gt=loaded_at).exists()
        )
    if isinstance(obj, OfficialList):
        return ListSnapshot.history.filter(official_list_id=obj.pk, history_date__gt=loaded_at).exists() or (
            Listing.history.filter(
                snapshot_id__in=ListSnapshot.objects.filter(official_list=obj).values("pk"), history_date__gt=loaded_at
            ).exists()
        )
    return False


def _slug_for(row: dict) -> str:
    return row["where"].key[:200]

