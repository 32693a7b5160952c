import pytest

from feeds.fetching import fetch_feed_now
from feeds.ingest import ingest_entries
from feeds.models import Article, Feed
from feeds.parsing import ParsedEntry
from tests.feeds.fetch.feeds import numbered_items, rss
from tests.feeds.fetch.server import Reply

pytestmark = pytest.mark.django_db


def entry(**fields) -> ParsedEntry:
    defaults = dict(link="", guid="", title="T", author="", published=None, summary_html="", body_html="", text="")
    defaults.update(fields)
    return ParsedEntry(**defaults)


def test_refetching_the_same_feed_adds_nothing(feed_server, make_feed):
    url = feed_server.serve("/feed.xml", Reply(200, rss(numbered_items(5))))
    feed = make_feed(url)

    first = fetch_feed_now(feed)
    second = fetch_feed_now(feed)

    assert (first.entries_new, first.entries_duplicate) == (5, 0)
    assert (second.entries_seen, second.entries_new, second.entries_duplicate) == (5, 0, 5)
    assert Article.objects.count() == 5


def test_the_same_link_from_two_feeds_is_one_article(feed_server, make_feed):
    one = make_feed(feed_server.serve("/one.xml", Reply(200, rss(numbered_items(3)))), name="One")
    items = numbered_items(4)
    for item in items:  # the same links, other tracking parameters, other GUIDs
        item["link"] = item["link"].replace("utm_source=rss", "fbclid=xyz") + "#comments"
        item["guid"] = "other-" + item["guid"]
    two = make_feed(feed_server.serve("/two.xml", Reply(200, rss(items))), name="Two")

    fetch_feed_now(one)
    run = fetch_feed_now(two)

    assert (run.entries_new, run.entries_duplicate) == (1, 3)
    assert Article.objects.count() == 4
    assert Article.objects.filter(feed=one).count() == 3


def test_a_known_guid_is_a_duplicate_even_when_its_link_changed():
    feed = Feed.objects.create(url="https://gazette.example/feed", name="G")
    ingest_entries(feed, [entry(link="https://gazette.example/a", guid="post-17")])
    result = ingest_entries(feed, [entry(link="https://gazette.example/a-new-slug", guid="post-17")])
    assert (result.new, result.duplicate) == (0, 1)
    assert Article.objects.get().url == "https://gazette.example/a"


def test_a_guid_is_only_unique_within_its_feed():
    one = Feed.objects.create(url="https://one.example/feed", name="One")
    two = Feed.objects.create(url="https://two.example/feed", name="Two")
    ingest_entries(one, [entry(link="https://one.example/a", guid="1")])
    result = ingest_entries(two, [entry(link="https://two.example/a", guid="1")])
    assert result.new == 1


def test_repeats_within_one_document_are_counted_once():
    feed = Feed.objects.create(url="https://gazette.example/feed", name="G")
    result = ingest_entries(feed, [
        entry(link="https://gazette.example/a?utm_source=x"),
        entry(link="https://GAZETTE.example/a#top"),
        entry(link="https://gazette.example/b", guid="g"),
        entry(link="https://gazette.example/c", guid="g"),
    ])
    assert (result.seen, result.new, result.duplicate) == (4, 2, 2)


def test_a_permalink_guid_stands_in_for_a_missing_link():
    feed = Feed.objects.create(url="https://gazette.example/feed", name="G")
    ingest_entries(feed, [entry(guid="https://gazette.example/story?utm_campaign=x")])
    assert Article.objects.get().normalized_url == "https://gazette.example/story"


def test_an_entry_without_a_link_gets_an_identity_from_its_guid():
    feed = Feed.objects.create(url="https://gazette.example/feed", name="G")
    ingest_entries(feed, [entry(guid="tag:gazette.example,2025:17", title="No link")])
    again = ingest_entries(feed, [entry(guid="tag:gazette.example,2025:17", title="No link")])
    article = Article.objects.get()
    assert article.url == ""
    assert article.normalized_url.startswith(f"urn:sanctuary-tracker:feed:{feed.pk}:entry:")
    assert again.duplicate == 1


def test_a_javascript_link_is_never_stored_as_a_link():
    feed = Feed.objects.create(url="https://gazette.example/feed", name="G")
    ingest_entries(feed, [entry(link="javascript:alert(1)", title="Sneaky")])
    assert Article.objects.get().url == ""


def test_an_entry_with_nothing_to_identify_it_is_skipped():
    feed = Feed.objects.create(url="https://gazette.example/feed", name="G")
    result = ingest_entries(feed, [entry(title="", link="", guid="")])
    assert (result.seen, result.skipped, result.new) == (1, 1, 0)


def test_overlong_values_are_fitted_to_their_columns():
    feed = Feed.objects.create(url="https://gazette.example/feed", name="G")
    ingest_entries(feed, [entry(link="https://gazette.example/a", guid="g" * 5000, title="t" * 5000)])
    article = Article.objects.get()
    assert article.guid.startswith("sha256:") and len(article.title) == 1000


def test_a_link_stored_by_another_worker_after_the_check_counts_as_a_duplicate(monkeypatch):
    """The race the unique constraint settles: the look-up saw nothing, the insert meets the other row."""
    feed = Feed.objects.create(url="https://gazette.example/feed", name="G")
    other = Feed.objects.create(url="https://other.example/feed", name="O")
    ingest_entries(other, [entry(link="https://gazette.example/a")])
    monkeypatch.setattr("feeds.ingest._known", lambda feed, urls, guids: (set(), set()))

    result = ingest_entries(feed, [entry(link="https://gazette.example/a"), entry(link="https://gazette.example/b")])

    assert (result.new, result.duplicate) == (1, 1)
    assert result.new_ids == [Article.objects.get(normalized_url="https://gazette.example/b").pk]
    assert Article.objects.count() == 2
