"""feeds.bulk.update_rows: each row gets its own values, other columns are left alone, one statement per batch."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from feeds.bulk import update_rows
from feeds.models import Article

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
