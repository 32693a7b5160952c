"""Celery tasks for the feeds app. Thin: they take ids, call plain functions and are safe to run twice."""
from __future__ import annotations

import socket

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from feeds import heartbeat


@shared_task(name="feeds.tasks.record_heartbeat", ignore_result=False)
def record_heartbeat() -> str:
    """Scheduled by beat every minute; the health page reads the result."""
    beat = heartbeat.record(socket.gethostname())
    return beat.last_seen.isoformat()


@shared_task(name="feeds.tasks.prune_heartbeats")
def prune_heartbeats() -> int:
    return heartbeat.prune()


@shared_task(name="feeds.tasks.schedule_due_feeds")
def schedule_due_feeds() -> int:
    """Scheduled by beat every minute: queue a fetch for each feed that is due. Returns how many."""
    from feeds.scheduling import take_due_feeds

    ids = take_due_feeds()
    for feed_id in ids:
        # A fetch still queued when its lease runs out is superseded by the next one the scheduler queues.
        fetch_feed.apply_async(args=[feed_id], expires=settings.FEED_CLAIM_EXPIRES)
    return len(ids)


@shared_task(
    name="feeds.tasks.fetch_feed",
    bind=True,
    acks_late=True,
    # Only the database failing is retried here; a feed's own failures (timeouts, 5xx, 429) are recorded
    # and retried by the scheduler with per-feed back-off that honours Retry-After.
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=30,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=5,
)
def fetch_feed(self, feed_id: int, include_inactive: bool = False) -> dict:
    """Fetch one feed. Idempotent: a second copy finds the feed claimed, or finds its articles stored.
    ``include_inactive`` lets an admin try a switched-off feed by hand."""
    from feeds.fetching import fetch_feed_now
    from feeds.models import Feed

    feed = Feed.objects.filter(pk=feed_id).first()
    if feed is None:
        return {"feed": feed_id, "outcome": "deleted"}
    if not feed.active and not include_inactive:
        return {"feed": feed_id, "outcome": "inactive"}
    run = fetch_feed_now(feed, owner=self.request.id or "")
    if run is None:
        return {"feed": feed_id, "outcome": "busy"}
    return {
        "feed": feed_id, "run": run.pk, "outcome": run.outcome,
        "entries_new": run.entries_new, "entries_duplicate": run.entries_duplicate,
    }
