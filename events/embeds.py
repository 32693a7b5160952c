"""Embeds for other sites' stories: charts of a filtered list (/embed/timeline/?… and /embed/map/?…,
the same query string as the events list) and their live JSON, which embed-live.js polls; a
jurisdiction's history (/embed/jurisdictions/<state>/<slug>/) and a case's rulings
(/embed/cases/<slug>/); and the loader (/embed/embed.js) that a host page includes so each iframe
takes its content's height (embed pages post it with static/js/embed-height.js).

Only the embed pages may be framed by other sites; every other page keeps X-Frame-Options DENY and
CSP frame-ancestors 'none'.
"""
from __future__ import annotations

import hashlib
import html
import json

from csp.decorators import csp_replace
from django.contrib.staticfiles import finders
from django.db.models import F, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET, require_safe

from events.charts import Chart, timeline, us_map
from events.charts.base import filter_params, list_url
from events.charts.cache import ChartCache
from events.charts.summary import summary_for
from events.choices import EventKind, EventStatus
from events.filters import EventFilter, filter_events
from events.models import Case, Event
from events.visibility import public_cases, public_policies
from events.policy_chart import policy_timeline_figure
from jurisdictions.models import Jurisdiction

CHARTS = {
    "timeline": (timeline, "Events over time"),
    "map": (us_map, "Where the events happened"),
}
FRAMABLE = csp_replace({"frame-ancestors": ["*"]})


def build_chart(name: str, filterset: EventFilter, charts: ChartCache | None = None) -> Chart:
    """The chart for valid filters: from the chart summary when it answers these filters, else
    counted over the events and cached while the data has not changed."""
    summary = summary_for(filterset)
    if summary is not None and summary.answers(name):
        return summary.chart(name, filterset.data)
    charts = charts or ChartCache(filterset.data)
    return charts.get(name, lambda: CHARTS[name][0](filterset.qs, filterset.data))


def capped_map(filterset: EventFilter, charts: ChartCache | None, max_points: int, rows: int) -> Chart:
    """The map as the events list shows it, the same size whatever the number of events: the
    ``max_points`` busiest places drawn and the first ``rows`` of its table; ``facts["total_rows"]``
    says how many the whole table (``/charts/map/``) has."""
    summary = summary_for(filterset)
    if summary is not None and summary.answers("map"):
        return summary.capped_map(filterset.data, max_points, rows)
    charts = charts or ChartCache(filterset.data)
    return charts.get(f"map-capped-{max_points}", lambda: us_map(filterset.qs, filterset.data, max_points=max_points)
                      ).excerpt(rows)


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
    context = {"name": name, "embed_id": name, "title": CHARTS[name][1], "filters": filterset}
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


# Heights before the loader sets the real one (and without it: the frame then scrolls).
SNIPPET_HEIGHTS = {"timeline": 520, "map": 600, "jurisdiction": 640, "case": 480}


def snippet_code(request: HttpRequest, src: str, title: str, height: int) -> str:
    """The copy-paste code for one embed: the <iframe> (marked data-sanctuary-tracker, so the loader
    knows it) and the loader script, with absolute URLs. Plain text, escaped here for the snippet's
    own HTML (the template that shows it escapes it again). No inline style or script, so the code
    works under a host page's strict CSP as long as it allows this site's script and frames."""
    loader = request.build_absolute_uri(reverse("embed:loader"))
    return (
        f'<iframe src="{html.escape(src)}" title="{html.escape("Sanctuary Tracker: " + title)}" '
        f'data-sanctuary-tracker width="100%" height="{height}" loading="lazy" frameborder="0"></iframe>\n'
        f'<script src="{html.escape(loader)}" async></script>'
    )


def embed_snippets(request: HttpRequest, filterset: EventFilter) -> list[dict[str, str]]:
    """Copy-paste code for each chart of the current filters."""
    query = filter_params(filterset.data).urlencode()
    snippets = []
    for name, (_, title) in CHARTS.items():
        src = request.build_absolute_uri(reverse(f"embed:{name}") + (f"?{query}" if query else ""))
        code = snippet_code(request, src, title, SNIPPET_HEIGHTS[name])
        snippets.append({"name": name, "title": title, "src": src, "code": code})
    return snippets


def jurisdiction_snippet(request: HttpRequest, jurisdiction: Jurisdiction, within: bool = False) -> dict[str, str]:
    """The embed code for a jurisdiction page (no query: the page already has the jurisdiction)."""
    url = reverse("embed:jurisdiction", kwargs={"state": jurisdiction.state.lower(), "slug": jurisdiction.slug})
    src = request.build_absolute_uri(url + ("?within=1" if within else ""))
    title = f"{jurisdiction}: policies, official lists and events"
    return {"name": "jurisdiction", "title": title, "src": src,
            "code": snippet_code(request, src, title, SNIPPET_HEIGHTS["jurisdiction"])}


