"""Full-text search over events: PostgreSQL's ranked search where we have it, a plain fallback on SQLite.

Each event keeps a stored ``search_document`` (GIN-indexed) weighting its title (A), summary (B),
its sources' titles and publishers (C) and the names of its jurisdictions (D). The document spans
three tables, so it is refreshed explicitly after writes (signals for single saves; bulk loaders
call ``refresh_search_documents`` themselves).
"""
from __future__ import annotations

from collections.abc import Iterable

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Exists, F, FloatField, OuterRef, Q, QuerySet, Value

CONFIG = "english"

_REFRESH_SQL = """
UPDATE events_event AS e SET search_document =
    setweight(to_tsvector(%(config)s, coalesce(e.title, '')), 'A')
 || setweight(to_tsvector(%(config)s, coalesce(e.summary, '')), 'B')
 || setweight(to_tsvector(%(config)s, coalesce(
        (SELECT string_agg(s.title || ' ' || s.publisher, ' ') FROM events_source AS s WHERE s.event_id = e.id),
        '')), 'C')
 || setweight(to_tsvector(%(config)s, coalesce(
        (SELECT string_agg(j.name, ' ') FROM events_eventjurisdiction AS ej
           JOIN jurisdictions_jurisdiction AS j ON j.id = ej.jurisdiction_id WHERE ej.event_id = e.id),
        '')), 'D')
"""


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def refresh_search_documents(event_ids: Iterable[int] | None = None) -> None:
    """Rebuild the stored search documents of these events (all events when None)."""
    if not uses_postgres():
        return
    sql, params = _REFRESH_SQL, {"config": CONFIG}
    if event_ids is not None:
        ids = list(event_ids)
        if not ids:
            return
        sql += " WHERE e.id = ANY(%(ids)s)"
        params["ids"] = ids
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def search_events(queryset: QuerySet, text: str) -> QuerySet:
    """Events matching the words, annotated with ``rank`` (higher is better)."""
    text = text.strip()
    if not text:
        return queryset.annotate(rank=Value(0.0, output_field=FloatField()))
    if uses_postgres():
        # websearch syntax: "quoted phrases", -excluded words, OR.
        query = SearchQuery(text, config=CONFIG, search_type="websearch")
        return queryset.filter(search_document=query).annotate(rank=SearchRank(F("search_document"), query))
    return _plain_search(queryset, text).annotate(rank=Value(0.0, output_field=FloatField()))


def _plain_search(queryset: QuerySet, text: str) -> QuerySet:
    from events.models import EventJurisdiction, Source

    for word in text.split():
        word = word.strip('"')
        if not word or word.startswith("-"):
            continue
        in_sources = Source.objects.filter(Q(title__icontains=word) | Q(publisher__icontains=word), event=OuterRef("pk"))
        in_places = EventJurisdiction.objects.filter(event=OuterRef("pk"), jurisdiction__name__icontains=word)
        queryset = queryset.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Exists(in_sources) | Exists(in_places)
        )
    return queryset
