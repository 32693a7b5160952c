"""Fixtures for the API tests: a fresh throttle cache, a client, and a small sourced data set built on
the real gazetteer (Chicago, Cook County, Illinois, Los Angeles)."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.utils import timezone
from rest_framework.test import APIClient

from events.models import Case, CaseParty, Correction, Event, Source
from events.models.details import CourtRuling, EnforcementOperation, FederalAction, PolicyChange
from jurisdictions.models import Jurisdiction, Policy
from tests.factories import make_event

CHICAGO = "geonames:4887398"
COOK = "fips:17031"
ILLINOIS = "fips:17"


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    # Throttle counters live in the (process-wide) cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


def by_uid(uid: str) -> Jurisdiction:
    return Jurisdiction.objects.get(uid=uid)


@dataclass
class Sample:
    lawsuit: Event
    ruling: Event
    operation: Event
    change: Event
    draft: Event
    retracted: Event
    case: Case
    policy: Policy


@pytest.fixture
def sample(db) -> Sample:
    chicago, cook, los_angeles = by_uid(CHICAGO), by_uid(COOK), Jurisdiction.objects.get(name="Los Angeles", state="CA", kind="place")
    lawsuit = make_event(status="published", kind="federal_action", title="Justice Department sues Chicago",
                         date=datetime.date(2025, 2, 6), jurisdictions=[chicago], sources=2)
    FederalAction.objects.create(event=lawsuit, agency="DOJ", action_type="lawsuit", amount_at_stake=1_000_000)
    case = Case.objects.create(caption="United States v. Illinois", slug="us-v-illinois", court="N.D. Ill.",
                               originating_event=lawsuit)
    CaseParty.objects.create(case=case, role="defendant", jurisdiction=chicago)
    CaseParty.objects.create(case=case, role="plaintiff", federal_party="United States")
    ruling = make_event(status="published", kind="court_ruling", title="Judge dismisses suit",
                        date=datetime.date(2025, 7, 25), jurisdictions=[chicago, cook], sources=1, case=case)
    CourtRuling.objects.create(event=ruling, court="N.D. Ill.", ruling_type="dismissal", outcome="for_jurisdiction")
    Correction.objects.create(event=ruling, note="The ruling's date was first given as July 24.",
                              created=timezone.make_aware(datetime.datetime(2025, 7, 28, 9, 0)))
    operation = make_event(status="published", kind="enforcement_operation", title="ICE operation in Los Angeles",
                           date=datetime.date(2025, 6, 6), jurisdictions=[los_angeles], sources=1)
    EnforcementOperation.objects.create(event=operation, agency="ICE", reported_arrests=44)
    policy = Policy.objects.create(jurisdiction=cook, title="Detainer ordinance", category="detainer_limits",
                                   stance="limits", adopted=datetime.date(2011, 9, 7))
    change = make_event(status="published", kind="policy_change", title="Cook County reaffirms detainer ordinance",
                        date=datetime.date(2025, 3, 1), jurisdictions=[cook], sources=1)
    PolicyChange.objects.create(event=change, policy=policy, change="reaffirmed")
    draft = make_event(status="draft", title="Unpublished draft about Chicago", jurisdictions=[chicago])
    retracted = make_event(status="retracted", title="Retracted story about Chicago", jurisdictions=[chicago], sources=1)
    return Sample(lawsuit, ruling, operation, change, draft, retracted, case, policy)


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def walk(api, url: str, key: str = "id") -> list:
    """Every row of a list endpoint, following ``next`` links to the end."""
    seen = []
    while url:
        response = api.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        seen.extend(row[key] for row in body["results"])
        url = body["next"]
    return seen


def bulk_events(n: int, jurisdiction: Jurisdiction) -> None:
    """``n`` published, sourced events with details, corrections and a case: the worst case for queries."""
    case = Case.objects.create(caption=f"Bulk case {n}", slug=f"bulk-case-{n}", court="D. Test")
    for i in range(n):
        event = make_event(status="published", jurisdictions=[jurisdiction], sources=2, case=case,
                           date=datetime.date(2024, 1, 1) + datetime.timedelta(days=i))
        FederalAction.objects.create(event=event, agency="DOJ", action_type="memo")
        Correction.objects.create(event=event, note="Fixed a name.")
    Source.objects.filter(event__case=case).update(publisher="Bulk Gazette")
