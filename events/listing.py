"""The filtered, paginated public events list: what the events page and the embeds show."""
from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator

from events.filters import EventFilter, filter_events

PAGE_SIZE = 50


@dataclass
class EventList:
    filterset: EventFilter
    page: Page | None  # None when the filters are invalid: nothing is shown rather than a wrong list

    @property
    def count(self) -> int:
        return self.page.paginator.count if self.page else 0


def event_list(params, page_number) -> EventList:
    filterset = filter_events(params)
    if not filterset.is_valid():
        return EventList(filterset, None)
    paginator = Paginator(filterset.qs.with_list_data(), PAGE_SIZE)
    # A page number past the end (or not a number) shows the nearest real page, not an error.
    return EventList(filterset, paginator.get_page(page_number))
