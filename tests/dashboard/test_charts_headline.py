"""The headline numbers: published events by kind, jurisdictions involved, open cases."""
import pytest
from django.http import QueryDict
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.charts import headline_counts
from events.filters import filter_events
from events.models import Case
from events.visibility import public_cases
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db


def test_counts_published_events_by_kind_with_zeros():
    make_event(status="published", sources=1, kind="court_ruling")
    make_event(status="published", sources=1, kind="court_ruling")
    make_event(status="published", sources=1, kind="policy_change")
    make_event(status="draft", kind="federal_action")
    make_event(status="retracted", sources=1, kind="federal_action")
    counts = headline_counts(filter_events({}).qs)
    assert counts.total == 3
    assert counts.by_kind == [
        ("federal_action", "Federal action", 0),
        ("court_ruling", "Court ruling", 2),
        ("policy_change", "Policy change", 1),
        ("enforcement_operation", "Enforcement operation", 0),
    ]


def test_counts_distinct_jurisdictions_of_published_events_only():
    a, b, c = make_jurisdiction(), make_jurisdiction(), make_jurisdiction()
    make_event(status="published", sources=1, jurisdictions=[a, b])
    make_event(status="published", sources=1, jurisdictions=[b])
    make_event(status="draft", jurisdictions=[c])
    assert headline_counts(filter_events({}).qs).jurisdictions == 2


def test_counts_open_and_appealed_cases_that_published_events_make_public():
    open_case = Case.objects.create(caption="A v. B", slug="a-v-b", status="open")
    appealed = Case.objects.create(caption="C v. D", slug="c-v-d", status="on_appeal")
    decided = Case.objects.create(caption="E v. F", slug="e-v-f", status="decided")
    only_drafts = Case.objects.create(caption="G v. H", slug="g-v-h", status="open")
    make_event(status="published", sources=1, kind="court_ruling", case=open_case)
    make_event(status="published", sources=1, kind="court_ruling", case=open_case)
    origin = make_event(status="published", sources=1)
    appealed.originating_event = origin
    appealed.save()
    make_event(status="published", sources=1, kind="court_ruling", case=decided)
    make_event(status="draft", kind="court_ruling", case=only_drafts)
    # Behind a published action, but its own events are all drafts: hidden, so not counted.
    behind_drafts = Case.objects.create(caption="I v. J", slug="i-v-j", status="open", originating_event=origin)
    make_event(status="draft", kind="court_ruling", case=behind_drafts)
    # Behind a published action, with no events of its own: public, counted.
    behind_alone = Case.objects.create(caption="K v. L", slug="k-v-l", status="open", originating_event=origin)
    # Not public, whatever its events.
    Case.objects.create(caption="M v. N", slug="m-v-n", status="open", is_public=False, originating_event=origin)
    assert headline_counts(filter_events({}).qs).open_cases == 3
    # The same cases as the public-cases rule gives, for the headline and for one kind.
    for kind, expected in (("court_ruling", {open_case}), ("federal_action", {appealed, behind_alone})):
        filterset = filter_events(QueryDict(f"kind={kind}"))
        assert filterset.is_valid()
        events = filterset.qs
        assert headline_counts(events).open_cases == len(expected)
        reached = {case for case in public_cases(Case.objects.filter(status__in=["open", "on_appeal"]))
                   if events.filter(case=case).exists() or events.filter(pk=case.originating_event_id).exists()}
        assert reached == expected


def test_query_count_is_three_whatever_the_data():
    place = make_jurisdiction()
    for _ in range(10):
        make_event(status="published", sources=1, jurisdictions=[place])
    with CaptureQueriesContext(connection) as ctx:
        headline_counts(filter_events({}).qs)
    assert len(ctx.captured_queries) == 3
