"""Charts built on the server: plain functions from a queryset of published events to Plotly figure
dicts, each with a data table holding the same numbers (the accessible fallback).

Every function takes the events the FilterSet selected (``filter_events(...).qs``), so the charts,
the list, the exports and the embeds count the same events. All counting happens in the database
(``values()`` + ``annotate(Count)``): nothing here loops over events in Python.
"""
from events.charts.base import KIND_COLOURS, Chart
from events.charts.headline import HeadlineCounts, headline_counts
from events.charts.timeline import timeline
from events.charts.usmap import us_map

__all__ = ["KIND_COLOURS", "Chart", "HeadlineCounts", "headline_counts", "timeline", "us_map"]
