import datetime

import pytest
from django.db import IntegrityError, transaction

from events.models import Event, EventJurisdiction
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db


def test_undated_event_must_say_the_date_is_unknown():
    with pytest.raises(IntegrityError):
        make_event(date=None, date_precision="day")


def test_unknown_precision_forbids_a_date():
    with pytest.raises(IntegrityError):
        make_event(date=datetime.date(2025, 1, 1), date_precision="unknown")


def test_published_event_needs_a_publication_time():
    event = make_event()
    with pytest.raises(IntegrityError):
        Event.objects.filter(pk=event.pk).update(status="published")


def test_retracted_event_needs_a_retraction_time():
    event = make_event(status="published", sources=1)
    with pytest.raises(IntegrityError):
        Event.objects.filter(pk=event.pk).update(status="retracted")


def test_unknown_kind_is_rejected():
    with pytest.raises(IntegrityError):
        make_event(kind="rumour")


def test_a_jurisdiction_is_involved_once_per_event():
    place = make_jurisdiction()
    event = make_event(jurisdictions=[place])
    with pytest.raises(IntegrityError), transaction.atomic():
        EventJurisdiction.objects.create(event=event, jurisdiction=place, role="mentioned")


def test_month_and_year_dates_are_stored_as_the_start_of_their_period():
    by_month = make_event(date=datetime.date(2017, 11, 20), date_precision="month")
    by_year = make_event(date=datetime.date(2017, 9, 30), date_precision="year")
    assert by_month.date == datetime.date(2017, 11, 1)
    assert by_year.date == datetime.date(2017, 1, 1)
    assert by_month.date_display == "November 2017"
    assert by_year.date_display == "2017"


def test_slug_is_made_from_the_title():
    event = make_event(title="DOJ sues Illinois over the TRUST Act")
    assert event.slug == "doj-sues-illinois-over-the-trust-act"
    assert event.get_absolute_url() == f"/events/{event.pk}-doj-sues-illinois-over-the-trust-act/"
