"""A jurisdiction's policies over time as a Plotly figure: one horizontal bar per period a policy was in
force, and the jurisdiction's dated events as markers.

Plain functions from rows to a figure dict; the page renders it with templates/partials/chart.html.
Only what the sources date is drawn: a policy with no known start gets no bar (the page lists it
instead), and an undated event gets no marker.
"""
from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from jurisdictions.choices import PolicyStance

EVENTS_ROW = "Events"
STANCE_COLOURS = {PolicyStance.LIMITS: "#1a7f37", PolicyStance.REQUIRES: "#b35c00"}
MARKER_COLOUR = "#0b5cad"
MS_PER_DAY = 86_400_000


@dataclass(frozen=True)
class PolicyPeriod:
    """The span a policy was in force, as far as the sources date it."""

    label: str
    stance: str
    start: datetime.date
    end: datetime.date
    ongoing: bool  # no end date: the bar runs to today
    url: str


@dataclass(frozen=True)
class EventMarker:
    date: datetime.date | None
    title: str
    kind_label: str
    url: str
    # The date as precisely as the sources give it ("2017", "March 2025"): the x position of a
    # year-precise event is January 1, which the hover text must not suggest.
    date_label: str = ""


def policy_period(policy, today: datetime.date, url: str = "") -> PolicyPeriod | None:
    """The period a policy was in force: from its effective date (or, failing that, its adoption) to
    its end, or to today while it stands. None when the sources give no start."""
    start = policy.effective or policy.adopted
    if start is None:
        return None
    ongoing = policy.ended is None
    end = today if ongoing else policy.ended
    # A policy adopted with a future effective date, or ended the day it started, still gets a visible sliver.
    end = max(end, start)
    return PolicyPeriod(policy.title, policy.stance, start, end, ongoing, url)


def policy_timeline_figure(periods: Iterable[PolicyPeriod], markers: Iterable[EventMarker]) -> dict:
    """Bars for the dated policy periods (one trace per stance, so the legend explains the colours) and
    one marker trace for the dated events. Undated markers are dropped here, whatever the caller passes."""
    periods = _unique_labels(sorted(periods, key=lambda p: (p.start, p.label)))
    dated = sorted((m for m in markers if m.date is not None), key=lambda m: m.date)
    data: list[dict] = []
    for stance in PolicyStance:
        mine = [p for p in periods if p.stance == stance]
        if mine:
            data.append(_bars(mine, stance))
    if dated:
        data.append(_markers(dated))
    # Categories top to bottom in time order, with the events row last (at the bottom).
    rows = list(dict.fromkeys(_row_label(p) for p in periods)) + ([EVENTS_ROW] if dated else [])
    layout = {
        "barmode": "overlay",
        "height": max(220, 60 + 36 * len(rows)),
        "margin": {"l": 10, "r": 10, "t": 10, "b": 40},
        "xaxis": {"type": "date", "title": {"text": ""}, "range": _padded_range(periods, dated)},
        "yaxis": {
            "type": "category",
            "categoryorder": "array",
            "categoryarray": list(reversed(rows)),
            "automargin": True,
        },
        "legend": {"orientation": "h", "y": -0.2},
        "hovermode": "closest",
    }
    return {"data": data, "layout": layout}


def _padded_range(periods: list[PolicyPeriod], markers: list[EventMarker]) -> list[str] | None:
    """An explicit axis range with some room either side: Plotly's own guess for a single event is a
    window of a few milliseconds."""
    days = [p.start for p in periods] + [p.end for p in periods] + [m.date for m in markers]
    if not days:
        return None
    first, last = min(days), max(days)
    pad = max(datetime.timedelta(days=90), (last - first) / 20)
    return [(first - pad).isoformat(), (last + pad).isoformat()]


def _row_label(period: PolicyPeriod) -> str:
    return _plain(period.label)


def _unique_labels(periods: list[PolicyPeriod]) -> list[PolicyPeriod]:
    """Two policies with one title would share a row on a category axis; number the later ones."""
    seen: dict[str, int] = {}
    out = []
    for period in periods:
        seen[period.label] = seen.get(period.label, 0) + 1
        if seen[period.label] > 1:
            period = PolicyPeriod(**{**period.__dict__, "label": f"{period.label} ({seen[period.label]})"})
        out.append(period)
    return out


def _plain(text: str) -> str:
    # Plotly reads a few HTML-like tags in hover text; editors' words are shown as written, not as markup.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _bars(periods: list[PolicyPeriod], stance: str) -> dict:
    label = PolicyStance(stance).label
    return {
        "type": "bar",
        "orientation": "h",
        "name": label,
        "y": [_row_label(p) for p in periods],
        # A horizontal bar on a date axis: `base` is where it starts, `x` its length in milliseconds.
        "base": [p.start.isoformat() for p in periods],
        "x": [((p.end - p.start).days or 1) * MS_PER_DAY for p in periods],
        "customdata": [p.url for p in periods],
        "text": [_period_text(p) for p in periods],
        "hovertemplate": "%{y}<br>%{text}<extra>" + _plain(label) + "</extra>",
        "textposition": "none",
        "marker": {"color": STANCE_COLOURS.get(stance, "#57606a")},
    }


def _period_text(period: PolicyPeriod) -> str:
    end = "in force today" if period.ongoing else f"to {period.end:%Y-%m-%d}"
    return f"from {period.start:%Y-%m-%d} {end}"


def _markers(markers: list[EventMarker]) -> dict:
    return {
        "type": "scatter",
        "mode": "markers",
        "name": "Events",
        "x": [m.date.isoformat() for m in markers],
        "y": [EVENTS_ROW] * len(markers),
        "customdata": [m.url for m in markers],
        "text": [_plain(m.date_label or m.date.isoformat()) + "<br>" + _plain(f"{m.title} ({m.kind_label})")
                 for m in markers],
        "hovertemplate": "%{text}<extra></extra>",
        "marker": {"color": MARKER_COLOUR, "size": 11, "symbol": "diamond"},
    }
