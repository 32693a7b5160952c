import pytest
from django.db import IntegrityError, transaction

from events.models import Case, CaseParty, Correction, Source
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db


def make_case(**fields):
    defaults = {"caption": "City v. Attorney General", "slug": "city-v-ag", "court": "N.D. Ill."}
    defaults.update(fields)
    return Case.objects.create(**defaults)


def test_a_party_is_a_jurisdiction_or_a_federal_party_not_both_nor_neither():
    case = make_case()
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseParty.objects.create(case=case, role="plaintiff")
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseParty.objects.create(case=case, role="plaintiff", jurisdiction=make_jurisdiction(), federal_party="DOJ")
    CaseParty.objects.create(case=case, role="defendant", federal_party="U.S. Department of Justice")


def test_a_docket_number_is_unique_within_a_court_but_blank_ones_are_not():
    make_case(slug="a", docket_number="1:17-cv-05720")
    make_case(slug="b")
    make_case(slug="c")
    with pytest.raises(IntegrityError):
        make_case(slug="d", docket_number="1:17-cv-05720")


def test_a_source_names_its_publisher_or_author():
    event = make_event()
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.create(event=event, title="Untitled")
    Source.objects.create(event=event, author="A. Reporter", title="Byline only")


def test_the_same_url_is_cited_once_per_event():
    event = make_event()
    Source.objects.create(event=event, publisher="P", title="T", url="https://example.org/a")
    with pytest.raises(IntegrityError):
        Source.objects.create(event=event, publisher="P", title="T again", url="https://example.org/a")


def test_a_correction_says_something():
    with pytest.raises(IntegrityError):
        Correction.objects.create(event=make_event(), note="")
