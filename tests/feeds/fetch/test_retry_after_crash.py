import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from feeds.choices import FetchOutcome
from feeds.models import Article, Feed, FetchRun
from feeds.tasks import fetch_feed
from tests.feeds.fetch.feeds import numbered_items, rss
from tests.feeds.fetch.server import Reply


class WorkerKilled(BaseException):
    """Stands for the process dying (OOM kill, hard time limit): nothing after it runs."""


def test_a_task_redelivered_after_a_crash_creates_no_duplicates(feed_server, make_feed, monkeypatch):
    url = feed_server.serve("/feed.xml", Reply(200, rss(numbered_items(4))))
    feed = make_feed(url)

    def die(ids):
        raise WorkerKilled

    # The worker dies after storing the articles, before recording the run or releasing the claim.
    monkeypatch.setattr("feeds.ingest.after_ingest", die)
    with pytest.raises(WorkerKilled):
        fetch_feed.apply(args=[feed.pk])
    monkeypatch.undo()
    assert Article.objects.count() == 4
    assert FetchRun.objects.get().outcome == FetchOutcome.RUNNING

    # acks_late: the broker hands the task to another worker at once; the dead worker's claim still holds.
    assert fetch_feed.apply(args=[feed.pk]).get()["outcome"] == "busy"

    # Once the lease has run out a later task fetches again and finds every entry already stored.
    Feed.objects.filter(pk=feed.pk).update(lease_expires_at=timezone.now() - datetime.timedelta(seconds=1))
    result = fetch_feed.apply(args=[feed.pk]).get()

    assert result["outcome"] == FetchOutcome.OK
    assert (result["entries_new"], result["entries_duplicate"]) == (0, 4)
    assert Article.objects.count() == 4
    assert set(FetchRun.objects.values_list("outcome", flat=True)) == {FetchOutcome.OK, FetchOutcome.LOST}


def test_the_same_task_delivered_again_takes_its_own_claim_back_at_once(feed_server, make_feed, monkeypatch):
    url = feed_server.serve("/feed.xml", Reply(200, rss(numbered_items(4))))
    feed = make_feed(url)
    monkeypatch.setattr("feeds.ingest.after_ingest", lambda ids: (_ for _ in ()).throw(WorkerKilled()))
    with pytest.raises(WorkerKilled):
        fetch_feed.apply(args=[feed.pk], task_id="task-killed-mid-fetch")
    monkeypatch.undo()
    feed.refresh_from_db()
    assert feed.lease_owner == "task-killed-mid-fetch" and feed.lease_expires_at > timezone.now()

    # Another task still finds the feed busy: the lease is live.
    assert fetch_feed.apply(args=[feed.pk], task_id="another-task").get()["outcome"] == "busy"
    # The broker redelivers the dead worker's task (same id): it takes over without waiting for the lease.
    result = fetch_feed.apply(args=[feed.pk], task_id="task-killed-mid-fetch").get()
    assert result["outcome"] == FetchOutcome.OK and (result["entries_new"], result["entries_duplicate"]) == (0, 4)
    lost = FetchRun.objects.get(outcome=FetchOutcome.LOST)
    assert lost.error_message.startswith("Lost: the worker running this fetch stopped before it finished")
    feed.refresh_from_db()
    assert feed.fetch_started_at is None and feed.lease_expires_at is None and feed.lease_owner == ""


def test_renewal_keeps_the_claim_and_an_expired_lease_is_taken_over(make_feed):
    from feeds.scheduling import claim_feed, renew_lease

    feed = make_feed("https://gazette.example/feed.xml")
    expiry = datetime.timedelta(seconds=settings.FEED_CLAIM_EXPIRES)
    start = timezone.now() - expiry * 3
    claim = claim_feed(feed.pk, now=start)
    # Renewed just now, the old claim holds although it started three lease-lengths ago.
    assert renew_lease(feed.pk, claim)
    assert claim_feed(feed.pk) is None
    # Not renewed for longer than the lease: the next fetch takes over.
    Feed.objects.filter(pk=feed.pk).update(lease_expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert claim_feed(feed.pk) is not None
    assert not renew_lease(feed.pk, claim)  # the old holder learns it lost the feed
