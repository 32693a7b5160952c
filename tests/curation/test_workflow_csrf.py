"""Every admin action that changes something refuses a POST without the CSRF token."""
import pytest
from django.test import Client
from django.urls import reverse

from events.models import Correction, Event
from tests.curation.staff import make_admin, make_editor
from tests.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def csrf_client():
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_editor())
    return client


def test_publish_retract_and_bulk_publish_need_the_token(csrf_client):
    draft = make_event(sources=1)
    published = make_event(status="published", sources=1)
    posts = [
        (reverse("admin:events_event_publish", args=[draft.pk]), {}),
        (reverse("admin:events_event_retract", args=[published.pk]), {"note": "reason"}),
        (reverse("admin:events_event_changelist"), {"action": "publish_selected", "_selected_action": [draft.pk]}),
    ]
    for url, data in posts:
        assert csrf_client.post(url, data).status_code == 403, url
    assert Event.objects.get(pk=draft.pk).status == "draft"
    assert Event.objects.get(pk=published.pk).status == "published"


def test_the_change_form_needs_the_token(csrf_client):
    event = make_event(status="published", sources=1, title="Kept")
    url = reverse("admin:events_event_change", args=[event.pk])
    response = csrf_client.post(url, {"title": "Changed", "correction_note": "Changed it."})
    assert response.status_code == 403
    assert Event.objects.get(pk=event.pk).title == "Kept"
    assert not Correction.objects.exists()


def test_the_history_revert_needs_the_token():
    event = make_event(status="published", sources=1, title="Kept")
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_admin())
    url = reverse("admin:events_event_simple_history", args=[event.pk, event.history.earliest().history_id])
    assert client.post(url, {"title": "Other"}).status_code == 403


def test_with_the_token_the_same_post_goes_through(csrf_client):
    draft = make_event(sources=1)
    url = reverse("admin:events_event_publish", args=[draft.pk])
    page = csrf_client.get(url)
    token = page.context["csrf_token"]
    assert csrf_client.post(url, {"csrfmiddlewaretoken": str(token)}).status_code == 302
    assert Event.objects.get(pk=draft.pk).status == "published"
