"""The chart summary (events/tallies.py) equals a full recount after every kind of change, and the
charts drawn from it are exactly the charts counted over the events."""
from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from events.charts import headline_counts, timeline, us_map
from events.charts.summary import Summary, summary_for
from events.filters import filter_events
from decimal import Decimal

from events.models import DayTally, Event, EventJurisdiction, FederalAction, MoneyTally, StateDayTally, TallyMember
from events.services import publish_event, retract_event
from events.tallies import rebuild_tallies, recount, refresh_tallies, stored
from jurisdictions.models import Jurisdiction
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db
DAY = datetime.date


@pytest.fixture
def places():
    """Two states, a county and places in each (one consolidated city-county), and a territory."""
    made = {}
    for code, name, fips in (("CA", "California", "06"), ("IL", "Illinois", "17")):
        state = made[code] = (Jurisdiction.objects.filter(kind="state", state=code).first()
                              or make_jurisdiction(kind="state", name=name, state=code, slug=name.lower(), fips=fips))
        county = made[f"{code}-county"] = make_jurisdiction(kind="county", name=f"{name} County", state=code,
                                                            parent=state, fips=f"{fips}998", latitude=37.0,
                                                            longitude=-120.0)
        made[f"{code}-a"] = make_jurisdiction(name=f"Alpha {code}", state=code, parent=county)
        made[f"{code}-b"] = make_jurisdiction(name=f"Beta {code}", state=code, parent=county, latitude=38.0)
    made["sf"] = make_jurisdiction(name="San Francisco", state="CA", is_consolidated=True, parent=made["CA"])
    made["PR"] = (Jurisdiction.objects.filter(state="PR", kind="territory").first()
                  or make_jurisdiction(kind="territory", name="Puerto Rico", state="PR", slug="puerto-rico", fips="72"))
    return made


def rich(places) -> list[Event]:
    """Every date precision, every status, every kind; events with no, one and several places."""
    specs = [
        ("federal_action", DAY(2025, 1, 20), "day", "published", ["CA", "CA-a", "IL"]),
        ("federal_action", DAY(2025, 1, 28), "day", "published", ["CA-a", "CA-b"]),
        ("court_ruling", DAY(2025, 3, 1), "month", "published", ["sf"]),
        ("court_ruling", DAY(2024, 1, 1), "year", "published", ["IL-county", "IL-a"]),
        ("policy_change", None, "unknown", "published", ["PR"]),
        ("policy_change", DAY(2025, 6, 15), "day", "published", []),
        ("enforcement_operation", DAY(2025, 6, 2), "day", "published", ["IL-b", "CA-a"]),
        ("enforcement_operation", DAY(2023, 11, 30), "day", "published", ["CA-county"]),
        ("federal_action", DAY(2025, 2, 3), "day", "draft", ["CA", "IL"]),
        ("court_ruling", DAY(2025, 2, 4), "day", "retracted", ["CA-a"]),
    ]
    events = []
    for kind, date, precision, status, where in specs:
        events.append(make_event(kind=kind, date=date, date_precision=precision, status=status, sources=1,
                                 jurisdictions=[places[key] for key in where]))
    # Money at stake: two actions stating an amount, one stating none, one a draft.
    for event, amount in ((events[0], 1_000_000), (events[1], 250), (events[8], 99)):
        FederalAction.objects.create(event=event, agency="DOJ", action_type="grant_condition",
                                     amount_at_stake=Decimal(amount))
    EventJurisdiction.objects.filter(event=events[0], jurisdiction=places["IL"]).update(role="mentioned")
    refresh_tallies([events[0].pk])  # the bulk update above sent no signal
    return events


def assert_summary_is_a_recount():
    assert stored() == recount()


