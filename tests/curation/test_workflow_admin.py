"""Publishing and retracting from the admin go through events/services.py; status is never a form field."""
import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from events.models import Event
from tests.curation.staff import admin_form_data, make_editor
from tests.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_editor()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_bulk_publish_publishes_sourced_drafts_and_refuses_the_rest(editor_client, editor):
    sourced = [make_event(sources=1) for _ in range(3)]
    unsourced = make_event(sources=0, title="No source yet")
    response = editor_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "publish_selected", "_selected_action": [e.pk for e in [*sourced, unsourced]]},
        follow=True,
    )
    assert response.status_code == 200
    assert set(Event.objects.filter(pk__in=[e.pk for e in sourced]).values_list("status", flat=True)) == {"published"}
    assert Event.objects.get(pk=unsourced.pk).status == "draft"
    notes = messages_of(response)
    assert "Published 3 event(s)." in notes
    assert any("No source yet" in n and "at least one source" in n for n in notes)
    assert Event.objects.get(pk=sourced[0].pk).updated_by == editor


def test_publish_page_confirms_then_publishes(editor_client):
    event = make_event(sources=1)
    url = reverse("admin:events_event_publish", args=[event.pk])
    assert editor_client.get(url).status_code == 200
    event.refresh_from_db()
    assert event.status == "draft"  # a GET changes nothing
    assert editor_client.post(url).status_code == 302
    event.refresh_from_db()
    assert event.status == "published" and event.published_at is not None


def test_publishing_without_a_source_is_refused_with_the_reason(editor_client):
    event = make_event(sources=0)
    response = editor_client.post(reverse("admin:events_event_publish", args=[event.pk]))
    assert response.status_code == 200
    assert "at least one source" in response.content.decode()
    event.refresh_from_db()
    assert event.status == "draft"


def test_retracting_needs_a_note_and_keeps_the_page_with_the_notice(editor_client, client):
    event = make_event(status="published", sources=1, title="Raid reported in Testville")
    url = reverse("admin:events_event_retract", args=[event.pk])
    refused = editor_client.post(url, {"note": "   "})
    assert refused.status_code == 200
    event.refresh_from_db()
    assert event.status == "published"

    assert editor_client.post(url, {"note": "The outlet withdrew its report."}).status_code == 302
    event.refresh_from_db()
    assert event.status == "retracted"

    page = Client().get(event.get_absolute_url())
    assert page.status_code == 200
    assert "Retracted on" in page.content.decode()
    assert "The outlet withdrew its report." in page.content.decode()
    assert event not in Event.objects.published()


def test_retracting_a_draft_is_refused(editor_client):
    event = make_event(sources=1)
    response = editor_client.post(reverse("admin:events_event_retract", args=[event.pk]), {"note": "Wrong"})
    assert response.status_code == 200
    assert "Only a published event" in response.content.decode()


def test_status_cannot_be_set_through_the_change_form(editor_client):
    event = make_event(sources=0, title="Unsourced draft")
    page = editor_client.get(reverse("admin:events_event_change", args=[event.pk]))
    assert "status" not in page.context["adminform"].form.fields
    data = admin_form_data(page)
    data.update(status="published", published_at="2025-01-01 00:00:00")
    assert editor_client.post(reverse("admin:events_event_change", args=[event.pk]), data).status_code == 302
    event.refresh_from_db()
    assert event.status == "draft" and event.published_at is None


def test_the_change_form_offers_publish_for_drafts_and_retract_for_published(editor_client):
    draft = make_event(sources=1)
    published = make_event(status="published", sources=1)
    draft_page = editor_client.get(reverse("admin:events_event_change", args=[draft.pk])).content.decode()
    published_page = editor_client.get(reverse("admin:events_event_change", args=[published.pk])).content.decode()
    assert reverse("admin:events_event_publish", args=[draft.pk]) in draft_page
    assert reverse("admin:events_event_retract", args=[published.pk]) in published_page
    assert reverse("admin:events_event_retract", args=[draft.pk]) not in draft_page
    # Only a public event has a page to view on the site.
    assert published.get_absolute_url() in published_page
    assert draft.get_absolute_url() not in draft_page


def test_staff_without_the_editor_role_cannot_publish_or_retract(client):
    from tests.curation.staff import make_user

    client.force_login(make_user("intern"))
    draft = make_event(sources=1)
    published = make_event(status="published", sources=1)
    assert client.post(reverse("admin:events_event_publish", args=[draft.pk])).status_code == 403
    assert client.post(reverse("admin:events_event_retract", args=[published.pk]), {"note": "x"}).status_code == 403
    draft.refresh_from_db()
    published.refresh_from_db()
    assert (draft.status, published.status) == ("draft", "published")


def test_the_last_source_of_a_published_event_cannot_be_removed(editor_client):
    event = make_event(status="published", sources=1)
    url = reverse("admin:events_event_change", args=[event.pk])
    data = admin_form_data(editor_client.get(url))
    data["sources-0-DELETE"] = "on"
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "cites at least one source" in response.content.decode()
    assert event.sources.count() == 1
    # Nor from the sources list.
    source = event.sources.get()
    assert editor_client.get(reverse("admin:events_source_delete", args=[source.pk])).status_code == 403
