"""The charts of the events page, built from the page's own FilterSet so they count exactly the
listed events. A tag, so the list view stays a declaration: {% event_charts filters as charts %}."""
from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join

from events.charts.cache import ChartCache
from events.embeds import build_chart, embed_snippets
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
        "map": build_chart("map", filterset, charts),
        "embeds": embed_snippets(context["request"], filterset),
    }


@register.simple_tag
def chart_table_rows(chart, link_target: str = "") -> str:
    """The <tr>s of a chart's data table. Built here, one format_html per row, because a busy map
    has thousands of rows, which a template loop renders many times slower. The format strings
    are made of constants only; format_html escapes every value."""
    return format_html_join("\n", "{}", ((_row(row, link_target),) for row in chart.rows))


def _row(row: list[dict], link_target: str) -> str:
    pieces, values = [], []
    for index, cell in enumerate(row):
        if index == 0:
            opening, closing = '<th scope="row">', "</th>"
        else:
            opening, closing = ('<td class="num">' if cell["numeric"] else "<td>"), "</td>"
        if cell["href"] and link_target:
            pieces.append(opening + '<a href="{}" target="{}">{}</a>' + closing)
            values += [cell["href"], link_target, cell["text"]]
        elif cell["href"]:
            pieces.append(opening + '<a href="{}">{}</a>' + closing)
            values += [cell["href"], cell["text"]]
        else:
            pieces.append(opening + "{}" + closing)
            values.append(cell["text"])
    return format_html("<tr>" + "".join(pieces) + "</tr>", *values)
