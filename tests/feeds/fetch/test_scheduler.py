import datetime

from django.conf import settings
from django.utils import timezone

from feeds.models import Feed, FetchRun
from feeds.scheduling import claim_feed, take_due_feeds
from feeds.tasks import schedule_due_feeds
from tests.feeds.fetch.feeds import numbered_items, rss
from tests.feeds.fetch.server import Reply


def test_beat_runs_the_scheduler_every_minute():
    entry = settings.CELERY_BEAT_SCHEDULE["schedule-due-feeds"]
    assert entry["task"] == "feeds.tasks.schedule_due_feeds"
    assert entry["schedule"] == 60.0


def test_due_feeds_are_taken_once(make_feed):
    now = timezone.now()
    never = make_feed("https://a.example/feed")
    due = make_feed("https://b.example/feed", next_fetch_at=now - datetime.timedelta(minutes=1))
    make_feed("https://c.example/feed", next_fetch_at=now + datetime.timedelta(minutes=5))
    make_feed("https://d.example/feed", active=False)
    busy = make_feed("https://e.example/feed")
    claim_feed(busy.pk, now=now)

    assert set(take_due_feeds(now)) == {never.pk, due.pk}
    # Leased: the next minute's run does not queue them again while they wait for a worker.
    assert take_due_feeds(now + datetime.timedelta(minutes=1)) == []
    never.refresh_from_db()
    assert never.next_fetch_at > now


def test_a_lost_task_makes_the_feed_due_again_when_its_lease_ends(make_feed):
    now = timezone.now()
    feed = make_feed("https://a.example/feed")
    assert take_due_feeds(now) == [feed.pk]
    later = now + datetime.timedelta(seconds=settings.FEED_CLAIM_EXPIRES + 1)
    assert take_due_feeds(later) == [feed.pk]


def test_the_scheduler_task_queues_a_fetch_per_due_feed(feed_server, make_feed):
    one = make_feed(feed_server.serve("/one.xml", Reply(200, rss(numbered_items(1)))))
    two = make_feed(feed_server.serve("/two.xml", Reply(200, rss(numbered_items(1, start=5)))))

    assert schedule_due_feeds.delay().get() == 2

    assert set(FetchRun.objects.values_list("feed", flat=True)) == {one.pk, two.pk}
    for feed in Feed.objects.all():
        # The fetch replaced the lease with the feed's own interval.
        assert feed.next_fetch_at - feed.last_fetched_at >= datetime.timedelta(minutes=feed.fetch_interval)
