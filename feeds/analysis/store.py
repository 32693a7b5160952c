"""Writing Analyses onto their Articles: the verdict fields and the matched jurisdictions with evidence.

A constant number of queries per batch whatever the number of articles or matches (one UPDATE of the
verdicts, see feeds/bulk.py; one SELECT and one DELETE of matches no longer found; one INSERT ... ON
CONFLICT for the rest), in one transaction; running it twice with the same analyses leaves the same rows
(match ids stay stable, so nothing pointing at a match is disturbed).
"""
from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from feeds.analysis.results import Analysis
from feeds.bulk import insert_values, json_text, update_rows
from feeds.models import Article, ArticleJurisdiction

VERDICT_FIELDS = ("is_relevant", "relevance_score", "suggested_kinds", "suggested_agencies", "agency_evidence", "event_date", "analyzed_at")
BATCH = 500


def save_analysis(article: Article, analysis: Analysis) -> None:
    """Store ``analysis`` on ``article`` (and on the instance passed in). Idempotent."""
    save_analyses([(article, analysis)])


def save_analyses(pairs: Sequence[tuple[Article, Analysis]]) -> None:
    """Store each analysis on its article (and on the instances passed in). Idempotent."""
    if not pairs:
        return
    now = timezone.now()
    rows: list[ArticleJurisdiction] = []
    for article, analysis in pairs:
        set_verdict(article, analysis, now)
        rows.extend(match_rows(article.pk, analysis))
    articles = [article for article, _ in pairs]
    found = {(row.article_id, row.jurisdiction_id) for row in rows}
    with transaction.atomic():
        update_rows(articles, VERDICT_FIELDS, batch_size=BATCH)
        existing = ArticleJurisdiction.objects.filter(article_id__in=[a.pk for a in articles]).values_list(
            "pk", "article_id", "jurisdiction_id"
        )
        stale = [pk for pk, article_id, jurisdiction_id in existing if (article_id, jurisdiction_id) not in found]
        if stale:
            ArticleJurisdiction.objects.filter(pk__in=stale).delete()
        if rows:
            ArticleJurisdiction.objects.bulk_create(
                rows,
                batch_size=BATCH,
                update_conflicts=True,
                unique_fields=["article", "jurisdiction"],
                update_fields=["role", "evidence"],
            )


def set_verdict(article: Article, analysis: Analysis, now) -> None:
    """Put the verdict fields on an instance (not saved): before a new article is inserted, so that it is
    written once with its verdict instead of inserted, then updated."""
    apply_verdict(article, verdict_of(analysis), now)


def verdict_of(analysis: Analysis) -> tuple:
    """The values of the verdict fields (VERDICT_FIELDS but ``analyzed_at``), in that order."""
    return (analysis.relevant, max(0.0, min(1.0, float(analysis.score))), list(analysis.kinds),
            list(analysis.agencies), [mention.as_dict() for mention in analysis.agency_evidence], analysis.event_date)


def apply_verdict(article, verdict: tuple, now) -> None:
    """``set_verdict`` from the values ``verdict_of`` gave."""
    (article.is_relevant, article.relevance_score, article.suggested_kinds, article.suggested_agencies,
     article.agency_evidence, article.event_date) = verdict
    article.analyzed_at = now


def match_rows(article_id: int, analysis: Analysis) -> list[ArticleJurisdiction]:
    return [
        ArticleJurisdiction(
            article_id=article_id,
            jurisdiction_id=match.jurisdiction_id,
            role=match.role,
            evidence=[mention.as_dict() for mention in match.evidence],
        )
        for match in analysis.jurisdictions
    ]


def new_match_values(analysis: Analysis) -> list[tuple[int, str, str]]:
    """The matches of an analysis as the values their rows will hold (jurisdiction, role, evidence as JSON
    text), less the article, whose id is known once it is inserted. A fetch keeps these rather than its
    Analyses until the articles are in: a 1,000-entry fetch's analyses were ~3.6 MB of objects at the INSERT,
    and it held ~1.5 MB less with these values instead."""
    return [(match.jurisdiction_id, match.role, json_text([m.as_dict() for m in match.evidence]))
            for match in analysis.jurisdictions]


def insert_new_matches(pairs: Sequence[tuple[int, Sequence[tuple[int, str, str]]]]) -> None:
    """The matches of articles inserted just now with their verdict (``set_verdict``), given per article id
    as ``new_match_values``: they have none yet, so one INSERT per 500 matches is all it takes (rows as
    values: a model instance per match cost more than its row)."""
    insert_values(ArticleJurisdiction, _MATCH_FIELDS, [
        (article_id, *values) for article_id, matches in pairs for values in matches
    ])


_MATCH_FIELDS = ("article", "jurisdiction", "role", "evidence")
