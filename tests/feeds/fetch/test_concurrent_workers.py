"""Two workers at once, for real: two threads with their own PostgreSQL connections."""
import threading

import pytest
from django.db import connection

from feeds.fetching import fetch_feed_now
from feeds.ingest import ingest_entries
from feeds.models import Article, Feed, FetchRun
from feeds.parsing import parse_document
from tests.feeds.fetch.conftest import require_postgres
from tests.feeds.fetch.feeds import numbered_items, rss
from tests.feeds.fetch.server import Reply

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(*functions):
    """Start the functions at the same moment in threads; return their results (or raise their errors)."""
    barrier = threading.Barrier(len(functions))
    results: list = [None] * len(functions)
    errors: list = []

    def worker(i, function):
        try:
            barrier.wait()
            results[i] = function()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, f)) for i, f in enumerate(functions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    if errors:
        raise errors[0]
    return results


def test_two_workers_fetching_one_feed_fetch_it_once(feed_server):
    require_postgres()
    # A slow response keeps the first worker busy while the second one tries.
    url = feed_server.serve("/feed.xml", Reply(200, rss(numbered_items(20)), delay=0.5))
    feed = Feed.objects.create(url=url, name="Gazette")

    runs = run_together(lambda: fetch_feed_now(Feed.objects.get(pk=feed.pk)),
                        lambda: fetch_feed_now(Feed.objects.get(pk=feed.pk)))

    assert sorted(r is None for r in runs) == [False, True]
    assert len(feed_server.requests) == 1
    assert FetchRun.objects.count() == 1
    assert Article.objects.count() == 20


def test_two_feeds_storing_the_same_links_at_once_make_one_article_each(feed_server):
    require_postgres()
    entries = parse_document(rss(numbered_items(300))).entries
    one = Feed.objects.create(url="https://one.example/feed", name="One")
    two = Feed.objects.create(url="https://two.example/feed", name="Two")

    for _ in range(3):
        Article.objects.all().delete()
        results = run_together(lambda: ingest_entries(one, entries), lambda: ingest_entries(two, entries))

        assert Article.objects.count() == 300
        assert sum(r.new for r in results) == 300
        assert sum(r.duplicate for r in results) == 300
        assert sorted(r.new_ids for r in results)  # every id reported once
        assert len(set(results[0].new_ids) | set(results[1].new_ids)) == 300
        assert not set(results[0].new_ids) & set(results[1].new_ids)
