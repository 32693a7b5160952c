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

import datetime
import itertools
from collections import Counter
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Count, F, Q, Sum

from events.choices import EventKind, EventStatus, InvolvementRole
from events.models import (
    DayTally, Event, EventJurisdiction, FederalAction, JurisdictionTally, JurisdictionTotalTally, MoneyTally,
    MonthTally, PolicyChange, PolicyTally, StateDayTally, StateMonthTally, StatePairTally, StatePlaceKindTally,
    StatePlaceTally, StatePlaceTotalTally, StateTally, TallyMember, TallyVersion,
)
from events.models.tally import UNDATED
from jurisdictions.models import Policy

# Event fields the tallies read: a save that touches none of them needs no refresh.
TALLIED_FIELDS = frozenset({"status", "kind", "date", "date_precision"})
CHUNK = 2000

_TABLES = {
    # tally model: (key columns, in the order of the Counter keys)
    DayTally: ("kind", "day", "date_precision"),
    MonthTally: ("kind", "month", "date_precision"),
    StateTally: ("state", "kind"),
    JurisdictionTally: ("jurisdiction_id", "kind"),
    JurisdictionTotalTally: ("jurisdiction_id",),
    StateDayTally: ("state", "other_state", "kind", "day", "date_precision"),
    StatePlaceTally: ("state", "jurisdiction_id", "kind", "day", "date_precision"),
    StatePairTally: ("state", "other_state", "kind"),
    StatePlaceKindTally: ("state", "jurisdiction_id", "kind"),
    StateMonthTally: ("state", "kind", "month", "date_precision"),
    StatePlaceTotalTally: ("state", "jurisdiction_id"),
    MoneyTally: ("jurisdiction_id",),
}
# What each row adds up besides ``n`` (the number of events).
_SUMS = {MoneyTally: ("amount",)}


def refresh_tallies(event_ids: Iterable[int | None]) -> None:
    """Bring the tallies in step with these events as the database has them now."""
    ids = sorted({int(pk) for pk in event_ids if pk is not None})
    if not ids:
        return
    with transaction.atomic():
        changed: set[type] = set()
        for start in range(0, len(ids), CHUNK):
            changed |= _refresh_chunk(ids[start:start + CHUNK])
        if changed:
            _bump_version(changed)


def _refresh_chunk(ids: list[int]) -> set[type]:
    """Refresh these events; returns the tallies that changed."""
    # Lock the events (those still there), so two writers refreshing the same event take turns.
    list(Event.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))
    old = {m.event_id: m for m in TallyMember.objects.filter(event_id__in=ids)}
    new = _members(Event.objects.filter(pk__in=ids))
    unchanged = [pk for pk in set(old) & set(new) if _same(old[pk], new[pk])]
    for pk in unchanged:
        del old[pk], new[pk]
    if not old and not new:
        return set()
    deltas = _add_up([*((m, -1) for m in old.values()), *((m, +1) for m in new.values())])
    changed = set()
    for model, delta in deltas.items():
        nonzero = {key: values for key, values in delta.items() if any(values)}
        if nonzero:
            _apply(model, nonzero)
            changed.add(model)
    TallyMember.objects.filter(event_id__in=list(old)).delete()
    TallyMember.objects.bulk_create(list(new.values()))
    # An event published or unpublished (it gained or lost its member row) changes whether the
    # policy it records a change to is public; any other edit leaves the policy tallies alone.
    if status_changed := set(old) ^ set(new):
        refresh_policy_tallies(
            PolicyChange.objects.filter(event_id__in=sorted(status_changed)).values_list("policy_id", flat=True)
        )
    return changed


