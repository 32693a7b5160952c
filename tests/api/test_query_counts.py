"""Every list endpoint runs the same number of queries for 10 rows as for 200."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Case, CaseParty, Event
from jurisdictions.models import Listing, ListSnapshot, OfficialList, Policy
from tests.api.conftest import CHICAGO, by_uid, bulk_events

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/api/v1/events/", "/api/v1/jurisdictions/?state=IL", "/api/v1/cases/", "/api/v1/policies/", "/api/v1/lists/",
             "/api/v1/events/?state=IL&kind=federal_action&q=test"]


def grow(n: int) -> None:
    """Up to ``n`` rows behind every endpoint."""
    chicago = by_uid(CHICAGO)
    have = Event.objects.count()
    bulk_events(n - have, chicago)
    for i in range(Case.objects.count(), n):
        case = Case.objects.create(caption=f"Case {i}", slug=f"case-{i}", court="D. Test",
                                   originating_event=Event.objects.first())
        CaseParty.objects.create(case=case, role="plaintiff", jurisdiction=chicago)
        Event.objects.filter(pk=Event.objects.order_by("?").first().pk).update(case=case)
    for i in range(Policy.objects.count(), n):
        Policy.objects.create(jurisdiction=chicago, title=f"Policy {i}", category="detainer_limits", stance="limits")
    for i in range(OfficialList.objects.count(), min(n, 60)):
        official = OfficialList.objects.create(name=f"List {i}", slug=f"list-{i}", publisher="DOJ")
        snapshot = ListSnapshot.objects.create(official_list=official, published=datetime.date(2025, 1, 1),
                                               source_url="https://example.gov/")
        Listing.objects.create(snapshot=snapshot, jurisdiction=chicago)


def queries(api, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = api.get(url)
    assert response.status_code == 200, response.content
    assert response.json()["results"], url
    return len(captured)


def test_constant_queries_10_vs_200(api, db):
    grow(10)
    small = {url: queries(api, url) for url in ENDPOINTS}
    grow(200)
    large = {url: queries(api, url) for url in ENDPOINTS}
    assert small == large
    # And small: the events list is one query per embedded relation, not per row.
    assert large["/api/v1/events/"] <= 5
