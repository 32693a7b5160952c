"""The jurisdiction page: what it is, policies over time (chart + table), official lists, events
(paginated, optionally with the places inside), cases, money at stake, follow and filter links."""
import datetime
import json
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.choices import EventKind
from events.models import Case, CaseParty, EventJurisdiction, FederalAction
from jurisdictions.models import Jurisdiction, Listing, ListSnapshot, OfficialList, Policy
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db

CHICAGO = "/jurisdictions/il/chicago/"


@pytest.fixture
def chicago(gazetteer):
    return Jurisdiction.objects.get(uid="geonames:4887398")


def get(client, url, status=200) -> str:
    response = client.get(url)
    assert response.status_code == status
    return response.content.decode()


def figure(html: str) -> dict:
    match = re.search(r'<script id="policy-timeline-data" type="application/json">(.*?)</script>', html, re.S)
    assert match, "the policy chart is on the page"
    return json.loads(match.group(1))


def test_says_what_it_is_with_parents_and_population(client, chicago):
    html = get(client, CHICAGO)
    assert "City or other place" in html
    assert 'href="/jurisdictions/il/cook-county/"' in html and 'href="/jurisdictions/il/illinois/"' in html
    assert f"{chicago.population:,}" in html and "GeoNames" in html
    assert "geonames:4887398" in html


def test_links_to_follow_and_to_the_filtered_events_list(client, chicago):
    html = get(client, CHICAGO)
    feed = reverse("jurisdiction_feed", kwargs={"state": "il", "slug": "chicago"})
    assert f'href="{feed}"' in html and "Follow (Atom)" in html
    assert 'href="/events/?jurisdiction=geonames%3A4887398"' in html


def test_policies_are_charted_where_dated_and_listed_where_not(client, chicago):
    Policy.objects.create(jurisdiction=chicago, title="Welcoming City Ordinance", category="detainer_limits",
                          stance="limits", adopted=datetime.date(2012, 9, 12), source_publisher="City Clerk")
    Policy.objects.create(jurisdiction=chicago, title="Undated rule", category="other", stance="limits")
    html = get(client, CHICAGO)
    bars = [t for t in figure(html)["data"] if t["type"] == "bar"]
    assert [t["y"] for t in bars] == [["Welcoming City Ordinance"]]
    assert bars[0]["base"] == ["2012-09-12"]
    assert "Undated rule" in html and "dates not stated in sources" in html
    assert 'id="policies-table"' in html and "2012-09-12" in html


def test_chart_markers_are_the_published_dated_events_only(client, chicago):
    make_event(status="published", sources=1, jurisdictions=[chicago], title="Dated one", date=datetime.date(2025, 5, 1))
    make_event(status="published", sources=1, jurisdictions=[chicago], title="Undated one", date=None,
               date_precision="unknown")
    make_event(jurisdictions=[chicago], title="Draft one", date=datetime.date(2025, 6, 1))
    html = get(client, CHICAGO)
    markers = [t for t in figure(html)["data"] if t["type"] == "scatter"]
    assert len(markers) == 1 and markers[0]["x"] == ["2025-05-01"]
    assert "Dated one" in markers[0]["text"][0]
    assert "Undated one" in html  # listed, just not on the chart
    assert "Draft one" not in html


def test_no_chart_without_dated_policies_or_events(client):
    place = make_jurisdiction(name="Quietville", state="ZZ", slug="quietville")
    html = get(client, place.get_absolute_url())
    assert "policy-timeline-data" not in html and "plotly.min.js" not in html


def test_listings_on_official_lists_over_time(client, chicago):
    doj = OfficialList.objects.create(name="DOJ sanctuary list", slug="doj-list", publisher="U.S. DOJ")
    first = ListSnapshot.objects.create(official_list=doj, published=datetime.date(2025, 5, 29),
                                        source_url="https://doj.example/v1", source_title="First version")
    ListSnapshot.objects.create(official_list=doj, published=datetime.date(2025, 8, 5),
                                source_url="https://doj.example/v2", source_title="Second version")
    Listing.objects.create(snapshot=first, jurisdiction=chicago)
    never = OfficialList.objects.create(name="A list without Chicago", slug="other", publisher="Someone")
    ListSnapshot.objects.create(official_list=never, published=datetime.date(2025, 1, 1), source_url="https://x.example/")
    html = get(client, CHICAGO)
    section = html[html.index("On official lists"):html.index('id="events"')]
    assert "DOJ sanctuary list" in section and "A list without Chicago" not in section
    assert section.index("May 29, 2025") < section.index("On the list") < section.index("August 5, 2025") \
        < section.index("Not on the list")
    assert 'href="https://doj.example/v1"' in section and 'href="https://doj.example/v2"' in section


