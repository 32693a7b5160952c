import pytest

from events.models import Event
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db


def test_published_returns_only_published_events():
    published = make_event(status="published", sources=1)
    make_event(status="draft")
    make_event(status="retracted", sources=1)
    assert list(Event.objects.published()) == [published]


def test_public_adds_retracted_events_but_never_drafts():
    published = make_event(status="published", sources=1)
    retracted = make_event(status="retracted", sources=1)
    make_event(status="draft")
    assert set(Event.objects.public()) == {published, retracted}


def test_for_jurisdiction_includes_places_inside_only_when_asked():
    state = make_jurisdiction(kind="state", state="QQ", fips="98", name="Quux")
    county = make_jurisdiction(kind="county", state="QQ", fips="98001", parent=state)
    town = make_jurisdiction(kind="place", state="QQ", parent=county)
    on_state = make_event(jurisdictions=[state])
    on_town = make_event(jurisdictions=[town])
    make_event(jurisdictions=[make_jurisdiction()])
    assert list(Event.objects.for_jurisdiction(state)) == [on_state]
    assert set(Event.objects.for_jurisdiction(state, include_within=True)) == {on_state, on_town}
    assert set(Event.objects.for_jurisdiction(county, include_within=True)) == {on_town}


def test_dated_excludes_events_the_sources_do_not_date():
    dated = make_event()
    make_event(date=None, date_precision="unknown")
    assert list(Event.objects.dated()) == [dated]


def test_newest_first_puts_undated_events_last():
    import datetime

    undated = make_event(date=None, date_precision="unknown")
    old = make_event(date=datetime.date(2017, 1, 1))
    new = make_event(date=datetime.date(2025, 1, 1))
    assert list(Event.objects.newest_first()) == [new, old, undated]


def test_list_data_puts_subjects_before_places_only_mentioned():
    from events.models import EventJurisdiction

    event = make_event()
    EventJurisdiction.objects.create(event=event, jurisdiction=make_jurisdiction(name="Aardvark"), role="mentioned")
    EventJurisdiction.objects.create(event=event, jurisdiction=make_jurisdiction(name="Zebra"), role="subject")
    loaded = Event.objects.with_list_data().get(pk=event.pk)
    assert [i.jurisdiction.name for i in loaded.involvements.all()] == ["Zebra", "Aardvark"]