def _members(events) -> dict[int, TallyMember]:
    """What each of these events adds now: nothing unless published."""
    rows = list(
        events.filter(status=EventStatus.PUBLISHED).order_by()
        .values_list("pk", "kind", "date", "date_precision")
    )
    members = {
        pk: TallyMember(event_id=pk, kind=kind, day=date or UNDATED, date_precision=precision, states=[],
                        jurisdictions=[], subjects=[], amount=None)
        for pk, kind, date, precision in rows
    }
    if members:
        involved = (
            EventJurisdiction.objects.filter(event_id__in=list(members)).order_by("event_id", "jurisdiction_id")
            .values_list("event_id", "jurisdiction_id", "jurisdiction__state", "role")
        )
        for event_id, jurisdiction_id, state, role in involved:
            member = members[event_id]
            member.jurisdictions.append(jurisdiction_id)
            if role == InvolvementRole.SUBJECT:
                member.subjects.append(jurisdiction_id)
            if state not in member.states:
                member.states.append(state)
        for member in members.values():
            member.states.sort()
        # The money a jurisdiction page sums: a federal action's stated amount.
        actions = [pk for pk, m in members.items() if m.kind == EventKind.FEDERAL_ACTION]
        amounts = FederalAction.objects.filter(event_id__in=actions, amount_at_stake__isnull=False)
        for event_id, amount in amounts.values_list("event_id", "amount_at_stake"):
            members[event_id].amount = amount
    return members


def _contributions(member: TallyMember):
    """(tally, key, what it adds: the number of events, then the sums of _SUMS) for one event."""
    when = (member.kind, member.day, member.date_precision)
    yield DayTally, when, (1,)
    yield MonthTally, (member.kind, month_of(member.day), member.date_precision), (1,)
    for state in member.states:
        yield StateTally, (state, member.kind), (1,)
        yield StateMonthTally, (state, member.kind, month_of(member.day), member.date_precision), (1,)
        for other in member.states:
            yield StateDayTally, (state, other, *when), (1,)
            yield StatePairTally, (state, other, member.kind), (1,)
        for jurisdiction_id in member.jurisdictions:
            yield StatePlaceTally, (state, jurisdiction_id, *when), (1,)
            yield StatePlaceKindTally, (state, jurisdiction_id, member.kind), (1,)
            yield StatePlaceTotalTally, (state, jurisdiction_id), (1,)
    for jurisdiction_id in member.jurisdictions:
        yield JurisdictionTally, (jurisdiction_id, member.kind), (1,)
        yield JurisdictionTotalTally, (jurisdiction_id,), (1,)
    if member.amount is not None:
        for jurisdiction_id in member.subjects:
            yield MoneyTally, (jurisdiction_id,), (1, member.amount)


def month_of(day: datetime.date) -> datetime.date:
    """The first day of the day's month (UNDATED is one already)."""
    return day.replace(day=1)


def _add_up(signed_members) -> dict[type, dict[tuple, list]]:
    """What these members add (sign +1) and take back (sign -1), per tally and key."""
    totals: dict[type, dict[tuple, list]] = {model: {} for model in _TABLES}
    for member, sign in signed_members:
        for model, key, values in _contributions(member):
            row = totals[model].setdefault(key, [0] * len(values))
            for index, value in enumerate(values):
                row[index] += sign * value
    return totals


def _same(a: TallyMember, b: TallyMember) -> bool:
    def key(m: TallyMember) -> tuple:
        return (m.kind, m.day, m.date_precision, sorted(m.states), sorted(m.jurisdictions), sorted(m.subjects),
                None if m.amount is None else int(m.amount))

    return key(a) == key(b)


def _apply(model, delta: dict[tuple, list]) -> None:
    """Add each row's numbers to it, creating missing rows, in one statement per 500 rows; then drop
    the rows that reached zero events (a tally holds no empty rows, so a recount compares equal)."""
    if not delta:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    columns = _TABLES[model]
    added = ("n", *_SUMS.get(model, ()))
    items = list(delta.items())
    emptied: list[int] = []
    for start in range(0, len(items), 500):
        part = items[start:start + 500]
        placeholders = ", ".join(["(" + ", ".join(["%s"] * (len(columns) + len(added))) + ")"] * len(part))
        params = [value for key, values in part for value in (*key, *values)]
        updates = ", ".join(f"{name} = {table}.{name} + excluded.{name}" for name in added)
        with connection.cursor() as cursor:
            # Both databases have INSERT … ON CONFLICT … RETURNING (PostgreSQL 9.5+, SQLite 3.35+):
            # concurrent writers adding to the same new row do not collide, and the rows this call
            # emptied are named, so only they are deleted: `DELETE … WHERE n = 0` read the whole
            # table each time (650,000 rows by place and day at 300,000 events; most of a publish).
            cursor.execute(
                f"INSERT INTO {table} ({', '.join((*columns, *added))}) VALUES {placeholders} "
                f"ON CONFLICT ({', '.join(columns)}) DO UPDATE SET {updates} RETURNING id, n",
                params,
            )
            emptied.extend(pk for pk, n in cursor.fetchall() if n == 0)
    for start in range(0, len(emptied), 500):
        part = emptied[start:start + 500]
        with connection.cursor() as cursor:
            # The row stays locked by this transaction's upsert until it ends, so it is still empty.
            cursor.execute(f"DELETE FROM {table} WHERE id IN ({', '.join(['%s'] * len(part))}) AND n = 0", part)


