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

    # Once the claim is stale the retried task fetches again and finds every entry already stored.
    Feed.objects.filter(pk=feed.pk).update(
        fetch_started_at=timezone.now() - datetime.timedelta(seconds=settings.FEED_CLAIM_EXPIRES + 1)
    )
    result = fetch_feed.apply(args=[feed.pk]).get()

    assert result["outcome"] == FetchOutcome.OK
    assert (result["entries_new"], result["entries_duplicate"]) == (0, 4)
    assert Article.objects.count() == 4
    assert set(FetchRun.objects.values_list("outcome", flat=True)) == {FetchOutcome.OK, FetchOutcome.NETWORK_ERROR}
