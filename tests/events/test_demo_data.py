from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from events.demo import records
from events.models import Event
from jurisdictions.models import Jurisdiction


@pytest.mark.django_db
def test_demo_loads_published_events_each_citing_a_source(gazetteer):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Loaded demo data" in out.getvalue()
    events = Event.objects.all()
    assert events.count() == len(records.EVENTS)
    assert all(e.status == "published" for e in events)
    assert all(e.sources.exists() for e in events)


@pytest.mark.django_db
def test_demo_second_load_changes_nothing(gazetteer):
    call_command("load_demo", stdout=StringIO())
    before = Event.objects.count()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "nothing changed" in out.getvalue()
    assert Event.objects.count() == before


@pytest.mark.django_db
def test_demo_without_the_gazetteer_entries_it_needs_says_what_to_run(gazetteer):
    Jurisdiction.objects.filter(uid=records.CALIFORNIA).update(uid="moved:06")
    with pytest.raises(CommandError, match=r"lacks fips:06\. Run `python manage.py load_jurisdictions`"):
        call_command("load_demo", stdout=StringIO())


@pytest.mark.django_db
def test_demo_places_resolve_to_the_jurisdictions_the_seeds_name(gazetteer):
    call_command("load_demo", stdout=StringIO())
    subpoenas = Event.objects.get(date="2018-01-24")
    names = {j.name for j in subpoenas.jurisdictions.all()}
    assert names == {"California", "Illinois", "New York City", "Los Angeles"}
    assert subpoenas.federal_action.amount_at_stake == 39_000_000
