"""Event: one thing that happened, on a date, to one or more jurisdictions."""
from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from events.choices import DatePrecision, EventKind, EventStatus, InvolvementRole
from jurisdictions.models import Jurisdiction

PUBLIC_STATUSES = (EventStatus.PUBLISHED, EventStatus.RETRACTED)


class EventQuerySet(models.QuerySet):
    def published(self) -> EventQuerySet:
        """Events in force on the public record: what counts, charts and exports use."""
        return self.filter(status=EventStatus.PUBLISHED)

    def public(self) -> EventQuerySet:
        """Events whose page the public may open: published, and retracted ones (shown with a notice)."""
        return self.filter(status__in=PUBLIC_STATUSES)

    def drafts(self) -> EventQuerySet:
        return self.filter(status=EventStatus.DRAFT)

    def of_kind(self, kind: str) -> EventQuerySet:
        return self.filter(kind=kind)

    def for_jurisdiction(self, jurisdiction: Jurisdiction, *, include_within: bool = False) -> EventQuerySet:
        """Events involving the jurisdiction; with ``include_within``, also those of the counties
        and places inside it."""
        if include_within:
            inner = Jurisdiction.objects.within(jurisdiction).values("pk")
            return self.filter(involvements__jurisdiction__in=inner).distinct()
        return self.filter(involvements__jurisdiction=jurisdiction).distinct()

    def dated(self) -> EventQuerySet:
        """Events the sources date: the only ones a timeline can place."""
        return self.exclude(date_precision=DatePrecision.UNKNOWN)

    def with_list_data(self) -> EventQuerySet:
        """Everything a list row shows, in a fixed number of queries whatever the number of rows."""
        # The stored search document is large and only the database reads it.
        return self.defer("search_document").select_related("case").prefetch_related(
            Prefetch(
                "involvements",
                # Subjects before places only mentioned ("subject" sorts after "mentioned").
                queryset=EventJurisdiction.objects.select_related("jurisdiction").order_by(
                    "-role", "jurisdiction__name"
                ),
            ),
            "sources",
        )

    def newest_first(self) -> EventQuerySet:
        # Undated events sort after dated ones.
        return self.order_by(models.F("date").desc(nulls_last=True), "-id")


