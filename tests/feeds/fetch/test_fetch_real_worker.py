import pytest

from feeds.models import Article, Feed, FetchRun
from feeds.tasks import fetch_feed
from tests.feeds.fetch.feeds import numbered_items, rss
from tests.feeds.fetch.server import Reply
from tests.integration.worker import require_real_services, running_worker


STORY = {
    "title": "Chicago sues Justice Department over withheld grants",
    "link": "https://gazette.example/chicago-grants",
    "guid": "https://gazette.example/chicago-grants",
    "description": (
        "<p>Chicago sued the Justice Department on Tuesday over public-safety grants withheld because of "
        "the city's sanctuary policy limiting cooperation with Immigration and Customs Enforcement.</p>"
    ),
}


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_fetches_a_feed_from_the_local_server(feed_server, monkeypatch, gazetteer):
    require_real_services()
    # The worker is another process: it reads the allow-list from its environment.
    monkeypatch.setenv("FEED_ALLOW_PRIVATE_ADDRESSES", "127.0.0.1")
    items = numbered_items(4) + [STORY]
    feed = Feed.objects.create(url=feed_server.serve("/feed.xml", Reply(200, rss(items))), name="Gazette")

    with running_worker() as queue:
        result = fetch_feed.apply_async(args=[feed.pk], queue=queue).get(timeout=60)
        again = fetch_feed.apply_async(args=[feed.pk], queue=queue).get(timeout=60)

    assert result["outcome"] == "ok" and result["entries_new"] == 5
    assert again["entries_new"] == 0 and again["entries_duplicate"] == 5
    assert Article.objects.count() == 5
    assert FetchRun.objects.count() == 2
    # Feed added -> articles analysed, in the review queue, by the worker process.
    assert not Article.objects.filter(analyzed_at__isnull=True).exists()
    story = Article.objects.awaiting_review().relevant().get()
    assert story.title == STORY["title"]
    assert story.matches.filter(jurisdiction__uid="geonames:4887398", role="subject").exists()
