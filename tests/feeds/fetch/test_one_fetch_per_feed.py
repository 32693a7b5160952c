import datetime

from django.conf import settings
from django.utils import timezone

from feeds.choices import FetchOutcome
from feeds.fetching import fetch_feed_now
from feeds.models import Article, FetchRun
from feeds.scheduling import claim_feed
from tests.feeds.fetch.feeds import numbered_items, rss
from tests.feeds.fetch.server import Reply


def test_a_claimed_feed_is_not_fetched_again(feed_server, make_feed):
    url = feed_server.serve("/feed.xml", Reply(200, rss(numbered_items(1))))
    feed = make_feed(url)
    assert claim_feed(feed.pk) is not None

    assert fetch_feed_now(feed) is None
    assert feed_server.requests == []
    assert not FetchRun.objects.exists()


def test_the_claim_touches_exactly_one_row(make_feed):
    feed = make_feed("https://gazette.example/feed")
    other = make_feed("https://other.example/feed")
    assert claim_feed(feed.pk) is not None
    assert claim_feed(feed.pk) is None
    other.refresh_from_db()
    assert other.fetch_started_at is None


def test_a_stale_claim_expires_and_the_dead_workers_run_is_closed(feed_server, make_feed):
    url = feed_server.serve("/feed.xml", Reply(200, rss(numbered_items(2))))
    feed = make_feed(url)
    long_ago = timezone.now() - datetime.timedelta(seconds=settings.FEED_CLAIM_EXPIRES + 1)
    assert claim_feed(feed.pk, now=long_ago) is not None
    orphan = FetchRun.objects.create(feed=feed, started=long_ago)

    run = fetch_feed_now(feed)

    orphan.refresh_from_db()
    assert run.outcome == FetchOutcome.OK
    assert orphan.outcome == FetchOutcome.LOST
    assert "stopped before it finished" in orphan.error_message
    assert Article.objects.count() == 2


def test_the_claim_is_released_after_a_failure(feed_server, make_feed):
    url = feed_server.serve("/feed.xml", Reply(500))
    feed = make_feed(url)
    fetch_feed_now(feed)
    feed.refresh_from_db()
    assert feed.fetch_started_at is None
    assert fetch_feed_now(feed) is not None