def test_every_kind_of_change_keeps_the_summary_equal_to_a_recount(places, admin_user):
    events = rich(places)
    assert_summary_is_a_recount()
    draft = events[8]
    publish_event(draft)  # publish
    assert_summary_is_a_recount()
    event = Event.objects.get(pk=events[0].pk)
    event.date, event.kind = DAY(2024, 12, 31), "court_ruling"  # edit of date and kind
    event.save()
    assert_summary_is_a_recount()
    event.date_precision, event.date = "unknown", None
    event.save()
    assert_summary_is_a_recount()
    EventJurisdiction.objects.create(event=event, jurisdiction=places["PR"])  # a jurisdiction added
    EventJurisdiction.objects.filter(event=event, jurisdiction=places["IL"]).delete()  # and removed (bulk)
    assert_summary_is_a_recount()
    retract_event(Event.objects.get(pk=events[1].pk), "Wrong report.")  # retract
    assert_summary_is_a_recount()
    Event.objects.get(pk=events[2].pk).delete()  # delete one
    assert_summary_is_a_recount()
    Event.objects.filter(pk__in=[events[3].pk, events[4].pk, events[9].pk]).delete()  # bulk delete
    assert_summary_is_a_recount()
    unpublished = Event.objects.get(pk=events[6].pk)
    unpublished.status = "draft"
    unpublished.save(update_fields=["status"])
    assert_summary_is_a_recount()
    # Money at stake: an amount changed, an amount stated, an action removed, a subject made mentioned.
    action = FederalAction.objects.get(event=events[1])
    action.amount_at_stake = Decimal(300)
    action.save()
    assert_summary_is_a_recount()
    FederalAction.objects.create(event=events[6], agency="ICE", action_type="other", amount_at_stake=Decimal(7))
    assert_summary_is_a_recount()
    FederalAction.objects.get(event=events[8]).delete()
    assert_summary_is_a_recount()
    involvement = EventJurisdiction.objects.get(event=events[1], jurisdiction=places["CA-a"])
    involvement.role = "mentioned"
    involvement.save()
    assert_summary_is_a_recount()
    refresh_tallies([e.pk for e in events])  # refreshing again changes nothing
    assert_summary_is_a_recount()
    assert not TallyMember.objects.filter(event_id__in=[events[2].pk, events[6].pk]).exists()


def test_a_change_the_signals_do_not_see_is_repaired_by_a_refresh_or_the_rebuild(places):
    events = rich(places)
    Event.objects.filter(pk=events[0].pk).update(kind="policy_change")  # no signal
    assert stored() != recount()
    refresh_tallies([events[0].pk])
    assert_summary_is_a_recount()
    Event.objects.filter(pk=events[5].pk).update(status="draft")
    out = StringIO()
    call_command("rebuild_chart_summary", stdout=out)
    assert "Rebuilt the chart summary" in out.getvalue()
    assert_summary_is_a_recount()


def test_the_admin_publish_action_keeps_the_summary(places, admin_client):
    rich(places)
    drafts = [make_event(sources=1, jurisdictions=[places["CA-b"]]) for _ in range(3)]
    response = admin_client.post("/admin/events/event/", {
        "action": "publish_selected", "_selected_action": [e.pk for e in drafts],
    })
    assert response.status_code == 302
    assert Event.objects.filter(pk__in=[e.pk for e in drafts], status="published").count() == 3
    assert_summary_is_a_recount()


def test_rebuild_from_scratch_equals_the_kept_summary(places):
    rich(places)
    before = stored()
    rebuild_tallies()
    assert stored() == before == recount()
    # The state tallies pair each state with every state of the same events, itself included.
    assert before[StateDayTally][("IL", "CA", "federal_action", DAY(2025, 1, 20), "day")] == 1
    assert before[StateDayTally][("CA", "CA", "federal_action", DAY(2025, 1, 20), "day")] == 1
    assert before[MoneyTally] == {(places["CA"].pk,): (1, 1_000_000), (places["CA-a"].pk,): (2, 1_000_250),
                                  (places["CA-b"].pk,): (1, 250)}


def test_money_at_stake_on_a_jurisdiction_page_is_the_sum_of_its_actions(places, client):
    events = rich(places)
    from events.views import money_at_stake

    money = money_at_stake(places["CA-a"])
    assert (money.total, money.count) == (1_000_250, 2)
    assert [a.event_id for a in money.actions] == [events[1].pk, events[0].pk]  # newest first
    assert money_at_stake(places["IL"]).count == 0  # only mentioned in the action
    assert money_at_stake(places["IL-a"]).total is None


FILTERS = [
    {},
    {"kind": ["federal_action"]},
    {"kind": ["court_ruling", "policy_change"]},
    {"date_from": "2025-01-01"},
    {"date_to": "2025-02-28"},
    {"kind": ["federal_action", "enforcement_operation"], "date_from": "2025-01-21", "date_to": "2025-12-31"},
    {"date_from": "2030-01-01"},
    # A state, alone and with kinds and dates (the state tallies): the map too.
    {"state": "CA"},
    {"state": "IL", "kind": ["court_ruling"]},
    {"state": "CA", "date_from": "2025-01-21", "date_to": "2025-12-31"},
    {"state": "IL", "kind": ["federal_action", "enforcement_operation"], "date_to": "2025-06-01"},
    {"state": "PR"},
    {"state": "TX"},
]


