"""Story clusters: the same story reported by several outlets, grouped so an editor reviews it once.

Two articles report the same story when their titles and leads share most of their distinctive words
(Jaccard similarity of word sets) and they were published within a short window of each other. Cheap and
explainable; good enough for wire copy and rewrites, which is what fills a news review queue.
"""
from __future__ import annotations

import datetime
import functools
import re
import string
import sys
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from itertools import chain
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models.functions import Coalesce

from feeds.bulk import update_values
from feeds.models import Article, StoryCluster
from feeds.sanitize import html_to_text

WINDOW = datetime.timedelta(hours=72)
# Measured on rewrites of one story by different outlets (tests/feeds/test_clustering.py): same-story
# pairs score 0.3-0.7 and different stories on the same topic stay below 0.2.
THRESHOLD = 0.3
LEAD_WORDS = 80

# An article's time: when it was published, else when it arrived.
WHEN = Coalesce("published", "fetched")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# Words every story on this beat shares; they say nothing about which story it is.
_STOPWORDS = frozenset(
    """a an and are as at be been but by for from had has have he her his in into is it its of on or
    said says that the their they this to was were will with who would after over more than not new
    about also could may can one two immigration immigrant immigrants sanctuary federal officials city
    cities state states county trump administration ice department""".split()
)


# Words of one or two characters say nothing either. _WORD's shortest word with an apostrophe has three
# characters, so these are all the words of under three it can find: set aside with the stopwords in one
# set difference (filtering by length word by word took a fifth of the fingerprint's time).
_SHORT_WORDS = frozenset(a + b for a in string.ascii_lowercase + string.digits
                         for b in ("", *string.ascii_lowercase, *string.digits))
_NOT_DISTINCTIVE = _STOPWORDS | _SHORT_WORDS


def _distinctive_words(title: str, text: str) -> set[str]:
    lead = text.split(None, LEAD_WORDS)[:LEAD_WORDS]
    return set(_WORD.findall(f"{title} {' '.join(lead)}".lower())) - _NOT_DISTINCTIVE


def fingerprint(title: str, text: str) -> frozenset[str]:
    """The distinctive words of the title and the lead (the first LEAD_WORDS words of the plain text): three
    characters or more, not stopwords."""
    return frozenset(_distinctive_words(title, text))


def stored_fingerprint(title: str, text: str) -> str:
    """``fingerprint`` as ``Article.fingerprint`` holds it: the words, sorted, one space apart. Computed when
    the article is stored, from the text the analyser reads, so clustering never reads article bodies."""
    return " ".join(sorted(_distinctive_words(title, text)))


def similarity(a: frozenset[str], b: Collection[str]) -> float:
    """Jaccard similarity of two sets of words (``b`` may be any collection of distinct words); the union is
    counted, not built."""
    if not a or not b:
        return 0.0
    shared = len(a.intersection(b))
    return shared / (len(a) + len(b) - shared)


def _outlet(normalized_url: str, feed_id: int | None) -> str:
    """Outlets are told apart by host name (www. ignored), since one feed may carry several outlets."""
    origin = "/".join(normalized_url.split("/", 3)[:3])  # "https://host:port"
    return _host_of_origin(origin) or f"feed:{feed_id}"


@functools.lru_cache(maxsize=4096)
def _host_of_origin(origin: str) -> str:
    """The host of "scheme://host[:port]" (www. ignored): a window's articles come from a few hosts."""
    return (urlsplit(origin).hostname or "").removeprefix("www.")


class _Near:
    """An article of the time window, as clustering reads it: a few columns, not a model instance. Its words
    are a tuple of interned strings (the window's articles share most of their words): a set per article
    cost ten times the memory, and a worker holds a whole window of them."""

    __slots__ = ("pk", "when", "cluster_id", "words")

    def __init__(self, pk: int, when: datetime.datetime, cluster_id: int | None, words: str | None):
        self.pk = pk
        self.when = when
        self.cluster_id = cluster_id
        self.words = None if words is None else _word_tuple(words)


def _word_tuple(fingerprint_text: str) -> tuple[str, ...]:
    return tuple(map(sys.intern, fingerprint_text.split()))


