"""The timeline chart: published, dated events per month and kind, with links to each month's list."""
import datetime

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from events.charts import timeline
from events.filters import filter_events
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def published(**fields):
    return make_event(status="published", sources=1, **fields)


def by_trace(chart):
    """{kind label: {month: count}} from the figure, as Plotly would draw it."""
    return {t["name"]: dict(zip(t["x"], t["y"])) for t in chart.figure["data"]}


def test_counts_per_month_and_kind():
    published(kind="federal_action", date=datetime.date(2025, 1, 3))
    published(kind="federal_action", date=datetime.date(2025, 1, 28))
    published(kind="court_ruling", date=datetime.date(2025, 1, 15))
    published(kind="court_ruling", date=datetime.date(2025, 3, 1), date_precision="month")
    chart = timeline(filter_events({}).qs)
    traces = by_trace(chart)
    assert traces["Federal action"]["2025-01-01"] == 2
    assert traces["Court ruling"] == {"2025-01-01": 1, "2025-02-01": 0, "2025-03-01": 1}
    assert set(traces) == {"Federal action", "Court ruling"}  # kinds without events get no trace
    assert chart.figure["data"][0]["marker"]["color"] == "#b35c00"  # --federal in site.css
    assert chart.facts["on_chart"] == 4
    assert chart.figure["layout"]["barmode"] == "stack"


def test_months_without_events_are_drawn_empty_but_not_tabled():
    published(date=datetime.date(2024, 11, 5))
    published(date=datetime.date(2025, 2, 5))
    chart = timeline(filter_events({}).qs)
    assert chart.figure["data"][0]["x"] == ["2024-11-01", "2024-12-01", "2025-01-01", "2025-02-01"]
    assert [row[0]["text"] for row in chart.rows] == ["November 2024", "February 2025"]


def test_undated_and_year_only_events_are_left_off_and_said_so():
    published(date=datetime.date(2025, 1, 3))
    published(date=None, date_precision="unknown")
    published(date=None, date_precision="unknown")
    published(date=datetime.date(2017, 6, 1), date_precision="year")
    chart = timeline(filter_events({}).qs)
    assert chart.facts == {"total": 4, "on_chart": 1, "undated": 2, "year_only": 1}
    assert sum(sum(t["y"]) for t in chart.figure["data"]) == 1
    assert "2 with the date not stated in sources" in chart.caption
    assert "1 dated only to the year" in chart.caption
    assert all(row[0]["text"] != "January 2017" for row in chart.rows)


def test_drafts_and_retracted_events_are_not_counted():
    published(date=datetime.date(2025, 1, 3))
    make_event(status="draft", date=datetime.date(2025, 1, 4))
    make_event(status="retracted", sources=1, date=datetime.date(2025, 1, 5))
    chart = timeline(filter_events({}).qs)
    assert chart.facts["total"] == 1
    assert by_trace(chart) == {"Federal action": {"2025-01-01": 1}}


def test_each_bar_links_to_its_month_under_the_current_filters():
    published(kind="court_ruling", date=datetime.date(2024, 2, 10))
    query = QueryDict("kind=court_ruling&state=IL&page=3&sort=title")
    chart = timeline(filter_events(QueryDict("kind=court_ruling")).qs, query)
    url = chart.figure["data"][0]["customdata"][0]
    assert url.startswith("/events/?")
    assert QueryDict(url.split("?", 1)[1]).dict() == {
        "kind": "court_ruling", "state": "IL", "date_from": "2024-02-01", "date_to": "2024-02-29",
    }
    assert chart.rows[0][0]["href"] == url


def test_a_month_link_never_widens_the_filters_date_range():
    published(date=datetime.date(2025, 1, 20))
    query = QueryDict("date_from=2025-01-15&date_to=2025-06-30")
    chart = timeline(filter_events(query).qs, query)
    url = chart.figure["data"][0]["customdata"][0]
    params = QueryDict(url.split("?", 1)[1])
    assert (params["date_from"], params["date_to"]) == ("2025-01-15", "2025-01-31")


def test_no_dated_events_gives_an_empty_chart_with_a_note():
    published(date=None, date_precision="unknown")
    chart = timeline(filter_events({}).qs)
    assert chart.figure["data"] == []
    assert chart.rows == []
    assert "No dated events" in chart.figure["layout"]["annotations"][0]["text"]


def test_query_count_does_not_grow_with_events():
    def queries():
        with CaptureQueriesContext(connection) as ctx:
            timeline(filter_events({"kind": ["federal_action"]}).qs)
        return len(ctx.captured_queries)

    for day in range(1, 11):
        published(date=datetime.date(2025, 1, day))
    small = queries()
    for n in range(190):
        published(date=datetime.date(2020 + n % 5, 1 + n % 12, 1 + n % 28))
    assert queries() == small == 2
