"""The filtered, paginated public events list: what the events page and the embeds show."""
from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property

from events.charts.cache import ChartCache
from events.charts.summary import Summary, summary_for
from events.filters import EventFilter, filter_events

PAGE_SIZE = 50


@dataclass
class EventList:
    filterset: EventFilter
    page: Page | None  # None when the filters are invalid: nothing is shown rather than a wrong list
    # The page's cache look-ups (count, charts) share one read of the data version.
    cached: ChartCache | None = None

    @property
    def count(self) -> int:
        return self.page.paginator.count if self.page else 0


class CachedCountPaginator(Paginator):
    """Counting the filtered events is the list's slowest query on a large table: the chart summary
    answers it for kinds and dates; otherwise the count is cached like the charts (per filters,
    invalidated by any change to events). The page itself is never cached."""

    def __init__(self, *args, counts: ChartCache, summary: Summary | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._counts = counts
        self._summary = summary

    @cached_property
    def count(self) -> int:
        if self._summary is not None and self._summary.answers("count"):
            return self._summary.count()
        return self._counts.get("count", lambda: Paginator.count.func(self))


def event_list(params, page_number) -> EventList:
    filterset = filter_events(params)
    if not filterset.is_valid():
        return EventList(filterset, None)
    cached = ChartCache(filterset.data)
    paginator = CachedCountPaginator(
        filterset.qs.with_list_data(), PAGE_SIZE, counts=cached, summary=summary_for(filterset)
    )
    # A page number past the end (or not a number) shows the nearest real page, not an error.
    return EventList(filterset, paginator.get_page(page_number), cached)
