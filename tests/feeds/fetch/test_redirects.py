import pytest

from feeds import http
from feeds.choices import FetchOutcome
from feeds.fetching import fetch_feed_now
from tests.feeds.fetch.feeds import numbered_items, rss
from tests.feeds.fetch.server import Reply, redirect


def test_a_chain_of_permanent_redirects_moves_the_feed(feed_server, make_feed):
    final = feed_server.serve("/new.xml", Reply(200, rss(numbered_items(2))))
    feed_server.serve("/b.xml", redirect(308, "/new.xml"))
    start = feed_server.serve("/old.xml", redirect(301, feed_server.url("/b.xml")))
    feed = make_feed(start)

    run = fetch_feed_now(feed)

    feed.refresh_from_db()
    assert run.outcome == FetchOutcome.OK and run.entries_new == 2
    assert feed.url == final
    assert "moved permanently" in run.error_message


def test_a_temporary_redirect_keeps_the_address(feed_server, make_feed):
    feed_server.serve("/new.xml", Reply(200, rss(numbered_items(1))))
    feed_server.serve("/b.xml", redirect(302, "/new.xml"))
    start = feed_server.serve("/old.xml", redirect(301, "/b.xml"))
    feed = make_feed(start)

    run = fetch_feed_now(feed)

    feed.refresh_from_db()
    assert run.outcome == FetchOutcome.OK
    assert feed.url == start


def test_a_move_to_an_address_another_feed_reads_is_only_noted(feed_server, make_feed):
    final = feed_server.serve("/new.xml", Reply(200, rss(numbered_items(1))))
    start = feed_server.serve("/old.xml", redirect(301, "/new.xml"))
    make_feed(final, name="Already here")
    feed = make_feed(start)

    run = fetch_feed_now(feed)

    feed.refresh_from_db()
    assert feed.url == start
    assert "another feed already reads" in run.error_message


def test_at_most_five_redirects_are_followed(feed_server, make_feed):
    for i in range(7):
        feed_server.serve(f"/r{i}", redirect(302, f"/r{i + 1}"))
    feed_server.serve("/r7", Reply(200, rss(numbered_items(1))))
    feed = make_feed(feed_server.url("/r0"))

    run = fetch_feed_now(feed)

    assert run.outcome == FetchOutcome.HTTP_ERROR
    assert "More than 5 redirects" in run.error_message
    assert len(feed_server.requests) == 6
    assert not feed_server.hits("/r7")


def test_five_redirects_are_fine(feed_server):
    for i in range(5):
        feed_server.serve(f"/r{i}", redirect(307, f"/r{i + 1}"))
    feed_server.serve("/r5", Reply(200, b"<rss/>"))
    response = http.get(feed_server.url("/r0"))
    assert response.status == 200 and len(response.redirects) == 5


def test_every_hop_is_checked(feed_server, make_feed):
    start = feed_server.serve("/old.xml", redirect(302, "http://10.0.0.1/feed.xml"))
    feed = make_feed(start)

    run = fetch_feed_now(feed)

    assert run.outcome == FetchOutcome.REFUSED
    assert "10.0.0.1, a private address" in run.error_message


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.com/feed.xml", "javascript:alert(1)"])
def test_a_redirect_to_another_scheme_is_refused(feed_server, target):
    url = feed_server.serve("/old.xml", redirect(302, target))
    with pytest.raises(http.UnsafeURL):
        http.get(url)
