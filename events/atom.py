"""Atom feeds of published events (Django's syndication framework): everything, any filter of the
events list, and one jurisdiction — the "follow this jurisdiction" button.

A feed is for following, not for exporting: it holds the 50 most recently published events that
match, newest first by publication, so an old event published today still reaches subscribers.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from events.exports import invalid_filters_response
from events.filters import EventFilter, filter_events
from events.models import Event, EventJurisdiction
from jurisdictions.models import Jurisdiction

FEED_SIZE = 50


class InvalidFilters(Exception):
    def __init__(self, filterset: EventFilter) -> None:
        super().__init__("invalid filters")
        self.filterset = filterset


@dataclass
class FeedSubject:
    """What one request's feed is about: its filters, and the jurisdiction for a jurisdiction feed."""

    filterset: EventFilter
    jurisdiction: Jurisdiction | None
    base_url: str  # scheme and host, for stable ids
    full_path: str  # the feed's own address, with its query string
    query: str  # the filters, to link to the same list on the site


def latest_items(queryset: QuerySet) -> list[Event]:
    """The FEED_SIZE most recently published events, with what an entry shows, in three queries."""
    involvements = EventJurisdiction.objects.select_related("jurisdiction").order_by("-role", "jurisdiction__name")
    return list(
        queryset.order_by("-published_at", "-id").prefetch_related(
            Prefetch("involvements", queryset=involvements), "sources"
        )[:FEED_SIZE]
    )


class EventsFeed(Feed):
    """All published events, or those matching the events list's query string."""

    feed_type = Atom1Feed
    description_template = "events/feed_item_description.html"
    author_name = "Sanctuary Tracker"

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return super().__call__(request, *args, **kwargs)
        except InvalidFilters as invalid:
            return invalid_filters_response(invalid.filterset)

    def get_object(self, request: HttpRequest, *args, **kwargs) -> FeedSubject:
        return self.subject(request, Event.objects.published(), None)

    @staticmethod
    def subject(request: HttpRequest, queryset: QuerySet, jurisdiction: Jurisdiction | None) -> FeedSubject:
        filterset = filter_events(request.GET, queryset=queryset)
        if not filterset.is_valid():
            raise InvalidFilters(filterset)
        base_url = request.build_absolute_uri("/").rstrip("/")
        return FeedSubject(filterset, jurisdiction, base_url, request.get_full_path(), request.GET.urlencode())

    # -- the feed ---------------------------------------------------------------------------------

    def title(self, obj: FeedSubject) -> str:
        active = "; ".join(f"{label.lower()}: {value}" for label, value in obj.filterset.active_filters())
        return "Sanctuary Tracker: events" + (f" where {active}" if active else "")

    def subtitle(self, obj: FeedSubject) -> str:
        return "Published immigration-enforcement events around US sanctuary jurisdictions, each traced to its sources."

    def link(self, obj: FeedSubject) -> str:
        return reverse("events:list") + (f"?{obj.query}" if obj.query else "")

    def feed_url(self, obj: FeedSubject) -> str:
        return obj.full_path

    def items(self, obj: FeedSubject) -> list[Event]:
        events = latest_items(obj.filterset.qs)
        for event in events:
            # The short permalink does not change if an editor changes the slug.
            event.feed_guid = obj.base_url + reverse("events:detail_short", kwargs={"pk": event.pk})
        return events

    # -- each entry -------------------------------------------------------------------------------

    def item_title(self, item: Event) -> str:
        # Plain text: the feed generator escapes it for XML (the default would escape it twice).
        return item.title

    def item_link(self, item: Event) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: Event) -> str:
        return item.feed_guid

    def item_author_name(self, item: Event) -> str:
        """Who reported it: the publishers (or, failing one, the authors) of its sources, in citation order."""
        names: list[str] = []
        for source in item.sources.all():
            name = source.publisher or source.author
            if name and name not in names:
                names.append(name)
        return ", ".join(names) or self.author_name

    def item_pubdate(self, item: Event):
        return item.published_at

    def item_updateddate(self, item: Event):
        return item.updated

    def item_categories(self, item: Event) -> list[str]:
        return [item.get_kind_display(), *(str(inv.jurisdiction) for inv in item.involvements.all())]


class JurisdictionFeed(EventsFeed):
    """Published events involving one jurisdiction (as on its page); the query string may narrow it."""

    def get_object(self, request: HttpRequest, state: str, slug: str) -> FeedSubject:
        jurisdiction = get_object_or_404(Jurisdiction, state=state.upper(), slug=slug)
        # One involvement per (event, jurisdiction), so the join cannot repeat an event.
        queryset = Event.objects.published().filter(involvements__jurisdiction=jurisdiction)
        return self.subject(request, queryset, jurisdiction)

    def title(self, obj: FeedSubject) -> str:
        active = "; ".join(f"{label.lower()}: {value}" for label, value in obj.filterset.active_filters())
        return f"Sanctuary Tracker: {obj.jurisdiction}" + (f", events where {active}" if active else "")

    def subtitle(self, obj: FeedSubject) -> str:
        return f"Published events involving {obj.jurisdiction}, each traced to its sources."

    def link(self, obj: FeedSubject) -> str:
        return obj.jurisdiction.get_absolute_url()


events_feed = EventsFeed()
jurisdiction_feed = JurisdictionFeed()
