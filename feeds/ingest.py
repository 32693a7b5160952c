"""Entries become Articles: one article per link, however many feeds carry it and however often they are read.

Identity is the normalised link (``Article.normalized_url``, unique). An entry without a usable http(s) link
gets an identity from its feed and GUID (or its text), written as a ``urn:`` so it never looks like a link.
Within one feed a GUID already seen also marks a duplicate, so a feed that rewrites an entry's link does not
create a second article.

Storing is bulk and race-safe: known links and GUIDs are looked up in a few queries, the rest inserted with
``INSERT … ON CONFLICT DO NOTHING RETURNING`` (``feeds.bulk.insert_rows``), which names the rows this call
inserted, so "new" counts only what this call created even when another worker stores the same link at the
same moment.

New articles are analysed and put in story clusters before they are inserted (clustering compares them with
the stored articles of their time window, and with each other), so each row is written once with its verdict
and its cluster; their matched jurisdictions follow in one INSERT per 500. ``after_ingest`` clusters what
could not be decided before the insert.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from django.db import connections, router, transaction
from django.utils import timezone

from feeds import bulk, clustering
from feeds.models import Article, Feed
from feeds.parsing import ParsedEntry
from feeds.sanitize import html_to_text
from feeds.urlnorm import normalize_url

logger = logging.getLogger(__name__)
T = TypeVar("T")

# Bound on the parameters of one IN (...) list or one INSERT: safe on every SQLite build.
BATCH = 500
# Articles per INSERT. Each statement holds its rows' HTML several times over while it is built and sent
# (array literals, the query text, libpq's buffer). Measured on a worker fetching 1,000 entries: its peak
# was ~4 MB lower with 250 rows than with 500, ~2 MB lower again with 125, and the INSERTs took as long.
ARTICLE_BATCH = 125
_URL_MAX = Article._meta.get_field("url").max_length
_GUID_MAX = Article._meta.get_field("guid").max_length
_TITLE_MAX = Article._meta.get_field("title").max_length
_PUBLISHER_MAX = Article._meta.get_field("publisher").max_length


@dataclass
class IngestResult:
    seen: int = 0
    new: int = 0
    duplicate: int = 0
    # Entries with nothing to identify them by (no link, id, title or text).
    skipped: int = 0
    new_ids: list[int] = field(default_factory=list)
    # New articles still to be put in story clusters (``after_ingest``): none, unless deciding them failed.
    to_cluster: list[int] = field(default_factory=list)
    # Steps that failed without losing the articles (the analyser), in words for the FetchRun.
    notes: list[str] = field(default_factory=list)


def _chunks(items: Sequence, size: int = BATCH):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stored_guid(guid: str) -> str:
    """A GUID as stored: as given, or a digest when it is longer than the column."""
    return guid if len(guid) <= _GUID_MAX else "sha256:" + _digest(guid)


def identity(feed: Feed | None, entry: ParsedEntry) -> tuple[str, str] | None:
    """(link as published, normalised identity) of an entry, or None when nothing identifies it."""
    for candidate in (entry.link, entry.guid):
        normalized = normalize_url(candidate)
        if normalized:
            return (candidate if len(candidate) <= _URL_MAX else normalized), normalized
    basis = entry.guid or (f"{entry.title}\n{entry.text}" if (entry.title or entry.text) else "")
    if not basis.strip():
        return None
    if feed is None:  # an imported file: the same content is the same article
        return "", f"urn:sanctuary-tracker:import:{_digest(basis)}"
    return "", f"urn:sanctuary-tracker:feed:{feed.pk}:entry:{_digest(basis)}"


def _title(entry: ParsedEntry, url: str) -> str:
    title = entry.title or " ".join(entry.text.split()[:20]) or url or "(untitled entry)"
    return title if len(title) <= _TITLE_MAX else title[: _TITLE_MAX - 1] + "…"


class _NewArticle:
    """An article about to be inserted, as the values of its row (an attribute per column of Article, as
    ``feeds.bulk.insert_rows`` reads them) plus its plain text: making an Article instance per entry cost
    more than inserting its row."""

    __slots__ = (*(f.attname for f in Article._meta.concrete_fields), "pk", "text")

    def __init__(self, defaults: dict, **values) -> None:
        for name, value in defaults.items():
            setattr(self, name, value)
        for name, value in values.items():
            setattr(self, name, value)


def _row_defaults(feed: Feed | None, stamp, publisher: str) -> dict:
    """The values every new row of this call starts from: Article's defaults, as Django would fill them in,
    and the columns shared by all the rows of one fetch."""
    template = Article(feed=feed, fetched=stamp, publisher=(publisher or (feed.name if feed else ""))[:_PUBLISHER_MAX])
    return {f.attname: getattr(template, f.attname) for f in Article._meta.concrete_fields} | {"pk": None}


def _known(feed: Feed | None, urls: list[str], guids: list[str]) -> tuple[set[str], set[str]]:
    """Of these normalised links, those already stored; of these GUIDs, those already stored for ``feed``.
    On PostgreSQL one query, each list sent as one array; elsewhere a few queries per 500."""
    connection = connections[router.db_for_read(Article)]
    if connection.vendor != "postgresql":
        return (_existing(Article.objects.all(), "normalized_url", urls),
                # feed=None filters on "no feed" (imported files).
                _existing(Article.objects.filter(feed=feed), "guid", guids))
    quote = connection.ops.quote_name
    meta = Article._meta
    table, url_col, guid_col, feed_col = (
        quote(meta.db_table), quote(meta.get_field("normalized_url").column), quote(meta.get_field("guid").column),
        quote(meta.get_field("feed").column))
    same_feed = f"{feed_col} IS NULL" if feed is None else f"{feed_col} = %s"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {url_col}, {guid_col}, {same_feed} FROM {table} "
            f"WHERE {url_col} = ANY(%s::text[]) OR ({same_feed} AND {guid_col} = ANY(%s::text[]))",
            [*([] if feed is None else [feed.pk]), bulk.array_literal(urls), *([] if feed is None else [feed.pk]),
             bulk.array_literal(guids)],
        )
        rows = cursor.fetchall()
    wanted_urls, wanted_guids = set(urls), set(guids)
    return ({url for url, _guid, _same in rows if url in wanted_urls},
            {guid for _url, guid, same in rows if same and guid in wanted_guids})


def _existing(queryset, field_name: str, values: list[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(values):
        found.update(queryset.filter(**{f"{field_name}__in": chunk}).values_list(field_name, flat=True))
    return found


def ingest_entries(
    feed: Feed | None, entries: Iterable[ParsedEntry], *, fetched_at=None, publisher: str = ""
) -> IngestResult:
    """Store the entries of one fetch of ``feed`` (None for imported files) as analysed Articles with their
    matched jurisdictions. Idempotent: storing the same entries again creates nothing and counts them as
    duplicates."""
    result = IngestResult()
    stamp = fetched_at or timezone.now()
    defaults = _row_defaults(feed, stamp, publisher)
    candidates: dict[str, _NewArticle] = {}
    guids_in_document: set[str] = set()
    for entry in entries:
        result.seen += 1
        ident = identity(feed, entry)
        if ident is None:
            result.skipped += 1
            continue
        url, normalized = ident
        guid = stored_guid(entry.guid)
        if normalized in candidates or (guid and guid in guids_in_document):
            result.duplicate += 1
            continue
        if guid:
            guids_in_document.add(guid)
        candidates[normalized] = _NewArticle(
            defaults,
            url=url,
            normalized_url=normalized,
            guid=guid,
            title=_title(entry, url),
            author=entry.author,
            published=entry.published,
            summary_html=entry.summary_html,
            body_html=entry.body_html,
            content_hash=entry.content_hash,
            # the plain text, as the analyser and clustering read it
            text=entry.text,
        )
    if not candidates:
        return result

    known_urls, known_guids = _known(feed, list(candidates), sorted({a.guid for a in candidates.values() if a.guid}))
    # Sorted so that two workers inserting overlapping links take their locks in the same order.
    to_insert = [
        article for key, article in sorted(candidates.items())
        if key not in known_urls and not (article.guid and article.guid in known_guids)
    ]
    result.duplicate += len(candidates) - len(to_insert)
    if not to_insert:
        return result
    for article in to_insert:
        article.fingerprint = clustering.stored_fingerprint(article.title, article.text)

    matches = _analyse(to_insert, result.notes)
    for article in to_insert:
        article.text = ""  # read by the fingerprint and the analyser only: ~1 MB per 1,000 entries, let go
    plan = _plan_clusters(to_insert, result.notes)
    with transaction.atomic():
        if plan is not None:
            plan.create_clusters()
            for position, article in enumerate(to_insert):
                article.cluster_id = plan.cluster_of(position)
        # The rows this call created: a link another worker stored at the same moment is not among them.
        inserted = bulk.insert_rows(to_insert, ignore_conflicts=True, returning=("pk", "normalized_url"), model=Article,
                                    batch_size=ARTICLE_BATCH)
        if matches:
            from feeds.analysis.store import insert_new_matches

            insert_new_matches([(pk, matches[url]) for pk, url in inserted])
        if plan is not None:
            position_of = {article.normalized_url: i for i, article in enumerate(to_insert)}
            plan.finish(inserted={position_of[url] for _pk, url in inserted})
    result.new_ids = [pk for pk, _url in inserted]
    result.new = len(result.new_ids)
    result.duplicate += len(to_insert) - result.new
    result.to_cluster = [] if plan is not None else list(result.new_ids)
    return result


def _plan_clusters(articles: list[_NewArticle], notes: list[str]) -> clustering.ClusterPlan | None:
    """Story clusters of the relevant new articles, decided before they are inserted so that each row is
    written once, with its cluster (an UPDATE of every new row after the insert cost as much as deciding).
    None when deciding failed: the articles are stored all the same, and ``after_ingest`` tries again."""
    pending = [(i, a.published, a.fetched, a.fingerprint) for i, a in enumerate(articles) if a.is_relevant]
    return _guarded("Clustering", len(pending), notes, lambda: clustering.plan_clusters(pending))


def _analyse(articles: list[_NewArticle], notes: list[str]) -> dict:
    """Analyse articles about to be inserted and put the verdict on them, so each row is written once, with
    its verdict (an UPDATE of every new row afterwards cost more than the analysis itself: it rewrites the
    row and every index on it). Each article carries its plain text (what ``plain_text_of`` gives once it is
    stored). Returns the values of their matches by normalised URL (``new_match_values``); each Analysis is
    dropped as soon as its values are taken, so a fetch never holds a thousand of them. A failing analyser
    never loses the articles: they are stored unanalysed (``analyzed_at`` empty, no verdict on any of them),
    with a note for the run."""
    from feeds import analysis
    from feeds.analysis.store import apply_verdict, new_match_values, verdict_of

    def analyse_all() -> dict:
        analysis.refresh_if_changed()  # one query: a reloaded gazetteer must not leave the index with stale ids
        found = {}
        for a in articles:
            result = analysis.analyze(a.title, a.text, a.published)
            found[a.normalized_url] = (verdict_of(result), new_match_values(result))
        return found

    found = _guarded("Analysis", len(articles), notes, analyse_all)
    if found is None:
        return {}
    now = timezone.now()
    for article in articles:
        apply_verdict(article, found[article.normalized_url][0], now)
    return {url: matches for url, (_verdict, matches) in found.items()}


def _guarded(step: str, count: int, notes: list[str], work: Callable[[], T]) -> T | None:
    """Run a step that must never lose the articles (analysis, clustering): a failure is logged and noted for
    the run, and gives None. Celery's soft time limit goes through to the task."""
    try:
        return work()
    except Exception as exc:
        if is_time_limit(exc):
            raise
        logger.exception("%s of %d new articles failed", step, count)
        notes.append(f"{step} of the new articles failed: {type(exc).__name__}: {exc}"[:500])
        return None


# --- After storing: story clusters that could not be decided before ------------------------------------------

def plain_text_of(article: Article) -> str:
    """The article's text as the analyser reads it (its offsets refer to this)."""
    return html_to_text(article.body_html or article.summary_html)


def after_ingest(article_ids: Sequence[int]) -> list[str]:
    """Cluster stored articles whose clusters were not decided as they were inserted (``IngestResult.to_cluster``).
    A failure here never loses the stored articles: it is logged and returned as a note for the FetchRun."""
    notes: list[str] = []
    if article_ids:
        _guarded("Clustering", len(article_ids), notes, lambda: clustering.assign_clusters(article_ids))
    return notes


def is_time_limit(exc: BaseException) -> bool:
    """Celery's soft time limit: it must reach the task, never be swallowed as an ordinary error."""
    from celery.exceptions import SoftTimeLimitExceeded

    return isinstance(exc, SoftTimeLimitExceeded)
