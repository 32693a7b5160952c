import time

import pytest

from feeds import http
from feeds.choices import FetchOutcome
from feeds.fetching import fetch_feed_now
from tests.feeds.fetch.feeds import numbered_items, rss
from tests.feeds.fetch.server import Reply, gzipped, huge_body

MB = 1024 * 1024


def test_a_50_mb_response_stops_at_the_cap(feed_server, make_feed):
    url = feed_server.serve("/huge.xml", Reply(200, huge_body(50 * MB), content_length=False))
    feed = make_feed(url)

    started = time.monotonic()
    run = fetch_feed_now(feed)

    assert run.outcome == FetchOutcome.TOO_LARGE
    assert 10 * MB < run.bytes_received <= 10 * MB + 64 * 1024
    assert "Stopped reading at 10,485,760 bytes" in run.error_message
    assert time.monotonic() - started < 10


def test_a_declared_length_over_the_cap_is_not_read_at_all(feed_server):
    url = feed_server.serve("/huge.xml", Reply(200, b"x" * (2 * MB)))
    with pytest.raises(http.TooLarge, match="2,097,152 bytes"):
        http.get(url, limits=_limits(max_bytes=MB))


def test_a_chunked_response_stops_at_the_cap(feed_server, settings):
    settings.FEED_MAX_BYTES = MB
    url = feed_server.serve("/huge.xml", Reply(200, huge_body(5 * MB), chunked=True))
    with pytest.raises(http.TooLarge) as caught:
        http.get(url)
    assert caught.value.bytes_received <= MB + 64 * 1024


def test_the_cap_counts_decompressed_bytes(feed_server, settings):
    settings.FEED_MAX_BYTES = MB
    bomb = gzipped(b" " * (50 * MB))  # 50 MB of spaces, about 50 KB compressed
    url = feed_server.serve("/bomb.xml", Reply(200, bomb, {"Content-Encoding": "gzip"}))
    with pytest.raises(http.TooLarge):
        http.get(url)


def test_a_compressed_feed_is_read(feed_server, make_feed):
    body = rss(numbered_items(3))
    url = feed_server.serve("/feed.xml", Reply(200, gzipped(body), {"Content-Encoding": "gzip"}))
    run = fetch_feed_now(make_feed(url))
    assert run.outcome == FetchOutcome.OK and run.entries_new == 3
    assert run.bytes_received == len(gzipped(body))


def test_a_server_that_stalls_hits_the_read_timeout(feed_server, make_feed, settings):
    settings.FEED_READ_TIMEOUT = 1
    url = feed_server.serve("/stall.xml", Reply(200, rss(numbered_items(50)), stall_after=100, chunk_size=100))
    feed = make_feed(url)

    started = time.monotonic()
    run = fetch_feed_now(feed)

    assert run.outcome == FetchOutcome.TIMEOUT
    assert "stopped responding (no data for 1 s)" in run.error_message
    assert time.monotonic() - started < 5


def test_a_server_that_never_answers_hits_the_read_timeout(feed_server, settings):
    settings.FEED_READ_TIMEOUT = 1
    url = feed_server.serve("/silent.xml", Reply(200, delay=30))
    with pytest.raises(http.Timeout):
        http.get(url)


def test_a_slow_drip_hits_the_total_deadline(feed_server, settings):
    settings.FEED_READ_TIMEOUT = 1
    settings.FEED_TOTAL_TIMEOUT = 1
    url = feed_server.serve("/drip.xml", Reply(200, b"x" * 1000, chunk_size=1, chunk_delay=0.05))
    started = time.monotonic()
    with pytest.raises(http.Timeout, match="Gave up after 1 s in total"):
        http.get(url)
    assert time.monotonic() - started < 3


def _limits(**changes) -> http.Limits:
    base = http.Limits.from_settings()
    return http.Limits(**{**{f: getattr(base, f) for f in base.__dataclass_fields__}, **changes})
