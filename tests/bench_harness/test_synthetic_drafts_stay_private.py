import pytest

from events.choices import EventStatus
from events.filters import filter_events
from events.models import Event

pytestmark = pytest.mark.django_db


def test_some_events_are_drafts_and_none_of_them_is_public(synthetic, client):
    drafts = Event.objects.filter(status=EventStatus.DRAFT)
    assert drafts.count() > 0
    assert not drafts.filter(published_at__isnull=False).exists()
    draft_ids = set(drafts.values_list("pk", flat=True))
    assert not draft_ids & set(Event.objects.public().values_list("pk", flat=True))
    assert not draft_ids & set(filter_events({}).qs.values_list("pk", flat=True))
    for draft in drafts[:3]:
        assert client.get(draft.get_absolute_url()).status_code == 404


def test_retracted_events_are_public_but_not_listed(synthetic):
    retracted = Event.objects.filter(status=EventStatus.RETRACTED)
    assert retracted.exists()
    assert not retracted.filter(retracted_at__isnull=True).exists()
    listed = set(filter_events({}).qs.values_list("pk", flat=True))
    assert not set(retracted.values_list("pk", flat=True)) & listed
