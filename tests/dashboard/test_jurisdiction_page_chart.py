"""events.policy_chart on known data: bars only for dated policy periods, markers only for dated events."""
import datetime

from events.policy_chart import EventMarker, PolicyPeriod, policy_period, policy_timeline_figure
from jurisdictions.models import Policy

TODAY = datetime.date(2026, 1, 1)
DAY_MS = 86_400_000


def test_a_period_starts_when_in_force_and_ends_when_ended_or_today():
    effective = Policy(title="A", stance="limits", adopted=datetime.date(2017, 10, 5), effective=datetime.date(2018, 1, 1),
                       ended=datetime.date(2019, 1, 1))
    ongoing = Policy(title="B", stance="limits", adopted=datetime.date(2020, 1, 1))
    period = policy_period(effective, TODAY)
    assert (period.start, period.end, period.ongoing) == (datetime.date(2018, 1, 1), datetime.date(2019, 1, 1), False)
    period = policy_period(ongoing, TODAY)
    assert (period.start, period.end, period.ongoing) == (datetime.date(2020, 1, 1), TODAY, True)


def test_a_policy_without_a_start_has_no_period():
    assert policy_period(Policy(title="C", stance="limits", ended=datetime.date(2020, 1, 1)), TODAY) is None
    assert policy_period(Policy(title="D", stance="limits"), TODAY) is None


def test_bars_only_for_dated_periods_with_start_and_length():
    policies = [
        Policy(title="Limits", stance="limits", adopted=datetime.date(2020, 1, 1), ended=datetime.date(2020, 1, 11)),
        Policy(title="Mandate", stance="requires", effective=datetime.date(2021, 6, 1)),
        Policy(title="Undated", stance="limits"),
    ]
    periods = [p for p in (policy_period(policy, TODAY, url="/j/#p") for policy in policies) if p]
    figure = policy_timeline_figure(periods, [])
    bars = [t for t in figure["data"] if t["type"] == "bar"]
    assert [(t["name"], t["y"], t["base"]) for t in bars] == [
        ("Limits cooperation", ["Limits"], ["2020-01-01"]),
        ("Requires cooperation", ["Mandate"], ["2021-06-01"]),
    ]
    assert bars[0]["x"] == [10 * DAY_MS]
    assert bars[1]["x"] == [(TODAY - datetime.date(2021, 6, 1)).days * DAY_MS]
    assert all(t["orientation"] == "h" for t in bars)
    assert "Undated" not in str(figure)
    assert not [t for t in figure["data"] if t["type"] == "scatter"]


def test_markers_only_for_dated_events():
    markers = [
        EventMarker(datetime.date(2025, 2, 1), "Dated", "Court ruling", "/events/1-dated/"),
        EventMarker(None, "Undated", "Federal action", "/events/2-undated/"),
    ]
    figure = policy_timeline_figure([], markers)
    (trace,) = figure["data"]
    assert trace["type"] == "scatter" and trace["x"] == ["2025-02-01"]
    assert trace["customdata"] == ["/events/1-dated/"]
    assert "Undated" not in str(figure)
    assert figure["layout"]["yaxis"]["categoryarray"] == ["Events"]


def test_rows_are_in_time_order_top_to_bottom_with_events_last():
    periods = [
        PolicyPeriod("Later", "limits", datetime.date(2022, 1, 1), TODAY, True, ""),
        PolicyPeriod("Earlier", "limits", datetime.date(2010, 1, 1), TODAY, True, ""),
    ]
    markers = [EventMarker(datetime.date(2025, 1, 1), "E", "Policy change", "/e/")]
    rows = policy_timeline_figure(periods, markers)["layout"]["yaxis"]["categoryarray"]
    # Plotly draws a category array bottom-up.
    assert rows == ["Events", "Later", "Earlier"]


def test_two_policies_with_one_title_get_two_rows():
    periods = [
        PolicyPeriod("Ordinance", "limits", datetime.date(2010, 1, 1), datetime.date(2012, 1, 1), False, ""),
        PolicyPeriod("Ordinance", "limits", datetime.date(2015, 1, 1), TODAY, True, ""),
    ]
    (bars,) = policy_timeline_figure(periods, [])["data"]
    assert bars["y"] == ["Ordinance", "Ordinance (2)"]


def test_labels_are_not_read_as_markup_by_plotly():
    periods = [PolicyPeriod("<b>Bold</b>", "limits", datetime.date(2010, 1, 1), TODAY, True, "")]
    markers = [EventMarker(datetime.date(2025, 1, 1), "<script>x</script>", "Policy change", "/e/")]
    figure = policy_timeline_figure(periods, markers)
    assert "<b>" not in str(figure["data"][0]["y"]) and "<script>" not in str(figure["data"][1]["text"])


def test_the_date_axis_leaves_room_around_a_single_event():
    markers = [EventMarker(datetime.date(2017, 6, 1), "Only", "Court ruling", "/e/")]
    start, end = policy_timeline_figure([], markers)["layout"]["xaxis"]["range"]
    assert start <= "2017-03-03" and end >= "2017-08-30"


def test_hover_text_gives_the_date_no_more_precisely_than_the_sources():
    markers = [EventMarker(datetime.date(2017, 1, 1), "Ruling", "Court ruling", "/e/", date_label="2017")]
    (trace,) = policy_timeline_figure([], markers)["data"]
    assert trace["text"] == ["2017<br>Ruling (Court ruling)"]
    assert "2017-01-01" not in trace["hovertemplate"] and "%{x" not in trace["hovertemplate"]