@pytest.mark.parametrize("query", FILTERS, ids=[repr(q) for q in FILTERS])
def test_charts_from_the_summary_are_the_charts_counted_over_events(places, query):
    rich(places)
    filterset = filter_events(query)
    summary = summary_for(filterset)
    assert summary is not None and summary.answers("timeline") and summary.answers("count")
    assert summary.timeline(filterset.data).payload() == timeline(filterset.qs, filterset.data).payload()
    assert summary.count() == filterset.qs.count()
    if "state" in query:
        assert summary.answers("map")
    if summary.answers("map"):
        assert summary.map().payload() == us_map(filterset.qs).payload()
    if summary.answers("headline"):
        assert summary.headline() == headline_counts(filterset.qs)


def test_filters_the_summary_cannot_answer_are_counted_over_events(places):
    rich(places)
    for query in ({"q": "event"}, {"agency": "DOJ"}, {"kind": ["court_ruling"], "state": "IL", "q": "x"}):
        summary = summary_for(filter_events(query))
        assert not summary.answers("timeline") and not summary.answers("map")
    # Dates without a state: the map's tallies without a state have no dates.
    assert not summary_for(filter_events({"date_from": "2025-01-01"})).answers("map")
    assert not summary_for(filter_events({"state": "CA"})).answers("headline")


def test_an_empty_database_draws_the_empty_charts(db):
    filterset = filter_events({})
    assert Summary().timeline().payload() == timeline(filterset.qs).payload()
    assert Summary().map().payload() == us_map(filterset.qs).payload()
    assert Summary().headline() == headline_counts(filterset.qs)


def test_generating_and_removing_synthetic_data_keep_the_summary(gazetteer):
    call_command("generate_synthetic", events=60, seed=2, jurisdictions=100, stdout=StringIO())
    assert stored()[DayTally] and stored() == recount()
    call_command("remove_synthetic", stdout=StringIO())
    assert stored() == recount()


def test_the_dashboards_map_is_the_first_rows_of_the_whole_map(places):
    rich(places)
    for rows in (0, 1, 2, 5, 50):
        assert Summary().capped_map(None, 2, rows).payload() == Summary().map(max_points=2).excerpt(rows).payload()


def test_the_map_table_rows_are_escaped_as_format_html_escapes_them(places):
    from django.utils.html import format_html

    from events.charts.base import Chart, cell
    from tracker.templatetags.event_charts import chart_table_rows

    chart = Chart({}, "", ["a", "b"], [[cell('<b>"A" & B\'s</b>', "/x?a=1&b=<2>"), cell(3, numeric=True)],
                                       [cell("plain"), cell("x", "/y")]])
    expected = "\n".join([
        format_html('<tr><th scope="row"><a href="{}" target="{}">{}</a></th><td class="num">{}</td></tr>',
                    "/x?a=1&b=<2>", "_top", '<b>"A" & B\'s</b>', "3"),
        format_html('<tr><th scope="row">{}</th><td><a href="{}" target="{}">{}</a></td></tr>', "plain", "/y", "_top", "x"),
    ])
    assert chart_table_rows(chart, "_top") == expected
    assert "<b>" not in chart_table_rows(chart)


@pytest.mark.parametrize("query", [{}, {"kind": ["court_ruling", "policy_change"], "state": "CA"},
                                   {"date_from": "2025-01-21", "date_to": "2025-03-10", "q": "a b&c"}])
def test_a_months_link_is_the_list_url_of_its_filters_and_dates(query):
    from events.charts.base import filter_params, list_url
    from events.charts.timeline import _MonthLinks

    links = _MonthLinks(query)
    for month in (DAY(2025, 1, 1), DAY(2025, 2, 1), DAY(2025, 3, 1)):
        params = filter_params(query)
        params.pop("date_from", None), params.pop("date_to", None)
        first, last = month, DAY(month.year, month.month, 28 if month.month == 2 else 31)
        params["date_from"] = max(first, links.date_from or first).isoformat()
        params["date_to"] = min(last, links.date_to or last).isoformat()
        assert links.url(month) == list_url(params)


