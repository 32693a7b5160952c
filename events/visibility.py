"""What the public may see besides events: cases, policies and official-list versions.

Events carry their own workflow (draft, published, retracted). The things they hang off are shown only when
both hold:

- an editor has published it (``is_public``; what an editor adds in the admin starts unpublished), and
- it is not known only through unpublished events: a case whose events are all drafts (or retracted), or a
  policy whose recorded changes are all in such events, would reveal them, so it stays hidden until one of
  its events is published. A case or policy no event mentions yet is shown on its own merits.

List versions (snapshots) are published or not by their flag alone: no event refers to them.
Every public page, feed, export, embed and API endpoint reads these querysets, so the rule lives here once.
"""
from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from events.choices import EventStatus
from events.models import Case, Event, PolicyTally
from jurisdictions.models import ListSnapshot, Policy


def public_cases(queryset: QuerySet[Case] | None = None) -> QuerySet[Case]:
    queryset = Case.objects.all() if queryset is None else queryset
    return queryset.filter(is_public=True).filter(_not_known_only_through_unpublished_events())


def public_cases_reached_by(published: QuerySet[Event], queryset: QuerySet[Case] | None = None) -> QuerySet[Case]:
    """The public cases these published events reach: a case one of them belongs to, or one whose
    originating action is one of them. A case with one of them among its own events is public by that
    event already, so the rule is checked (one more lookup per case) only for a case reached through its
    originating action alone."""
    queryset = Case.objects.all() if queryset is None else queryset
    plain = published.order_by()
    own_event = Exists(plain.filter(case=OuterRef("pk")))
    behind_it = Exists(plain.filter(pk=OuterRef("originating_event_id")))
    return queryset.filter(is_public=True).filter(own_event | (behind_it & _not_known_only_through_unpublished_events()))


def _not_known_only_through_unpublished_events() -> Q:
    """A case no event belongs to, or one with a published event among its own."""
    any_event = Event.objects.filter(case=OuterRef("pk"))
    return ~Exists(any_event) | Exists(any_event.filter(status=EventStatus.PUBLISHED))


def public_policies(queryset: QuerySet[Policy] | None = None) -> QuerySet[Policy]:
    queryset = Policy.objects.all() if queryset is None else queryset
    # Hidden: changes recorded, none of them in a published event. Read from the policy's tally
    # (events/tallies.py; a row only for a policy with changes), one probe of its key per policy,
    # instead of joining every change to its event (hundreds per policy in the benchmark's data).
    only_unpublished_changes = PolicyTally.objects.filter(policy=OuterRef("pk"), published=0)
    return queryset.filter(is_public=True).filter(~Exists(only_unpublished_changes))


def public_snapshots(queryset: QuerySet[ListSnapshot] | None = None) -> QuerySet[ListSnapshot]:
    return (ListSnapshot.objects.all() if queryset is None else queryset).public()


def names_its_case(event: Event) -> bool:
    """Whether a published event may name its case: it makes the case known, so only the flag counts."""
    return event.case_id is not None and event.case.is_public
