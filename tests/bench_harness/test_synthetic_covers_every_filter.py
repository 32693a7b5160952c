"""The benchmark data must exercise every kind and every filter the public pages offer."""
from urllib.parse import urlencode

import pytest
from django.db.models import Count
from django.http import QueryDict

from events.choices import DatePrecision, EventKind, EventStatus, InvolvementRole, RulingOutcome
from events.filters import filter_events
from events.models import Case, Event, EventJurisdiction
from jurisdictions.models import Jurisdiction

pytestmark = pytest.mark.django_db


def test_every_kind_status_precision_and_role_occurs(synthetic):
    assert set(Event.objects.values_list("kind", flat=True)) == set(EventKind.values)
    assert set(Event.objects.values_list("status", flat=True)) == set(EventStatus.values)
    assert set(Event.objects.values_list("date_precision", flat=True)) == set(DatePrecision.values)
    assert set(EventJurisdiction.objects.values_list("role", flat=True)) == set(InvolvementRole.values)
    assert not Event.objects.filter(date_precision=DatePrecision.UNKNOWN, date__isnull=False).exists()
    years = {d.year for d in Event.objects.exclude(date=None).values_list("date", flat=True)}
    assert min(years) == 2017 and max(years) == 2026


def _narrows(params: dict) -> int:
    fs = filter_events(QueryDict(urlencode(params)))
    assert fs.is_valid(), (params, fs.form.errors)
    return fs.qs.count()


def test_each_filter_value_selects_some_but_not_all_published_events(synthetic):
    total = _narrows({})
    busiest = EventJurisdiction.objects.values("jurisdiction").annotate(n=Count("event")).order_by("-n")[0]
    place = Jurisdiction.objects.get(pk=busiest["jurisdiction"])
    case = Case.objects.filter(events__status=EventStatus.PUBLISHED).first()
    cases = [{"kind": kind} for kind in EventKind.values]
    cases += [{"outcome": outcome} for outcome in RulingOutcome.values]
    cases += [{"agency": agency} for agency in ("DOJ", "DHS", "ICE", "White House")]
    cases += [{"state": "CA"}, {"state": "TX"}, {"state": "NY"}]
    cases += [{"jurisdiction_kind": kind} for kind in ("state", "county", "place")]
    cases += [{"date_from": "2025-01-01"}, {"date_to": "2018-12-31"}, {"case": case.slug},
              {"jurisdiction": place.uid}, {"q": "operation"}]
    cases += [{"kind": "federal_action", "state": "CA", "date_from": "2020-01-01"}]
    for params in cases:
        assert 0 < _narrows(params) < total, params