def test_a_chart_is_kept_until_a_tally_it_reads_changes(places, settings):
    from django.core.cache import cache

    from events.models import JurisdictionTally, StateTally
    from events.tallies import versions

    settings.CHARTS_CACHE_SECONDS = 600
    cache.clear()
    events = rich(places)
    maps, days = versions(StateTally, JurisdictionTally), versions(DayTally)
    event = Event.objects.get(pk=events[0].pk)
    event.date = DAY(2025, 1, 21)  # another day: the timeline changes, the maps by kind do not
    event.save()
    assert versions(StateTally, JurisdictionTally) == maps and versions(DayTally) != days
    for query in ({}, {"kind": ["federal_action"]}, {"state": "CA"}):
        filterset = filter_events(query)
        summary = summary_for(filterset)
        for _ in range(2):  # counted, then from the cache: the same charts as counted over events
            assert summary.chart("map", filterset.data).payload() == us_map(filterset.qs).payload()
            assert summary.chart("timeline", filterset.data).payload() == timeline(filterset.qs, filterset.data).payload()
    EventJurisdiction.objects.create(event=event, jurisdiction=places["PR"])  # a place added: the maps change
    assert versions(StateTally, JurisdictionTally) != maps
    filterset = filter_events({})
    assert summary_for(filterset).chart("map").payload() == us_map(filterset.qs).payload()
    publish_event(Event.objects.get(pk=events[8].pk))
    assert Summary().headline() == headline_counts(filterset.qs)
    assert Summary().cached("headline", Summary().headline) == headline_counts(filter_events({}).qs)


def test_a_capped_map_breaks_ties_at_its_last_circle_by_name_as_the_whole_map_does(places):
    # Five places with the same number of events, named so that the order by name is not the order
    # they were made in: the points that reach the cut are chosen by the database's order, both ways.
    for name in ("Echo", "Alpha", "Delta", "Bravo", "Charlie"):
        place = make_jurisdiction(name=f"{name} Tie", state="CA", parent=places["CA-county"])
        make_event(status="published", sources=1, jurisdictions=[place], date=DAY(2025, 4, 1))
    make_event(status="published", sources=1, jurisdictions=[places["CA-a"]], date=DAY(2025, 4, 2))
    for points in (1, 2, 3, 4, 6, 20):
        for rows in (0, 3, 4, 40):
            capped = Summary().capped_map(None, points, rows).payload()
            assert capped == Summary().map(max_points=points).excerpt(rows).payload()
        assert capped["facts"]["points"] == 6 and capped["facts"]["points_drawn"] == min(points, 6)


def test_the_dashboard_reads_the_month_and_total_tallies(places):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rich(places)
    with CaptureQueriesContext(connection) as read:
        Summary().timeline()
        Summary().headline()
        Summary().capped_map(None, 2, 3)
    tables = " ".join(q["sql"] for q in read.captured_queries)
    assert "events_monthtally" in tables and "events_jurisdictiontotaltally" in tables
    assert "events_daytally" not in tables and '"events_jurisdictiontally"' not in tables
    # With a date range or a kind the days and kinds are still read.
    dated = Summary(date_from=DAY(2025, 1, 1), used=frozenset({"date_from"}))
    with CaptureQueriesContext(connection) as read:
        dated.timeline()
        Summary(kinds=("court_ruling",), used=frozenset({"kind"})).map()
    tables = " ".join(q["sql"] for q in read.captured_queries)
    assert "events_daytally" in tables and '"events_jurisdictiontally"' in tables


def test_a_state_without_dates_reads_its_month_and_place_total_tallies(places):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rich(places)
    california = Summary(state="CA", used=frozenset({"state"}))
    with CaptureQueriesContext(connection) as read:
        california.timeline()
        california.count()
        california.capped_map(None, 2, 3)
    tables = " ".join(q["sql"] for q in read.captured_queries)
    assert "events_statemonthtally" in tables and "events_stateplacetotaltally" in tables
    assert "events_statedaytally" not in tables and "events_stateplacekindtally" not in tables
    # And they give what the events give (the rows by day, with a date range from the beginning).
    filterset = filter_events({"state": "CA"})
    assert california.timeline().payload() == timeline(filterset.qs).payload()
    assert california.map().payload() == us_map(filterset.qs).payload()
    assert california.count() == filterset.qs.count()
