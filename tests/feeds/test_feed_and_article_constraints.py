import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from feeds.models import Article, ArticleJurisdiction, Feed
from tests.factories import make_jurisdiction

pytestmark = pytest.mark.django_db


def make_article(**fields):
    defaults = {"url": "https://example.org/a", "normalized_url": "https://example.org/a", "title": "A"}
    defaults.update(fields)
    return Article.objects.create(**defaults)


def test_one_article_per_normalised_url():
    make_article()
    with pytest.raises(IntegrityError):
        make_article(url="https://example.org/a?utm_source=x")


def test_a_duplicate_names_the_article_it_repeats():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(status="duplicate")
    original = make_article()
    make_article(normalized_url="https://example.org/b", status="duplicate", duplicate_of=original)


def test_relevance_score_is_between_zero_and_one():
    with pytest.raises(IntegrityError):
        make_article(relevance_score=1.5)


def test_a_jurisdiction_is_matched_once_per_article():
    article, place = make_article(), make_jurisdiction()
    ArticleJurisdiction.objects.create(article=article, jurisdiction=place, role="subject")
    with pytest.raises(IntegrityError):
        ArticleJurisdiction.objects.create(article=article, jurisdiction=place, role="mentioned")


def test_feed_interval_must_be_positive():
    with pytest.raises(IntegrityError):
        Feed.objects.create(url="https://example.org/feed", name="F", fetch_interval=0)


def test_due_returns_active_feeds_whose_time_has_come():
    now = timezone.now()
    never = Feed.objects.create(url="https://a.example/feed", name="never fetched")
    due = Feed.objects.create(url="https://b.example/feed", name="due", next_fetch_at=now - datetime.timedelta(minutes=1))
    Feed.objects.create(url="https://c.example/feed", name="later", next_fetch_at=now + datetime.timedelta(minutes=5))
    Feed.objects.create(url="https://d.example/feed", name="off", active=False)
    assert set(Feed.objects.due(now)) == {never, due}
