"""Which policies are public is read from a tally of their changes (events.models.PolicyTally): it equals a
recount after every kind of change, and the public policies are exactly those of the rule counted over the
changes themselves ("no change recorded, or one in a published event"), so a policy that only drafts or
retracted events change is never public."""
from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from django.db.models import Exists, OuterRef

from events.models import Event, PolicyChange, PolicyTally
from events.services import publish_event, retract_event
from events.tallies import rebuild_tallies, recount, refresh_tallies, stored
from events.visibility import public_policies
from jurisdictions.models import Policy
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db


def the_rule_over_the_changes() -> set[int]:
    """The visibility rule counted over every change and its event, as it was before the tally."""
    any_change = PolicyChange.objects.filter(policy=OuterRef("pk"))
    published = any_change.filter(event__status="published")
    return set(Policy.objects.filter(is_public=True).filter(~Exists(any_change) | Exists(published))
               .values_list("pk", flat=True))


def check() -> None:
    assert stored()[PolicyTally] == recount()[PolicyTally]
    assert set(public_policies().values_list("pk", flat=True)) == the_rule_over_the_changes()


@pytest.fixture
def town():
    return make_jurisdiction(name="Tallytown", state="OR")


def policy(town, title: str, **fields) -> Policy:
    return Policy.objects.create(jurisdiction=town, title=title, category="detainer_limits", stance="limits",
                                 adopted=datetime.date(2019, 1, 1), **fields)


def change(pol: Policy, status: str, what: str = "adopted") -> Event:
    event = make_event(status=status, sources=1, kind="policy_change")
    PolicyChange.objects.create(event=event, policy=pol, change=what)
    return event


def public_titles() -> set[str]:
    return set(public_policies().values_list("title", flat=True))


def test_every_kind_of_change_keeps_the_policy_tally_equal_to_a_recount(town):
    unrecorded = policy(town, "No change recorded")
    drafts_only = policy(town, "Drafts only")
    mixed = policy(town, "Draft and published")
    policy(town, "Not published by an editor", is_public=False)
    first_draft = change(drafts_only, "draft")
    change(drafts_only, "draft", "amended")
    published = change(mixed, "published")
    change(mixed, "draft", "amended")
    check()
    assert public_titles() == {"No change recorded", "Draft and published"}

    publish_event(first_draft)  # publish
    check()
    assert "Drafts only" in public_titles()
    retract_event(Event.objects.get(pk=first_draft.pk), "Wrong report.")  # retract
    check()
    assert "Drafts only" not in public_titles()
    unpublished = Event.objects.get(pk=published.pk)  # unpublish
    unpublished.status = "draft"
    unpublished.save(update_fields=["status"])
    check()
    assert "Draft and published" not in public_titles()
    unpublished.status = "published"
    unpublished.save()
    check()
    moved = PolicyChange.objects.get(event=published)  # a change edited: moved to another policy
    moved.policy = unrecorded
    moved.save()
    check()
    assert public_titles() == {"No change recorded"}  # "mixed" has only a draft change left
    PolicyChange.objects.filter(policy=drafts_only).delete()  # changes removed (bulk): none recorded
    check()
    assert "Drafts only" in public_titles()
    Event.objects.get(pk=published.pk).delete()  # an event deleted takes its change with it
    check()
    assert "No change recorded" in public_titles()
    added = make_event(status="published", sources=1, kind="policy_change")  # a change added to a published event
    PolicyChange.objects.create(event=added, policy=mixed, change="amended")
    check()
    assert "Draft and published" in public_titles()
    Event.objects.filter(pk=added.pk).delete()  # bulk delete
    check()
    assert not PolicyTally.objects.filter(policy=drafts_only).exists()  # no row without changes


def test_a_status_change_the_signals_do_not_see_is_repaired_by_a_refresh_or_the_rebuild(town):
    pol = policy(town, "Quietly published")
    event = change(pol, "draft")
    Event.objects.filter(pk=event.pk).update(status="published", published_at=timezone.now())  # no signal
    assert "Quietly published" not in public_titles()
    refresh_tallies([event.pk])
    check()
    assert "Quietly published" in public_titles()
    Event.objects.filter(pk=event.pk).update(status="draft")
    PolicyTally.objects.all().delete()
    rebuild_tallies()
    check()
    assert "Quietly published" not in public_titles()


def test_a_policy_only_drafts_change_is_not_in_the_api_until_one_is_published(client, town):
    pol = policy(town, "Draftmark sanctuary ordinance")
    draft = change(pol, "draft")
    listed = client.get("/api/v1/policies/").json()["results"]
    assert "Draftmark sanctuary ordinance" not in [p["title"] for p in listed]
    assert client.get(f"/api/v1/policies/{pol.pk}/").status_code == 404
    assert "Draftmark sanctuary ordinance" not in client.get(town.get_absolute_url()).content.decode()
    publish_event(draft)
    listed = client.get("/api/v1/policies/").json()["results"]
    assert "Draftmark sanctuary ordinance" in [p["title"] for p in listed]
    assert client.get(f"/api/v1/policies/{pol.pk}/").status_code == 200
