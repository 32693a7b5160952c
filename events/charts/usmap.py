"""A US map of the events: states shaded by how many events involve them or anything inside them;
counties and cities as points sized by their own events. Everything links to the jurisdiction page."""
from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from django.db.models import Count, QuerySet
from django.urls import reverse

from events.charts.base import FONT, Chart, cell, event_ids
from events.models import EventJurisdiction
from jurisdictions.choices import STATE_LEVEL_KINDS, JurisdictionKind
from jurisdictions.models import Jurisdiction

POINT_COLOURS = {JurisdictionKind.COUNTY: "#6e7781", JurisdictionKind.PLACE: "#0b5cad"}
POINT_NAMES = {JurisdictionKind.COUNTY: "Counties", JurisdictionKind.PLACE: "Cities and places"}
LARGEST_POINT_PX = 28
KIND_LABELS = dict(JurisdictionKind.choices)
STATE_SCALE = [[0, "#dbe9f6"], [1, "#0b5cad"]]  # light to the site's accent colour


def us_map(events: QuerySet, query: Mapping | None = None, *, max_points: int | None = None) -> Chart:
    """Three queries whatever the number of events. ``query`` is accepted for symmetry with the
    timeline: points link to jurisdiction pages, which need no filters. With ``max_points`` only the
    counties and cities with the most events are drawn as circles (the states are all shaded and the
    table lists every one): a page that must stay light says so in the caption."""
    involvements = EventJurisdiction.objects.filter(event__in=event_ids(events))
    # An event involving Chicago counts for Illinois: every involved row carries its state's code.
    per_state = dict(
        involvements.order_by().values_list("jurisdiction__state").annotate(n=Count("event", distinct=True))
    )
    points = (
        involvements.exclude(jurisdiction__kind__in=STATE_LEVEL_KINDS)
        .values_list(*POINT_FIELDS)
        .annotate(n=Count("event"))
        .order_by(*POINT_ORDER)
    )
    return map_chart(per_state, points, max_points=max_points)


# What a point shows, and the order of the points (and of the table's rows after the states).
POINT_FIELDS = ("jurisdiction__kind", "jurisdiction__name", "jurisdiction__state", "jurisdiction__slug",
                "jurisdiction__latitude", "jurisdiction__longitude")
POINT_ORDER = ("-n", "jurisdiction__name", "jurisdiction__state")


def map_chart(per_state: dict[str, int], points, *, max_points: int | None = None,
              max_rows: int | None = None, point_count: int | None = None) -> Chart:
    """The chart from its numbers: events per state code, and rows of POINT_FIELDS + events, whether
    they were counted from the events or from the summary. With ``max_rows``, only the table's first
    rows are made: the chart is ``excerpt(max_rows)`` of the whole one, made without writing out
    thousands of rows a page does not show. ``point_count``: ``points`` holds only the first rows (at
    least ``max_points`` and the table's) of this many."""
    state_rows = (
        Jurisdiction.objects.states().filter(state__in=list(per_state)).values_list("state", "name", "slug")
    )
    states = sorted(
        ((code, name, jurisdiction_url(code, slug), per_state[code]) for code, name, slug in state_rows),
        key=lambda s: (-s[3], s[1]),
    )
    points = list(points)
    count = len(points) if point_count is None else point_count
    drawn = points if max_points is None else points[:max_points]
    facts = {"states": len(states), "points": count, "points_drawn": len(drawn)}
    circles = "counties and cities as circles sized by their own events"
    if len(drawn) < count:
        circles = (f"the {len(drawn):,} counties and cities with the most events (of {count:,}) as circles "
                   "sized by their own events; the full table lists them all")
    return Chart(
        figure=_figure(states, drawn),
        caption=(
            "Where the events happened: states shaded by the number of events involving the state or "
            f"any county or city in it; {circles}."
        ),
        columns=["Jurisdiction", "Level", "Events"],
        rows=[
            *([cell(name, url), cell("State (with its counties and cities)"), cell(n, numeric=True)]
              for _, name, url, n in states[:max_rows]),
            *([cell(f"{name}, {state}", jurisdiction_url(state, slug)), cell(KIND_LABELS[kind]),
               cell(n, numeric=True)]
              for kind, name, state, slug, _, _, n in points[:None if max_rows is None else max(0, max_rows - len(states))]),
        ],
        facts={**facts, "total_rows": len(states) + count} if max_rows is not None else facts,
    )


