"""Sources cited by events, and public corrections to published events."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from events.choices import CorrectionKind
from events.models.event import Event


class Source(models.Model):
    """A citation: the article or document an event's facts come from."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sources", help_text="The event it supports.")
    publisher = models.CharField(max_length=200, blank=True, help_text="Outlet or body that published it.")
    author = models.CharField(max_length=200, blank=True, help_text="Byline, where the source gives one.")
    title = models.CharField(
        max_length=500,
        help_text="Title as published; an editor's description in [square brackets] when the source has none.",
    )
    url = models.URLField(max_length=2000, blank=True, help_text="Link, where the source is online.")
    published = models.DateField(null=True, blank=True, help_text="Publication date, if known.")
    reported_count = models.PositiveIntegerField(
        null=True, blank=True,
        help_text="The number this source reports for the event (arrests, people affected…), exactly as it states "
        "it; empty when it gives none. Sources that differ are flagged.",
    )
    article = models.ForeignKey(
        "feeds.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="citations",
        help_text="The ingested article this citation came from, if any.",
    )
    created = models.DateTimeField(auto_now_add=True)

    # Every change is kept: who, when, what (django-simple-history).
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "published", "id"]
        constraints = [
            # A citation must say whose it is.
            models.CheckConstraint(
                condition=~models.Q(publisher="") | ~models.Q(author=""), name="source_names_publisher_or_author"
            ),
            models.UniqueConstraint(
                fields=["event", "url"], condition=~models.Q(url=""), name="source_unique_url_per_event"
            ),
            models.UniqueConstraint(
                fields=["event", "article"], condition=models.Q(article__isnull=False),
                name="source_unique_article_per_event",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.publisher or self.author}: {self.title}"

    def get_absolute_url(self) -> str:
        return f"{self.event.get_absolute_url()}#source-{self.pk}"


class Correction(models.Model):
    """A public, dated note of what changed in a public event and why, or of its retraction.

    Retractions are kept here too, so the public corrections log, its feed and the API read one table
    in one order; the event's own page lists the corrections and shows a retraction as its notice.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="corrections", help_text="The corrected event.")
    kind = models.CharField(
        max_length=12, choices=CorrectionKind.choices, default=CorrectionKind.CORRECTION,
        help_text="A correction of facts, or the event's retraction.",
    )
    created = models.DateTimeField(default=timezone.now, help_text="When the correction was made.")
    note = models.TextField(help_text="What changed and why, as shown to the public.")
    changes = models.JSONField(
        default=list, blank=True,
        help_text="The facts that changed (title, date, jurisdictions…), as listed to the public.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="Editor who made it.",
    )

    # Every change is kept: who, when, what (django-simple-history).
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "created"]
        indexes = [models.Index(fields=["-created", "-id"], name="correction_log_order")]
        constraints = [
            models.CheckConstraint(condition=~models.Q(note=""), name="correction_note_not_empty"),
        ]

    def __str__(self) -> str:
        return f"Correction to {self.event} on {self.created:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return f"{self.event.get_absolute_url()}#correction-{self.pk}"
