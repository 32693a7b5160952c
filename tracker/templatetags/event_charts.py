"""The charts of the events page, built from the page's own FilterSet so they count exactly the
listed events. A tag, so the list view stays a declaration: {% event_charts filters as charts %}."""
from __future__ import annotations

import html
import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from events.charts.base import filter_params
from events.charts.cache import ChartCache, cache_seconds, get_or_build
from events.embeds import build_chart, capped_map, embed_snippets
from events.filters import EventFilter

register = template.Library()


@register.simple_tag(takes_context=True)
def event_charts(context, filterset: EventFilter, cached: ChartCache | None = None) -> dict | None:
    """Timeline, map and embed code for valid filters; None when the filters are invalid. ``cached``
    is the page's own cache handle, so the data version is read once per request."""
    if not filterset.is_valid():
        return None
    charts = cached or ChartCache(filterset.data)
    return {
        "timeline": build_chart("timeline", filterset, charts),
        # Thousands of places under a broad filter: the busiest drawn, the first rows listed, and a
        # link to the whole table (LIST_MAP_POINTS, LIST_MAP_ROWS).
        "map": capped_map(filterset, charts, settings.LIST_MAP_POINTS, settings.LIST_MAP_ROWS),
        "map_table_url": reverse("map_table") + (f"?{query}" if (query := filter_params(filterset.data).urlencode()) else ""),
        "embeds": embed_snippets(context["request"], filterset),
    }


@register.simple_tag
def chart_table_rows(chart, link_target: str = "") -> str:
    """The <tr>s of a chart's data table. Built here, as plain strings, because a busy map has
    thousands of rows, which a template loop (or a format_html per row) writes many times slower.
    The markup is made of constants only; every value goes through ``_escape`` (what format_html
    does to its arguments). Kept beside a cached chart."""
    return _kept(chart, f"rows:{link_target}", lambda: "\n".join(_row(row, link_target) for row in chart.rows))


@register.simple_tag
def chart_figure_script(chart, element_id: str) -> str:
    """``{{ chart.figure|json_script:element_id }}``, kept beside a cached chart: a busy map's figure
    is a few hundred kilobytes of JSON to write out and escape."""
    return _kept(chart, f"figure:{element_id}", lambda: json_script(chart.figure, element_id))


def json_script(value, element_id: str) -> SafeString:
    """Django's ``json_script`` (the same bytes: tests/dashboard/test_chart_figure_script.py), escaping
    the three characters with three replacements instead of ``str.translate``, which read a busy map's
    few hundred kilobytes of JSON a character at a time (~10 ms of the first request after a change)."""
    text = json.dumps(value, cls=DjangoJSONEncoder)
    text = text.replace(">", "\\u003E").replace("<", "\\u003C").replace("&", "\\u0026")
    return format_html('<script id="{}" type="application/json">{}</script>', element_id, mark_safe(text))


def _kept(chart, part: str, build) -> SafeString:
    """HTML drawn from a chart, cached under the chart's own cache key (which names the data version
    it was counted at, so a change to the data never serves an old one), or drawn afresh."""
    key = getattr(chart, "cache_key", "")
    seconds = cache_seconds()
    if not key or not seconds:
        drawn = str(build())
    else:
        drawn = get_or_build(f"{key}:html:{part}", lambda: str(build()), seconds)
    # Built by _row/json_script above, which escaped every value.
    return mark_safe(drawn)


def _escape(value) -> str:
    """conditional_escape without its lazy-string wrapper: HTML-safe values as they are, anything else
    escaped (&, <, >, " and ')."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _row(row: list[dict], link_target: str) -> str:
    target = f' target="{_escape(link_target)}"' if link_target else ""
    pieces = ["<tr>"]
    for index, cell in enumerate(row):
        if index == 0:
            opening, closing = '<th scope="row">', "</th>"
        else:
            opening, closing = ('<td class="num">' if cell["numeric"] else "<td>"), "</td>"
        text = _escape(cell["text"])
        if cell["href"]:
            text = f'<a href="{_escape(cell["href"])}"{target}>{text}</a>'
        pieces.append(opening + text + closing)
    pieces.append("</tr>")
    return "".join(pieces)
