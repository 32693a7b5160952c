"""Workflow rules for events: what it takes to publish or retract one."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from events.choices import CorrectionKind, EventStatus
from events.models import Correction, Event


@transaction.atomic
def publish_event(event: Event, user=None) -> Event:
    """Make a draft public. A published event cites at least one source: the database cannot check
    a rule that spans two tables portably, so every way of publishing goes through here."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == EventStatus.PUBLISHED:
        return event
    if event.status == EventStatus.RETRACTED:
        raise ValidationError("A retracted event stays retracted; create a new event instead.")
    if not event.sources.exists():
        raise ValidationError("An event needs at least one source before it can be published.")
    event.full_clean()
    event.status = EventStatus.PUBLISHED
    event.published_at = event.published_at or timezone.now()
    event.updated_by = user
    event.save(update_fields=["status", "published_at", "updated_by", "updated"])
    return event


@transaction.atomic
def retract_event(event: Event, note: str, user=None) -> Event:
    """Withdraw a published event; its page stays up with the reason."""
    if not note.strip():
        raise ValidationError("Say why the event is retracted; the note is shown on its page.")
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status != EventStatus.PUBLISHED:
        raise ValidationError("Only a published event can be retracted.")
    event.status = EventStatus.RETRACTED
    event.retracted_at = timezone.now()
    event.retraction_note = note.strip()
    event.updated_by = user
    event.save(update_fields=["status", "retracted_at", "retraction_note", "updated_by", "updated"])
    # The public corrections log lists retractions beside corrections.
    Correction.objects.create(
        event=event, kind=CorrectionKind.RETRACTION, created=event.retracted_at, note=event.retraction_note,
        changes=["status"], created_by=user,
    )
    return event
