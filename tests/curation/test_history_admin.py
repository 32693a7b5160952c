"""Every change is kept with who made it; editors read histories, admins revert."""
import pytest
from django.urls import reverse

from events.models import Correction, Event
from events.services import retract_event
from jurisdictions.models import Policy
from tests.curation.staff import admin_form_data, make_admin, make_editor
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db


def edit_event(client, event, **changes):
    url = reverse("admin:events_event_change", args=[event.pk])
    data = admin_form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


def version_url(event, record) -> str:
    return reverse("admin:events_event_simple_history", args=[event.pk, record.history_id])


def test_an_admin_edit_is_recorded_with_the_editor(client):
    editor = make_editor()
    client.force_login(editor)
    event = make_event(title="First draft title")
    assert edit_event(client, event, title="Second draft title").status_code == 302
    latest = event.history.latest()
    assert latest.history_user == editor
    assert latest.history_type == "~"
    assert latest.title == "Second draft title"
    assert latest.prev_record.title == "First draft title"
    changed = {c.field for c in latest.diff_against(latest.prev_record).changes}
    assert {"title", "updated_by"} <= changed and "summary" not in changed


def test_publishing_from_the_admin_is_recorded_with_the_editor(client):
    editor = make_editor()
    client.force_login(editor)
    event = make_event(sources=1)
    client.post(reverse("admin:events_event_publish", args=[event.pk]))
    latest = event.history.latest()
    assert (latest.status, latest.history_user) == ("published", editor)


def test_editors_read_history_but_cannot_revert(client):
    event = make_event(status="published", sources=1, title="Original")
    first = event.history.earliest()
    Event.objects.filter(pk=event.pk).update(title="Changed")
    client.force_login(make_editor())
    history = client.get(reverse("admin:events_event_history", args=[event.pk]))
    assert history.status_code == 200
    assert history.context["revert_disabled"] is True
    page = client.get(version_url(event, first))
    assert page.status_code == 200 and page.context["revert_disabled"] is True
    data = admin_form_data(page)
    data["correction_note"] = "Back to the original."
    assert client.post(version_url(event, first), data).status_code == 403
    event.refresh_from_db()
    assert event.title == "Changed"
    assert not Correction.objects.exists()


def test_an_admin_reverts_a_public_event_with_a_correction_keeping_its_status(client):
    chief = make_admin()
    client.force_login(chief)
    event = make_event(status="published", sources=1, title="Right title")
    good = event.history.latest()
    assert edit_event(client, event, title="Wrong title", correction_note="Retitled.").status_code == 302
    retract_event(event, "Withdrawn by the outlet.")

    page = client.get(version_url(event, good))
    assert page.status_code == 200 and page.context["revert_disabled"] is False
    data = admin_form_data(page)
    assert client.post(version_url(event, good), data).status_code == 200  # the title is a fact: note needed
    data["correction_note"] = "Restores the original title."
    assert client.post(version_url(event, good), data).status_code == 302

    event.refresh_from_db()
    assert event.title == "Right title"
    # Reverting restores facts, never the workflow: it stays retracted.
    assert event.status == "retracted" and event.retraction_note == "Withdrawn by the outlet."
    latest = event.history.latest()
    assert latest.history_user == chief
    assert latest.history_change_reason == "Correction: Restores the original title."
    assert list(event.corrections.values_list("kind", "note")) == [
        ("correction", "Retitled."), ("retraction", "Withdrawn by the outlet."), ("correction", "Restores the original title.")]


def test_policy_changes_are_recorded_with_the_editor(client, gazetteer):
    editor = make_editor()
    client.force_login(editor)
    place = make_jurisdiction()
    add_url = reverse("admin:jurisdictions_policy_add")
    data = admin_form_data(client.get(add_url))
    data.update(jurisdiction=str(place.pk), title="Detainer ordinance", category="detainer_limits", stance="limits")
    assert client.post(add_url, data).status_code == 302
    policy = Policy.objects.get(title="Detainer ordinance")
    record = policy.history.get()
    assert (record.history_type, record.history_user) == ("+", editor)


def test_history_outlives_a_deleted_event():
    event = make_event(sources=1)
    pk = event.pk
    event.delete()
    assert Event.history.filter(id=pk).values_list("history_type", flat=True).first() == "-"


def test_policy_history_is_viewable_by_an_editor_and_not_revertible(client, django_user_model, gazetteer):
    from django.contrib.auth.models import Group

    from jurisdictions.models import Jurisdiction, Policy

    chicago = Jurisdiction.objects.get(uid="geonames:4887398")
    policy = Policy.objects.create(jurisdiction=chicago, title="Welcoming City Ordinance", category="detainer_limits",
                                   stance="limits")
    policy.title = "Welcoming City Ordinance (amended)"
    policy.save()
    editor = django_user_model.objects.create_user("ed2", password="x-long-password-1", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    client.force_login(editor)
    history = client.get(f"/admin/jurisdictions/policy/{policy.pk}/history/")
    assert history.status_code == 200 and "Welcoming City Ordinance (amended)" in history.content.decode()
    first = policy.history.order_by("history_id").first()
    revert = client.post(f"/admin/jurisdictions/policy/{policy.pk}/history/{first.history_id}/", {"title": "x"})
    assert revert.status_code == 403
