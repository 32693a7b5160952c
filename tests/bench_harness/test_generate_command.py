from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from events.models import Event
from feeds.models import Article

pytestmark = pytest.mark.django_db


def test_the_command_makes_what_it_is_asked_and_prints_the_counts(gazetteer):
    out = StringIO()
    call_command("generate_synthetic", events=80, articles=7, seed=3, jurisdictions=200, stdout=out)
    assert Event.objects.filter(is_synthetic=True).count() == 80
    assert Article.objects.filter(is_synthetic=True).count() == 7
    assert "80 events" in out.getvalue() and "7 articles" in out.getvalue()
    assert "200 jurisdictions_drawn_from" in out.getvalue()
    places = set(Event.objects.values_list("involvements__jurisdiction", flat=True))
    assert len(places) <= 200


def test_it_refuses_to_add_to_existing_synthetic_data_unless_told_to_replace_it(gazetteer):
    call_command("generate_synthetic", events=30, stdout=StringIO())
    with pytest.raises(CommandError, match="remove_synthetic"):
        call_command("generate_synthetic", events=30, stdout=StringIO())
    call_command("generate_synthetic", events=40, replace=True, stdout=StringIO())
    assert Event.objects.filter(is_synthetic=True).count() == 40
