"""The cyclic garbage collector is paused while a fetch parses and stores its entries (feeds/collector.py)
and runs again after, whatever happened."""
import gc

import pytest

from feeds.choices import FetchOutcome
from feeds.collector import collector_paused
from feeds.fetching import fetch_feed_now
from tests.feeds.fetch.feeds import numbered_items, rss
from tests.feeds.fetch.server import Reply


@pytest.fixture
def collections():
    """Counts the collections that start while the test runs."""
    started = []

    def note(phase, info):
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(note)
    yield started
    gc.callbacks.remove(note)


def test_a_big_fetch_parses_and_stores_without_collections_and_leaves_the_collector_on(
        feed_server, make_feed, collections):
    url = feed_server.serve("/feed.xml", Reply(200, rss(numbered_items(400))))
    feed = make_feed(url)

    run = fetch_feed_now(feed)

    assert run.outcome == FetchOutcome.OK and run.entries_new == 400, run.error_message
    # Reading and storing 400 entries allocates enough for dozens of young collections; the few left are
    # the download's and the run's bookkeeping, outside the pause.
    assert len(collections) <= 5, collections
    assert gc.isenabled()


def test_the_same_fetch_collects_dozens_of_times_without_the_pause(feed_server, make_feed, collections, monkeypatch):
    """The measure above can fail: without the pause the same fetch starts many collections."""
    from contextlib import nullcontext

    from feeds import fetching

    monkeypatch.setattr(fetching, "collector_paused", nullcontext)
    url = feed_server.serve("/feed.xml", Reply(200, rss(numbered_items(400))))

    fetch_feed_now(make_feed(url))

    assert len(collections) > 10


def test_a_document_that_cannot_be_read_leaves_the_collector_on(feed_server, make_feed):
    url = feed_server.serve("/feed.xml", Reply(200, b"<html><body>not a feed</body></html>"))

    run = fetch_feed_now(make_feed(url))

    assert run.outcome != FetchOutcome.OK
    assert gc.isenabled()


def test_the_pause_restores_the_collector_as_it_was_even_on_an_error():
    with pytest.raises(RuntimeError):
        with collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("boom")
    assert gc.isenabled()

    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # it was off: it stays off
    finally:
        gc.enable()
