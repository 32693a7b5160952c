"""Case: a lawsuit, its parties, and the events (federal action, rulings) that hang off it."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from events.choices import CaseStatus, EventKind, PartyRole


class Case(models.Model):
    """A lawsuit over immigration cooperation, e.g. a city suing over grant conditions."""

    caption = models.CharField(max_length=300, help_text="Case name as the court styles it, or a plain description.")
    slug = models.SlugField(max_length=200, unique=True, help_text="URL name.")
    docket_number = models.CharField(max_length=60, blank=True, help_text="Docket number, exactly as the court gives it.")
    court = models.CharField(max_length=200, help_text="Court where the case was filed.")
    filed = models.DateField(null=True, blank=True, help_text="Filing date, if the sources give it.")
    status = models.CharField(max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN, help_text="Where the case stands.")
    docket_url = models.URLField(max_length=1000, blank=True, help_text="Link to the public docket.")
    summary = models.TextField(blank=True, help_text="What the case is about.")
    originating_event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="resulting_cases",
        help_text="The federal action (or other event) that led to the suit.",
    )
    # The page the case's facts come from (the rulings cite their own sources).
    source_url = models.URLField(max_length=1000, blank=True, help_text="Link to a report of the suit or its docket.")
    source_title = models.CharField(max_length=300, blank=True, help_text="Title of the source.")
    source_publisher = models.CharField(max_length=200, blank=True, help_text="Who published the source.")
    source_published = models.DateField(null=True, blank=True, help_text="Publication date of the source.")
    is_public = models.BooleanField(
        default=True,
        help_text="Shown on public pages. A case an editor adds starts unpublished; even when published, a case "
        "whose events are all unpublished stays hidden (events.visibility).",
    )
    is_synthetic = models.BooleanField(default=False, help_text="Generated for benchmarks; never real data.")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    # Every change is kept: who, when, what (django-simple-history).
    history = HistoricalRecords()

    class Meta:
        ordering = ["-filed", "caption"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=CaseStatus.values), name="case_status_valid"),
            # Two cases in one court never share a docket number.
            models.UniqueConstraint(
                fields=["court", "docket_number"], condition=~Q(docket_number=""), name="case_unique_docket_per_court"
            ),
        ]
        indexes = [models.Index(fields=["status"], name="case_status_idx")]

    def __str__(self) -> str:
        return self.caption

    def get_absolute_url(self) -> str:
        return reverse("cases:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.originating_event_id and self.originating_event.kind != EventKind.FEDERAL_ACTION:
            raise ValidationError({"originating_event": "A case originates in a federal action."})


class CaseParty(models.Model):
    """A party to a case: a jurisdiction from the gazetteer, or a named federal party."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(max_length=10, choices=PartyRole.choices, help_text="Side of the case.")
    jurisdiction = models.ForeignKey(
        "jurisdictions.Jurisdiction", null=True, blank=True, on_delete=models.PROTECT, related_name="case_parties",
        help_text="The jurisdiction, if the party is one.",
    )
    federal_party = models.CharField(
        max_length=200, blank=True, help_text="Named federal party, e.g. 'U.S. Department of Justice'."
    )

    # Every change is kept: who, when, what (django-simple-history).
    history = HistoricalRecords()

    class Meta:
        ordering = ["case", "role", "id"]
        verbose_name_plural = "case parties"
        constraints = [
            # Exactly one of the two ways to name a party.
            models.CheckConstraint(
                condition=(Q(jurisdiction__isnull=False) & Q(federal_party=""))
                | (Q(jurisdiction__isnull=True) & ~Q(federal_party="")),
                name="case_party_is_jurisdiction_or_federal",
            ),
            models.UniqueConstraint(
                fields=["case", "jurisdiction", "role"], condition=Q(jurisdiction__isnull=False),
                name="case_party_unique_jurisdiction",
            ),
        ]
        indexes = [
            # A jurisdiction page lists the cases it is party to.
            models.Index(fields=["jurisdiction", "case"], name="case_party_jurisdiction_idx"),
        ]

    def __str__(self) -> str:
        who = self.jurisdiction or self.federal_party
        return f"{who} ({self.get_role_display()}) in {self.case}"
