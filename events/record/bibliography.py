"""The pages the public record cites, for the about page: one list, newest first, in a fixed number of queries."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from events.models import Event, Source
from events.visibility import public_cases, public_policies, public_snapshots


@dataclass(frozen=True)
class CitedPage:
    url: str
    publisher: str
    title: str
    published: datetime.date | None


def cited_pages() -> list[CitedPage]:
    """Every page with an address that a published event, or a public case, policy or list snapshot cites, once."""
    rows = list(
        Source.objects.filter(event__in=Event.objects.published()).exclude(url="")
        .values_list("url", "publisher", "title", "published")
    )
    for public in (public_cases(), public_policies(), public_snapshots()):
        rows += public.exclude(source_url="").values_list(
            "source_url", "source_publisher", "source_title", "source_published"
        )
    pages: dict[str, CitedPage] = {}
    for url, publisher, title, published in rows:
        pages.setdefault(url, CitedPage(url, publisher, title, published))
    never = datetime.date.min
    return sorted(pages.values(), key=lambda p: (p.published or never, p.publisher), reverse=True)
