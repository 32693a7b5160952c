"""When feeds are fetched, and by whom: due feeds, the one-worker-per-feed claim, back-off after failures.

The claim is a conditional UPDATE that touches exactly one row or none: a worker owns a feed while
``Feed.fetch_started_at`` holds its start time. The claim is a lease: it holds until ``lease_expires_at``, a
little past the hard task time limit, and the fetch renews it as it goes (a ``fetch_feeds`` run has no time
limit). A lease that has run out belongs to a worker that died, and any fetch may take it over. A task
delivered again after its worker died (acks_late) carries the same task id as the claim's ``lease_owner``,
so it takes over at once instead of waiting for the lease it held itself.
"""
from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from feeds.models import Feed

# Never wait longer than this between attempts, whatever the failures or a server's Retry-After say.
MAX_BACKOFF = datetime.timedelta(hours=24)
# HTTP statuses that say the address is wrong rather than the server unwell; repeated, they switch a feed off.
PERMANENT_FAILURE_STATUSES = frozenset({400, 401, 403, 404, 405, 410, 451})


def claim_expiry() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.FEED_CLAIM_EXPIRES)


def _claimable(now: datetime.datetime, owner: str) -> Q:
    free = Q(fetch_started_at__isnull=True)
    expired = Q(lease_expires_at__lt=now) | Q(lease_expires_at__isnull=True, fetch_started_at__lt=now - claim_expiry())
    mine = Q(lease_owner=owner) if owner else Q(pk__in=[])
    return free | expired | mine


def live_lease(now: datetime.datetime) -> Q:
    """Feeds some worker is fetching right now."""
    return Q(fetch_started_at__isnull=False) & ~Q(
        Q(lease_expires_at__lt=now) | Q(lease_expires_at__isnull=True, fetch_started_at__lt=now - claim_expiry())
    )


def claim_feed(feed_id: int, now: datetime.datetime | None = None, *, owner: str = "") -> datetime.datetime | None:
    """Take the feed for one fetch. Returns the claim's time (the proof of ownership), or None when another
    worker holds a live lease. ``owner`` is the task's id ("" outside a task)."""
    now = now or timezone.now()
    claimed = (
        Feed.objects.filter(pk=feed_id)
        .filter(_claimable(now, owner))
        .update(fetch_started_at=now, last_fetched_at=now, lease_expires_at=now + claim_expiry(), lease_owner=owner[:64])
    )
    return now if claimed == 1 else None


def renew_lease(feed_id: int, claim: datetime.datetime, now: datetime.datetime | None = None) -> bool:
    """Push the lease out again while the fetch is still working; False if the claim was taken over."""
    now = now or timezone.now()
    return Feed.objects.filter(pk=feed_id, fetch_started_at=claim).update(lease_expires_at=now + claim_expiry()) == 1


def release_feed(feed_id: int, claim: datetime.datetime, **changes) -> bool:
    """Store the fetch's results on the feed and give up the claim, only if the claim is still ours."""
    return Feed.objects.filter(pk=feed_id, fetch_started_at=claim).update(
        fetch_started_at=None, lease_expires_at=None, lease_owner="", **changes
    ) == 1


def next_fetch_after_success(feed: Feed, now: datetime.datetime) -> datetime.datetime:
    return now + datetime.timedelta(minutes=feed.fetch_interval)


def backoff(feed: Feed, failures: int) -> datetime.timedelta:
    """Exponential: the interval after the first failure, doubling with each further one, capped."""
    exponent = min(max(failures - 1, 0), 20)
    return min(datetime.timedelta(minutes=feed.fetch_interval) * (2**exponent), MAX_BACKOFF)


def next_fetch_after_failure(
    feed: Feed, failures: int, now: datetime.datetime, retry_after: datetime.datetime | None = None
) -> datetime.datetime:
    """Back off exponentially, and never sooner than the server asked (Retry-After), within MAX_BACKOFF."""
    when = now + backoff(feed, failures)
    if retry_after is not None and retry_after > when:
        when = min(retry_after, now + MAX_BACKOFF)
    return when


def should_disable(failures: int, status: int | None) -> bool:
    """404, 410 and the like, once failures have run to FEED_DISABLE_AFTER_FAILURES in a row."""
    return status in PERMANENT_FAILURE_STATUSES and failures >= settings.FEED_DISABLE_AFTER_FAILURES


def take_due_feeds(now: datetime.datetime | None = None, limit: int = 1000) -> list[int]:
    """Ids of the feeds due now, each pushed forward by a lease so the next minute's scheduler run does not
    queue it again while its fetch waits in the queue. The fetch sets the real next time when it ends; if the
    task is lost, the lease runs out and the feed is due again."""
    now = now or timezone.now()
    lease_until = now + claim_expiry()
    with transaction.atomic():
        due = Feed.objects.due(now).exclude(live_lease(now)).order_by("next_fetch_at", "pk")
        # skip_locked: two schedulers at once (a misconfigured second beat) split the feeds, never double them.
        ids = list(due.select_for_update(skip_locked=True).values_list("pk", flat=True)[:limit])
        if ids:
            Feed.objects.filter(pk__in=ids).update(next_fetch_at=lease_until)
    return ids
