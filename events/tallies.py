"""Keeping the chart summary (events/models/tally.py) equal to a recount of the published events.

``refresh_tallies(ids)`` is called, inside the writer's transaction, for every event whose status,
kind, date or jurisdictions may have changed: by the signals in events/signals.py for saves and
deletes through the ORM, and explicitly by code that writes in bulk. It reads what each event adds
now, compares it with what its ``TallyMember`` row says it added, and applies the difference with
upserts, so it costs a handful of queries per call whatever the number of events, and calling it
twice, or for an unchanged event, changes nothing. ``rebuild_tallies()`` recounts from scratch
(``manage.py rebuild_chart_summary``); the tests compare the two after every kind of change.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Count, F

from events.choices import EventStatus
from events.models import DayTally, Event, EventJurisdiction, JurisdictionTally, StateTally, TallyMember, TallyVersion
from events.models.tally import UNDATED

# Event fields the tallies read: a save that touches none of them needs no refresh.
TALLIED_FIELDS = frozenset({"status", "kind", "date", "date_precision"})
CHUNK = 2000

_TABLES = {
    # tally model: (key columns, in the order of the Counter keys)
    DayTally: ("kind", "day", "date_precision"),
    StateTally: ("state", "kind"),
    JurisdictionTally: ("jurisdiction_id", "kind"),
}


def refresh_tallies(event_ids: Iterable[int | None]) -> None:
    """Bring the tallies in step with these events as the database has them now."""
    ids = sorted({int(pk) for pk in event_ids if pk is not None})
    if not ids:
        return
    with transaction.atomic():
        changed = False
        for start in range(0, len(ids), CHUNK):
            changed |= _refresh_chunk(ids[start:start + CHUNK])
        if changed:
            _bump_version()


def _refresh_chunk(ids: list[int]) -> bool:
    # Lock the events (those still there), so two writers refreshing the same event take turns.
    list(Event.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))
    old = {m.event_id: m for m in TallyMember.objects.filter(event_id__in=ids)}
    new = _members(Event.objects.filter(pk__in=ids))
    deltas = {model: Counter() for model in _TABLES}
    for member, sign in [*((m, -1) for m in old.values()), *((m, +1) for m in new.values())]:
        for model, key in _contributions(member):
            deltas[model][key] += sign
    unchanged = [pk for pk in set(old) & set(new) if _same(old[pk], new[pk])]
    for pk in unchanged:
        del old[pk], new[pk]
    if not old and not new:
        return False
    for model, delta in deltas.items():
        _apply(model, {key: n for key, n in delta.items() if n})
    TallyMember.objects.filter(event_id__in=list(old)).delete()
    TallyMember.objects.bulk_create(list(new.values()))
    return True


def _members(events) -> dict[int, TallyMember]:
    """What each of these events adds now: nothing unless published."""
    rows = list(
        events.filter(status=EventStatus.PUBLISHED).order_by()
        .values_list("pk", "kind", "date", "date_precision")
    )
    members = {
        pk: TallyMember(event_id=pk, kind=kind, day=date or UNDATED, date_precision=precision, states=[],
                        jurisdictions=[])
        for pk, kind, date, precision in rows
    }
    if members:
        involved = (
            EventJurisdiction.objects.filter(event_id__in=list(members)).order_by("event_id", "jurisdiction_id")
            .values_list("event_id", "jurisdiction_id", "jurisdiction__state")
        )
        for event_id, jurisdiction_id, state in involved:
            member = members[event_id]
            member.jurisdictions.append(jurisdiction_id)
            if state not in member.states:
                member.states.append(state)
        for member in members.values():
            member.states.sort()
    return members


def _contributions(member: TallyMember):
    yield DayTally, (member.kind, member.day, member.date_precision)
    for state in member.states:
        yield StateTally, (state, member.kind)
    for jurisdiction_id in member.jurisdictions:
        yield JurisdictionTally, (jurisdiction_id, member.kind)


def _same(a: TallyMember, b: TallyMember) -> bool:
    return (a.kind, a.day, a.date_precision, sorted(a.states), sorted(a.jurisdictions)) == (
        b.kind, b.day, b.date_precision, sorted(b.states), sorted(b.jurisdictions))


def _apply(model, delta: dict[tuple, int]) -> None:
    """Add each count to its row, creating missing rows, in one statement per 500 rows; then drop the
    rows that reached zero (a tally holds no empty rows, so a recount compares equal)."""
    if not delta:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    columns = _TABLES[model]
    items = list(delta.items())
    for start in range(0, len(items), 500):
        part = items[start:start + 500]
        placeholders = ", ".join(["(" + ", ".join(["%s"] * (len(columns) + 1)) + ")"] * len(part))
        params = [value for key, n in part for value in (*key, n)]
        with connection.cursor() as cursor:
            # Both databases have INSERT … ON CONFLICT (PostgreSQL 9.5+, SQLite 3.24+): concurrent
            # writers adding to the same new row do not collide.
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(columns)}, n) VALUES {placeholders} "
                f"ON CONFLICT ({', '.join(columns)}) DO UPDATE SET n = {table}.n + excluded.n",
                params,
            )
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE n = 0")


def _bump_version() -> None:
    if not TallyVersion.objects.filter(pk=1).update(version=F("version") + 1):
        TallyVersion.objects.update_or_create(pk=1, defaults={"version": 1})


# -- from scratch -------------------------------------------------------------------------------------


def recount() -> dict[type, dict[tuple, int]]:
    """Every tally counted again from the events: what the summary must equal."""
    published = Event.objects.published().order_by()
    day: Counter = Counter()
    for kind, date, precision, n in published.values_list("kind", "date", "date_precision").annotate(n=Count("pk")):
        day[(kind, date or UNDATED, precision)] += n
    involvements = EventJurisdiction.objects.filter(event__status=EventStatus.PUBLISHED).order_by()
    state = {
        (code, kind): n for code, kind, n in involvements.values_list("jurisdiction__state", "event__kind")
        .annotate(n=Count("event", distinct=True))
    }
    jurisdiction = {
        (pk, kind): n for pk, kind, n in involvements.values_list("jurisdiction_id", "event__kind")
        .annotate(n=Count("pk"))
    }
    return {DayTally: dict(day), StateTally: state, JurisdictionTally: jurisdiction}


def stored() -> dict[type, dict[tuple, int]]:
    """The tallies as they are."""
    return {
        model: {tuple(row[:-1]): row[-1] for row in model.objects.values_list(*columns, "n")}
        for model, columns in _TABLES.items()
    }


@transaction.atomic
def rebuild_tallies() -> dict[str, int]:
    """Throw the summary away and count it again; returns the rows written per table."""
    for model in (*_TABLES, TallyMember):
        model.objects.all().delete()
    for model, counts in recount().items():
        columns = _TABLES[model]
        model.objects.bulk_create(
            [model(**dict(zip(columns, key)), n=n) for key, n in counts.items() if n], batch_size=5000
        )
    ids = list(Event.objects.published().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK * 5):
        part = _members(Event.objects.filter(pk__in=ids[start:start + CHUNK * 5]))
        TallyMember.objects.bulk_create(list(part.values()), batch_size=5000)
    _bump_version()
    return {model._meta.model_name: model.objects.count() for model in (*_TABLES, TallyMember)}


__all__ = ["TALLIED_FIELDS", "rebuild_tallies", "recount", "refresh_tallies", "stored"]
