"""What the review pages read, in a fixed number of queries whatever the number of articles."""
from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Case, F, IntegerField, Prefetch, QuerySet, Value, When

from events.choices import EventKind
from events.conflicts import conflicts_by_event
from events.models import Source
from feeds.choices import ReviewStatus
from feeds.models import Article, ArticleAction, ArticleJurisdiction


def _matches() -> Prefetch:
    # Subjects before places only mentioned ("subject" sorts after "mentioned").
    return Prefetch(
        "matches",
        queryset=ArticleJurisdiction.objects.select_related("jurisdiction").order_by("-role", "jurisdiction__name"),
    )


def _citations() -> Prefetch:
    return Prefetch(
        "citations",
        queryset=Source.objects.select_related("event").only(
            "id", "article_id", "event_id", "event__id", "event__title", "event__status", "event__slug"
        ).order_by("event_id"),
    )


def review_queue() -> QuerySet[Article]:
    """Articles as the queue lists them: new ones first, then the most relevant, then the newest. The
    bodies are left in the database: the list shows none of them."""
    waiting_first = Case(When(status=ReviewStatus.NEW, then=Value(0)), default=Value(1), output_field=IntegerField())
    return (
        Article.objects.defer("summary_html", "body_html")
        .select_related("feed", "cluster")
        .prefetch_related(_matches(), _citations())
        .order_by(
            waiting_first, F("relevance_score").desc(nulls_last=True), F("published").desc(nulls_last=True), "-id"
        )
    )


def article_for_review(pk: int) -> QuerySet[Article]:
    """One article with everything its review page shows."""
    return Article.objects.filter(pk=pk).select_related(
        "feed", "cluster", "duplicate_of", "status_changed_by"
    ).prefetch_related(
        _matches(),
        _citations(),
        Prefetch("review_actions", queryset=ArticleAction.objects.select_related("user", "event", "duplicate_of")),
    )


def cluster_articles(cluster_id: int) -> QuerySet[Article]:
    """The articles of one story, earliest report first."""
    return (
        Article.objects.filter(cluster_id=cluster_id)
        .defer("summary_html", "body_html")
        .select_related("feed")
        .prefetch_related(_matches())
        .order_by(F("published").asc(nulls_last=True), "id")
    )


def articles_by_ids(ids: Sequence[int]) -> QuerySet[Article]:
    """The chosen articles with their analysis, earliest report first."""
    return (
        Article.objects.filter(pk__in=ids)
        .defer("summary_html", "body_html")
        .select_related("feed", "cluster")
        .prefetch_related(_matches())
        .order_by(F("published").asc(nulls_last=True), "id")
    )


def label_kinds(articles: Sequence[Article]) -> None:
    """Set ``article.kind_labels``: the suggested kinds as editors read them ("Federal action")."""
    labels = dict(EventKind.choices)
    for article in articles:
        article.kind_labels = [labels.get(kind, kind) for kind in article.suggested_kinds or []]


def flag_conflicts(articles: Sequence[Article]) -> None:
    """Set ``article.conflicts``: what the sources of the events citing it disagree on (one query for the
    whole page; the citations must be prefetched)."""
    event_ids = {source.event_id for article in articles for source in article.citations.all()}
    flags = conflicts_by_event(event_ids)
    for article in articles:
        article.conflicts = [
            (source.event, flag) for source in article.citations.all() for flag in flags.get(source.event_id, [])
        ]
