"""/embed/jurisdictions/<state>/<slug>/ and /embed/cases/<slug>/: what a jurisdiction's and a case's
pages show, framable by any site, published events only, constant queries."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Case, CaseParty, CourtRuling
from jurisdictions.models import Listing, ListSnapshot, OfficialList, Policy
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db


@pytest.fixture
def town():
    return make_jurisdiction(name="Harbor <City>", state="ZZ", slug="harbor-city")


@pytest.fixture
def case(town):
    case = Case.objects.create(caption="Harbor v. <b>United States</b>", slug="harbor-v-us", court="D. Zed.",
                               docket_number="1:25-cv-7", status="open", filed=datetime.date(2025, 2, 7))
    CaseParty.objects.create(case=case, role="plaintiff", jurisdiction=town)
    return case


def ruling(case, title, day, status="published", outcome="for_jurisdiction", town=None):
    event = make_event(status=status, sources=1, kind="court_ruling", title=title, date=day, case=case,
                       jurisdictions=[town] if town else [])
    CourtRuling.objects.create(event=event, court="D. Zed.", ruling_type="preliminary_injunction", outcome=outcome)
    return event


JURISDICTION = "/embed/jurisdictions/zz/harbor-city/"
CASE = "/embed/cases/harbor-v-us/"


def get(client, url, status=200) -> str:
    response = client.get(url)
    assert response.status_code == status
    return response.content.decode()


@pytest.mark.parametrize("url", [JURISDICTION, CASE])
def test_framable_by_any_site_and_sized_by_the_height_script(client, case, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "X-Frame-Options" not in response.headers
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]  # the page's own rules stay strict
    page = response.content.decode()
    assert '<script src="/static/js/embed-height.js" defer></script>' in page
    assert '<base target="_top">' in page and 'class="site-header"' not in page
    assert "<script>" not in page  # no inline script (the CSP would refuse it)


def test_the_jurisdiction_embed_shows_policies_lists_and_latest_events(client, town):
    Policy.objects.create(jurisdiction=town, title="Trust <Act>", category="detainer_limits", stance="limits",
                          adopted=datetime.date(2017, 1, 1))
    official = OfficialList.objects.create(name="DOJ <list>", slug="doj-list", publisher="DOJ")
    snapshot = ListSnapshot.objects.create(official_list=official, published=datetime.date(2025, 5, 29),
                                           source_url="https://l.example/")
    Listing.objects.create(snapshot=snapshot, jurisdiction=town)
    make_event(status="published", sources=1, title="Grant <cut>", jurisdictions=[town], date=datetime.date(2025, 3, 1))
    make_event(status="draft", title="Draft event", jurisdictions=[town], date=datetime.date(2025, 4, 1))
    make_event(status="retracted", sources=1, title="Retracted event", jurisdictions=[town])
    page = get(client, JURISDICTION)
    assert 'data-embed-id="jurisdiction/zz/harbor-city"' in page
    assert '<a href="http://testserver/jurisdictions/zz/harbor-city/" target="_top">Harbor &lt;City&gt;, ZZ</a>' in page
    assert 'id="embed-policy-timeline-data"' in page  # the chart, as on the page
    assert "Trust &lt;Act&gt;" in page and "DOJ &lt;list&gt;" in page and "<strong>on the list</strong>" in page
    assert "Grant &lt;cut&gt;" in page and "<cut>" not in page and "<Act>" not in page
    assert "Draft event" not in page and "Retracted event" not in page


def test_the_jurisdiction_embed_links_to_all_events_when_it_shows_only_the_latest(client, town):
    for i in range(12):
        make_event(status="published", sources=1, title=f"Event {i:02}", jurisdictions=[town],
                   date=datetime.date(2025, 1, 1) + datetime.timedelta(days=i))
    page = get(client, JURISDICTION)
    latest = page[page.index("Latest events"):]  # the chart above marks every dated event
    assert "Event 11" in latest and "Event 02" in latest and "Event 01" not in latest  # newest ten
    assert 'href="http://testserver/jurisdictions/zz/harbor-city/#events" target="_top">All 12 published events' in page


def test_the_jurisdiction_embed_with_nothing_recorded(client, town):
    page = get(client, JURISDICTION)
    assert "No policies recorded." in page and "No published events involve Harbor &lt;City&gt;" in page
    assert "chart__plot" not in page and "plotly" not in page


def test_jurisdiction_embed_addresses(client, town):
    response = client.get("/embed/jurisdictions/ZZ/harbor-city/")
    assert response.status_code == 301 and response["Location"] == JURISDICTION
    assert client.get("/embed/jurisdictions/zz/nowhere/").status_code == 404
    assert client.get("/embed/cases/nothing/").status_code == 404


def test_the_case_embed_shows_published_rulings_in_order(client, case):
    ruling(case, "Appeal <decided>", datetime.date(2025, 9, 1), outcome="for_federal")
    ruling(case, "Injunction granted", datetime.date(2025, 4, 24))
    ruling(case, "Draft ruling", datetime.date(2025, 5, 1), status="draft")
    ruling(case, "Retracted ruling", datetime.date(2025, 5, 2), status="retracted")
    make_event(status="published", sources=1, title="Not a ruling", case=case)
    page = get(client, CASE)
    assert 'data-embed-id="case/harbor-v-us"' in page
    assert "Harbor v. &lt;b&gt;United States&lt;/b&gt;" in page and "<b>United" not in page
    assert "D. Zed., No. 1:25-cv-7, filed" in page
    assert page.index("Injunction granted") < page.index("Appeal &lt;decided&gt;")
    assert "for the jurisdiction" in page and "for the federal government" in page
    assert "Draft ruling" not in page and "Retracted ruling" not in page and "Not a ruling" not in page


def test_a_draft_origin_is_not_shown_in_the_case_embed(client, case):
    case.originating_event = make_event(status="draft", title="Secret draft order")
    case.save()
    assert "Secret draft order" not in get(client, CASE)
    case.originating_event.status = "published"
    case.originating_event.published_at = case.originating_event.created
    case.originating_event.save()
    assert "What led to the suit: " in get(client, CASE)


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_constant_queries_whatever_the_number_of_events_rulings_and_policies(client, town, case):
    official = OfficialList.objects.create(name="A list", slug="a-list", publisher="DOJ")

    def add(n, start):
        for i in range(start, start + n):
            day = datetime.date(2020, 1, 1) + datetime.timedelta(days=i)
            ruling(case, f"Ruling {i}", day, town=town)
            make_event(status="published", sources=2, jurisdictions=[town], date=day)
            Policy.objects.create(jurisdiction=town, title=f"Policy {i}", category="detainer_limits",
                                  stance="limits", adopted=day)
            snapshot = ListSnapshot.objects.create(official_list=official, published=day, source_url="https://l.example/")
            Listing.objects.create(snapshot=snapshot, jurisdiction=town)

    add(10, 0)
    few = (_count(client, JURISDICTION), _count(client, CASE))
    add(190, 10)
    many = (_count(client, JURISDICTION), _count(client, CASE))
    assert many == few
    assert few == (6, 2)
