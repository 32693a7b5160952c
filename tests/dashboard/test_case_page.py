"""/cases/<slug>/: caption, court, docket, parties by role, the action that led to it, rulings in order."""
import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Case, CaseParty, CourtRuling, FederalAction
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db


def ruling(case, title, day, outcome="for_jurisdiction", status="published"):
    event = make_event(status=status, sources=1 if status != "draft" else 0, kind="court_ruling", title=title,
                       date=day, case=case)
    CourtRuling.objects.create(event=event, court="N.D. Cal.", ruling_type="preliminary_injunction", outcome=outcome)
    return event


@pytest.fixture
def case():
    origin = make_event(status="published", sources=1, title="Order cuts funds", date=datetime.date(2025, 1, 20))
    FederalAction.objects.create(event=origin, agency="White House", action_type="executive_order",
                                 amount_at_stake=Decimal(2_000_000), amount_note="federal grants")
    case = Case.objects.create(caption="San Francisco v. Trump", slug="sf-v-trump", court="N.D. Cal.",
                               docket_number="3:25-cv-01350", docket_url="https://courtlistener.example/docket/1",
                               status="on_appeal", originating_event=origin, filed=datetime.date(2025, 2, 7))
    city = make_jurisdiction(name="San Francisco", state="ZZ", slug="sf")
    CaseParty.objects.create(case=case, role="defendant", federal_party="Donald J. Trump")
    CaseParty.objects.create(case=case, role="plaintiff", jurisdiction=city)
    return case


def html_of(client, case) -> str:
    response = client.get(case.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_caption_court_docket_and_status(client, case):
    html = html_of(client, case)
    assert "San Francisco v. Trump" in html and "N.D. Cal." in html
    assert '<a href="https://courtlistener.example/docket/1" rel="noopener noreferrer nofollow">3:25-cv-01350</a>' in html
    assert "On appeal" in html and "February 7, 2025" in html


def test_parties_are_grouped_by_role_plaintiffs_first(client, case):
    html = html_of(client, case)
    assert html.index("Plaintiff") < html.index("San Francisco, ZZ") < html.index("Defendant") \
        < html.index("Donald J. Trump")


def test_the_federal_action_that_led_to_it(client, case):
    html = html_of(client, case)
    section = html[html.index("What led to the suit"):html.index("<h2>Rulings")]
    assert "Order cuts funds" in section and "White House" in section and "$2,000,000" in section


def test_a_draft_origin_is_not_shown(client, case):
    case.originating_event.status = "draft"
    case.originating_event.save()
    html = html_of(client, case)
    assert "Order cuts funds" not in html and "No published federal action" in html


def test_public_rulings_in_date_order_with_outcomes(client, case):
    ruling(case, "Appeal decided", datetime.date(2025, 9, 1), outcome="for_federal")
    ruling(case, "Injunction granted", datetime.date(2025, 4, 24))
    ruling(case, "Draft ruling", datetime.date(2025, 5, 1), status="draft")
    ruling(case, "Retracted ruling", datetime.date(2025, 5, 2), status="retracted")
    html = html_of(client, case)
    rulings = html[html.index("<h2>Rulings"):]
    assert rulings.index("Injunction granted") < rulings.index("Appeal decided")
    assert "for the jurisdiction" in rulings and "for the federal government" in rulings
    assert "Draft ruling" not in html and "Retracted ruling" not in html
    # The latest ruling's outcome heads the page.
    top = html[:html.index("<h2>Parties")]
    assert "For the federal government (September 1, 2025)" in top


def test_caption_is_escaped(client):
    case = Case.objects.create(caption="<script>alert(1)</script> v. US", slug="xss", court="<b>Court</b>")
    html = html_of(client, case)
    assert "<script>alert" not in html and "<b>Court" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; v. US" in html


def test_query_count_does_not_grow_with_the_rulings(client, case):
    def add(n):
        for i in range(n):
            ruling(case, f"Ruling {i}", datetime.date(2025, 3, 1) + datetime.timedelta(days=i))

    def count():
        with CaptureQueriesContext(connection) as queries:
            html_of(client, case)
        return len(queries)

    add(10)
    few = count()
    add(190)
    assert count() == few
