from feeds.choices import FetchOutcome
from feeds.fetching import fetch_feed_now
from feeds.models import Article
from tests.feeds.fetch.feeds import numbered_items, rss
from tests.feeds.fetch.server import Reply, etag_reply


def test_a_304_is_a_cheap_success(feed_server, make_feed):
    url = feed_server.serve("/feed.xml", etag_reply(rss(numbered_items(2)), '"v1"'))
    feed = make_feed(url)

    first = fetch_feed_now(feed)
    second = fetch_feed_now(feed)

    feed.refresh_from_db()
    assert first.outcome == FetchOutcome.OK and feed.etag == '"v1"'
    assert feed_server.requests[1].headers["if-none-match"] == '"v1"'
    assert second.outcome == FetchOutcome.NOT_MODIFIED
    assert (second.http_status, second.bytes_received, second.entries_seen) == (304, 0, 0)
    assert feed.consecutive_failures == 0 and feed.last_success_at == second.started
    assert Article.objects.count() == 2


def test_last_modified_is_sent_back(feed_server, make_feed):
    stamp = "Tue, 21 Jan 2025 15:00:00 GMT"
    url = feed_server.serve(
        "/feed.xml",
        Reply(200, rss(numbered_items(1)), {"Last-Modified": stamp}),
        Reply(304),
    )
    feed = make_feed(url)

    fetch_feed_now(feed)
    run = fetch_feed_now(feed)

    assert feed_server.requests[1].headers["if-modified-since"] == stamp
    assert run.outcome == FetchOutcome.NOT_MODIFIED


def test_requests_say_who_is_asking(feed_server, make_feed, settings):
    settings.FEED_USER_AGENT = "SanctuaryTracker/1.0 (+https://tracker.example.org/about/)"
    url = feed_server.serve("/feed.xml", Reply(200, rss([])))
    fetch_feed_now(make_feed(url))
    headers = feed_server.requests[0].headers
    assert headers["user-agent"] == "SanctuaryTracker/1.0 (+https://tracker.example.org/about/)"
    assert "application/rss+xml" in headers["accept"]
