"""Full-text search over events, ranked, on both databases behind one query parser (events.search_query).

PostgreSQL: each event keeps a stored ``search_document`` (GIN-indexed) weighting its title (A),
summary (B), its sources' titles, publishers and authors (C) and the names of its jurisdictions (D).
SQLite (the ``make run`` default): the same four texts in an FTS5 table, ``events_event_fts``, whose
rowid is the event's id, tokenized with the porter stemmer. Either index spans three tables, so it is
refreshed explicitly after writes (signals for single saves; bulk loaders call
``refresh_search_documents`` themselves).
"""
from __future__ import annotations

import functools
import operator
from collections.abc import Iterable

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, FloatField, QuerySet, Value
from django.db.models.expressions import RawSQL

from events.search_query import ParsedQuery, Term, fts5_positive, fts5_string, parse

CONFIG = "english"
FTS_TABLE = "events_event_fts"
FTS_CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "title, summary, sources, places, tokenize = 'porter unicode61 remove_diacritics 2')"
)
_SQLITE_ROWS = f"""
SELECT e.id, coalesce(e.title, ''), coalesce(e.summary, ''),
    coalesce((SELECT group_concat(s.title || ' ' || s.publisher || ' ' || s.author, ' ')
              FROM events_source AS s WHERE s.event_id = e.id), ''),
    coalesce((SELECT group_concat(j.name, ' ') FROM events_eventjurisdiction AS ej
              JOIN jurisdictions_jurisdiction AS j ON j.id = ej.jurisdiction_id WHERE ej.event_id = e.id), '')
FROM events_event AS e
"""
_SQLITE_CHUNK = 500

_REFRESH_SQL = """
UPDATE events_event AS e SET search_document =
    setweight(to_tsvector(%(config)s, coalesce(e.title, '')), 'A')
 || setweight(to_tsvector(%(config)s, coalesce(e.summary, '')), 'B')
 || setweight(to_tsvector(%(config)s, coalesce(
        (SELECT string_agg(s.title || ' ' || s.publisher || ' ' || s.author, ' ') FROM events_source AS s WHERE s.event_id = e.id),
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
    if connection.vendor == "sqlite":
        _refresh_sqlite(event_ids)
        return
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


def _refresh_sqlite(event_ids: Iterable[int] | None) -> None:
    with connection.cursor() as cursor:
        if event_ids is None:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")
            cursor.execute(f"INSERT INTO {FTS_TABLE} (rowid, title, summary, sources, places) {_SQLITE_ROWS}")
            return
        ids = list(event_ids)
        for start in range(0, len(ids), _SQLITE_CHUNK):
            chunk = ids[start:start + _SQLITE_CHUNK]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", chunk)
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, summary, sources, places) {_SQLITE_ROWS} WHERE e.id IN ({marks})",
                chunk,
            )


def forget_search_documents(event_ids: Iterable[int]) -> None:
    """Drop deleted events from the SQLite index (PostgreSQL's document lives in the deleted row)."""
    ids = list(event_ids)
    if connection.vendor != "sqlite" or not ids:
        return
    with connection.cursor() as cursor:
        for start in range(0, len(ids), _SQLITE_CHUNK):
            chunk = ids[start:start + _SQLITE_CHUNK]
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})", chunk)


def search_events(queryset: QuerySet, text: str) -> QuerySet:
    """Events matching the search box's text (see events.search_query), annotated with ``rank``
    (higher is better)."""
    query = parse(text)
    if query.is_empty():
        return queryset.annotate(rank=Value(0.0, output_field=FloatField()))
    if uses_postgres():
        return _postgres_search(queryset, query)
    return _sqlite_search(queryset, query)


def _tsquery(term: Term) -> SearchQuery:
    return SearchQuery(term.text, config=CONFIG, search_type="phrase" if term.phrase else "plain")


def _postgres_search(queryset: QuerySet, query: ParsedQuery) -> QuerySet:
    tsquery = None
    for group in query.groups:
        alternatives = functools.reduce(operator.or_, (_tsquery(t) for t in group))
        tsquery = alternatives if tsquery is None else tsquery & alternatives
    for term in query.excluded:
        tsquery = ~_tsquery(term) if tsquery is None else tsquery & ~_tsquery(term)
    return queryset.filter(search_document=tsquery).annotate(rank=SearchRank(F("search_document"), tsquery))


def _sqlite_search(queryset: QuerySet, query: ParsedQuery) -> QuerySet:
    positive = fts5_positive(query)
    if positive is not None:
        queryset = queryset.filter(id__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [positive]))
    for term in query.excluded:
        queryset = queryset.exclude(id__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                                                  [fts5_string(term)]))
    if positive is None:
        return queryset.annotate(rank=Value(0.0, output_field=FloatField()))
    # bm25 is lower for better matches; weights follow PostgreSQL's A/B/C/D for title, summary,
    # sources and places.
    rank = RawSQL(
        f"SELECT -bm25({FTS_TABLE}, 10.0, 4.0, 2.0, 1.0) FROM {FTS_TABLE} "
        f"WHERE {FTS_TABLE} MATCH %s AND {FTS_TABLE}.rowid = events_event.id",
        [positive], output_field=FloatField(),
    )
    return queryset.annotate(rank=rank)
