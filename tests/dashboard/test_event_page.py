"""The event page: date and precision, kind details, jurisdictions, sources, case chain, related events,
corrections; only published events anywhere but the page itself; constant queries."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Case, Correction, CourtRuling, EventJurisdiction, FederalAction, Source
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db


def page(client, event) -> str:
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_date_is_written_at_its_precision(client):
    month = make_event(status="published", sources=1, date=datetime.date(2025, 3, 14), date_precision="month")
    undated = make_event(status="published", sources=1, date=None, date_precision="unknown")
    html = page(client, month)
    assert "March 2025" in html and "March 14" not in html
    assert "The sources give the month only." in html
    assert "Date not stated in sources" in page(client, undated)


def test_kind_details_are_shown(client):
    event = make_event(status="published", sources=1, kind="federal_action")
    FederalAction.objects.create(event=event, agency="DOJ", action_type="subpoena",
                                 amount_at_stake=1_250_000, amount_note="Byrne JAG grants")
    html = page(client, event)
    assert "Federal action" in html and "Department of Justice" in html
    assert "Subpoena or demand for documents" in html
    assert "$1,250,000" in html and "Byrne JAG grants" in html


def test_subjects_come_before_places_only_mentioned(client):
    subject = make_jurisdiction(name="Subjectville")
    mentioned = make_jurisdiction(name="Aardvark Mentioned")
    event = make_event(status="published", sources=1)
    EventJurisdiction.objects.create(event=event, jurisdiction=subject, role="subject")
    EventJurisdiction.objects.create(event=event, jurisdiction=mentioned, role="mentioned")
    html = page(client, event)
    assert html.index("Subjectville") < html.index("Mentioned</dt>") < html.index("Aardvark Mentioned")


def test_every_source_shows_publisher_title_date_and_link(client):
    event = make_event(status="published")
    Source.objects.create(event=event, publisher="Daily Planet", title="City sues over grants",
                          url="https://planet.example/sues", published=datetime.date(2025, 2, 3))
    Source.objects.create(event=event, author="Lois Lane", title="[Court filing]")
    html = page(client, event)
    assert "Daily Planet" in html and 'href="https://planet.example/sues"' in html
    assert "City sues over grants" in html and "February 3, 2025" in html
    assert "Lois Lane" in html and "[Court filing]" in html


def _case_with_chain():
    origin = make_event(status="published", sources=1, title="DOJ cuts grants", date=datetime.date(2025, 1, 10))
    case = Case.objects.create(caption="Gotham v. Bondi", slug="gotham-v-bondi", court="D.N.J.",
                               originating_event=origin, docket_number="2:25-cv-1")
    first = make_event(status="published", sources=1, kind="court_ruling", title="TRO granted",
                       date=datetime.date(2025, 2, 1), case=case)
    CourtRuling.objects.create(event=first, court="D.N.J.", ruling_type="tro", outcome="for_jurisdiction")
    second = make_event(status="published", sources=1, kind="court_ruling", title="Injunction granted",
                        date=datetime.date(2025, 4, 1), case=case)
    make_event(kind="court_ruling", title="Draft ruling", date=datetime.date(2025, 3, 1), case=case)
    make_event(status="retracted", sources=1, kind="court_ruling", title="Retracted ruling",
               date=datetime.date(2025, 3, 2), case=case)
    return origin, case, first, second


def test_case_chain_runs_from_action_to_suit_to_rulings_in_order(client):
    origin, case, first, second = _case_with_chain()
    html = page(client, first)
    chain = html[html.index('class="chain"'):]
    assert chain.index("DOJ cuts grants") < chain.index("Gotham v. Bondi") < chain.index("TRO granted") \
        < chain.index("Injunction granted")
    assert "(this event)" in chain[chain.index("TRO granted") - 200:chain.index("Injunction granted")]
    assert chain.count("(this event)") == 1
    assert "for the jurisdiction" in chain


def test_the_originating_action_shows_the_case_it_led_to(client):
    origin, case, first, second = _case_with_chain()
    html = page(client, origin)
    assert case.get_absolute_url() in html and "TRO granted" in html
    assert "(this event)" in html


def test_drafts_and_retractions_stay_out_of_the_case_chain(client):
    origin, case, first, second = _case_with_chain()
    html = page(client, second)
    assert "Draft ruling" not in html and "Retracted ruling" not in html


def test_a_retracted_event_still_shows_its_own_chain_with_its_notice(client):
    origin, case, first, second = _case_with_chain()
    retracted = case.events.get(title="Retracted ruling")
    html = page(client, retracted)
    assert "Retracted on" in html and "(this event)" in html


def test_related_events_share_a_subject_or_the_case_and_are_published_only(client):
    place = make_jurisdiction(name="Gotham")
    other = make_jurisdiction(name="Metropolis")
    event = make_event(status="published", sources=1, jurisdictions=[place])
    make_event(status="published", sources=1, jurisdictions=[place], title="Same place, published")
    make_event(jurisdictions=[place], title="Same place, draft")
    make_event(status="retracted", sources=1, jurisdictions=[place], title="Same place, retracted")
    make_event(status="published", sources=1, jurisdictions=[other], title="Elsewhere")
    mentioned_only = make_event(status="published", sources=1, title="Only mentions Gotham")
    EventJurisdiction.objects.create(event=mentioned_only, jurisdiction=place, role="mentioned")
    html = page(client, event)
    related = html[html.index("Related events"):]
    assert "Same place, published" in related
    for absent in ("Same place, draft", "Same place, retracted", "Elsewhere", "Only mentions Gotham"):
        assert absent not in html


def test_related_events_are_a_small_fixed_number(client):
    place = make_jurisdiction()
    event = make_event(status="published", sources=1, jurisdictions=[place])
    for _ in range(12):
        make_event(status="published", sources=1, jurisdictions=[place])
    html = page(client, event)
    related = html[html.index('class="related"'):html.index("</ul>", html.index('class="related"'))]
    assert related.count("<li>") == 5


def test_corrections_log_is_public_with_dates(client):
    event = make_event(status="published", sources=1)
    Correction.objects.create(event=event, note="The date was January 21, not 22.",
                              created=timezone.make_aware(datetime.datetime(2025, 1, 30, 12)))
    html = page(client, event)
    assert "January 30, 2025" in html and "The date was January 21, not 22." in html


def test_user_text_is_escaped(client):
    place = make_jurisdiction(name="<b>Evil</b> town")
    event = make_event(status="published", title="<script>alert(1)</script>", jurisdictions=[place],
                       summary="<img src=x onerror=alert(2)>")
    Source.objects.create(event=event, publisher="<i>Pub</i>", title="<script>alert(3)</script>")
    neighbour = make_event(status="published", sources=1, jurisdictions=[place])
    for html in (page(client, event), page(client, neighbour)):
        assert "<script>alert" not in html and "<b>Evil" not in html and "<img src=x" not in html
    html = page(client, event)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;i&gt;Pub&lt;/i&gt;" in html


def test_query_count_does_not_grow_with_the_data(client):
    place = make_jurisdiction()
    case = Case.objects.create(caption="Busy case", slug="busy-case", court="D.D.C.")

    def add(n):
        for _ in range(n):
            e = make_event(status="published", sources=2, jurisdictions=[place], case=case, kind="court_ruling")
            CourtRuling.objects.create(event=e, court="D.D.C.", ruling_type="other", outcome="mixed")

    add(10)
    event = case.events.first()
    Correction.objects.create(event=event, note="Fixed.")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(event.get_absolute_url()).status_code == 200
        return len(queries)

    few = count()
    add(190)
    assert count() == few


def test_readers_are_told_when_sources_differ_on_the_date(client):
    from feeds.models import Article

    event = make_event(status="published")
    for n, day in ((1, datetime.date(2025, 1, 21)), (2, datetime.date(2025, 1, 23))):
        article = Article.objects.create(url=f"https://news.example/{n}", normalized_url=f"https://news.example/{n}",
                                         title=f"Story {n}", event_date=day)
        Source.objects.create(event=event, publisher=f"Outlet {n}", title=f"Story {n}", article=article)
    html = page(client, event)
    assert "Sources differ" in html and "January 21, 2025 (Outlet 1)" in html and "January 23, 2025 (Outlet 2)" in html


def test_no_differ_note_when_sources_agree(client):
    assert "Sources differ" not in page(client, make_event(status="published", sources=2))
