"""Cursor pagination walks every row once, in a stable order, and refuses forged cursors with 404."""
import base64

import pytest

from events.models import Event
from tests.api.conftest import CHICAGO, by_uid, bulk_events, walk

pytestmark = pytest.mark.django_db


def test_walks_all_events_without_duplicates(api, db):
    bulk_events(23, by_uid(CHICAGO))
    # Several events share a publication time: the cursor must still neither skip nor repeat them.
    Event.objects.filter(pk__in=list(Event.objects.values_list("pk", flat=True)[:10])).update(
        published_at=Event.objects.first().published_at
    )
    seen = walk(api, "/api/v1/events/?page_size=5")
    assert len(seen) == len(set(seen)) == 23
    expected = list(Event.objects.published().order_by("-published_at", "-id").values_list("pk", flat=True))
    assert seen == expected


def test_walks_filtered_events(api, db):
    bulk_events(12, by_uid(CHICAGO))
    seen = walk(api, f"/api/v1/events/?page_size=5&jurisdiction={CHICAGO}&kind=federal_action")
    assert len(seen) == len(set(seen)) == 12


def test_walks_jurisdictions_by_uid(api, db):
    seen = walk(api, "/api/v1/jurisdictions/?state=IL&kind=county&page_size=40", key="uid")
    assert len(seen) == len(set(seen)) == 102  # Illinois has 102 counties
    assert seen == sorted(seen)


def _forged(position: str) -> str:
    return base64.b64encode(f"o=0&r=0&p={position}".encode()).decode()


@pytest.mark.parametrize("endpoint, position", [
    ("/api/v1/events/", "not-a-date"),
    ("/api/v1/events/", "%00"),
    ("/api/v1/policies/", "abc"),
    ("/api/v1/jurisdictions/", "%00"),
])
def test_forged_cursor_is_404_not_500(api, db, endpoint, position):
    response = api.get(endpoint, {"cursor": _forged(position)})
    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid cursor"}


def test_garbage_cursor_is_404(api, db):
    assert api.get("/api/v1/events/", {"cursor": "a"}).status_code == 404
