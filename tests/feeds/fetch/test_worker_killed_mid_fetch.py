"""A real worker on Redis is SIGKILLed in the middle of fetching a large, slow local feed. Its lease runs out,
the scheduler's next tick hands the feed to a new worker, the dead run is closed as lost, and the feed ends
with every item stored exactly once."""
from __future__ import annotations

import time

import pytest
from django.utils import timezone

from feeds.choices import FetchOutcome
from feeds.models import Article, Feed, FetchRun
from feeds.scheduling import take_due_feeds
from feeds.tasks import fetch_feed
from tests.feeds.fetch.feeds import numbered_items, rss
from tests.feeds.fetch.server import Reply
from tests.integration.worker import new_queue, require_real_services, spawn_worker, stop_worker

ITEMS = 3000
HARD_LIMIT, MARGIN = 25, 5
LEASE = HARD_LIMIT + MARGIN  # seconds, as the workers compute it
TICK = 1.0  # this test plays the beat scheduler, once a second
WORKER_ENV = {
    "CELERY_TASK_SOFT_TIME_LIMIT": "20", "CELERY_TASK_TIME_LIMIT": str(HARD_LIMIT), "FEED_TOTAL_TIMEOUT": "15",
    "FEED_CLAIM_MARGIN": str(MARGIN), "FEED_ALLOW_PRIVATE_ADDRESSES": "127.0.0.1",
}


def wait(predicate, timeout: float, step: float = 0.1):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return None


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_fetch_loses_nothing(feed_server, gazetteer):
    require_real_services()
    # About 0.8 MB dripped in 16 KB chunks: the download takes several seconds, time enough to kill it.
    body = rss(numbered_items(ITEMS))
    url = feed_server.serve("/big.xml", Reply(200, body, chunk_size=16 * 1024, chunk_delay=0.15,
                                               headers={"Content-Type": "application/rss+xml"}))
    feed = Feed.objects.create(url=url, name="Big slow gazette")

    first = new_queue()
    doomed = spawn_worker(first, WORKER_ENV)
    try:
        fetch_feed.apply_async(args=[feed.pk], queue=first)
        running = wait(lambda: FetchRun.objects.filter(feed=feed, outcome=FetchOutcome.RUNNING).first(), 60)
        assert running is not None, "the first worker never started the fetch"
        assert wait(lambda: feed_server.hits("/big.xml"), 10)
        time.sleep(1.0)  # mid-download
        doomed.kill()  # SIGKILL: no cleanup, no acknowledgement, the claim left behind
        doomed.wait(10)
    finally:
        stop_worker(doomed)
    feed.refresh_from_db()
    assert feed.fetch_started_at is not None and feed.lease_expires_at > timezone.now()
    lease_ran_out = feed.lease_expires_at
    assert not FetchRun.objects.filter(feed=feed, outcome=FetchOutcome.OK).exists()
    assert Article.objects.filter(feed=feed).count() == 0  # killed before anything was stored

    second = new_queue()
    survivor = spawn_worker(second, WORKER_ENV)
    try:
        # The beat's job: queue whatever is due. A live lease keeps the feed out until it runs out.
        def tick():
            for feed_id in take_due_feeds():
                fetch_feed.apply_async(args=[feed_id], queue=second)
            return FetchRun.objects.filter(feed=feed, outcome=FetchOutcome.OK).first()

        done = wait(tick, LEASE + 90, step=TICK)
    finally:
        stop_worker(survivor)

    assert done is not None, "the feed was never fetched again"
    # Taken over within the lease plus one scheduler tick (and a second of slack for the queue).
    assert done.started <= lease_ran_out + timezone.timedelta(seconds=TICK + 1.0), (done.started, lease_ran_out)
    assert done.entries_new == ITEMS and done.entries_duplicate == 0
    lost = FetchRun.objects.get(pk=running.pk)
    assert lost.outcome == FetchOutcome.LOST and lost.finished == done.started
    assert lost.error_message.startswith("Lost: the worker running this fetch stopped before it finished")
    # Against the feed's own items: none missing, none twice.
    guids = list(Article.objects.filter(feed=feed).values_list("guid", flat=True))
    assert len(guids) == len(set(guids)) == ITEMS
    assert set(guids) == {item["guid"] for item in numbered_items(ITEMS)}
    feed.refresh_from_db()
    assert feed.fetch_started_at is None and feed.lease_expires_at is None
