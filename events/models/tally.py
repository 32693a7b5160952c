"""The chart summary: published events counted by what the charts and the list count them by, kept
up to date by ``events.tallies`` in the same transaction as each change to an event, so the
dashboard's charts read a few thousand summary rows instead of aggregating every event.

The tallies are sums over ``TallyMember``, one row per published event recording what it last
added, so refreshing an event subtracts exactly what it had added and adds what it adds now, however
often and in whatever order it is refreshed. ``manage.py rebuild_chart_summary`` recounts everything.
"""
from __future__ import annotations

import datetime

from django.db import models

from events.choices import DatePrecision, EventKind

# Undated events are tallied on this day (a key column must not be NULL, or ON CONFLICT never
# matches); readers exclude it by the precision, which is "unknown" exactly for these rows.
UNDATED = datetime.date(1, 1, 1)


class DayTally(models.Model):
    """Published events per day, kind and date precision: the timeline, the headline's counts by
    kind, and the events list's count, for any kinds and date range."""

    kind = models.CharField(max_length=24, choices=EventKind.choices)
    day = models.DateField(help_text="The event's date; 0001-01-01 for undated events.")
    date_precision = models.CharField(max_length=8, choices=DatePrecision.choices)
    # Not a PositiveIntegerField: the CHECK would refuse the negative additions of the upsert.
    n = models.IntegerField(help_text="Published events.")

    class Meta:
        ordering = ["day", "kind", "date_precision"]
        constraints = [
            # The upsert's conflict target (events.tallies).
            models.UniqueConstraint(fields=["kind", "day", "date_precision"], name="day_tally_key"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.kind} ({self.date_precision}): {self.n}"


class MonthTally(models.Model):
    """Published events per month, kind and date precision: the timeline, the headline's counts by kind
    and the events list's count when no date range or state narrows them, from about a thousand rows
    where the same numbers by day take fifteen times as many (a date range needs the days: DayTally)."""

    kind = models.CharField(max_length=24, choices=EventKind.choices)
    month = models.DateField(help_text="The first day of the event's month; 0001-01-01 for undated events.")
    date_precision = models.CharField(max_length=8, choices=DatePrecision.choices)
    n = models.IntegerField(help_text="Published events.")

    class Meta:
        ordering = ["month", "kind", "date_precision"]
        constraints = [models.UniqueConstraint(fields=["kind", "month", "date_precision"], name="month_tally_key")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.kind} ({self.date_precision}): {self.n}"


class StateTally(models.Model):
    """Published events per state and kind, counting an event once however many of the state's
    jurisdictions it involves: the map's state shading."""

    state = models.CharField(max_length=2)
    kind = models.CharField(max_length=24, choices=EventKind.choices)
    n = models.IntegerField(help_text="Published events involving the state or anything in it.")

    class Meta:
        ordering = ["state", "kind"]
        constraints = [models.UniqueConstraint(fields=["state", "kind"], name="state_tally_key")]

    def __str__(self) -> str:
        return f"{self.state} {self.kind}: {self.n}"


class JurisdictionTally(models.Model):
    """Published events per involved jurisdiction and kind: the map's points, the headline's number of
    jurisdictions involved, and a jurisdiction page's count of its events."""

    jurisdiction = models.ForeignKey("jurisdictions.Jurisdiction", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=24, choices=EventKind.choices)
    n = models.IntegerField(help_text="Published events involving the jurisdiction itself.")

    class Meta:
        ordering = ["jurisdiction", "kind"]
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "kind"], name="jurisdiction_tally_key")]

    def __str__(self) -> str:
        return f"{self.jurisdiction_id} {self.kind}: {self.n}"


class JurisdictionTotalTally(models.Model):
    """JurisdictionTally summed over the kinds: the dashboard's map and its number of jurisdictions
    involved, read without adding up a row per kind (three thousand rows at 300,000 events, not twelve)."""

    jurisdiction = models.OneToOneField("jurisdictions.Jurisdiction", on_delete=models.CASCADE, related_name="+")
    n = models.IntegerField(help_text="Published events involving the jurisdiction itself, of every kind.")

    class Meta:
        ordering = ["jurisdiction"]

    def __str__(self) -> str:
        return f"{self.jurisdiction_id}: {self.n}"


