"""What every chart returns, and the links its bars and points carry."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse

from events.choices import EventKind

# The kind colours of static/css/site.css (--federal, --court, --policy, --enforcement): a bar's
# colour matches the border of the same event in the list.
KIND_COLOURS = {
    EventKind.FEDERAL_ACTION: "#b35c00",
    EventKind.COURT_RULING: "#6639ba",
    EventKind.POLICY_CHANGE: "#1a7f37",
    EventKind.ENFORCEMENT_OPERATION: "#cf222e",
}
FONT = {"family": 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', "size": 13, "color": "#1b1f24"}

# Parameters that choose a page or an order, not which events: links and embeds drop them.
NOT_FILTERS = ("page", "sort")


def cell(text: Any, href: str | None = None, *, numeric: bool = False) -> dict:
    """One data-table cell; plain data so the table travels as JSON to the live embeds too."""
    return {"text": str(text), "href": href, "numeric": numeric}


@dataclass
class Chart:
    """A Plotly figure and the table with the same numbers.

    ``facts`` holds what the caption states in words (events on the chart, events left off and why).
    """

    figure: dict
    caption: str
    columns: list[str]
    rows: list[list[dict]]
    facts: dict[str, int] = field(default_factory=dict)
    # The cache key the chart is kept under (set by the caches in summary.py and cache.py), so the
    # HTML drawn from it (its figure's JSON, its table's rows) can be kept beside it: on a busy map
    # those take longer to write out than the rest of the page. Empty: drawn afresh every time.
    cache_key: str = field(default="", compare=False)

    def excerpt(self, count: int, *, last: bool = False) -> Chart:
        """The same chart with only ``count`` table rows (the first, or the ``last``): for a page that
        shows a few rows and links to the whole table. ``total_rows`` keeps the full count."""
        rows = self.rows[-count:] if last else self.rows[:count]
        key = f"{self.cache_key}:excerpt:{count}:{int(last)}" if self.cache_key else ""
        return replace(self, rows=rows, facts={**self.facts, "total_rows": len(self.rows)}, cache_key=key)

    def payload(self) -> dict:
        """Everything a live embed redraws from, JSON-serialisable."""
        return {
            "figure": self.figure,
            "caption": self.caption,
            "table": {"columns": self.columns, "rows": self.rows},
            "facts": self.facts,
        }


def filter_params(query: Mapping | None) -> QueryDict:
    """The current filters as a mutable QueryDict, without page and sort."""
    params = QueryDict(mutable=True)
    if query is None:
        return params
    if isinstance(query, QueryDict):
        for key, values in query.lists():
            kept = [v for v in values if v != ""]
            # An empty form field ("date_from=") is no filter at all, not an empty list of values.
            if key not in NOT_FILTERS and kept:
                params.setlist(key, kept)
    else:
        for key, value in query.items():
            if key not in NOT_FILTERS and value not in (None, ""):
                params.setlist(key, value if isinstance(value, (list, tuple)) else [value])
    return params


def list_url(params: QueryDict) -> str:
    """The events list for these parameters."""
    encoded = params.urlencode()
    return reverse("events:list") + (f"?{encoded}" if encoded else "")


def event_ids(events: QuerySet) -> QuerySet:
    """The events as a plain id subquery: no ordering, no search rank, so it can sit inside
    ``IN (...)`` and aggregate queries on either database."""
    return events.order_by().values("pk")
