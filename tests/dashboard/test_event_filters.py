"""The events list and its FilterSet: one test per filter, bad values, sorting, paging, query count."""
from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Case, CourtRuling, EnforcementOperation, FederalAction
from jurisdictions.models import Jurisdiction
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def place(uid: str) -> Jurisdiction:
    return Jurisdiction.objects.get(uid=uid)


CHICAGO, COOK_IL, ILLINOIS = "geonames:4887398", "fips:17031", "fips:17"
SAN_FRANCISCO, CALIFORNIA = "fips:06075", "fips:06"


def titles(client, query: str) -> list[str]:
    response = client.get(f"/events/?{query}")
    assert response.status_code == 200, response.content.decode()[:2000]
    html = response.content.decode()
    return re.findall(r'<h3 class="event__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def events(gazetteer):
    """A small, varied set: each filter below keeps a known subset."""
    chicago = make_event(
        title="DOJ sues Chicago over sanctuary ordinance", kind="federal_action", status="published", sources=1,
        jurisdictions=[place(CHICAGO)], date=datetime.date(2025, 2, 6),
    )
    FederalAction.objects.create(event=chicago, agency="DOJ", action_type="lawsuit")
    case = Case.objects.create(caption="United States v. Illinois", slug="us-v-illinois", court="N.D. Ill.")
    ruling = make_event(
        title="Judge dismisses suit against Illinois", kind="court_ruling", status="published", sources=1,
        jurisdictions=[place(ILLINOIS)], date=datetime.date(2025, 7, 25), case=case,
    )
    CourtRuling.objects.create(event=ruling, court="N.D. Ill.", ruling_type="dismissal", outcome="for_jurisdiction")
    raid = make_event(
        title="ICE operation in San Francisco", kind="enforcement_operation", status="published", sources=1,
        jurisdictions=[place(SAN_FRANCISCO)], date=datetime.date(2024, 3, 1),
    )
    EnforcementOperation.objects.create(event=raid, agency="ICE")
    cook = make_event(
        title="Cook County reaffirms its detainer rule", kind="policy_change", status="published", sources=1,
        jurisdictions=[place(COOK_IL)], date=datetime.date(2025, 9, 1),
    )
    make_event(title="Unpublished draft about Chicago", jurisdictions=[place(CHICAGO)])
    make_event(title="Retracted report on Chicago", status="retracted", sources=1, jurisdictions=[place(CHICAGO)])
    return {"chicago": chicago, "ruling": ruling, "raid": raid, "cook": cook, "case": case}


ALL = {
    "DOJ sues Chicago over sanctuary ordinance", "Judge dismisses suit against Illinois",
    "ICE operation in San Francisco", "Cook County reaffirms its detainer rule",
}


def test_no_filter_lists_published_events_only(client, events):
    assert set(titles(client, "")) == ALL


def test_q_searches_title_summary_and_sources(client, events):
    assert titles(client, "q=detainer") == ["Cook County reaffirms its detainer rule"]


def test_q_matches_a_source_title(client, events):
    from events.models import Source

    Source.objects.create(event=events["raid"], publisher="Bay Courier", title="Agents fan out across Mission")
    assert titles(client, "q=Mission") == ["ICE operation in San Francisco"]


def test_kind_accepts_several(client, events):
    assert set(titles(client, "kind=court_ruling&kind=policy_change")) == {
        "Judge dismisses suit against Illinois", "Cook County reaffirms its detainer rule",
    }


def test_agency_covers_federal_actions_and_operations(client, events):
    assert titles(client, "agency=DOJ") == ["DOJ sues Chicago over sanctuary ordinance"]
    assert titles(client, "agency=ICE") == ["ICE operation in San Francisco"]


def test_jurisdiction_by_id(client, events):
    assert titles(client, f"jurisdiction={CHICAGO}") == ["DOJ sues Chicago over sanctuary ordinance"]


def test_jurisdiction_by_name_and_state(client, events):
    assert titles(client, "jurisdiction=Chicago%2C+IL") == ["DOJ sues Chicago over sanctuary ordinance"]


def test_jurisdiction_within_includes_what_lies_inside(client, events):
    assert titles(client, f"jurisdiction={ILLINOIS}") == ["Judge dismisses suit against Illinois"]
    assert set(titles(client, f"jurisdiction={ILLINOIS}&within=on")) == {
        "DOJ sues Chicago over sanctuary ordinance", "Judge dismisses suit against Illinois",
        "Cook County reaffirms its detainer rule",
    }


def test_state(client, events):
    assert set(titles(client, "state=CA")) == {"ICE operation in San Francisco"}


def test_jurisdiction_kind_counts_consolidated_city_counties_as_counties(client, events):
    # San Francisco is one jurisdiction, both city and county.
    assert set(titles(client, "jurisdiction_kind=county")) == {
        "ICE operation in San Francisco", "Cook County reaffirms its detainer rule",
    }
    assert titles(client, "jurisdiction_kind=state") == ["Judge dismisses suit against Illinois"]


def test_date_range(client, events):
    assert set(titles(client, "date_from=2025-01-01&date_to=2025-07-31")) == {
        "DOJ sues Chicago over sanctuary ordinance", "Judge dismisses suit against Illinois",
    }


def test_court_outcome(client, events):
    assert titles(client, "outcome=for_jurisdiction") == ["Judge dismisses suit against Illinois"]


def test_case(client, events):
    assert titles(client, "case=us-v-illinois") == ["Judge dismisses suit against Illinois"]


def test_sort_orders(client, events):
    assert titles(client, "sort=date")[0] == "ICE operation in San Francisco"
    assert titles(client, "sort=-date")[0] == "Cook County reaffirms its detainer rule"
    assert titles(client, "sort=title")[0] == "Cook County reaffirms its detainer rule"


def test_search_ranks_title_matches_first(client, events):
    events["raid"].summary = "Officials said the sanctuary ordinance of the city was not at issue."
    events["raid"].save()
    ranked = titles(client, "q=sanctuary+ordinance")
    assert set(ranked) == {"DOJ sues Chicago over sanctuary ordinance", "ICE operation in San Francisco"}
    if connection.vendor == "postgresql":  # SQLite's plain fallback matches but does not rank
        assert ranked[0] == "DOJ sues Chicago over sanctuary ordinance"


@pytest.mark.parametrize(
    "query, message",
    [
        ("date_from=2025-13-45", "Enter a valid date"),
        ("kind=bogus", "bogus is not one of the available choices"),
        ("jurisdiction=Cook+County", "could be several jurisdictions"),
        ("jurisdiction=Nowhereville%2C+ZZ", "No jurisdiction is called"),
        ("jurisdiction=geonames:0", "No jurisdiction has the id"),
        ("case=no-such-case", "Case"),
        ("sort=%27%3B+DROP+TABLE", "not one of the available choices"),
        ("state=XX", "not one of the available choices"),
        ("q=" + "x" * 500, "at most 200 characters"),
    ],
)
def test_bad_values_give_a_message_on_the_form_not_a_500(client, events, query, message):
    response = client.get(f"/events/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and message in html
    assert "event__title" not in html  # no misleading, half-filtered list


def test_the_form_keeps_the_filters_so_the_url_is_a_permalink(client, events):
    html = client.get("/events/?q=detainer&state=IL&date_from=2025-01-01").content.decode()
    assert 'value="detainer"' in html
    assert '<option value="IL" selected>' in html
    assert 'value="2025-01-01"' in html


def test_escapes_what_the_reader_typed(client, events):
    html = client.get("/events/?q=%3Cscript%3Ealert(1)%3C/script%3E").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_pages_past_the_end_show_the_last_page(client, events):
    assert client.get("/events/?page=999").status_code == 200
    assert client.get("/events/?page=abc").status_code == 200


def _queries_for_list(client, n: int) -> int:
    from events.models import Event

    Event.objects.all().delete()
    chicago = place(CHICAGO)
    for i in range(n):
        make_event(title=f"Event {i}", status="published", sources=2, jurisdictions=[chicago])
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(f"/events/?jurisdiction={CHICAGO}&kind=federal_action").status_code == 200
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_the_data(client, gazetteer):
    assert _queries_for_list(client, 10) == _queries_for_list(client, 200)


def test_the_submitted_empty_form_is_a_valid_request_for_everything(client, events):
    # Pressing "Show events" with nothing filled in sends every field empty.
    query = "q=&agency=&jurisdiction=&state=&jurisdiction_kind=&date_from=&date_to=&outcome=&case=&sort=-date"
    assert set(titles(client, query)) == ALL


@pytest.mark.parametrize("sort", ["-date", "date"])
def test_undated_events_come_last_in_both_date_orders(client, events, sort):
    make_event(title="Undated report", status="published", sources=1, date=None, date_precision="unknown")
    assert titles(client, f"sort={sort}")[-1] == "Undated report"
