"""The peer benchmark's SQLite copy holds exactly the published events (no drafts, nothing retracted),
with their states and jurisdictions, and is made again only when the events change."""
import json
import sqlite3

import pytest
from django.utils import timezone

from bench import peer
from events.choices import EventStatus
from events.models import Event, EventJurisdiction

pytestmark = pytest.mark.django_db


def test_the_copy_has_exactly_the_published_events_and_no_drafts(synthetic, tmp_path):
    path = tmp_path / "peer.db"
    made = peer.copy_published(path)
    with sqlite3.connect(path) as db:
        ids = {row[0] for row in db.execute("SELECT id FROM events")}
        indexed = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    published = set(Event.objects.published().values_list("id", flat=True))
    hidden = set(Event.objects.exclude(status=EventStatus.PUBLISHED).values_list("id", flat=True))
    assert hidden and Event.objects.drafts().exists()  # the data set has drafts to leave out
    assert ids == published and made["rows"] == len(published)
    assert not ids & hidden
    assert {"idx_events_kind", "idx_events_date", "idx_events_published_at"} <= indexed


def test_each_row_carries_the_states_and_jurisdictions_the_site_filters_on(synthetic, tmp_path):
    path = tmp_path / "peer.db"
    peer.copy_published(path)
    event = Event.objects.published().filter(involvements__isnull=False).order_by("-id").first()
    with sqlite3.connect(path) as db:
        kind, date, states, names = db.execute(
            "SELECT kind, date, states, jurisdictions FROM events WHERE id = ?", [event.pk]).fetchone()
    involved = EventJurisdiction.objects.filter(event=event).select_related("jurisdiction")
    assert kind == event.kind and date == (event.date.isoformat() if event.date else None)
    assert json.loads(states) == sorted({i.jurisdiction.state for i in involved})
    assert sorted(json.loads(names)) == sorted(str(i.jurisdiction) for i in involved)


def test_the_copy_is_reused_until_the_published_events_change(synthetic, tmp_path):
    path = tmp_path / "peer.db"
    assert peer.ensure_copy(path)["reused"] is False
    assert peer.ensure_copy(path)["reused"] is True
    draft = Event.objects.drafts().first()
    draft.status, draft.published_at = EventStatus.PUBLISHED, timezone.now()
    draft.save()
    again = peer.ensure_copy(path)
    assert again["reused"] is False and again["rows"] == Event.objects.published().count()
