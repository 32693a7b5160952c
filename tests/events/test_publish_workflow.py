import pytest
from django.core.exceptions import ValidationError

from events.services import publish_event, retract_event
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db


def test_publishing_without_a_source_is_refused():
    event = make_event(jurisdictions=[make_jurisdiction()])
    with pytest.raises(ValidationError, match="at least one source"):
        publish_event(event)
    event.refresh_from_db()
    assert event.status == "draft"


def test_publishing_with_a_source_sets_status_and_time(editor):
    event = publish_event(make_event(sources=1), user=editor)
    assert event.status == "published"
    assert event.published_at is not None
    assert event.updated_by == editor


def test_retracting_keeps_the_event_with_its_reason():
    event = publish_event(make_event(sources=1))
    event = retract_event(event, "The source withdrew its report.")
    assert event.status == "retracted"
    assert event.retraction_note == "The source withdrew its report."


def test_retracting_needs_a_reason_and_a_published_event():
    with pytest.raises(ValidationError, match="Say why"):
        retract_event(publish_event(make_event(sources=1)), "  ")
    with pytest.raises(ValidationError, match="Only a published event"):
        retract_event(make_event(sources=1), "reason")


def test_a_retracted_event_cannot_be_republished():
    event = retract_event(publish_event(make_event(sources=1)), "wrong")
    with pytest.raises(ValidationError, match="stays retracted"):
        publish_event(event)