class Event(models.Model):
    """One thing that happened: a federal action, court ruling, policy change or enforcement operation.

    Kind-specific details live in one-to-one tables (FederalAction, CourtRuling, PolicyChange,
    EnforcementOperation). Drafts are never public; a published event cites at least one source.
    """

    kind = models.CharField(max_length=24, choices=EventKind.choices, help_text="What sort of event it is.")
    title = models.CharField(max_length=300, help_text="One-line headline in the tracker's own words.")
    slug = models.SlugField(max_length=120, blank=True, help_text="URL words; made from the title.")
    summary = models.TextField(help_text="What happened, in the tracker's own words, stating only what sources say.")
    date = models.DateField(
        null=True, blank=True,
        help_text="When it happened. For month or year precision, the first day of that month or year.",
    )
    date_precision = models.CharField(
        max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY,
        help_text="How precisely the sources date it.",
    )
    status = models.CharField(
        max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT, help_text="Only published is public."
    )
    jurisdictions = models.ManyToManyField(
        Jurisdiction, through="EventJurisdiction", related_name="events", blank=True,
        help_text="Jurisdictions involved.",
    )
    case = models.ForeignKey(
        "events.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="events",
        help_text="The lawsuit this event belongs to, if any.",
    )
    published_at = models.DateTimeField(null=True, blank=True, help_text="When it was first made public.")
    retracted_at = models.DateTimeField(null=True, blank=True, help_text="When it was retracted.")
    retraction_note = models.TextField(blank=True, help_text="Why it was retracted; shown on its page.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="Editor who created it.",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="Editor who last changed it.",
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    is_synthetic = models.BooleanField(default=False, help_text="Generated for benchmarks; never real data.")
    # Weighted title/summary/sources/places, kept by events.search; GIN-indexed on PostgreSQL only
    # (migration 0003), unused on SQLite.
    search_document = SearchVectorField(null=True, editable=False)
    # Every change is kept: who, when, what (django-simple-history). The search document is derived data.
    history = HistoricalRecords(excluded_fields=["search_document"])

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = [models.F("date").desc(nulls_last=True), "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=EventKind.values), name="event_kind_valid"),
            models.CheckConstraint(condition=Q(status__in=EventStatus.values), name="event_status_valid"),
            # An undated event says so explicitly; a dated one has a precision.
            models.CheckConstraint(
                condition=(Q(date__isnull=True) & Q(date_precision=DatePrecision.UNKNOWN))
                | (Q(date__isnull=False) & ~Q(date_precision=DatePrecision.UNKNOWN)),
                name="event_date_matches_precision",
            ),
            models.CheckConstraint(
                condition=Q(status=EventStatus.DRAFT) | Q(published_at__isnull=False),
                name="event_public_has_published_at",
            ),
            models.CheckConstraint(
                condition=~Q(status=EventStatus.RETRACTED) | Q(retracted_at__isnull=False),
                name="event_retracted_has_retracted_at",
            ),
        ]
        indexes = [
            # Public lists: published events, newest first, optionally by kind.
            models.Index(fields=["status", "-date"], name="event_status_date_idx"),
            models.Index(fields=["status", "kind", "-date"], name="event_status_kind_date_idx"),
            # (PostgreSQL also has event_status_newest_idx on (status, date DESC NULLS LAST, id DESC), the
            # order of every public list; SQLite cannot index NULLS LAST, so migration 0007 adds it there only.)
            # The charts' cache asks for the newest change (events/charts/cache.py).
            models.Index(fields=["updated"], name="event_updated_idx"),
            # The API's events list, newest published first (its cursor order), with any filter.
            models.Index(fields=["status", "-published_at", "-id"], name="event_status_published_idx"),
            # (PostgreSQL also has event_status_kind_newest_idx on (status, kind, date DESC NULLS LAST,
            # id DESC): the events list filtered by kind, in its order; migration 0013.)
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.title)[:120].strip("-") or "event"
        self.date = normalise_date(self.date, self.date_precision)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"pk": self.pk, "slug": self.slug or "event"})

    def clean(self) -> None:
        if self.date_precision == DatePrecision.UNKNOWN and self.date:
            raise ValidationError({"date": "Leave the date empty when the sources do not state it."})
        if self.date_precision != DatePrecision.UNKNOWN and not self.date:
            raise ValidationError({"date": "Give the date, or set the precision to 'not stated in the sources'."})

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def date_display(self) -> str:
        """The date written no more precisely than the sources give it."""
        return format_date(self.date, self.date_precision)

    def detail(self) -> models.Model | None:
        """The kind-specific details row, if it exists."""
        name = {
            EventKind.FEDERAL_ACTION: "federal_action",
            EventKind.COURT_RULING: "court_ruling",
            EventKind.POLICY_CHANGE: "policy_change",
            EventKind.ENFORCEMENT_OPERATION: "enforcement_operation",
        }[self.kind]
        return getattr(self, name, None)


def normalise_date(day: datetime.date | None, precision: str) -> datetime.date | None:
    """Store month- and year-precision dates as the first day of their period, so sorting and
    grouping never suggest more precision than the sources give."""
    if day is None:
        return None
    if precision == DatePrecision.MONTH:
        return day.replace(day=1)
    if precision == DatePrecision.YEAR:
        return day.replace(month=1, day=1)
    return day


def format_date(day: datetime.date | None, precision: str) -> str:
    if day is None or precision == DatePrecision.UNKNOWN:
        return "Date not stated in sources"
    if precision == DatePrecision.YEAR:
        return f"{day:%Y}"
    if precision == DatePrecision.MONTH:
        return f"{day:%B %Y}"
    return f"{day:%B} {day.day}, {day:%Y}"


class EventJurisdiction(models.Model):
    """That an event involves a jurisdiction, as its subject or in passing."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="involvements")
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="involvements")
    role = models.CharField(
        max_length=10, choices=InvolvementRole.choices, default=InvolvementRole.SUBJECT,
        help_text="Subject: targeted, party, place of the operation or whose policy changed. Mentioned: named only.",
    )

    # Every change is kept: who, when, what (django-simple-history).
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "-role", "jurisdiction__name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "jurisdiction"], name="event_jurisdiction_unique"),
        ]
        indexes = [
            # Jurisdiction pages and the jurisdiction filter go from jurisdiction to events.
            models.Index(fields=["jurisdiction", "event"], name="event_jurisdiction_rev_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.jurisdiction} ({self.get_role_display()}) in {self.event}"
