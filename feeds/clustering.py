"""Story clusters: the same story reported by several outlets, grouped so an editor reviews it once.

Two articles report the same story when their titles and leads share most of their distinctive words
(Jaccard similarity of word sets) and they were published within a short window of each other. Cheap and
explainable; good enough for wire copy and rewrites, which is what fills a news review queue.
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf, Substr

from feeds.bulk import update_rows
from feeds.models import Article, StoryCluster

WINDOW = datetime.timedelta(hours=72)
# Measured on rewrites of one story by different outlets (tests/feeds/test_clustering.py): same-story
# pairs score 0.3-0.7 and different stories on the same topic stay below 0.2.
THRESHOLD = 0.3
LEAD_WORDS = 80
# How much of an article's HTML is read to find its lead: 80 words of prose with ordinary markup fit easily.
LEAD_CHARS = 4000

# An article's time: when it was published, else when it arrived.
WHEN = Coalesce("published", "fetched")
_FIELDS = ("id", "title", "published", "fetched", "cluster_id", "normalized_url", "feed_id")
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# Words every story on this beat shares; they say nothing about which story it is.
_STOPWORDS = frozenset(
    """a an and are as at be been but by for from had has have he her his in into is it its of on or
    said says that the their they this to was were will with who would after over more than not new
    about also could may can one two immigration immigrant immigrants sanctuary federal officials city
    cities state states county trump administration ice department""".split()
)


def fingerprint(title: str, text: str) -> frozenset[str]:
    """The distinctive words of the title and the lead."""
    words = _WORD.findall(f"{title} {' '.join(_lead_words(text))}".lower())
    return frozenset(w for w in words if len(w) > 2 and w not in _STOPWORDS)


def _lead_words(html: str) -> list[str]:
    """The first LEAD_WORDS words of an HTML fragment. A crude tag strip is enough for a word set, and far
    cheaper than an HTML parser per article; of a long text only the start is stripped when it holds them."""
    if len(html) > LEAD_CHARS:
        words = _head_words(html)
        if words is not None:
            return words
    return _TAG.sub(" ", html).split()[:LEAD_WORDS]


def _head_words(html: str) -> list[str] | None:
    """The lead read from the first LEAD_CHARS characters alone (the same words as from the whole text, see
    _whole_tags), or None when they do not hold it."""
    words = _TAG.sub(" ", _whole_tags(html[:LEAD_CHARS])).split()
    # With one word more, the last word kept is followed by a blank, so the cut did not shorten it.
    return words[:LEAD_WORDS] if len(words) > LEAD_WORDS else None


def _whole_tags(head: str) -> str:
    """The start of a text cut before any "<" that its ">" did not follow within ``head``. A tag the cut
    went through is then not read as words, and every tag left ends where it ends in the whole text."""
    closing = head.rfind(">")
    opening = head.find("<", closing + 1)
    return head[:opening] if opening >= 0 else head


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def outlet_of(article: Article) -> str:
    """Outlets are told apart by host name (www. ignored), since one feed may carry several outlets."""
    return _outlet(article.normalized_url, article.feed_id)


def _outlet(normalized_url: str, feed_id: int | None) -> str:
    host = urlsplit(normalized_url).hostname or ""
    return host.removeprefix("www.") or f"feed:{feed_id}"


def _when(article: Article) -> datetime.datetime:
    return article.published or article.fetched


def _with_leads(queryset) -> list[Article]:
    """The articles with what clustering reads: times, outlet, title and the start of the text as ``lead``
    (the whole body would be read, and held in memory, for its first LEAD_WORDS words): LEAD_CHARS + 1
    characters, so that _lead_words knows a cut text when it sees one. The few whose start is too full of
    markup to hold the lead are read again whole."""
    html = Coalesce(NullIf(F("body_html"), Value("")), F("summary_html"))
    articles = list(queryset.only(*_FIELDS).annotate(lead=Substr(html, 1, LEAD_CHARS + 1)))
    # A lead of LEAD_CHARS + 1 characters may have been cut (or the text is exactly that long).
    short = [a for a in articles if len(a.lead) > LEAD_CHARS and _head_words(a.lead) is None]
    if short:
        whole = dict(Article.objects.filter(pk__in=[a.pk for a in short]).annotate(html=html).values_list("pk", "html"))
        for article in short:
            article.lead = whole.get(article.pk, article.lead)
    return articles


def assign_clusters(article_ids: Iterable[int]) -> int:
    """Put each given article in the cluster of the most similar article near it in time, creating
    a cluster when two unclustered articles match. Returns how many of the given articles are now
    in a cluster. A constant number of queries, whatever the number of articles and clusters."""
    # Only stories the analyser found relevant reach an editor; clustering the rest would cost time and
    # memory on every fetch for nothing.
    new = list(
        Article.objects.filter(pk__in=list(article_ids), cluster__isnull=True, is_relevant=True)
        .only("id", "published", "fetched")
        .order_by("published", "pk")
    )
    if not new:
        return 0
    times = [_when(a) for a in new]
    window = (min(times) - WINDOW, max(times) + WINDOW)
    # The new articles are among these: the window is made from their times.
    by_id = {
        a.pk: a
        for a in _with_leads(Article.objects.alias(when=WHEN).filter(is_relevant=True, when__range=window))
    }
    new = [a for a in new if a.pk in by_id]  # unless another worker changed them in between
    prints = {pk: fingerprint(a.title, a.lead) for pk, a in by_id.items()}
    index = _RareWordIndex(prints)
    # Decided in memory first, written after in a few statements: new clusters get their ids when inserted,
    # so until then an article points at its cluster by a negative number (-1 for the first new one).
    created: list[StoryCluster] = []
    changed: dict[int, Article] = {}
    for article in new:
        article = by_id[article.pk]
        if article.cluster_id is not None:
            continue  # pulled into a cluster earlier in this run, as another article's best match
        best = _best_match(article, by_id, prints, index)
        if best is None:
            continue
        if best.cluster_id is None:
            created.append(StoryCluster(title=best.title[:500], first_reported=_when(best)))
            best.cluster_id = -len(created)
            changed[best.pk] = best
        article.cluster_id = best.cluster_id
        changed[article.pk] = article
    if changed:
        with transaction.atomic():
            StoryCluster.objects.bulk_create(created)
            for article in changed.values():
                if article.cluster_id < 0:
                    article.cluster_id = created[-article.cluster_id - 1].pk
            update_rows(list(changed.values()), ["cluster"])
            refresh_cluster_stats({a.cluster_id for a in changed.values()})
    return sum(1 for a in new if by_id[a.pk].cluster_id is not None)


class _RareWordIndex:
    """Which articles share a word with which. Only words in few articles are indexed: two reports of
    one story share names and numbers, and comparing every pair of a busy window would be quadratic."""

    MAX_POSTINGS = 50

    def __init__(self, prints: dict[int, frozenset[str]]) -> None:
        postings: dict[str, list[int]] = {}
        for pk, words in prints.items():
            for word in words:
                postings.setdefault(word, []).append(pk)
        self.postings = {w: ids for w, ids in postings.items() if len(ids) <= self.MAX_POSTINGS}

    def candidates(self, words: frozenset[str]) -> set[int]:
        found: set[int] = set()
        for word in words:
            found.update(self.postings.get(word, ()))
        return found


def _best_match(article: Article, by_id: dict, prints: dict, index: _RareWordIndex) -> Article | None:
    mine = prints[article.pk]
    best, best_score = None, THRESHOLD
    for pk in sorted(index.candidates(mine)):  # sorted: the same input always gives the same clusters
        other = by_id[pk]
        if pk == article.pk or abs(_when(other) - _when(article)) > WINDOW:
            continue
        score = similarity(mine, prints[pk])
        if score >= best_score:
            best, best_score = other, score
    return best


def refresh_cluster_stats(cluster_ids: Iterable[int]) -> None:
    """Outlet count and first report are derived from the members, never counted incrementally (one
    SELECT of the members and one UPDATE per 500 clusters)."""
    ids = list(cluster_ids)
    if not ids:
        return
    members: dict[int, list[tuple]] = {}
    # In the articles' default order, so that a tie on the first report is broken as it always was.
    for row in Article.objects.filter(cluster_id__in=ids).values_list(
        "cluster_id", "published", "fetched", "title", "normalized_url", "feed_id"
    ):
        members.setdefault(row[0], []).append(row)
    clusters = []
    for cluster_id, rows in members.items():
        first = min(rows, key=lambda row: row[1] or row[2])
        clusters.append(StoryCluster(
            pk=cluster_id,
            first_reported=first[1] or first[2],
            title=first[3][:500],
            outlet_count=len({_outlet(row[4], row[5]) for row in rows}),
        ))
    update_rows(clusters, ["first_reported", "title", "outlet_count"])