def _window(window: tuple[datetime.datetime, datetime.datetime]) -> dict[int, _Near]:
    """The relevant articles of the window by id. Articles stored before fingerprints were kept (or created
    some other way) get theirs now, once: computed from their text and written back."""
    # Read in chunks (a server-side cursor on PostgreSQL): a busy window is thousands of rows, and only their
    # _Near objects need to be held, not every row and its fingerprint's text at once as well.
    near = {
        row[0]: _Near(*row)
        for row in Article.objects.annotate(when=WHEN)
        .filter(is_relevant=True, when__range=window)
        .values_list("pk", "when", "cluster_id", "fingerprint")
        .iterator(chunk_size=2000)
    }
    missing = [pk for pk, article in near.items() if article.words is None]
    if missing:
        filled = []
        # Read in chunks: after an upgrade a whole window of bodies may be missing theirs.
        for pk, title, body_html, summary_html in Article.objects.filter(pk__in=missing).values_list(
            "pk", "title", "body_html", "summary_html"
        ).iterator(chunk_size=500):
            words = stored_fingerprint(title, html_to_text(body_html or summary_html))
            near[pk].words = _word_tuple(words)
            filled.append((pk, words))
        update_values(Article, ["fingerprint"], filled)
    return near


def assign_clusters(article_ids: Iterable[int]) -> int:
    """Put each given article (stored) in the cluster of the most similar article near it in time, creating
    a cluster when two unclustered articles match. Returns how many of the given articles are now
    in a cluster. A constant number of queries, whatever the number of articles and clusters."""
    # Only stories the analyser found relevant reach an editor; clustering the rest would cost time and
    # memory on every fetch for nothing.
    new = list(
        Article.objects.filter(pk__in=list(article_ids), cluster__isnull=True, is_relevant=True)
        .annotate(when=WHEN)
        .order_by("published", "pk")
        .values_list("pk", "when")
    )
    if not new:
        return 0
    times = [when for _pk, when in new]
    # The new articles are among these: the window is made from their times.
    by_id = _window((min(times) - WINDOW, max(times) + WINDOW))
    new_ids = [pk for pk, _when in new if pk in by_id]  # unless another worker changed them in between
    plan = _decide(new_ids, by_id)
    if plan.changed:
        with transaction.atomic():
            plan.create_clusters()
            plan.finish(inserted=set())
    return sum(1 for pk in new_ids if by_id[pk].cluster_id is not None)


# While planned, articles not inserted yet are known by keys above every stored id, in the order they will be
# inserted, so that candidates sort (and ties break) as they did when clustering ran after the insert.
_PENDING = 1 << 62


def plan_clusters(pending: Sequence[tuple[int, datetime.datetime | None, datetime.datetime, str]]) -> ClusterPlan:
    """The clusters of relevant articles about to be inserted, given as (position in the INSERT, published,
    fetched, fingerprint): decided against the stored articles of their window, as ``assign_clusters`` would
    decide after the insert, so that each new row is written once, with its cluster."""
    if not pending:
        return ClusterPlan([], {})
    # As assign_clusters orders stored articles: by publication (articles without a date last), then id.
    order = sorted(pending, key=lambda p: (p[1] is None, p[1] or p[2], p[0]))
    times = [published or fetched for _position, published, fetched, _words in order]
    by_id = _window((min(times) - WINDOW, max(times) + WINDOW))
    keys = []
    for (position, _published, _fetched, words), when in zip(order, times):
        key = _PENDING + position
        by_id[key] = _Near(key, when, None, words)
        keys.append(key)
    return _decide(keys, by_id)


def _decide(new_ids: list[int], by_id: dict[int, _Near]) -> ClusterPlan:
    index = _RareWordIndex(by_id, frozenset().union(*(by_id[pk].words for pk in new_ids)))
    # Decided in memory first, written after in a few statements: new clusters get their ids when inserted,
    # so until then an article points at its cluster by a negative number (-1 for the first new one).
    created: list[StoryCluster] = []
    changed: dict[int, _Near] = {}
    for pk in new_ids:
        article = by_id[pk]
        if article.cluster_id is not None:
            continue  # pulled into a cluster earlier in this run, as another article's best match
        best = _best_match(article, by_id, index)
        if best is None:
            continue
        if best.cluster_id is None:
            # Title and first report are filled in from the members below, with the outlet count.
            created.append(StoryCluster(title="", first_reported=best.when))
            best.cluster_id = -len(created)
            changed[best.pk] = best
        article.cluster_id = best.cluster_id
        changed[article.pk] = article
    return ClusterPlan(created, changed)