def _bump_version(models=None) -> None:
    """One more change: to the row of every change and to the row of each of these tallies (all of
    them by default). In one order, always, so concurrent writers take the row locks in turn."""
    for model in (None, *sorted(_TABLES if models is None else models, key=table_name)):
        name = "" if model is None else table_name(model)
        if not TallyVersion.objects.filter(tally=name).update(version=F("version") + 1):
            TallyVersion.objects.update_or_create(tally=name, defaults={"version": 1})


def table_name(model) -> str:
    """How TallyVersion names a tally."""
    return model._meta.db_table


def versions(*models) -> tuple[int, ...]:
    """The change counts of these tallies now (0 for one never changed), in one query."""
    names = [table_name(model) for model in models]
    found = dict(TallyVersion.objects.filter(tally__in=names).values_list("tally", "version"))
    return tuple(found.get(name, 0) for name in names)


# -- policies: which have recorded changes, and how many in published events ------------------------


def refresh_policy_tallies(policy_ids: Iterable[int | None]) -> None:
    """Count these policies' changes again (a few hundred rows at most per policy, by its index):
    called for the policies of an event published or unpublished (from ``_refresh_chunk``) and of a
    PolicyChange added, moved to another policy or removed (events/signals.py)."""
    ids = sorted({int(pk) for pk in policy_ids if pk is not None})
    if not ids:
        return
    with transaction.atomic():
        # Two writers counting one policy take turns, so the second counts what the first committed
        # (READ COMMITTED: each statement sees the commits before it). Without the lock, two
        # unpublished changes counted at once could each leave "one still published" behind.
        list(Policy.objects.select_for_update(no_key=True).filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))
        counts = _policy_counts(PolicyChange.objects.filter(policy_id__in=ids))
        PolicyTally.objects.filter(policy_id__in=ids).delete()
        PolicyTally.objects.bulk_create(_policy_rows(counts))


def _policy_counts(changes) -> dict[int, tuple[int, int]]:
    """policy id: (changes, changes in published events), for policies with any."""
    rows = (
        changes.order_by().values_list("policy_id")
        .annotate(n=Count("pk"), published=Count("pk", filter=Q(event__status=EventStatus.PUBLISHED)))
    )
    return {pk: (n, published) for pk, n, published in rows if n}


def _policy_rows(counts: dict[int, tuple[int, int]]) -> list[PolicyTally]:
    return [PolicyTally(policy_id=pk, changes=changes, published=published)
            for pk, (changes, published) in sorted(counts.items())]


# -- from scratch -------------------------------------------------------------------------------------


def recount() -> dict[type, dict[tuple, int | tuple]]:
    """Every tally counted again from the events: what the summary must equal. Counted in the
    database by plain GROUP BYs over the events, not through TallyMember, so it checks the upkeep."""
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
    money = {
        (pk,): (n, int(amount)) for pk, n, amount in
        involvements.filter(role=InvolvementRole.SUBJECT, event__kind=EventKind.FEDERAL_ACTION,
                            event__federal_action__amount_at_stake__isnull=False)
        .values_list("jurisdiction_id").annotate(n=Count("pk"), amount=Sum("event__federal_action__amount_at_stake"))
    }
    month: Counter = Counter()
    for (kind, date, precision), n in day.items():
        month[(kind, month_of(date), precision)] += n
    state_days, place_days = _pairs("jb.state"), _pairs("b.jurisdiction_id")
    return {DayTally: dict(day), MonthTally: dict(month), StateTally: state, JurisdictionTally: jurisdiction,
            JurisdictionTotalTally: _totals(jurisdiction),
            StateDayTally: state_days, StatePlaceTally: place_days, MoneyTally: money,
            StatePairTally: _by_kind(state_days), StatePlaceKindTally: _by_kind(place_days),
            StateMonthTally: _own_months(state_days), StatePlaceTotalTally: _totals(_by_kind(place_days)),
            PolicyTally: {(pk,): counts for pk, counts in _policy_counts(PolicyChange.objects.all()).items()}}