def case_snippet(request: HttpRequest, case: Case) -> dict[str, str]:
    src = request.build_absolute_uri(reverse("embed:case", kwargs={"slug": case.slug}))
    title = f"{case.caption}: rulings"
    return {"name": "case", "title": title, "src": src,
            "code": snippet_code(request, src, title, SNIPPET_HEIGHTS["case"])}


# -- a jurisdiction's history and a case's rulings ---------------------------------------------------------

EMBED_EVENTS_SHOWN = 10


@require_GET
@xframe_options_exempt
@FRAMABLE
def jurisdiction_embed(request: HttpRequest, state: str, slug: str) -> HttpResponse:
    """A jurisdiction's history as its page shows it, made for a story: policies over time (chart
    and table), official-list history, and its latest published events with their count. Six
    queries whatever the data size."""
    # The page's helpers, imported here: events.views renders pages, this module only embeds them.
    from events.views import event_markers, has_places_inside, involves, list_histories, policy_periods

    jurisdiction = get_object_or_404(Jurisdiction, state=state.upper(), slug=slug)
    if state != state.lower():
        return redirect(request.path.replace(f"/{state}/", f"/{state.lower()}/", 1), permanent=True)
    today = timezone.localdate()
    within = has_places_inside(jurisdiction) and request.GET.get("within") == "1"
    policies = list(public_policies(jurisdiction.policies.all()).order_by(F("adopted").asc(nulls_last=True), "title", "pk"))
    periods, undated = policy_periods(jurisdiction, policies, today)
    markers = event_markers(jurisdiction)
    events = Event.objects.published().filter(involves(jurisdiction, within=within))
    page_url = request.build_absolute_uri(jurisdiction.get_absolute_url())
    context = {
        "embed_id": f"jurisdiction/{jurisdiction.state.lower()}/{jurisdiction.slug}",
        "jurisdiction": jurisdiction,
        "within": within,
        "policies": policies,
        "undated_policies": undated,
        "policy_figure": policy_timeline_figure(periods, markers) if (periods or markers) else None,
        "list_histories": list_histories(jurisdiction),
        "events_count": events.count(),
        "events": list(
            events.newest_first().only("pk", "slug", "title", "kind", "date", "date_precision")[:EMBED_EVENTS_SHOWN]
        ),
        "page_url": page_url,
        "events_url": page_url + ("?within=1#events" if within else "#events"),
    }
    return render(request, "embed/jurisdiction.html", context)


@require_GET
@xframe_options_exempt
@FRAMABLE
def case_embed(request: HttpRequest, slug: str) -> HttpResponse:
    """A case's rulings in date order (published only), with its court, docket, status and the
    federal action that led to it. Two queries whatever the number of rulings."""
    case = get_object_or_404(
        public_cases().select_related("originating_event__federal_action").prefetch_related(
            Prefetch(
                "events",
                queryset=Event.objects.published()
                .filter(kind=EventKind.COURT_RULING)
                .select_related("court_ruling")
                .order_by(F("date").asc(nulls_last=True), "id"),
                to_attr="public_rulings",
            )
        ),
        slug=slug,
    )
    origin = case.originating_event
    if origin is not None and origin.status != EventStatus.PUBLISHED:
        origin = None
    context = {
        "embed_id": f"case/{case.slug}",
        "case": case,
        "origin": origin,
        "rulings": case.public_rulings,
        "page_url": request.build_absolute_uri(case.get_absolute_url()),
    }
    return render(request, "embed/case.html", context)


# -- the loader ---------------------------------------------------------------------------------------------

LOADER_FILE = "js/embed-loader.js"
# The address is fixed (it is pasted into stories), so it cannot carry a version: caches keep it an
# hour and then revalidate with the ETag.
LOADER_MAX_AGE = 3600


@require_safe
def loader(request: HttpRequest) -> HttpResponse:
    """/embed/embed.js: the static loader at a stable address, for <script src> on other sites."""
    path = finders.find(LOADER_FILE)
    if not path:  # a broken install, not a reader's mistake
        raise FileNotFoundError(LOADER_FILE)
    with open(path, "rb") as handle:
        body = handle.read()
    etag = '"%s"' % hashlib.sha256(body).hexdigest()[:32]
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=LOADER_MAX_AGE)
    # Any page may load it, including pages that isolate themselves (COEP) or check it with SRI.
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["Access-Control-Allow-Origin"] = "*"
    return get_conditional_response(request, etag=etag, response=response)
