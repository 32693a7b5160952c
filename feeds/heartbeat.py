"""Worker liveness: a beat-scheduled task stamps the time; the health page reads it."""
from __future__ import annotations

import datetime

from django.utils import timezone

from feeds.models import Heartbeat

STALE_AFTER = datetime.timedelta(minutes=5)


def record(worker: str, now: datetime.datetime | None = None) -> Heartbeat:
    beat, _ = Heartbeat.objects.update_or_create(worker=worker[:200], defaults={"last_seen": now or timezone.now()})
    return beat


def prune(now: datetime.datetime | None = None) -> int:
    """Forget workers not seen for a day (renamed or scaled-down containers)."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=1)
    deleted, _ = Heartbeat.objects.filter(last_seen__lt=cutoff).delete()
    return deleted


def status(now: datetime.datetime | None = None) -> dict:
    """Whether some worker ran the heartbeat recently."""
    now = now or timezone.now()
    latest = Heartbeat.objects.order_by("-last_seen").first()
    alive = latest is not None and now - latest.last_seen <= STALE_AFTER
    return {"worker_alive": alive, "last_seen": latest.last_seen.isoformat() if latest else None}
