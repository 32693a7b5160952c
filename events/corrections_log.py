"""The public corrections log: every correction and retraction of a public event, newest first.

A reader who cited the site can check here whether anything they quoted has since changed. Entries come
from one table (Correction, where retractions are logged too) in one indexed order, so the log page, its
Atom feed and the API list read the same rows in the same order, in a constant number of queries.
Corrections of events that are not public (a draft, in the rare case one carries a note) never appear.
"""
from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from events.choices import CorrectionKind
from events.models import Correction
from events.models.event import PUBLIC_STATUSES

FEED_SIZE = 50
PAGE_SIZE = 50


def public_corrections() -> QuerySet[Correction]:
    """Corrections and retractions of public events, newest first, with the event each concerns."""
    return (
        Correction.objects.filter(event__status__in=PUBLIC_STATUSES)
        .select_related("event")
        .only("id", "kind", "created", "note", "changes", "event__id", "event__title", "event__slug",
              "event__status", "event__date", "event__date_precision")
        .order_by("-created", "-id")
    )


def describe_changes(correction: Correction) -> str:
    """What changed, in words: "title and date", "retracted", or "details" when not recorded."""
    if correction.kind == CorrectionKind.RETRACTION:
        return "retracted"
    labels = [str(label) for label in correction.changes or []]
    if not labels:
        return "details"
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


class CorrectionsFeed(Feed):
    """Atom feed of the corrections log, for newsrooms that cited the site."""

    feed_type = Atom1Feed
    title = "Sanctuary Tracker: corrections and retractions"
    subtitle = "Every correction and retraction of a published event, newest first."
    author_name = "Sanctuary Tracker"

    def link(self) -> str:
        return reverse("corrections")

    def feed_url(self) -> str:
        return reverse("corrections_feed")

    def items(self) -> list[Correction]:
        return list(public_corrections()[:FEED_SIZE])

    def item_title(self, item: Correction) -> str:
        verb = "Retracted" if item.kind == CorrectionKind.RETRACTION else f"Corrected ({describe_changes(item)})"
        return f"{verb}: {item.event.title}"

    def item_description(self, item: Correction) -> str:
        # The syndication framework escapes plain-text descriptions; the note is an editor's text.
        return item.note

    def item_link(self, item: Correction) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: Correction) -> str:
        return f"correction-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Correction):
        return item.created

    def item_updateddate(self, item: Correction):
        return item.created


corrections_feed = CorrectionsFeed()