# Every (state of one involvement, something of another involvement of the same event) of the
# published events, each event counted once per pair.
_PAIRS_SQL = """
SELECT ja.state, {other}, e.kind, e.date, e.date_precision, COUNT(DISTINCT e.id)
FROM events_event e
JOIN events_eventjurisdiction a ON a.event_id = e.id JOIN jurisdictions_jurisdiction ja ON ja.id = a.jurisdiction_id
JOIN events_eventjurisdiction b ON b.event_id = e.id JOIN jurisdictions_jurisdiction jb ON jb.id = b.jurisdiction_id
WHERE e.status = %s
GROUP BY ja.state, {other}, e.kind, e.date, e.date_precision
"""


def _pairs(other: str) -> dict[tuple, int]:
    counts: Counter = Counter()
    with connection.cursor() as cursor:
        cursor.execute(_PAIRS_SQL.format(other=other), [EventStatus.PUBLISHED])
        for code, thing, kind, date, precision, n in cursor.fetchall():
            if isinstance(date, str):  # SQLite returns dates of a raw query as text
                date = datetime.date.fromisoformat(date)
            counts[(code, thing, kind, date or UNDATED, precision)] += n
    return dict(counts)


def _by_kind(by_day: dict[tuple, int]) -> dict[tuple, int]:
    """(state, other, kind, day, precision) counts summed over the days: each event has one day, so an
    event counted once per pair and day is counted once per pair."""
    counts: Counter = Counter()
    for (state, other, kind, _day, _precision), n in by_day.items():
        counts[(state, other, kind)] += n
    return dict(counts)


def _own_months(state_days: dict[tuple, int]) -> dict[tuple, int]:
    """(state, kind, month, precision) counts from the state paired with itself by day: each event
    involving the state is counted once in that pair."""
    counts: Counter = Counter()
    for (state, other, kind, day, precision), n in state_days.items():
        if other == state:
            counts[(state, kind, month_of(day), precision)] += n
    return dict(counts)


def _totals(by_kind: dict[tuple, int]) -> dict[tuple, int]:
    """Counts keyed (..., kind) summed over the kinds."""
    counts: Counter = Counter()
    for (*key, _kind), n in by_kind.items():
        counts[tuple(key)] += n
    return dict(counts)


def stored() -> dict[type, dict[tuple, int | tuple]]:
    """The tallies as they are: the number of events per key, with the sums where a tally has them."""
    tables = {}
    for model, columns in _TABLES.items():
        sums = _SUMS.get(model, ())
        tables[model] = {
            tuple(row[:len(columns)]): (tuple(int(v) for v in row[len(columns):]) if sums else row[-1])
            for row in model.objects.values_list(*columns, "n", *sums)
        }
    tables[PolicyTally] = {(pk,): (changes, published)
                           for pk, changes, published in PolicyTally.objects.values_list("policy_id", "changes", "published")}
    return tables


@transaction.atomic
def rebuild_tallies() -> dict[str, int]:
    """Throw the summary away and count it again; returns the rows written per table."""
    for model in (*_TABLES, TallyMember):
        model.objects.all().delete()
    counts = recount()
    PolicyTally.objects.all().delete()
    PolicyTally.objects.bulk_create(_policy_rows({pk: value for (pk,), value in counts.pop(PolicyTally).items()}),
                                    batch_size=5000)
    for model, counts in counts.items():
        columns, sums = _TABLES[model], ("n", *_SUMS.get(model, ()))
        rows = (model(**dict(zip(columns, key)), **dict(zip(sums, value if isinstance(value, tuple) else (value,))))
                for key, value in counts.items() if value)
        while batch := list(itertools.islice(rows, 5000)):
            model.objects.bulk_create(batch)
    ids = list(Event.objects.published().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK * 5):
        part = _members(Event.objects.filter(pk__in=ids[start:start + CHUNK * 5]))
        TallyMember.objects.bulk_create(list(part.values()), batch_size=5000)
    _bump_version()
    return {model._meta.model_name: model.objects.count() for model in (*_TABLES, TallyMember, PolicyTally)}


__all__ = ["TALLIED_FIELDS", "rebuild_tallies", "recount", "refresh_policy_tallies", "refresh_tallies", "stored",
           "versions"]
