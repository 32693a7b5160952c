"""Through the admin: a public event's facts change only with a correction note, which its page shows."""
import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from events.models import Correction, EventJurisdiction, FederalAction
from tests.curation.staff import admin_form_data, make_editor
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def change_url(event) -> str:
    return reverse("admin:events_event_change", args=[event.pk])


def edit(client, event, **changes):
    page = client.get(change_url(event))
    assert page.status_code == 200
    data = admin_form_data(page)
    data.update(changes)
    return client.post(change_url(event), data)


def test_changing_a_published_title_without_a_note_is_refused(editor_client):
    event = make_event(status="published", sources=1, title="Old title")
    response = edit(editor_client, event, title="New title")
    assert response.status_code == 200
    assert "say what changed (title) and why" in response.context["adminform"].form.errors["correction_note"][0]
    event.refresh_from_db()
    assert event.title == "Old title"
    assert not Correction.objects.exists()


def test_with_a_note_the_change_is_saved_and_the_note_published(editor_client, client):
    event = make_event(status="published", sources=1, title="Old title")
    response = edit(editor_client, event, title="New title", correction_note="The title misnamed the agency.")
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "New title"
    correction = Correction.objects.get(event=event)
    assert correction.note == "The title misnamed the agency."
    assert correction.created_by.username == "ed"

    page = client.get(event.get_absolute_url())
    assert "The title misnamed the agency." in page.content.decode()
    assert format_date(timezone.localtime(correction.created), "F j, Y") in page.content.decode()


def test_a_save_that_changes_no_fact_needs_no_note(editor_client):
    event = make_event(status="published", sources=1)
    assert edit(editor_client, event).status_code == 302
    assert not Correction.objects.exists()


def test_drafts_change_freely_and_have_no_note_field(editor_client):
    event = make_event(status="draft", sources=1, title="Draft title")
    page = editor_client.get(change_url(event))
    assert "correction_note" not in page.context["adminform"].form.fields
    assert edit(editor_client, event, title="Better draft title").status_code == 302
    event.refresh_from_db()
    assert event.title == "Better draft title"
    assert not Correction.objects.exists()


def test_adding_a_jurisdiction_to_a_published_event_needs_a_note(editor_client):
    event = make_event(status="published", sources=1)
    place = make_jurisdiction()
    prefix = "involvements-0"
    refused = edit(editor_client, event, **{f"{prefix}-jurisdiction": str(place.pk), f"{prefix}-role": "subject"})
    assert refused.status_code == 200
    assert "changing its jurisdictions needs a correction note" in str(refused.context["inline_admin_formsets"][0].formset.non_form_errors())
    assert not EventJurisdiction.objects.filter(event=event).exists()

    accepted = edit(
        editor_client, event, correction_note="Adds the county, named in the second report.",
        **{f"{prefix}-jurisdiction": str(place.pk), f"{prefix}-role": "subject"},
    )
    assert accepted.status_code == 302
    assert EventJurisdiction.objects.filter(event=event, jurisdiction=place).exists()
    assert Correction.objects.filter(event=event).count() == 1


def test_changing_details_of_a_published_event_needs_a_note(editor_client):
    event = make_event(status="published", sources=1)
    FederalAction.objects.create(event=event, agency="DOJ", action_type="lawsuit")
    refused = edit(editor_client, event, **{"federal_action-0-agency": "DHS"})
    assert refused.status_code == 200
    assert FederalAction.objects.get(event=event).agency == "DOJ"
    accepted = edit(editor_client, event, correction_note="DHS, not DOJ, sent the letter.", **{"federal_action-0-agency": "DHS"})
    assert accepted.status_code == 302
    assert FederalAction.objects.get(event=event).agency == "DHS"


def test_corrections_are_listed_but_not_editable_in_the_event_form(editor_client):
    event = make_event(status="published", sources=1)
    Correction.objects.create(event=event, note="Earlier fix.")
    page = editor_client.get(change_url(event))
    inline = next(i for i in page.context["inline_admin_formsets"] if i.opts.model is Correction)
    assert not inline.has_add_permission and not inline.has_change_permission and not inline.has_delete_permission
    assert "Earlier fix." in page.content.decode()
