"""Entries become Articles: one article per link, however many feeds carry it and however often they are read.

Identity is the normalised link (``Article.normalized_url``, unique). An entry without a usable http(s) link
gets an identity from its feed and GUID (or its text), written as a ``urn:`` so it never looks like a link.
Within one feed a GUID already seen also marks a duplicate, so a feed that rewrites an entry's link does not
create a second article.

Storing is bulk and race-safe: known links and GUIDs are looked up in a few queries, the rest inserted with
``INSERT … ON CONFLICT DO NOTHING`` (``bulk_create(ignore_conflicts=True)``), and the rows this call
inserted are read back by their ingest stamp (feed + ``fetched`` time), so "new" counts only what this call
created even when another worker stores the same link at the same moment.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from feeds import clustering
from feeds.models import Article, Feed
from feeds.parsing import ParsedEntry
from feeds.sanitize import html_to_text
from feeds.urlnorm import normalize_url

logger = logging.getLogger(__name__)

# Bound on the parameters of one IN (...) list or one INSERT: safe on every SQLite build.
BATCH = 500
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


def _existing(queryset, field_name: str, values: list[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(values):
        found.update(queryset.filter(**{f"{field_name}__in": chunk}).values_list(field_name, flat=True))
    return found


def ingest_entries(
    feed: Feed | None, entries: Iterable[ParsedEntry], *, fetched_at=None, publisher: str = ""
) -> IngestResult:
    """Store the entries of one fetch of ``feed`` (None for imported files) as Articles. Idempotent:
    storing the same entries again creates nothing and counts them as duplicates."""
    result = IngestResult()
    stamp = fetched_at or timezone.now()
    candidates: dict[str, Article] = {}
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
        candidates[normalized] = Article(
            feed=feed,
            url=url,
            normalized_url=normalized,
            guid=guid,
            title=_title(entry, url),
            author=entry.author,
            publisher=(publisher or (feed.name if feed else ""))[:_PUBLISHER_MAX],
            published=entry.published,
            summary_html=entry.summary_html,
            body_html=entry.body_html,
            content_hash=entry.content_hash,
            fetched=stamp,
        )
    if not candidates:
        return result

    known_urls = _existing(Article.objects.all(), "normalized_url", list(candidates))
    known_guids = _existing(
        # feed=None filters on "no feed" (imported files).
        Article.objects.filter(feed=feed), "guid", sorted({a.guid for a in candidates.values() if a.guid})
    )
    # Sorted so that two workers inserting overlapping links take their locks in the same order.
    to_insert = [
        article for key, article in sorted(candidates.items())
        if key not in known_urls and not (article.guid and article.guid in known_guids)
    ]
    result.duplicate += len(candidates) - len(to_insert)
    if not to_insert:
        return result

    with transaction.atomic():
        Article.objects.bulk_create(to_insert, batch_size=BATCH, ignore_conflicts=True)
        # The rows this call created carry its stamp; a row another worker won the race for does not.
        for chunk in _chunks([a.normalized_url for a in to_insert]):
            result.new_ids.extend(
                Article.objects.filter(feed=feed, fetched=stamp, normalized_url__in=chunk).values_list("pk", flat=True)
            )
    result.new = len(result.new_ids)
    result.duplicate += len(to_insert) - result.new
    return result


# --- After storing: analysis and story clusters ------------------------------------------------------------

def plain_text_of(article: Article) -> str:
    """The article's text as the analyser reads it (its offsets refer to this)."""
    return html_to_text(article.body_html or article.summary_html)


def analyze_new_articles(article_ids: Iterable[int]) -> int:
    """Run the analyser on the given articles and store what it finds, in batches. Returns how many
    were analysed."""
    from feeds.analysis import analyze
    from feeds.analysis.gazetteer_index import refresh_if_changed
    from feeds.analysis.store import save_analyses

    refresh_if_changed()  # one query: a reloaded gazetteer must not leave the index with stale ids
    count = 0
    ids = sorted(article_ids)
    for chunk in _chunks(ids, 200):
        articles = list(Article.objects.filter(pk__in=chunk).order_by("pk"))
        save_analyses([(a, analyze(a.title, plain_text_of(a), a.published)) for a in articles])
        count += len(articles)
    return count


def assign_clusters(article_ids: Sequence[int]) -> None:
    clustering.assign_clusters(article_ids)


def after_ingest(article_ids: Sequence[int]) -> list[str]:
    """Analyse and cluster new articles. A failure here never loses the stored articles: it is logged and
    returned as a note for the FetchRun, and the articles stay unanalysed (``analyzed_at`` empty)."""
    notes: list[str] = []
    if not article_ids:
        return notes
    for label, step in (("Analysis", analyze_new_articles), ("Clustering", assign_clusters)):
        try:
            step(article_ids)
        except Exception as exc:
            if is_time_limit(exc):
                raise
            logger.exception("%s of %d new articles failed", label, len(article_ids))
            notes.append(f"{label} of the new articles failed: {type(exc).__name__}: {exc}"[:500])
    return notes


def is_time_limit(exc: BaseException) -> bool:
    """Celery's soft time limit: it must reach the task, never be swallowed as an ordinary error."""
    from celery.exceptions import SoftTimeLimitExceeded

    return isinstance(exc, SoftTimeLimitExceeded)
