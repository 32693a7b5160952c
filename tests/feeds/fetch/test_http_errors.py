import datetime

import pytest
from django.utils import timezone

from feeds.choices import FetchOutcome
from feeds.fetching import fetch_feed_now
from feeds.models import FetchRun
from tests.feeds.fetch.feeds import HTML_PAGE
from tests.feeds.fetch.server import Reply


def _minutes_until(moment: datetime.datetime) -> float:
    return (moment - timezone.now()).total_seconds() / 60


@pytest.mark.parametrize(("status", "words"), [(404, "Not found (404)"), (410, "Gone (410)")])
def test_a_missing_feed_is_switched_off_after_repeated_failures(feed_server, make_feed, status, words):
    url = feed_server.serve("/gone.xml", Reply(status, b"nothing here"))
    feed = make_feed(url)  # FEED_DISABLE_AFTER_FAILURES is 3 in these tests

    runs = [fetch_feed_now(feed) for _ in range(3)]

    feed.refresh_from_db()
    assert [r.outcome for r in runs] == [FetchOutcome.HTTP_ERROR] * 3
    assert [r.http_status for r in runs] == [status] * 3
    assert words in runs[0].error_message
    assert feed.consecutive_failures == 3
    assert not feed.active
    assert words in feed.disabled_reason
    assert "switched off" in runs[2].error_message


def test_one_404_does_not_switch_a_feed_off(feed_server, make_feed):
    url = feed_server.serve("/gone.xml", Reply(404))
    feed = make_feed(url)
    fetch_feed_now(feed)
    feed.refresh_from_db()
    assert feed.active and feed.consecutive_failures == 1


def test_server_errors_back_off_exponentially(feed_server, make_feed):
    url = feed_server.serve("/feed.xml", Reply(500, b"oops"))
    feed = make_feed(url, fetch_interval=15)

    waits = []
    for _ in range(4):
        run = fetch_feed_now(feed)
        feed.refresh_from_db()
        waits.append(round(_minutes_until(feed.next_fetch_at)))

    assert run.outcome == FetchOutcome.HTTP_ERROR and run.http_status == 500
    assert "Server error (500)" in run.error_message
    assert waits == [15, 30, 60, 120]
    assert feed.active  # server errors back off; they never switch a feed off


def test_too_many_requests_waits_as_long_as_the_server_asks(feed_server, make_feed):
    url = feed_server.serve("/feed.xml", Reply(429, headers={"Retry-After": "7200"}))
    feed = make_feed(url, fetch_interval=15)

    run = fetch_feed_now(feed)

    feed.refresh_from_db()
    assert run.outcome == FetchOutcome.HTTP_ERROR and run.http_status == 429
    assert "Retry-After: 7200" in run.error_message
    assert 119 <= _minutes_until(feed.next_fetch_at) <= 120


def test_retry_after_as_a_date_is_honoured(feed_server, make_feed):
    later = timezone.now() + datetime.timedelta(hours=3)
    header = later.strftime("%a, %d %b %Y %H:%M:%S GMT")
    url = feed_server.serve("/feed.xml", Reply(503, headers={"Retry-After": header}))
    feed = make_feed(url)

    fetch_feed_now(feed)

    feed.refresh_from_db()
    assert 178 <= _minutes_until(feed.next_fetch_at) <= 180


def test_retry_after_cannot_push_a_feed_past_a_day(feed_server, make_feed):
    url = feed_server.serve("/feed.xml", Reply(429, headers={"Retry-After": str(365 * 86400)}))
    feed = make_feed(url)
    fetch_feed_now(feed)
    feed.refresh_from_db()
    assert _minutes_until(feed.next_fetch_at) <= 24 * 60


def test_an_html_page_instead_of_a_feed_is_a_parse_error(feed_server, make_feed):
    url = feed_server.serve("/feed.xml", Reply(200, HTML_PAGE, {"Content-Type": "text/html; charset=utf-8"}))
    feed = make_feed(url)

    run = fetch_feed_now(feed)

    feed.refresh_from_db()
    assert run.outcome == FetchOutcome.PARSE_ERROR
    assert "web page (HTML), not a feed" in run.error_message
    assert run.entries_seen == 0 and feed.consecutive_failures == 1


def test_an_html_page_without_a_content_type_is_recognised(feed_server, make_feed):
    url = feed_server.serve("/feed.xml", Reply(200, HTML_PAGE, {"Content-Type": "application/octet-stream"}))
    run = fetch_feed_now(make_feed(url))
    assert "web page (HTML), not a feed" in run.error_message


def test_an_empty_response_is_a_parse_error(feed_server, make_feed):
    url = feed_server.serve("/feed.xml", Reply(200, b""))
    run = fetch_feed_now(make_feed(url))
    assert run.outcome == FetchOutcome.PARSE_ERROR and "empty" in run.error_message


def test_an_unreachable_server_is_a_network_error(make_feed, feed_server):
    # A port nothing listens on: connection refused.
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    run = fetch_feed_now(make_feed(f"http://127.0.0.1:{port}/feed.xml"))
    assert run.outcome == FetchOutcome.NETWORK_ERROR
    assert "Could not connect" in run.error_message


def test_success_resets_the_failure_count(feed_server, make_feed):
    from tests.feeds.fetch.feeds import numbered_items, rss

    url = feed_server.serve("/feed.xml", Reply(500), Reply(500), Reply(200, rss(numbered_items(1))))
    feed = make_feed(url)
    for _ in range(3):
        fetch_feed_now(feed)
    feed.refresh_from_db()
    assert feed.consecutive_failures == 0
    assert list(FetchRun.objects.filter(feed=feed).order_by("started").values_list("outcome", flat=True)) == [
        "http_error", "http_error", "ok",
    ]