class ClusterPlan:
    """Clusters decided in memory: the clusters to create, and the articles whose cluster changes (stored ones
    by id, articles about to be inserted by ``_PENDING`` + their position). Written inside the caller's
    transaction: ``create_clusters`` before the articles are inserted, ``finish`` after."""

    def __init__(self, created: list[StoryCluster], changed: dict[int, _Near]) -> None:
        self.created = created
        self.changed = changed

    def create_clusters(self) -> None:
        """Insert the new clusters and point the decisions at their ids."""
        if not self.created:
            return
        StoryCluster.objects.bulk_create(self.created)
        for article in self.changed.values():
            if article.cluster_id < 0:
                article.cluster_id = self.created[-article.cluster_id - 1].pk

    def cluster_of(self, position: int) -> int | None:
        """The cluster of the article at this position of the INSERT (after ``create_clusters``)."""
        article = self.changed.get(_PENDING + position)
        return article.cluster_id if article is not None else None

    def finish(self, inserted: set[int]) -> None:
        """Once the new articles are inserted (``inserted``: their positions that were), stored articles join
        their clusters and the clusters' figures are derived from their members. A new cluster left with one
        member, because another worker stored its partner's link first, is dissolved."""
        stored = [(pk, article.cluster_id) for pk, article in self.changed.items() if pk < _PENDING]
        update_values(Article, ["cluster"], stored)
        lost = any(key >= _PENDING and key - _PENDING not in inserted for key in self.changed)
        if lost and self.created:
            _dissolve_single_member_clusters([cluster.pk for cluster in self.created])
        refresh_cluster_stats({article.cluster_id for article in self.changed.values()})


def _dissolve_single_member_clusters(cluster_ids: list[int]) -> None:
    members = Counter(Article.objects.filter(cluster_id__in=cluster_ids).values_list("cluster_id", flat=True))
    lonely = [pk for pk in cluster_ids if members[pk] < 2]
    if lonely:
        Article.objects.filter(cluster_id__in=lonely).update(cluster=None)
        StoryCluster.objects.filter(pk__in=lonely).delete()


class _RareWordIndex:
    """Which articles share a word with which. Only words in few articles are indexed: two reports of
    one story share names and numbers, and comparing every pair of a busy window would be quadratic."""

    MAX_POSTINGS = 50

    def __init__(self, articles: dict[int, _Near], wanted: frozenset[str]) -> None:
        # Only the words the new articles have are ever looked up, and only the rare ones are indexed: they
        # are counted first (in C), so no list is built for a common word.
        counts = Counter(chain.from_iterable(wanted.intersection(article.words) for article in articles.values()))
        rare = frozenset(word for word, n in counts.items() if n <= self.MAX_POSTINGS)
        postings: dict[str, list[int]] = {}
        for pk, article in articles.items():
            for word in rare.intersection(article.words):
                postings.setdefault(word, []).append(pk)
        self.postings = postings

    def candidates(self, words: Collection[str]) -> set[int]:
        found: set[int] = set()
        for word in words:
            found.update(self.postings.get(word, ()))
        return found


def _best_match(article: _Near, by_id: dict[int, _Near], index: _RareWordIndex) -> _Near | None:
    mine = frozenset(article.words)
    best, best_score = None, THRESHOLD
    for pk in sorted(index.candidates(mine)):  # sorted: the same input always gives the same clusters
        other = by_id[pk]
        if pk == article.pk or abs(other.when - article.when) > WINDOW:
            continue
        score = similarity(mine, other.words)
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
        outlets = len({_outlet(row[4], row[5]) for row in rows})
        clusters.append((cluster_id, first[1] or first[2], first[3][:500], outlets))
    update_values(StoryCluster, ["first_reported", "title", "outlet_count"], clusters)