def _figure(states: list, points: list) -> dict:
    data = []
    if states:
        data.append({
            "type": "choropleth",
            "name": "States",
            "locationmode": "USA-states",
            "locations": [code for code, _, _, _ in states],
            "z": [n for _, _, _, n in states],
            "text": [f"{name}: {n:,} event{'s' if n != 1 else ''}" for _, name, _, n in states],
            "customdata": [url for _, _, url, _ in states],
            "hovertemplate": "%{text}<extra></extra>",
            "colorscale": STATE_SCALE,
            "zmin": 0,
            "marker": {"line": {"color": "#ffffff", "width": 0.8}},
            # Under the map, so a 375 px frame keeps its width for the map.
            "colorbar": {
                "title": {"text": "Events per state", "side": "top"}, "orientation": "h", "thickness": 10,
                "len": 0.6, "x": 0.5, "xanchor": "center", "y": 0, "yanchor": "top", "tickformat": ",d",
                **({"dtick": 1} if max(n for *_, n in states) <= 8 else {}),
            },
        })
    largest = max((p[-1] for p in points), default=1)
    for kind in (JurisdictionKind.COUNTY, JurisdictionKind.PLACE):
        mine = [p for p in points if p[0] == kind]
        if not mine:
            continue
        data.append({
            "type": "scattergeo",
            "name": POINT_NAMES[kind],
            "lat": [p[4] for p in mine],
            "lon": [p[5] for p in mine],
            "text": [f"{name}, {state}: {n:,} event{'s' if n != 1 else ''}" for _, name, state, _, _, _, n in mine],
            "customdata": [jurisdiction_url(state, slug) for _, _, state, slug, _, _, _ in mine],
            "hovertemplate": "%{text}<extra></extra>",
            "marker": {
                "size": [p[-1] for p in mine],
                # Area, not radius, grows with the count, so twice the events looks twice as big.
                "sizemode": "area",
                "sizeref": 2.0 * largest / LARGEST_POINT_PX**2,
                "sizemin": 4,
                "color": POINT_COLOURS[kind],
                "opacity": 0.8,
                "line": {"color": "#ffffff", "width": 1},
            },
        })
    layout = {
        "height": 400,
        "margin": {"l": 0, "r": 0, "t": 24, "b": 56},
        "font": FONT,
        "paper_bgcolor": "#fff",
        "dragmode": False,  # a finger scrolling the page must not pan the map
        # Legend symbols at one size: the points' own sizes are counts, not a key.
        "legend": {"orientation": "h", "x": 0, "y": 1, "yanchor": "bottom", "itemsizing": "constant"},
        # The toolbar stands upright at the right edge, so on a phone it does not cover the legend above the map.
        "modebar": {"orientation": "v"},
        "geo": {
            "scope": "usa",
            "projection": {"type": "albers usa"},
            "showland": True,
            "landcolor": "#f6f8fa",
            "showlakes": False,
            "subunitcolor": "#d0d7de",
            "countrycolor": "#d0d7de",
            "bgcolor": "#fff",
        },
    }
    if not data:
        layout["annotations"] = [{"text": "No events with a jurisdiction match these filters.", "showarrow": False,
                                  "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5,
                                  "font": {"size": 15, "color": "#57606a"}}]
    return {"data": data, "layout": layout}


@cache
def _url_pattern() -> str:
    return reverse("jurisdiction", kwargs={"state": "STATE", "slug": "SLUG"})


def jurisdiction_url(state: str, slug: str) -> str:
    """The jurisdiction page, without a reverse() per point (thousands of points on a busy map)."""
    return _url_pattern().replace("STATE", state.lower(), 1).replace("SLUG", slug, 1)
