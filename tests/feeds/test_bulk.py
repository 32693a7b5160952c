"""feeds.bulk: update_rows gives each row its own values, leaves other columns alone, one statement per batch;
insert_rows stores every type as bulk_create would and says which rows it inserted."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from feeds.bulk import insert_rows, update_rows
from feeds.models import Article, ArticleJurisdiction
from tests.factories import make_jurisdiction

pytestmark = pytest.mark.django_db
WHEN = timezone.make_aware(datetime.datetime(2025, 6, 1, 12, 0))


def articles(n: int) -> list[Article]:
    return [
        Article.objects.create(url=f"https://ex.example/{i}", normalized_url=f"https://ex.example/{i}", title=f"T{i}")
        for i in range(n)
    ]


def test_every_row_gets_its_own_values_of_every_type():
    rows = articles(3)
    for i, article in enumerate(rows):
        article.is_relevant = i % 2 == 0
        article.relevance_score = i / 10
        article.suggested_kinds = ["court_ruling"] * i
        article.suggested_agencies = [{"odd": "json", "n": i}] if i else []
        article.event_date = datetime.date(2025, 1, 1 + i) if i else None
        article.analyzed_at = WHEN + datetime.timedelta(minutes=i)
        article.title = "changed in memory only"
    update_rows(rows, ["is_relevant", "relevance_score", "suggested_kinds", "suggested_agencies", "event_date",
                       "analyzed_at"])
    stored = list(Article.objects.order_by("pk").values_list(
        "is_relevant", "relevance_score", "suggested_kinds", "suggested_agencies", "event_date", "analyzed_at", "title"))
    assert stored == [
        (True, 0.0, [], [], None, WHEN, "T0"),
        (False, 0.1, ["court_ruling"], [{"odd": "json", "n": 1}], datetime.date(2025, 1, 2),
         WHEN + datetime.timedelta(minutes=1), "T1"),
        (True, 0.2, ["court_ruling"] * 2, [{"odd": "json", "n": 2}], datetime.date(2025, 1, 3),
         WHEN + datetime.timedelta(minutes=2), "T2"),
    ]


def test_text_with_quotes_and_nul_free_unicode_round_trips():
    (article,) = articles(1)
    article.title = "It's \"quoted\"; -- DROP TABLE; é 中文 \u2019"
    update_rows([article], ["title"])
    assert Article.objects.get().title == article.title


def test_a_foreign_key_is_written_by_its_id():
    first, second = articles(2)
    second.duplicate_of_id = first.pk
    update_rows([second], ["duplicate_of"])
    assert Article.objects.get(pk=second.pk).duplicate_of_id == first.pk


def test_one_statement_per_batch_whatever_the_number_of_rows():
    rows = articles(12)
    for article in rows:
        article.relevance_score = 0.5
    with CaptureQueriesContext(connection) as few:
        update_rows(rows[:2], ["relevance_score"], batch_size=5)
    with CaptureQueriesContext(connection) as many:
        update_rows(rows, ["relevance_score"], batch_size=5)
    if connection.vendor == "postgresql":
        assert (len(few), len(many)) == (1, 3)
    assert Article.objects.filter(relevance_score=0.5).count() == 12


def test_insert_rows_stores_every_type_of_value():
    (article,) = articles(1)
    place = make_jurisdiction(name="Bulkton")
    evidence = [{"field": "text", "start": 0, "end": 7, "text": "Bulkton \u2019 'quoted' %s"}]
    insert_rows([ArticleJurisdiction(article=article, jurisdiction=place, role="subject", evidence=evidence)])
    stored = ArticleJurisdiction.objects.get()
    assert (stored.article_id, stored.jurisdiction_id, stored.role, stored.evidence) == (
        article.pk, place.pk, "subject", evidence)


def test_insert_rows_returns_only_the_rows_it_inserted():
    (existing,) = articles(1)
    fresh = [
        Article(url=f"https://new.example/{i}", normalized_url=f"https://new.example/{i}", title=f"N{i}",
                published=WHEN, suggested_kinds=["court_ruling"])
        for i in range(3)
    ]
    clash = Article(url="https://ex.example/0", normalized_url=existing.normalized_url, title="not stored")
    with CaptureQueriesContext(connection) as queries:
        found = insert_rows(fresh + [clash], ignore_conflicts=True, returning=("pk", "normalized_url"))
    assert len(queries) == 1  # one statement, on PostgreSQL and SQLite alike
    stored = dict(Article.objects.filter(normalized_url__startswith="https://new.example/").values_list(
        "pk", "normalized_url"))
    assert sorted(found) == sorted(stored.items()) and len(found) == 3
    assert Article.objects.get(pk=existing.pk).title == "T0"
    assert list(Article.objects.filter(pk__in=stored).values_list("published", "suggested_kinds").order_by().distinct()) == [
        (WHEN, ["court_ruling"])]
