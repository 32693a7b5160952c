from feeds.choices import FetchOutcome
from feeds.fetching import fetch_feed_now
from feeds.models import Article
from tests.feeds.fetch.feeds import numbered_items, rss
from tests.feeds.fetch.server import Reply


def test_a_fetch_turns_entries_into_articles_and_records_the_run(feed_server, make_feed):
    url = feed_server.serve("/feed.xml", Reply(200, rss(numbered_items(3)), {"Content-Type": "application/rss+xml"}))
    feed = make_feed(url)

    run = fetch_feed_now(feed)

    assert run.outcome == FetchOutcome.OK, run.error_message
    assert (run.http_status, run.entries_seen, run.entries_new, run.entries_duplicate) == (200, 3, 3, 0)
    assert run.bytes_received == len(rss(numbered_items(3)))
    assert run.finished is not None and run.error_message == ""
    articles = Article.objects.order_by("normalized_url")
    assert [a.normalized_url for a in articles] == [f"https://gazette.example/news/{i}" for i in range(3)]
    first = articles[0]
    assert first.url == "https://gazette.example/news/0?utm_source=rss&utm_medium=feed"
    assert first.guid == "https://gazette.example/news/0"
    assert first.title == "Story number 0"
    assert first.summary_html == "<p>Paragraph about story 0.</p>"
    assert first.publisher == "Test Gazette"
    assert first.published.isoformat() == "2025-01-21T15:00:00+00:00"
    assert len(first.content_hash) == 64
    # Every new article went through the analyser.
    assert all(a.analyzed_at is not None for a in articles)


def test_the_feed_records_a_healthy_fetch(feed_server, make_feed):
    url = feed_server.serve("/feed.xml", Reply(200, rss(numbered_items(1))))
    feed = make_feed(url)

    run = fetch_feed_now(feed)

    feed.refresh_from_db()
    assert feed.last_success_at == run.started == feed.last_fetched_at
    assert feed.consecutive_failures == 0
    assert feed.fetch_started_at is None
    assert feed.next_fetch_at > run.started