class StateDayTally(models.Model):
    """Published events involving both ``state`` and ``other_state`` (each counted once), per day, kind
    and date precision; the rows with ``other_state == state`` count the state's own events. Under a
    state filter (with any kinds and dates) they are the events list's count, its timeline and the
    map's state shading, as DayTally and StateTally are without one."""

    state = models.CharField(max_length=2, help_text="The state filtered on.")
    other_state = models.CharField(max_length=2, help_text="A state the same events involve (itself included).")
    kind = models.CharField(max_length=24, choices=EventKind.choices)
    day = models.DateField(help_text="The event's date; 0001-01-01 for undated events.")
    date_precision = models.CharField(max_length=8, choices=DatePrecision.choices)
    n = models.IntegerField(help_text="Published events.")

    class Meta:
        ordering = ["state", "other_state", "kind", "day", "date_precision"]
        constraints = [
            # The upsert's conflict target; its index also serves a state filter's timeline and count
            # (one state's own rows: state = other_state, by kind and day).
            models.UniqueConstraint(fields=["state", "other_state", "kind", "day", "date_precision"],
                                    name="state_day_tally_key"),
        ]
        indexes = [
            # The map's states under a state filter: every other state, by kind and day.
            models.Index(fields=["state", "kind", "day"], name="state_day_tally_filter_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.state}+{self.other_state} {self.day} {self.kind} ({self.date_precision}): {self.n}"


class StatePlaceTally(models.Model):
    """Published events involving ``state`` and the jurisdiction itself, per day, kind and date
    precision: the map's points under a state filter, with any kinds and dates."""

    state = models.CharField(max_length=2, help_text="The state filtered on.")
    jurisdiction = models.ForeignKey("jurisdictions.Jurisdiction", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=24, choices=EventKind.choices)
    day = models.DateField(help_text="The event's date; 0001-01-01 for undated events.")
    date_precision = models.CharField(max_length=8, choices=DatePrecision.choices)
    n = models.IntegerField(help_text="Published events.")

    class Meta:
        ordering = ["state", "jurisdiction", "kind", "day", "date_precision"]
        constraints = [
            models.UniqueConstraint(fields=["state", "jurisdiction", "kind", "day", "date_precision"],
                                    name="state_place_tally_key"),
        ]
        indexes = [
            # The map's points under a state filter: one state's rows by kind and day.
            models.Index(fields=["state", "kind", "day"], name="state_place_tally_filter_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.state}: {self.jurisdiction_id} {self.day} {self.kind} ({self.date_precision}): {self.n}"


class StateMonthTally(models.Model):
    """Published events involving a state (or anything in it) per month, kind and date precision: the
    timeline and the events list's count under a state filter without dates, from about a thousand rows
    for California at 300,000 events where its rows by day are ~14,000 (StateDayTally paired with itself)."""

    state = models.CharField(max_length=2, help_text="The state filtered on.")
    kind = models.CharField(max_length=24, choices=EventKind.choices)
    month = models.DateField(help_text="The first day of the event's month; 0001-01-01 for undated events.")
    date_precision = models.CharField(max_length=8, choices=DatePrecision.choices)
    n = models.IntegerField(help_text="Published events.")

    class Meta:
        ordering = ["state", "month", "kind", "date_precision"]
        constraints = [
            models.UniqueConstraint(fields=["state", "kind", "month", "date_precision"], name="state_month_tally_key"),
        ]

    def __str__(self) -> str:
        return f"{self.state} {self.month:%Y-%m} {self.kind} ({self.date_precision}): {self.n}"


class StatePlaceTotalTally(models.Model):
    """StatePlaceKindTally summed over the kinds: the events list's map under a state filter alone, one
    row per place the state's events involve."""

    state = models.CharField(max_length=2, help_text="The state filtered on.")
    jurisdiction = models.ForeignKey("jurisdictions.Jurisdiction", on_delete=models.CASCADE, related_name="+")
    n = models.IntegerField(help_text="Published events involving the state and this jurisdiction, of every kind.")

    class Meta:
        ordering = ["state", "jurisdiction"]
        constraints = [
            models.UniqueConstraint(fields=["state", "jurisdiction"], name="state_place_total_tally_key"),
        ]

    def __str__(self) -> str:
        return f"{self.state}: {self.jurisdiction_id}: {self.n}"


class StatePairTally(models.Model):
    """Published events involving both ``state`` and ``other_state`` (itself included), per kind: the
    map's state shading under a state filter without dates. StateDayTally has the same numbers by day,
    for a date range; without one, summing its rows (every day of a busy state) cost the first request
    after a change more than the rest of the page."""

    state = models.CharField(max_length=2, help_text="The state filtered on.")
    other_state = models.CharField(max_length=2, help_text="A state the same events involve (itself included).")
    kind = models.CharField(max_length=24, choices=EventKind.choices)
    n = models.IntegerField(help_text="Published events.")

    class Meta:
        ordering = ["state", "other_state", "kind"]
        constraints = [
            # The upsert's conflict target; its index serves the map (one state's rows).
            models.UniqueConstraint(fields=["state", "other_state", "kind"], name="state_pair_tally_key"),
        ]

    def __str__(self) -> str:
        return f"{self.state}+{self.other_state} {self.kind}: {self.n}"


class StatePlaceKindTally(models.Model):
    """Published events involving ``state`` and the jurisdiction itself, per kind: the map's points under
    a state filter without dates (StatePlaceTally by day, for a date range: ~107,000 rows for
    California at 300,000 events, against ~3,000 places here)."""

    state = models.CharField(max_length=2, help_text="The state filtered on.")
    jurisdiction = models.ForeignKey("jurisdictions.Jurisdiction", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=24, choices=EventKind.choices)
    n = models.IntegerField(help_text="Published events.")

    class Meta:
        ordering = ["state", "jurisdiction", "kind"]
        constraints = [
            # The upsert's conflict target; its index serves the map (one state's rows).
            models.UniqueConstraint(fields=["state", "jurisdiction", "kind"], name="state_place_kind_tally_key"),
        ]

    def __str__(self) -> str:
        return f"{self.state}: {self.jurisdiction_id} {self.kind}: {self.n}"


class MoneyTally(models.Model):
    """Published federal actions that name the jurisdiction as a subject and state an amount at stake,
    and the sum of those amounts: a jurisdiction page's "money at stake" line."""

    jurisdiction = models.OneToOneField("jurisdictions.Jurisdiction", on_delete=models.CASCADE, related_name="+")
    n = models.IntegerField(help_text="Published federal actions stating an amount.")
    amount = models.DecimalField(max_digits=20, decimal_places=0, help_text="Their amounts at stake, summed.")

    class Meta:
        ordering = ["jurisdiction"]

    def __str__(self) -> str:
        return f"{self.jurisdiction_id}: {self.n} actions, ${self.amount}"


class TallyMember(models.Model):
    """What one published event adds to the tallies now. Not a foreign key: the row must outlive a
    deleted event until the refresh that takes its counts back out."""

    event_id = models.BigIntegerField(primary_key=True)
    kind = models.CharField(max_length=24, choices=EventKind.choices)
    day = models.DateField()
    date_precision = models.CharField(max_length=8, choices=DatePrecision.choices)
    states = models.JSONField(default=list, help_text="Distinct states of the involved jurisdictions.")
    jurisdictions = models.JSONField(default=list, help_text="Ids of the involved jurisdictions.")
    subjects = models.JSONField(default=list, help_text="Ids of the jurisdictions it is about (role subject).")
    amount = models.DecimalField(
        max_digits=14, decimal_places=0, null=True,
        help_text="Its federal action's amount at stake; empty when none is stated or it has none.",
    )

    class Meta:
        ordering = ["event_id"]

    def __str__(self) -> str:
        return f"event {self.event_id}"


class TallyVersion(models.Model):
    """Numbers that go up whenever a tally changes: the row whose ``tally`` is empty with every change, and one
    row per tally table with the changes to that table. The charts that the summary cannot answer
    are cached on that row (events/charts/cache.py) instead of on a count of every event; those it
    answers are cached on the rows of the tables they read (events/charts/summary.py), so an edit
    that moves an event's date leaves the maps by kind (which have no dates) as they were."""

    tally = models.CharField(max_length=64, blank=True, default="",
                             help_text="The tally table counted; empty for any change at all.")
    version = models.BigIntegerField(default=0)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["tally"], name="tally_version_tally_unique")]

    def __str__(self) -> str:
        return f"tally version {self.version}" + (f" of {self.tally}" if self.tally else "")


class PolicyTally(models.Model):
    """A policy's recorded changes (PolicyChange rows) and how many of them are in published events, for
    the policies with at least one: the public rule "no change recorded, or one in a published event"
    (events/visibility.py) becomes one probe of this table's key per policy instead of a join of every
    change to its event. Kept by ``events.tallies.refresh_policy_tallies`` in the writer's transaction."""

    policy = models.OneToOneField("jurisdictions.Policy", primary_key=True, on_delete=models.CASCADE, related_name="+")
    changes = models.IntegerField(help_text="Recorded changes to the policy, in events of any status.")
    published = models.IntegerField(help_text="Those in published events.")

    class Meta:
        ordering = ["policy"]
        constraints = [
            # No row for a policy without changes: a recount compares equal, and "no row" reads as "none recorded".
            models.CheckConstraint(condition=models.Q(changes__gt=0), name="policy_tally_has_changes"),
            models.CheckConstraint(condition=models.Q(published__gte=0, published__lte=models.F("changes")),
                                   name="policy_tally_published_within_changes"),
        ]

    def __str__(self) -> str:
        return f"policy {self.policy_id}: {self.published} of {self.changes} changes published"
