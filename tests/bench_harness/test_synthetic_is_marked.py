import pytest

from events.models import Case, CaseParty, Event, Source
from bench.synthetic_events import BASE_URL, PREFIX, PUBLISHER
from feeds.models import Article
from jurisdictions.models import Policy

pytestmark = pytest.mark.django_db


def test_every_event_case_policy_and_article_is_flagged_and_titled_synthetic(synthetic):
    assert Event.objects.count() == Event.objects.filter(is_synthetic=True, title__startswith=PREFIX).count() > 0
    assert Case.objects.count() == Case.objects.filter(is_synthetic=True, caption__startswith=PREFIX).count() > 0
    assert Policy.objects.count() == Policy.objects.filter(is_synthetic=True, title__startswith=PREFIX).count() > 0
    assert Article.objects.count() == Article.objects.filter(is_synthetic=True, title__startswith=PREFIX).count() > 0


def test_every_link_is_on_the_invalid_domain_and_every_source_is_synthetic_data(synthetic):
    sources = Source.objects.all()
    assert sources.count() == sources.filter(publisher=PUBLISHER, url__startswith=BASE_URL).count() > 0
    assert not Policy.objects.exclude(source_url__startswith=BASE_URL).exists()
    assert not Policy.objects.exclude(source_publisher=PUBLISHER).exists()
    assert not Case.objects.exclude(docket_url__startswith=BASE_URL).exists()
    assert not Case.objects.exclude(docket_number__startswith="SYNTHETIC-").exists()
    assert not Article.objects.exclude(normalized_url__startswith=BASE_URL).exists()
    assert not Article.objects.exclude(publisher=PUBLISHER).exists()


def test_summaries_say_the_record_did_not_happen(synthetic):
    assert not Event.objects.exclude(summary__contains="this did not happen").exists()
    assert not Event.objects.exclude(slug__startswith="synthetic-").exists()


def test_no_federal_party_or_figure_poses_as_sourced(synthetic):
    # Money and arrest counts are labelled as synthetic where they are shown.
    from events.models import EnforcementOperation, FederalAction

    assert not FederalAction.objects.filter(amount_at_stake__isnull=False).exclude(amount_note__icontains="synthetic").exists()
    assert not EnforcementOperation.objects.filter(reported_arrests__isnull=False).exclude(
        arrests_note__icontains="synthetic").exists()
    assert CaseParty.objects.filter(jurisdiction__isnull=True).exists()
