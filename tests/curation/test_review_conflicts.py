"""Conflict flags: sources that give different dates flag the event, in the queue and for the public page."""
import datetime

import pytest
from django.urls import reverse

from events.conflicts import conflicts_by_event, source_conflicts
from events.models import Source
from tests.curation.review_helpers import VIEW, make_article, make_staff
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def cite(event, publisher, day):
    article = make_article(publisher=publisher, event_date=day)
    Source.objects.create(event=event, article=article, publisher=publisher, title=article.title, url=article.url)
    return article


def test_sources_with_different_dates_are_flagged():
    event = make_event()
    cite(event, "Wire", datetime.date(2025, 3, 6))
    cite(event, "Daily", datetime.date(2025, 3, 7))
    cite(event, "Tribune", datetime.date(2025, 3, 6))
    assert source_conflicts(event) == [
        "Sources differ on the date: March 6, 2025 (Wire, Tribune); March 7, 2025 (Daily)."
    ]


def test_agreeing_or_undated_sources_are_not_flagged():
    event = make_event()
    cite(event, "Wire", datetime.date(2025, 3, 6))
    cite(event, "Daily", datetime.date(2025, 3, 6))
    cite(event, "Tribune", None)
    Source.objects.create(event=event, publisher="Court", title="[Order]")
    assert source_conflicts(event) == []


def test_many_events_in_one_query(django_assert_num_queries):
    flagged, calm = make_event(), make_event()
    cite(flagged, "Wire", datetime.date(2025, 3, 6))
    cite(flagged, "Daily", datetime.date(2025, 3, 9))
    cite(calm, "Wire", datetime.date(2025, 3, 6))
    with django_assert_num_queries(1):
        flags = conflicts_by_event([flagged.pk, calm.pk])
    assert list(flags) == [flagged.pk]


def test_the_queue_flags_articles_of_a_conflicted_event(client):
    event = make_event(title="Suit filed")
    first = cite(event, "Wire", datetime.date(2025, 3, 6))
    cite(event, "Daily", datetime.date(2025, 3, 9))
    quiet = make_article()
    client.force_login(make_staff(*VIEW))
    response = client.get(reverse("review:queue"))
    rows = {a.pk: a for a in response.context["articles"]}
    assert rows[first.pk].conflicts and not rows[quiet.pk].conflicts
    html = response.content.decode()
    assert "Sources differ" in html and "March 9, 2025 (Daily)" in html
    detail = client.get(reverse("review:article", args=[first.pk])).content.decode()
    assert "Sources differ on the date" in detail


def test_sources_with_different_recorded_counts_are_flagged_with_the_dates():
    event = make_event()
    cite(event, "Wire", datetime.date(2025, 3, 6))
    cite(event, "Daily", datetime.date(2025, 3, 7))
    Source.objects.create(event=event, publisher="ICE", title="[Press release]", reported_count=12)
    Source.objects.create(event=event, publisher="Tribune", title="Raids", reported_count=1200)
    Source.objects.create(event=event, publisher="Herald", title="Raids too", reported_count=12)
    assert source_conflicts(event) == [
        "Sources differ on the date: March 6, 2025 (Wire); March 7, 2025 (Daily).",
        "Sources differ on the count: 12 (ICE, Herald); 1,200 (Tribune).",
    ]


def test_one_count_is_no_conflict():
    event = make_event()
    Source.objects.create(event=event, publisher="ICE", title="[Press release]", reported_count=12)
    Source.objects.create(event=event, publisher="Tribune", title="Raids")
    assert source_conflicts(event) == []


def test_the_public_page_says_the_sources_differ_on_the_count(client):
    event = make_event(status="published", kind="enforcement_operation")
    Source.objects.create(event=event, publisher="ICE", title="[Press release]", reported_count=12)
    Source.objects.create(event=event, publisher="Tribune", title="Raids", reported_count=20)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Sources differ on the count: 12 (ICE); 20 (Tribune)." in html
