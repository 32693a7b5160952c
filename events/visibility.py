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

from django.db.models import Exists, OuterRef, QuerySet

from events.choices import EventStatus
from events.models import Case, Event, PolicyTally
from jurisdictions.models import ListSnapshot, Policy


def public_cases(queryset: QuerySet[Case] | None = None) -> QuerySet[Case]:
    queryset = Case.objects.all() if queryset is None else queryset
    any_event = Event.objects.filter(case=OuterRef("pk"))
    published_event = any_event.filter(status=EventStatus.PUBLISHED)
    return queryset.filter(is_public=True).filter(~Exists(any_event) | Exists(published_event))


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
