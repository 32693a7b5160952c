"""Kind-specific details of an event, one table per kind, one row per event."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from events.choices import ActionType, Agency, EventKind, PolicyChangeType, RulingOutcome, RulingType
from events.models.event import Event


class EventDetail(models.Model):
    """Shared shape: the event the details belong to, which must be of the matching kind."""

    event_kind: str = ""

    class Meta:
        abstract = True

    def clean(self) -> None:
        if self.event_id and self.event.kind != self.event_kind:
            raise ValidationError(f"These details belong to a {self.event_kind} event, not a {self.event.kind} one.")

    def get_absolute_url(self) -> str:
        return self.event.get_absolute_url()


class FederalAction(EventDetail):
    """An executive order, memo, lawsuit, subpoena, grant condition, prosecution or threat by a federal body."""

    event_kind = EventKind.FEDERAL_ACTION
    event = models.OneToOneField(Event, primary_key=True, on_delete=models.CASCADE, related_name="federal_action")
    agency = models.CharField(max_length=12, choices=Agency.choices, help_text="The federal body that acted.")
    action_type = models.CharField(max_length=20, choices=ActionType.choices, help_text="What it did.")
    amount_at_stake = models.DecimalField(
        max_digits=14, decimal_places=0, null=True, blank=True,
        help_text="Dollars at stake, as the sources state them; empty when they state none.",
    )
    amount_note = models.CharField(
        max_length=300, blank=True, help_text="What the amount covers, e.g. 'grants in fiscal year 2016'."
    )

    # Every change is kept: who, when, what (django-simple-history).
    history = HistoricalRecords()

    class Meta:
        ordering = ["-event__date"]
        constraints = [
            models.CheckConstraint(condition=Q(agency__in=Agency.values), name="federal_action_agency_valid"),
            models.CheckConstraint(condition=Q(action_type__in=ActionType.values), name="federal_action_type_valid"),
            models.CheckConstraint(
                condition=Q(amount_at_stake__isnull=True) | Q(amount_at_stake__gte=0),
                name="federal_action_amount_not_negative",
            ),
        ]
        indexes = [models.Index(fields=["agency"], name="federal_action_agency_idx")]

    def __str__(self) -> str:
        return f"{self.get_agency_display()}: {self.get_action_type_display()}"


class CourtRuling(EventDetail):
    """A court's decision in a case."""

    event_kind = EventKind.COURT_RULING
    event = models.OneToOneField(Event, primary_key=True, on_delete=models.CASCADE, related_name="court_ruling")
    court = models.CharField(max_length=200, help_text="Court that ruled, e.g. 'U.S. District Court, N.D. Cal.'.")
    ruling_type = models.CharField(max_length=24, choices=RulingType.choices, help_text="What sort of decision.")
    outcome = models.CharField(max_length=18, choices=RulingOutcome.choices, help_text="Who it favoured.")
    judges = models.CharField(max_length=300, blank=True, help_text="Judge or panel, as the sources name them.")

    # Every change is kept: who, when, what (django-simple-history).
    history = HistoricalRecords()

    class Meta:
        ordering = ["-event__date"]
        constraints = [
            models.CheckConstraint(condition=Q(outcome__in=RulingOutcome.values), name="court_ruling_outcome_valid"),
        ]
        indexes = [models.Index(fields=["outcome"], name="court_ruling_outcome_idx")]

    def __str__(self) -> str:
        return f"{self.court}: {self.get_ruling_type_display()} ({self.get_outcome_display()})"


class EnforcementOperation(EventDetail):
    """An immigration-enforcement operation in a jurisdiction."""

    event_kind = EventKind.ENFORCEMENT_OPERATION
    event = models.OneToOneField(
        Event, primary_key=True, on_delete=models.CASCADE, related_name="enforcement_operation"
    )
    agency = models.CharField(max_length=12, choices=Agency.choices, help_text="Agency that ran the operation.")
    operation_name = models.CharField(max_length=200, blank=True, help_text="Name, if officials or reports give one.")
    reported_arrests = models.PositiveIntegerField(
        null=True, blank=True, help_text="Arrests as reported; empty when no count is reported."
    )
    arrests_note = models.CharField(
        max_length=300, blank=True, help_text="Who reported the count and how, e.g. 'more than 12, per ICE'."
    )

    # Every change is kept: who, when, what (django-simple-history).
    history = HistoricalRecords()

    class Meta:
        ordering = ["-event__date"]
        constraints = [
            models.CheckConstraint(condition=Q(agency__in=Agency.values), name="enforcement_agency_valid"),
        ]

    def __str__(self) -> str:
        return self.operation_name or f"{self.get_agency_display()} operation"


class PolicyChange(EventDetail):
    """A jurisdiction adopted, changed, reaffirmed or ended a policy (or a court blocked it)."""

    event_kind = EventKind.POLICY_CHANGE
    event = models.OneToOneField(Event, primary_key=True, on_delete=models.CASCADE, related_name="policy_change")
    policy = models.ForeignKey(
        "jurisdictions.Policy", on_delete=models.PROTECT, related_name="changes", help_text="The policy concerned."
    )
    change = models.CharField(max_length=12, choices=PolicyChangeType.choices, help_text="What happened to it.")

    # Every change is kept: who, when, what (django-simple-history).
    history = HistoricalRecords()

    class Meta:
        ordering = ["-event__date"]

    def __str__(self) -> str:
        return f"{self.policy}: {self.get_change_display()}"
