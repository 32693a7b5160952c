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
from django.db.models import Q

from feeds.models import Article, StoryCluster

WINDOW = datetime.timedelta(hours=72)
# Measured on rewrites of one story by different outlets (tests/feeds/test_clustering.py): same-story
# pairs score 0.3-0.7 and different stories on the same topic stay below 0.2.
THRESHOLD = 0.3
LEAD_WORDS = 80

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
    # A crude tag strip is enough for a word set, and far cheaper than an HTML parser per article.
    lead = " ".join(_TAG.sub(" ", text).split()[:LEAD_WORDS])
    words = _WORD.findall(f"{title} {title} {lead}".lower())
    return frozenset(w for w in words if len(w) > 2 and w not in _STOPWORDS)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def outlet_of(article: Article) -> str:
    """Outlets are told apart by host name (www. ignored), since one feed may carry several outlets."""
    host = urlsplit(article.normalized_url).hostname or ""
    return host.removeprefix("www.") or f"feed:{article.feed_id}"


def _when(article: Article) -> datetime.datetime:
    return article.published or article.fetched


def assign_clusters(article_ids: Iterable[int]) -> int:
    """Put each given article in the cluster of the most similar article near it in time, creating
    a cluster when two unclustered articles match. Returns how many of the given articles are now
    in a cluster."""
    # Only stories the analyser found relevant reach an editor; clustering the rest would cost time and
    # memory on every fetch for nothing.
    new = list(
        Article.objects.filter(pk__in=list(article_ids), cluster__isnull=True, is_relevant=True)
        .only(*_FIELDS)
        .order_by("published", "pk")
    )
    if not new:
        return 0
    times = [_when(a) for a in new]
    window = (min(times) - WINDOW, max(times) + WINDOW)
    nearby = list(
        Article.objects.filter(is_relevant=True)
        .filter(Q(published__range=window) | Q(published__isnull=True, fetched__range=window))
        .only(*_FIELDS)
    )
    by_id = {a.pk: a for a in nearby}
    for article in new:
        by_id.setdefault(article.pk, article)
    prints = {pk: fingerprint(a.title, a.body_html or a.summary_html) for pk, a in by_id.items()}
    index = _RareWordIndex(prints)
    touched: set[int] = set()
    with transaction.atomic():
        for article in new:
            article = by_id[article.pk]
            if article.cluster_id is not None:
                continue  # pulled into a cluster earlier in this run, as another article's best match
            best = _best_match(article, by_id, prints, index)
            if best is None:
                continue
            if best.cluster_id is None:
                cluster = StoryCluster.objects.create(title=best.title, first_reported=_when(best))
                best.cluster_id = cluster.pk
                Article.objects.filter(pk=best.pk).update(cluster=cluster)
            article.cluster_id = best.cluster_id
            Article.objects.filter(pk=article.pk).update(cluster_id=best.cluster_id)
            touched.add(best.cluster_id)
        refresh_cluster_stats(touched)
    return sum(1 for a in new if by_id[a.pk].cluster_id is not None)


_FIELDS = ("id", "title", "summary_html", "body_html", "published", "fetched", "cluster_id", "normalized_url", "feed_id")


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
    """Outlet count and first report are derived from the members, never counted incrementally."""
    for cluster in StoryCluster.objects.filter(pk__in=list(cluster_ids)):
        members = list(cluster.articles.only("title", "published", "fetched", "normalized_url", "feed_id"))
        first = min(members, key=_when)
        cluster.first_reported = _when(first)
        cluster.title = first.title[:500]
        cluster.outlet_count = len({outlet_of(m) for m in members})
        cluster.save(update_fields=["first_reported", "title", "outlet_count"])
