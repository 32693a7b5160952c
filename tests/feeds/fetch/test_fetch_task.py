import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.db import OperationalError

from feeds.choices import FetchOutcome
from feeds.fetching import fetch_feed_now
from feeds.models import Article, FetchRun
from feeds.tasks import fetch_feed
from tests.feeds.fetch.feeds import numbered_items, rss
from tests.feeds.fetch.server import Reply


def test_the_task_fetches_by_id_and_reports(feed_server, make_feed):
    feed = make_feed(feed_server.serve("/feed.xml", Reply(200, rss(numbered_items(2)))))
    result = fetch_feed.delay(feed.pk).get()
    run = FetchRun.objects.get()
    assert result == {
        "feed": feed.pk, "run": run.pk, "outcome": "ok", "entries_new": 2, "entries_duplicate": 0,
    }


def test_the_task_skips_switched_off_and_deleted_feeds(feed_server, make_feed):
    feed = make_feed(feed_server.serve("/feed.xml", Reply(200, rss([]))), active=False)
    assert fetch_feed.delay(feed.pk).get()["outcome"] == "inactive"
    assert fetch_feed.delay(feed.pk + 1000).get()["outcome"] == "deleted"
    assert feed_server.requests == []
    # An admin may still try a switched-off feed by hand.
    assert fetch_feed.delay(feed.pk, include_inactive=True).get()["outcome"] == "ok"


def test_the_soft_time_limit_is_recorded_as_a_failed_run(feed_server, make_feed, monkeypatch):
    feed = make_feed(feed_server.serve("/feed.xml", Reply(200, rss(numbered_items(2)))))

    def out_of_time(*args, **kwargs):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr("feeds.fetching.parse_document", out_of_time)
    result = fetch_feed.delay(feed.pk).get()

    run = FetchRun.objects.get()
    feed.refresh_from_db()
    assert result["outcome"] == run.outcome == FetchOutcome.TIMEOUT
    assert "time limit" in run.error_message
    assert run.finished is not None
    assert feed.fetch_started_at is None and feed.consecutive_failures == 1
    assert not Article.objects.exists()


def test_database_failures_are_left_to_the_tasks_retry(feed_server, make_feed, monkeypatch):
    feed = make_feed(feed_server.serve("/feed.xml", Reply(200, rss(numbered_items(2)))))

    def database_down(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("feeds.ingest.ingest_entries", database_down)
    with pytest.raises(OperationalError):
        fetch_feed_now(feed)
    feed.refresh_from_db()
    assert feed.fetch_started_at is None  # released, so the retry can claim it
    assert OperationalError in fetch_feed.autoretry_for
    assert fetch_feed.acks_late is True
    assert fetch_feed.max_retries == 5 and fetch_feed.retry_backoff


def test_an_unexpected_error_is_recorded_not_raised(feed_server, make_feed, monkeypatch):
    feed = make_feed(feed_server.serve("/feed.xml", Reply(200, rss(numbered_items(2)))))

    def bug(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("feeds.fetching.parse_document", bug)
    run = fetch_feed_now(feed)
    assert run.outcome == FetchOutcome.PARSE_ERROR
    assert "RecursionError" in run.error_message
