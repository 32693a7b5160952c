"""Every fact in the loaded record traces to a page: source address, publisher, title and date.

Runs on the record as loaded into the database (not on the files), so it checks what the site shows.
"""
from __future__ import annotations

import datetime

import pytest
from django.db.models import Q

from events.choices import EventKind
from events.models import Case, Event, Source
from events.record.rows import period_end
from jurisdictions.models import ListSnapshot, OfficialList, Policy

pytestmark = pytest.mark.django_db


def full(source) -> bool:
    return bool(source.url and source.publisher and source.title and source.published)


def test_every_event_cites_a_page_with_address_publisher_title_and_date(record):
    events = Event.objects.prefetch_related("sources")
    assert events.exists()
    lacking = [e.title for e in events if not any(full(s) for s in e.sources.all())]
    assert not lacking, f"events without a full source: {lacking}"


@pytest.mark.parametrize("model", [Case, Policy, ListSnapshot], ids=lambda m: m.__name__)
def test_every_case_policy_and_snapshot_cites_a_page(record, model):
    rows = list(model.objects.all())
    assert rows
    lacking = [str(r) for r in rows if not (r.source_url and r.source_publisher and r.source_title and r.source_published)]
    assert not lacking, f"{model.__name__} rows without a full source: {lacking}"


def test_withdrawn_lists_cite_the_withdrawal(record):
    for official in OfficialList.objects.filter(withdrawn__isnull=False):
        assert official.withdrawn_source_url and official.withdrawn_source_title, official.name


def test_rulings_belong_to_cases_and_come_on_or_after_the_filing(record):
    rulings = Event.objects.filter(kind=EventKind.COURT_RULING).select_related("case")
    assert rulings.exists()
    for ruling in rulings:
        assert ruling.case is not None, f"ruling without a case: {ruling.title}"
        if ruling.case.filed and ruling.date:
            assert period_end(ruling.date, ruling.date_precision) >= ruling.case.filed, ruling.title


def test_nothing_in_the_record_is_synthetic(record):
    assert not Event.objects.filter(is_synthetic=True).exists()
    assert not Case.objects.filter(is_synthetic=True).exists()
    assert not Policy.objects.filter(is_synthetic=True).exists()


def test_sources_are_never_dated_after_today_nor_events_before_2017(record):
    today = datetime.date.today()
    assert not Source.objects.filter(published__gt=today).exists()
    assert not Event.objects.filter(Q(date__lt=datetime.date(2017, 1, 1)) | Q(date__gt=today)).exists()
