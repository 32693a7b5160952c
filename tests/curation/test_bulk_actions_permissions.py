"""Bulk admin actions obey the same permissions as single ones: an Editor, who may not delete an event
one at a time, cannot delete events (or cases, policies, lists) through "delete selected" either; an
Admin can."""
import pytest
from django.urls import reverse

from events.models import Case, Event
from jurisdictions.models import OfficialList
from tests.curation.staff import make_admin, make_editor
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def bulk_delete(client, changelist: str, pks: list[int]):
    return client.post(reverse(changelist), {"action": "delete_selected", "_selected_action": [str(p) for p in pks],
                                             "post": "yes"})


@pytest.fixture
def events():
    return [make_event(status="published", sources=1), make_event(status="draft")]


def test_an_editor_cannot_delete_events_one_by_one_or_in_bulk(client, events):
    client.force_login(make_editor())
    assert client.post(reverse("admin:events_event_delete", args=[events[0].pk]), {"post": "yes"}).status_code == 403
    page = client.get(reverse("admin:events_event_changelist"))
    assert "delete_selected" not in dict(page.context["action_form"].fields["action"].choices)
    response = bulk_delete(client, "admin:events_event_changelist", [e.pk for e in events])
    assert response.status_code in (200, 302, 403)
    assert Event.objects.count() == 2


@pytest.mark.parametrize("changelist,make", [
    ("admin:events_case_changelist", lambda: Case.objects.create(caption="C", slug="c", court="D").pk),
    ("admin:jurisdictions_officiallist_changelist",
     lambda: OfficialList.objects.create(name="L", slug="l", publisher="DOJ").pk),
])
def test_an_editor_cannot_bulk_delete_cases_or_lists(client, changelist, make):
    pk = make()
    client.force_login(make_editor())
    bulk_delete(client, changelist, [pk])
    model = Case if "case" in changelist else OfficialList
    assert model.objects.filter(pk=pk).exists()


def test_an_admin_can_bulk_delete_drafts_but_not_a_published_events_only_source(client, events):
    client.force_login(make_admin())
    drafts = [make_event(status="draft", sources=1), events[1]]
    assert bulk_delete(client, "admin:events_event_changelist", [e.pk for e in drafts]).status_code == 302
    assert list(Event.objects.values_list("pk", flat=True)) == [events[0].pk]
    # A published event is retracted, not deleted: deleting it would remove its only source, which the
    # admin refuses one at a time and so in bulk too.
    assert bulk_delete(client, "admin:events_event_changelist", [events[0].pk]).status_code == 403
    assert Event.objects.filter(pk=events[0].pk).exists()
