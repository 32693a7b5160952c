"""Bulk actions on 100 articles in one request, in as many queries as on 10 (on SQLite, plus the INSERT
batches its parameter limit forces)."""
import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Source
from feeds.models import Article, ArticleAction
from tests.curation.review_helpers import ATTACH, REVIEW, make_articles, make_staff
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def forced_batches(models, small: int, large: int) -> int:
    """Extra INSERT statements the database's own parameter limit forces on ``large`` rows over ``small``:
    none on PostgreSQL; on SQLite (999 parameters a statement) a wide table splits 100 rows in two."""
    extra = 0
    for model in models:
        fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        for n, sign in ((large, 1), (small, -1)):
            size = connection.ops.bulk_batch_size(fields, [None] * n) or n
            extra += sign * math.ceil(n / size)
    return extra


def post_counting(client, url, data):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data)
    assert response.status_code in (302, 303), response.content[:500]
    return len(queries)


@pytest.mark.parametrize("action, extra", [("dismiss", {"reason": "Not about immigration"}), ("duplicate", {})])
def test_status_actions_take_constant_queries(client, action, extra):
    editor = make_staff(*REVIEW)
    client.force_login(editor)
    original = make_articles(1)[0]
    if action == "duplicate":
        extra = {"original": original.pk}
    counts = []
    for size in (10, 100):
        batch = make_articles(size)
        data = {"ids": [a.pk for a in batch], "action": action, **extra}
        counts.append(post_counting(client, reverse("review:bulk_action"), data))
        changed = Article.objects.filter(pk__in=[a.pk for a in batch])
        assert changed.filter(status="duplicate" if action == "duplicate" else "dismissed",
                              status_changed_by=editor).count() == size
        assert ArticleAction.objects.filter(article__in=batch, action=action, user=editor).count() == size
    assert counts[1] - counts[0] == forced_batches([ArticleAction], 10, 100)


def test_reopen_of_100_takes_the_queries_of_10(client):
    editor = make_staff(*REVIEW)
    client.force_login(editor)
    counts = []
    for size in (10, 100):
        batch = make_articles(size, status="dismissed", status_reason="old")
        counts.append(post_counting(client, reverse("review:bulk_action"),
                                    {"ids": [a.pk for a in batch], "action": "reopen"}))
        assert Article.objects.filter(pk__in=[a.pk for a in batch], status="new").count() == size
    assert counts[1] - counts[0] == forced_batches([ArticleAction], 10, 100)


def test_attaching_100_takes_the_queries_of_10(client):
    editor = make_staff(*ATTACH)
    client.force_login(editor)
    counts = []
    for size in (10, 100):
        event = make_event()
        batch = make_articles(size)
        counts.append(post_counting(client, reverse("review:attach"),
                                    {"ids": [a.pk for a in batch], "event": event.pk}))
        assert Source.objects.filter(event=event, article__in=batch).count() == size
        assert Article.objects.filter(pk__in=[a.pk for a in batch], status="attached").count() == size
    inserted = [Source, Source.history.model, ArticleAction] if hasattr(Source, "history") else [Source, ArticleAction]
    assert counts[1] - counts[0] == forced_batches(inserted, 10, 100)


def test_more_than_the_batch_limit_is_refused(client):
    client.force_login(make_staff(*REVIEW))
    response = client.post(reverse("review:bulk_action"),
                           {"ids": list(range(1, 502)), "action": "dismiss", "reason": "x"}, follow=True)
    assert "at most 500" in response.content.decode()
    assert not ArticleAction.objects.exists()
