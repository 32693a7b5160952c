from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from events.models import Case, CaseParty, Event, EventJurisdiction, PolicyChange, Source
from bench.synthetic_events import generate, remove_synthetic, synthetic_counts
from feeds.models import Article
from jurisdictions.models import Jurisdiction, Policy
from tests.bench_harness.snapshots import event_snapshot
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def _real_data() -> dict:
    return {
        "events": event_snapshot(Event.objects.filter(is_synthetic=False)),
        "cases": list(Case.objects.filter(is_synthetic=False).values_list("slug", "caption", "originating_event__title")),
        "parties": sorted(CaseParty.objects.filter(case__is_synthetic=False).values_list("case__slug", "role", "jurisdiction__uid", "federal_party")),
        "policies": list(Policy.objects.filter(is_synthetic=False).order_by("pk").values_list("pk", "title")),
        "articles": list(Article.objects.filter(is_synthetic=False).order_by("pk").values_list("pk", "url")),
        "sources": Source.objects.filter(event__is_synthetic=False).count(),
        "involvements": EventJurisdiction.objects.filter(event__is_synthetic=False).count(),
        "jurisdictions": Jurisdiction.objects.count(),
    }


def test_remove_synthetic_removes_all_of_it_and_leaves_the_record_and_real_events_untouched(gazetteer):
    call_command("load_record", stdout=StringIO())
    place = Jurisdiction.objects.get(uid="fips:06")
    make_event(status="published", sources=2, jurisdictions=[place], title="A real event")
    make_event(status="draft", sources=1, title="A real draft")
    before = _real_data()
    assert before["events"] and before["cases"] and before["policies"]

    generate(300, 40, seed=5)
    assert synthetic_counts()["events"] == 300
    out = StringIO()
    call_command("remove_synthetic", stdout=out)

    assert synthetic_counts() == {"events": 0, "cases": 0, "policies": 0, "articles": 0}
    assert _real_data() == before
    assert "events.Event: 300" in out.getvalue()
    assert "feeds.Article: 40" in out.getvalue()
    assert "events.Source: " in out.getvalue()


def test_a_real_source_citing_a_synthetic_article_only_loses_the_link(gazetteer):
    real = make_event(status="published", sources=1)
    generate(20, 5, seed=5)
    source = real.sources.get()
    source.article = Article.objects.filter(is_synthetic=True).first()
    source.save()
    remove_synthetic()
    source.refresh_from_db()
    assert source.article is None
    assert Event.objects.filter(pk=real.pk).exists()


def test_a_real_row_protecting_a_synthetic_one_stops_the_removal_and_nothing_goes(gazetteer):
    generate(120, 0, seed=5)
    real = make_event(status="published", sources=1, kind="policy_change")
    PolicyChange.objects.create(event=real, policy=Policy.objects.filter(is_synthetic=True).first(), change="adopted")
    with pytest.raises(CommandError, match="not synthetic"):
        call_command("remove_synthetic", stdout=StringIO())
    assert synthetic_counts()["events"] == 120


def test_removing_when_there_is_none_says_so():
    out = StringIO()
    call_command("remove_synthetic", stdout=out)
    assert "nothing removed" in out.getvalue()
