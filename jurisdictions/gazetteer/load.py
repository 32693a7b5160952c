"""Writing the gazetteer into the database: an idempotent upsert keyed by ``uid``.

Only rows whose values differ are written, so a second run writes nothing and ``updated`` keeps meaning
"when the data last changed". Rows are never deleted (events, policies and list entries point at them);
rows the datasets no longer have are reported for an editor to look at.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection, transaction
from django.utils import timezone

from jurisdictions.gazetteer.build import build_gazetteer
from jurisdictions.gazetteer.consolidated import GazetteerError
from jurisdictions.gazetteer.records import DATA_FIELDS, Gazetteer, JurisdictionRecord
from jurisdictions.models import Jurisdiction

BATCH_SIZE = 1000


@dataclass
class LoadReport:
    """What a load did, for the command to print and tests to check."""

    gazetteer: Gazetteer
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # uids of rows in the database that the datasets no longer have (kept, never deleted).
    stale: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.gazetteer.records)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def kinds(self) -> Counter:
        return self.gazetteer.kinds()


def load_gazetteer(gazetteer: Gazetteer | None = None, *, batch_size: int = BATCH_SIZE) -> LoadReport:
    """Create or update every jurisdiction of the gazetteer, then set parents; all or nothing."""
    gazetteer = gazetteer or build_gazetteer()
    report = LoadReport(gazetteer)
    records = gazetteer.records
    with transaction.atomic():
        existing = {row["uid"]: row for row in Jurisdiction.objects.values("id", "uid", "parent_id", *DATA_FIELDS)}
        wanted = {r.uid for r in records}
        report.stale = sorted(uid for uid in existing if uid not in wanted)
        to_create, to_update, reparent = _diff(records, existing)
        report.created, report.updated = len(to_create), len(to_update | reparent)
        report.unchanged = len(records) - report.created - report.updated
        if not (to_create or to_update or reparent):
            return report
        changed = [r for r in records if r.uid in to_update]
        _check_unique_clashes(to_create, changed, existing, report.stale)
        now = timezone.now()
        _update(changed, existing, now, batch_size)
        new_rows = [Jurisdiction(uid=r.uid, **r.values()) for r in to_create]
        Jurisdiction.objects.bulk_create(new_rows, batch_size=batch_size)
        _set_parents(
            [r for r in records if r.uid in reparent or (r.uid not in existing and r.parent_uid)], now, batch_size
        )
    analyze_jurisdictions()
    return report


def analyze_jurisdictions() -> None:
    """Fresh planner statistics for the table just written. Without them PostgreSQL takes a state's
    jurisdictions for a few dozen rows (a new table has none) and plans the events list's state filter
    from every event involving the state instead of walking the list's index: 750 ms instead of 5 at
    300,000 events, until autovacuum (which a database may have switched off) gets round to it."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(Jurisdiction._meta.db_table)}")


def _diff(
    records: list[JurisdictionRecord], existing: dict[str, dict]
) -> tuple[list[JurisdictionRecord], set[str], set[str]]:
    """New records; uids whose values changed; uids whose parent changed."""
    uid_by_id = {row["id"]: uid for uid, row in existing.items()}
    to_create, to_update, reparent = [], set(), set()
    for record in records:
        row = existing.get(record.uid)
        if row is None:
            to_create.append(record)
            continue
        if any(row[name] != value for name, value in record.values().items()):
            to_update.add(record.uid)
        if uid_by_id.get(row["parent_id"]) != record.parent_uid:
            reparent.add(record.uid)
    return to_create, to_update, reparent


def _check_unique_clashes(
    to_create: list[JurisdictionRecord],
    to_update: list[JurisdictionRecord],
    existing: dict[str, dict],
    stale: list[str],
) -> None:
    """Refuse to start writing if a stale row holds a slug, FIPS code or GeoNames id a record needs.

    That happens when the gazetteer's shape changes (say a place gets merged into a consolidated
    city-county, which then carries the place's GeoNames id); the stale row may have events on it, so a
    person decides what to do with it rather than the loader.
    """
    held = {}
    for uid in stale:
        row = existing[uid]
        held[("slug", row["state"], row["slug"])] = uid
        if row["fips"]:
            held[("fips", row["fips"])] = uid
        if row["geonames_id"]:
            held[("geonames_id", row["geonames_id"])] = uid
    clashes = []
    for record in [*to_create, *to_update]:
        for key in (("slug", record.state, record.slug), ("fips", record.fips), ("geonames_id", record.geonames_id)):
            if key in held:
                clashes.append(
                    f"{record.uid} needs {key[0]} {key[-1]!r}, held by {held[key]}, which the datasets no longer have"
                )
    if clashes:
        raise GazetteerError("Cannot load without touching rows the datasets dropped:\n  " + "\n  ".join(clashes))


def _update(to_update: list[JurisdictionRecord], existing: dict[str, dict], now: datetime, batch_size: int) -> None:
    """Write changed rows, each group only with the fields that changed (a new GeoNames release that
    changes 17,000 populations must not rewrite 17,000 rows of every column: bulk_update's cost grows with
    rows x fields). Unique values that move between rows (a slug handed from one place to its namesake)
    are first parked on a placeholder, so no single UPDATE sees two rows with one value."""
    if not to_update:
        return
    moving = [r for r in to_update if _moves_unique_value(r, existing[r.uid])]
    if moving:
        parked = [
            Jurisdiction(pk=existing[r.uid]["id"], slug=f"tmp-{existing[r.uid]['id']}", fips=None, geonames_id=None)
            for r in moving
        ]
        Jurisdiction.objects.bulk_update(parked, ["slug", "fips", "geonames_id"], batch_size=batch_size)
    parked_uids = {r.uid for r in moving}
    groups: dict[tuple[str, ...], list[Jurisdiction]] = defaultdict(list)
    for record in to_update:
        row = existing[record.uid]
        values = record.values()
        fields = tuple(
            name for name in DATA_FIELDS
            if row[name] != values[name] or (record.uid in parked_uids and name in ("slug", "fips", "geonames_id"))
        )
        groups[fields].append(Jurisdiction(pk=row["id"], updated=now, **values))
    for fields, objs in sorted(groups.items()):
        Jurisdiction.objects.bulk_update(objs, [*fields, "updated"], batch_size=batch_size)


def _moves_unique_value(record: JurisdictionRecord, row: dict) -> bool:
    return (row["slug"], row["fips"], row["geonames_id"]) != (record.slug, record.fips, record.geonames_id)


def _set_parents(records: list[JurisdictionRecord], now: datetime, batch_size: int) -> None:
    """Second pass: point rows at their parents, now that every row has an id.

    One UPDATE per parent (about 3,300 on a first load) rather than bulk_update's CASE over 20,000 rows,
    which Django takes half a minute to build."""
    ids = dict(Jurisdiction.objects.values_list("uid", "id"))
    children: dict[int | None, list[int]] = defaultdict(list)
    for record in records:
        children[ids[record.parent_uid] if record.parent_uid else None].append(ids[record.uid])
    for parent_id, child_ids in sorted(children.items(), key=lambda kv: kv[0] or 0):
        for start in range(0, len(child_ids), batch_size):
            Jurisdiction.objects.filter(pk__in=child_ids[start : start + batch_size]).update(
                parent_id=parent_id, updated=now
            )
