"""Site-wide pages: the home dashboard, the about page and the health check."""
from importlib.metadata import PackageNotFoundError, version

from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from events.charts.base import filter_params
from events.charts.summary import Summary
from events.embeds import CHARTS, build_chart, error_message
from events.filters import filter_events
from events.models import Event
from events.record.bibliography import cited_pages
from feeds import heartbeat
from jurisdictions.gazetteer import provenance as gazetteer_provenance
from jurisdictions.models import Jurisdiction


def home(request: HttpRequest) -> HttpResponse:
    """The dashboard: headline counts, the timeline and map of every published event, the latest
    events and the filter form (which opens the events list).

    The first page a reader loads stays light (HOME_TABLE_ROWS, HOME_MAP_POINTS): each chart's table
    shows its latest months or busiest places and links to the whole table on its own page
    (``chart_table``); the map draws its busiest places as circles and shades every state."""
    filters = filter_events({})
    # Every published event: the chart summary answers all three, kept up to date by each change.
    summary = Summary()
    rows = settings.HOME_TABLE_ROWS
    context = {
        "counts": summary.cached("headline", summary.headline),
        "timeline": summary.chart("timeline").excerpt(rows, last=True),
        "map": summary.capped_map(None, settings.HOME_MAP_POINTS, rows),
        "events": Event.objects.published().with_list_data().newest_first()[: settings.HOME_LATEST_EVENTS],
        "filters": filters,
    }
    return render(request, "tracker/home.html", context)


@require_safe
def chart_table(request: HttpRequest, name: str) -> HttpResponse:
    """A chart's whole table on a page of its own (the dashboard shows a few rows and links here), for
    the filters in the query string, as the embeds take them."""
    filterset = filter_events(request.GET)
    if not filterset.is_valid():
        return HttpResponse(error_message(filterset), status=400, content_type="text/plain; charset=utf-8")
    chart = build_chart(name, filterset)
    query = filter_params(filterset.data).urlencode()
    context = {"chart": chart, "title": CHARTS[name][1], "name": name, "filters": filterset,
               "query": f"?{query}" if query else ""}
    return render(request, "tracker/chart_table.html", context)


def about(request: HttpRequest) -> HttpResponse:
    by_kind = dict(Jurisdiction.objects.values_list("kind").annotate(n=Count("pk")))
    counts = {
        "state": sum(by_kind.get(k, 0) for k in ("state", "district", "territory")),
        "county": by_kind.get("county", 0),
        "place": by_kind.get("place", 0),
    }
    # The page credits the plotly.js build this site actually serves.
    try:
        plotly_version = version("plotly")
    except PackageNotFoundError:
        plotly_version = ""
    context = {
        "counts": counts, "provenance": gazetteer_provenance(), "plotly_version": plotly_version,
        "cited_pages": cited_pages(),
    }
    return render(request, "tracker/about.html", context)


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitors: the database answers, and whether a worker was seen lately."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"database": "ok", **heartbeat.status()})


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers and feed readers ask for /favicon.ico whatever the page says; the icon is an SVG."""
    from django.templatetags.static import static

    return redirect(static("favicon.svg"), permanent=True)
