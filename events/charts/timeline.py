"""Published events per month, stacked by kind; each bar opens that month's filtered list."""
from __future__ import annotations

import calendar
import datetime
from collections.abc import Mapping

from django import forms
from django.http import QueryDict
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth

from events.charts.base import FONT, KIND_COLOURS, Chart, cell, filter_params, list_url
from events.choices import DatePrecision, EventKind

# Day- and month-precision events have a month; year-precision ones are stored as 1 January, and
# putting them in January would claim a precision the sources do not give.
MONTHLY_PRECISIONS = (DatePrecision.DAY, DatePrecision.MONTH)


def timeline(events: QuerySet, query: Mapping | None = None) -> Chart:
    """Events per month and kind. ``query`` is the filters in use (a QueryDict or dict), so a bar's
    link keeps them and narrows the dates to its month."""
    plain = events.order_by()
    counts = plain.aggregate(
        total=Count("pk"),
        undated=Count("pk", filter=Q(date__isnull=True)),
        year_only=Count("pk", filter=Q(date_precision=DatePrecision.YEAR)),
    )
    per_month = (
        plain.filter(date_precision__in=MONTHLY_PRECISIONS)
        .annotate(month=TruncMonth("date"))
        .values_list("month", "kind")
        .annotate(n=Count("pk"))
        .order_by("month", "kind")
    )
    return timeline_chart(counts, per_month, query)


def timeline_chart(counts: dict[str, int], per_month, query: Mapping | None = None) -> Chart:
    """The chart from its numbers: ``counts`` (total, undated, year_only) and ``per_month`` rows of
    (month, kind, events), whether they were counted from the events or from the summary."""
    grid: dict[datetime.date, dict[str, int]] = {}
    for month, kind, n in per_month:  # one row per month and kind, not per event
        grid.setdefault(_as_date(month), {})[kind] = n

    links = _MonthLinks(query)
    months = _every_month(min(grid), max(grid)) if grid else []
    urls = [links.url(month) for month in months]
    kinds = [kind for kind in EventKind if any(kind.value in by_kind for by_kind in grid.values())]
    on_chart = sum(sum(by_kind.values()) for by_kind in grid.values())
    facts = {
        "total": counts["total"],
        "on_chart": on_chart,
        "undated": counts["undated"],
        "year_only": counts["year_only"],
    }
    return Chart(
        figure=_figure(months, grid, kinds, urls),
        caption=_caption(facts),
        columns=["Month", *(kind.label for kind in EventKind), "Total"],
        rows=[
            [
                cell(f"{month:%B %Y}", url),
                *(cell(grid[month].get(kind.value, 0), numeric=True) for kind in EventKind),
                cell(sum(grid[month].values()), numeric=True),
            ]
            for month, url in zip(months, urls)
            if month in grid  # the table lists the months that have events
        ],
        facts=facts,
    )


def _figure(months: list[datetime.date], grid: dict, kinds: list[EventKind], urls: list[str]) -> dict:
    x = [month.isoformat() for month in months]
    data = [
        {
            "type": "bar",
            "name": kind.label,
            "x": x,
            "y": [grid.get(month, {}).get(kind.value, 0) for month in months],
            "customdata": urls,
            "marker": {"color": KIND_COLOURS[kind]},
            "hovertemplate": f"%{{x|%B %Y}}<br>{kind.label}: %{{y}}<extra></extra>",
        }
        for kind in kinds
    ]
    layout = {
        "barmode": "stack",
        "height": 340,
        "margin": {"l": 44, "r": 12, "t": 12, "b": 40},
        "font": FONT,
        "paper_bgcolor": "#fff",
        "plot_bgcolor": "#fff",
        "xaxis": {"type": "date", "showgrid": False, "tickformat": "%b %Y"},
        "yaxis": {"title": {"text": "Events"}, "rangemode": "tozero", "tickformat": ",d", "gridcolor": "#eaeef2"},
        "showlegend": True,  # name the kind even when only one kind is drawn
        "legend": {"orientation": "h", "x": 0, "y": -0.18},
        "hovermode": "closest",
        "bargap": 0.15,
    }
    tallest = max((sum(by_kind.values()) for by_kind in grid.values()), default=0)
    if len(months) <= 12:
        layout["xaxis"]["dtick"] = "M1"  # one label a month, never a mid-month date
    if tallest <= 8:
        layout["yaxis"]["dtick"] = 1  # otherwise Plotly ticks 0.5 steps, shown rounded as 0, 1, 1…
    if not months:
        layout["annotations"] = [_empty_note("No dated events match these filters.")]
        layout["xaxis"]["visible"] = False
        layout["yaxis"]["visible"] = False
    return {"data": data, "layout": layout}


def _caption(facts: dict[str, int]) -> str:
    n = facts["on_chart"]
    text = f"Published events per month, by kind: {n:,} event{'s' if n != 1 else ''} on the chart."
    left_off = []
    if facts["undated"]:
        left_off.append(f"{facts['undated']:,} with the date not stated in sources")
    if facts["year_only"]:
        left_off.append(f"{facts['year_only']:,} dated only to the year")
    if left_off:
        text += " Not on the chart: " + " and ".join(left_off) + "."
    return text


def _empty_note(text: str) -> dict:
    return {"text": text, "showarrow": False, "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5,
            "font": {"size": 15, "color": "#57606a"}}


def _every_month(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """Every month from first to last, so each bar is one month wide and quiet months show as gaps.
    (Plotly sizes bars by the closest two; two bars a year apart would each look a year long.)"""
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(datetime.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _as_date(value) -> datetime.date:
    # TruncMonth gives a date on both databases; a datetime only if the field ever becomes one.
    return value.date() if isinstance(value, datetime.datetime) else value


class _MonthLinks:
    """The list URL for one month under the current filters. A month link never widens the
    filters' own date range, so the list it opens has exactly the events of the bar."""

    def __init__(self, query: Mapping | None):
        self.params = filter_params(query)
        self.date_from = _parse_date(self.params.pop("date_from", [None])[-1])
        self.date_to = _parse_date(self.params.pop("date_to", [None])[-1])
        # What list_url(params + the month's dates) writes, less the dates: one reverse() and one
        # encoding for the chart, not one per month (a decade of months took a tenth of a busy page).
        others = self.params.urlencode()
        self.prefix = list_url(QueryDict()) + "?" + (others + "&" if others else "")

    def url(self, month: datetime.date) -> str:
        first = month.replace(day=1)
        last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
        date_from = max(first, self.date_from or first).isoformat()
        date_to = min(last, self.date_to or last).isoformat()
        return f"{self.prefix}date_from={date_from}&date_to={date_to}"


def _parse_date(value: str | None) -> datetime.date | None:
    """Reads a date the way the filter form does (every accepted input format)."""
    if not value:
        return None
    try:
        return forms.DateField().to_python(value)
    except forms.ValidationError:
        return None
