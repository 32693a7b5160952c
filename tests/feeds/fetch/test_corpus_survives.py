"""Every feed in feedparser's corpus of well-formed and broken feeds goes through parse, sanitise and store
without an unhandled exception; a sample also goes through the real HTTP path."""
import time

import pytest

from feeds.choices import FetchOutcome
from feeds.fetching import fetch_feed_now
from feeds.ingest import ingest_entries
from feeds.models import Article, Feed
from feeds.parsing import ParseError, parse_document
from tests.feeds.fetch.corpus import corpus_files, label
from tests.feeds.fetch.server import Reply

pytestmark = pytest.mark.django_db


def test_every_corpus_feed_is_parsed_and_stored_without_an_exception():
    files = corpus_files("illformed", "wellformed")
    assert len(files) > 1700
    started = time.monotonic()
    outcomes = {"stored": 0, "refused": 0}
    feeds = Feed.objects.bulk_create(
        Feed(url=f"http://corpus.test/{i}", name=label(path)[:200]) for i, path in enumerate(files)
    )
    for feed, path in zip(feeds, files):
        try:
            parsed = parse_document(path.read_bytes(), url=f"http://corpus.test/{label(path)}")
        except ParseError as exc:
            assert exc.message, label(path)
            outcomes["refused"] += 1
            continue
        result = ingest_entries(feed, parsed.entries)
        assert result.seen == result.new + result.duplicate + result.skipped, label(path)
        outcomes["stored"] += 1
    elapsed = time.monotonic() - started

    print(f"corpus: {len(files)} files, {outcomes}, {Article.objects.count()} articles, {elapsed:.1f} s")
    assert outcomes["stored"] > 1700
    # Most corpus entries carry no link, id, title or text (they test one element each); the rest are stored.
    assert Article.objects.count() > 450


def test_storing_the_corpus_twice_adds_nothing():
    files = corpus_files("wellformed/rss", "wellformed/atom10")
    feeds = Feed.objects.bulk_create(Feed(url=f"http://corpus.test/{i}", name="c") for i in range(len(files)))
    first = second = 0
    for feed, path in zip(feeds, files):
        try:
            entries = parse_document(path.read_bytes()).entries
        except ParseError:
            continue
        first += ingest_entries(feed, entries).new
        second += ingest_entries(feed, entries).new
    assert first > 50 and second == 0


def test_a_sample_of_the_corpus_goes_through_the_local_http_server(feed_server):
    files = corpus_files("illformed", "wellformed")[::20]
    allowed = {FetchOutcome.OK, FetchOutcome.PARSE_ERROR, FetchOutcome.REFUSED}
    for i, path in enumerate(files):
        url = feed_server.serve(f"/corpus/{i}.xml", Reply(200, path.read_bytes(), {"Content-Type": "application/xml"}))
        run = fetch_feed_now(Feed.objects.create(url=url, name=label(path)[:200]))
        assert run.outcome in allowed, (label(path), run.outcome, run.error_message)
        assert run.bytes_received == path.stat().st_size
    assert len(files) > 80