def test_events_are_paginated_and_published_only(client):
    place = make_jurisdiction(name="Busyville", state="ZZ", slug="busyville")
    # Of several kinds: the count is the jurisdiction's total over the kinds.
    kinds = [kind.value for kind in EventKind]
    for day in range(1, 31):
        make_event(status="published", sources=1, jurisdictions=[place], title=f"Busy event {day:02d}",
                   date=datetime.date(2025, 1, day), kind=kinds[day % len(kinds)])
    make_event(jurisdictions=[place], title="Hidden draft")
    make_event(status="retracted", sources=1, jurisdictions=[place], title="Withdrawn report")
    first_html = get(client, place.get_absolute_url())
    second_html = get(client, place.get_absolute_url() + "?page=2")
    # The chart (above) carries every dated event; the list is what is paginated.
    first, second = (html[html.index('id="events"'):] for html in (first_html, second_html))
    assert "30 published events" in first and "Page 1 of 2" in first
    assert "Busy event 30" in first and "Busy event 05" not in first
    assert "Busy event 05" in second and "Busy event 30" not in second
    for html in (first_html, second_html):
        assert "Hidden draft" not in html and "Withdrawn report" not in html


def test_within_toggle_adds_the_places_inside_a_state(client, chicago):
    make_event(status="published", sources=1, jurisdictions=[chicago], title="Chicago thing")
    state_only = get(client, "/jurisdictions/il/illinois/")
    assert "Chicago thing" not in state_only and 'href="?within=1#events"' in state_only
    with_places = get(client, "/jurisdictions/il/illinois/?within=1")
    assert "Chicago thing" in with_places


def test_places_have_no_within_toggle(client, chicago):
    assert "?within=1" not in get(client, CHICAGO)


def test_cases_it_is_party_to_with_its_role(client, chicago):
    case = Case.objects.create(caption="City of Chicago v. Sessions", slug="chicago-v-sessions", court="N.D. Ill.")
    CaseParty.objects.create(case=case, role="plaintiff", jurisdiction=chicago)
    html = get(client, CHICAGO)
    assert 'href="/cases/chicago-v-sessions/"' in html and "— plaintiff" in html


def _action(place, amount, *, status="published", role="subject", title=None):
    event = make_event(status=status, sources=1, title=title or f"Action {amount}")
    EventJurisdiction.objects.create(event=event, jurisdiction=place, role=role)
    FederalAction.objects.create(event=event, agency="DOJ", action_type="grant_condition", amount_at_stake=amount)
    return event


def test_money_at_stake_sums_published_stated_amounts(client):
    place = make_jurisdiction(name="Moneyville", state="ZZ", slug="moneyville")
    _action(place, Decimal(1_000_000), title="Grant cut A")
    _action(place, Decimal(250_000), title="Grant cut B")
    _action(place, None, title="No amount stated")
    _action(place, Decimal(9_000_000), status="draft", title="Draft cut")
    _action(place, Decimal(7_000_000), status="retracted", title="Retracted cut")
    _action(place, Decimal(5_000_000), role="mentioned", title="Mentioned only")
    html = get(client, place.get_absolute_url())
    money = html[html.index('id="money-heading"'):]
    assert "$1,250,000" in money and "2 published federal actions" in money
    assert "Grant cut A" in money and "Grant cut B" in money
    for absent in ("No amount stated", "Draft cut", "Retracted cut", "Mentioned only", "9,000,000", "7,000,000"):
        assert absent not in money
    assert "Draft cut" not in html and "Retracted cut" not in html


def test_user_text_is_escaped(client):
    place = make_jurisdiction(name="<script>alert(0)</script>ville", state="ZZ", slug="scriptville")
    Policy.objects.create(jurisdiction=place, title="<script>alert(1)</script>", category="other", stance="limits",
                          adopted=datetime.date(2020, 1, 1))
    make_event(status="published", sources=1, jurisdictions=[place], title="<script>alert(2)</script>")
    html = get(client, place.get_absolute_url())
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_an_upper_case_state_redirects(client, chicago):
    response = client.get("/jurisdictions/IL/chicago/")
    assert response.status_code == 301 and response["Location"] == CHICAGO


def test_query_count_does_not_grow_with_the_data(client, chicago):
    Policy.objects.create(jurisdiction=chicago, title="Ordinance", category="other", stance="limits",
                          adopted=datetime.date(2012, 1, 1))
    doj = OfficialList.objects.create(name="DOJ list", slug="doj", publisher="DOJ")
    snap = ListSnapshot.objects.create(official_list=doj, published=datetime.date(2025, 5, 29), source_url="https://d.example/")
    Listing.objects.create(snapshot=snap, jurisdiction=chicago)
    case = Case.objects.create(caption="Chicago v. X", slug="chicago-v-x", court="N.D. Ill.")
    CaseParty.objects.create(case=case, role="plaintiff", jurisdiction=chicago)

    def add(n):
        for i in range(n):
            _action(chicago, Decimal(1000 + i))

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    add(10)
    few = (count(CHICAGO), count("/jurisdictions/il/illinois/?within=1"))
    add(190)
    assert (count(CHICAGO), count("/jurisdictions/il/illinois/?within=1")) == few
