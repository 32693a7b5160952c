"""Embeddable charts for other sites' stories: /embed/timeline/?… and /embed/map/?… (the same
query string as the events list), and their live JSON, which embed-live.js polls.

Only these views may be framed by other sites; every other page keeps X-Frame-Options DENY and
CSP frame-ancestors 'none'.
"""
from __future__ import annotations

import hashlib
import html
import json

from csp.decorators import csp_replace
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from events.charts import Chart, timeline, us_map
from events.charts.base import filter_params, list_url
from events.charts.cache import ChartCache
from events.filters import EventFilter, filter_events

CHARTS = {
    "timeline": (timeline, "Events over time"),
    "map": (us_map, "Where the events happened"),
}
FRAMABLE = csp_replace({"frame-ancestors": ["*"]})


def build_chart(name: str, filterset: EventFilter, charts: ChartCache | None = None) -> Chart:
    """The chart for valid filters, from the cache while the data has not changed."""
    charts = charts or ChartCache(filterset.data)
    return charts.get(name, lambda: CHARTS[name][0](filterset.qs, filterset.data))


def live_body(chart: Chart) -> tuple[bytes, str]:
    """The JSON the live embed polls, and its ETag. The page and the endpoint compute the same tag,
    so a page's first poll answers 304 when nothing was published since it loaded."""
    body = json.dumps(chart.payload(), separators=(",", ":"), sort_keys=True).encode()
    return body, '"%s"' % hashlib.sha256(body).hexdigest()[:32]


def error_message(filterset: EventFilter) -> str:
    lines = ["Some filters could not be applied:"]
    for name, errors in filterset.form.errors.items():
        field = filterset.form.fields.get(name)
        label = str(field.label) if field else name
        lines += [f"- {label}: {error}" for error in errors]
    return "\n".join(lines)


@require_GET
@xframe_options_exempt
@FRAMABLE
def embed_page(request: HttpRequest, name: str) -> HttpResponse:
    """A minimal page holding one chart and its table, for an <iframe> on another site."""
    filterset = filter_events(request.GET)
    context = {"name": name, "title": CHARTS[name][1], "filters": filterset}
    if not filterset.is_valid():
        context["error"] = error_message(filterset)
        return render(request, "embed/chart.html", context, status=400)
    chart = build_chart(name, filterset)
    params = filter_params(filterset.data)
    query = params.urlencode()
    context.update(
        chart=chart,
        etag=live_body(chart)[1],
        live_url=reverse(f"embed:{name}_data") + (f"?{query}" if query else ""),
        list_url=request.build_absolute_uri(list_url(params)),
    )
    return render(request, "embed/chart.html", context)


@require_GET
def embed_data(request: HttpRequest, name: str) -> HttpResponse:
    """The chart as JSON, for live updates. An unchanged chart costs a 304 (If-None-Match)."""
    filterset = filter_events(request.GET)
    if not filterset.is_valid():
        return HttpResponse(error_message(filterset), status=400, content_type="text/plain; charset=utf-8")
    body, etag = live_body(build_chart(name, filterset))
    response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    # Always revalidate: new events must show within one poll, and a 304 is cheap.
    patch_cache_control(response, no_cache=True, public=True)
    return get_conditional_response(request, etag=etag, response=response)


SNIPPET_HEIGHTS = {"timeline": 520, "map": 600}


def embed_snippets(request: HttpRequest, filterset: EventFilter) -> list[dict[str, str]]:
    """Copy-paste <iframe> code for each chart of the current filters, with absolute URLs. Plain
    text (escaped here for the snippet's own HTML, and again by the template that shows it)."""
    query = filter_params(filterset.data).urlencode()
    snippets = []
    for name, (_, title) in CHARTS.items():
        src = request.build_absolute_uri(reverse(f"embed:{name}") + (f"?{query}" if query else ""))
        code = (
            f'<iframe src="{html.escape(src)}" title="{html.escape("Sanctuary Tracker: " + title)}" '
            f'width="100%" height="{SNIPPET_HEIGHTS[name]}" loading="lazy" frameborder="0"></iframe>'
        )
        snippets.append({"name": name, "title": title, "src": src, "code": code})
    return snippets
