"""The whole way, with the real analyser and clustering: a story in a feed arrives in the review queue analysed."""
from feeds.fetching import fetch_feed_now
from feeds.models import Article
from tests.feeds.fetch.feeds import rss
from tests.feeds.fetch.server import Reply

STORY = {
    "title": "Chicago sues over withheld public-safety grants",
    "link": "https://gazette.example/2025/chicago-grants?utm_source=rss",
    "guid": "https://gazette.example/2025/chicago-grants",
    "description": (
        "<p>The City of Chicago sued the Justice Department on Tuesday, saying the department unlawfully "
        "withheld public-safety grants because of the city's sanctuary policy limiting cooperation with "
        "Immigration and Customs Enforcement.</p>"
    ),
}


def test_a_story_from_a_feed_reaches_the_review_queue_analysed(feed_server, make_feed, gazetteer):
    feed = make_feed(feed_server.serve("/feed.xml", Reply(200, rss([STORY]))))

    run = fetch_feed_now(feed)

    assert run.outcome == "ok" and run.entries_new == 1, run.error_message
    assert run.error_message == ""
    article = Article.objects.awaiting_review().get()
    assert article.analyzed_at is not None
    assert article.is_relevant is True
    assert article.jurisdictions.filter(name="Chicago").exists()
