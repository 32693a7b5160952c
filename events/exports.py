"""Getting filtered events out: CSV, JSON and TimelineJS, streamed, with no row cap.

All three take the events list's query string through ``filter_events``, so an export holds exactly
the events the list counts (published only). Rows are read with ``.iterator(chunk_size=…)``, which
prefetches jurisdictions and sources once per chunk: memory stays bounded and a 10,000-row export
runs 1 + 2 × 20 queries, never one per row.

The columns below are a public contract: analysts script against them. Add new columns at the end;
never rename, reorder or drop one.
"""
from __future__ import annotations

import datetime
import functools
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from events.choices import DatePrecision
from events.filters import EventFilter, filter_events
from events.models import Event, EventJurisdiction
from events.visibility import names_its_case
from tracker.csvsafe import csv_lines

CHUNK_SIZE = 500
LIST_SEPARATOR = ";"
FILENAME_STEM = "sanctuary-tracker-events"
# TimelineJS puts slide HTML into the newsroom's page: link only web addresses, never javascript: etc.
WEB_SCHEMES = ("http://", "https://")

JURISDICTION_FIELDS = ("uid", "name", "kind", "state", "slug")

# (column, meaning) — the CSV header, in order, and the documentation of each column.
CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "The event's number on this site; never reused."),
    ("url", "Absolute permalink of the event's page."),
    ("title", "One-line headline, in the tracker's words."),
    ("kind", "federal_action, court_ruling, policy_change or enforcement_operation."),
    ("date", "YYYY-MM-DD; for month or year precision the first day of the month or year; empty if undated."),
    ("date_precision", "day, month, year, or unknown (the sources do not date it)."),
    ("date_text", "The date as the site writes it, no more precise than the sources."),
    ("summary", "What happened, in the tracker's words."),
    ("jurisdiction_ids", "Gazetteer ids of every jurisdiction involved (subjects first), ';'-separated."),
    ("jurisdiction_names", "Their names ('Chicago, IL'), same order, ';'-separated."),
    ("subject_jurisdiction_ids", "Ids of the jurisdictions the event is about (not only mentioned)."),
    ("agency", "Federal body that acted or ran the operation (federal actions, enforcement operations)."),
    ("action_type", "Federal actions: executive_order, memo, lawsuit, subpoena, grant_condition, …"),
    ("amount_at_stake", "Federal actions: dollars at stake as the sources state them; empty if none stated."),
    ("case", "Short name of the lawsuit the event belongs to, as in /cases/<name>/."),
    ("court", "Court rulings: the court that ruled."),
    ("court_outcome", "Court rulings: for_jurisdiction, for_federal, mixed or procedural."),
    ("reported_arrests", "Enforcement operations: arrests as reported; empty if no count is reported."),
    ("source_urls", "Links of the cited sources, ';'-separated."),
    ("source_publishers", "Their publishers (the author where a source names no publisher), same order."),
    ("source_titles", "Their titles, same order (a title may contain ';' itself: the JSON export splits exactly)."),
    ("published_at", "When the event was first made public (ISO 8601, UTC)."),
    ("updated", "When the event last changed (ISO 8601, UTC)."),
)
CSV_HEADER: tuple[str, ...] = tuple(name for name, _ in CSV_COLUMNS)


# -- what is exported -------------------------------------------------------------------------------

def export_queryset(filterset: EventFilter) -> QuerySet:
    """The filtered events with everything a record needs: details joined, jurisdictions and
    sources prefetched (per chunk, when iterated with ``chunks``)."""
    return filterset.qs.select_related(
        "case", "federal_action", "court_ruling", "enforcement_operation"
    ).prefetch_related(
        Prefetch(
            "involvements",
            # Subjects before places only mentioned ("subject" sorts after "mentioned"). Only the columns
            # a record shows: a chunk builds hundreds of these.
            queryset=EventJurisdiction.objects.select_related("jurisdiction")
            .only("event", "role", *(f"jurisdiction__{name}" for name in JURISDICTION_FIELDS))
            .order_by("-role", "jurisdiction__name"),
        ),
        "sources",
    )


def chunks(queryset: QuerySet) -> Iterator[Event]:
    """Every event, read CHUNK_SIZE at a time (a server-side cursor on PostgreSQL)."""
    return queryset.iterator(chunk_size=CHUNK_SIZE)


@functools.lru_cache(maxsize=4096)
def _jurisdiction_path(state: str, slug: str) -> str:
    # Busy jurisdictions appear in thousands of rows; reverse() each once.
    return reverse("jurisdiction", kwargs={"state": state.lower(), "slug": slug})


def _iso(moment: datetime.datetime | None) -> str | None:
    return moment.astimezone(datetime.timezone.utc).isoformat(timespec="seconds") if moment else None


def event_record(event: Event, base_url: str) -> dict[str, Any]:
    """One event as a JSON object; the CSV row is this record flattened (``csv_row``)."""
    action = getattr(event, "federal_action", None)
    ruling = getattr(event, "court_ruling", None)
    operation = getattr(event, "enforcement_operation", None)
    agency_holder = action or operation
    return {
        "id": event.pk,
        "url": base_url + event.get_absolute_url(),
        "title": event.title,
        "kind": event.kind,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "date_text": event.date_display,
        "summary": event.summary,
        "jurisdictions": [
            {
                "id": inv.jurisdiction.uid,
                "name": str(inv.jurisdiction),
                "kind": inv.jurisdiction.kind,
                "state": inv.jurisdiction.state,
                "role": inv.role,
                "url": base_url + _jurisdiction_path(inv.jurisdiction.state, inv.jurisdiction.slug),
            }
            for inv in event.involvements.all()
        ],
        "agency": agency_holder.agency if agency_holder else None,
        "action_type": action.action_type if action else None,
        "amount_at_stake": int(action.amount_at_stake) if action and action.amount_at_stake is not None else None,
        "case": (
            {
                "slug": event.case.slug,
                "caption": event.case.caption,
                "docket_number": event.case.docket_number,
                "url": base_url + event.case.get_absolute_url(),
            }
            if names_its_case(event)
            else None
        ),
        "court": ruling.court if ruling else None,
        "court_outcome": ruling.outcome if ruling else None,
        "reported_arrests": operation.reported_arrests if operation else None,
        "sources": [
            {
                "url": source.url,
                "publisher": source.publisher,
                "author": source.author,
                "title": source.title,
                "published": source.published.isoformat() if source.published else None,
            }
            for source in event.sources.all()
        ],
        "published_at": _iso(event.published_at),
        "updated": _iso(event.updated),
    }


def csv_row(record: dict[str, Any]) -> list[Any]:
    """The record flattened into CSV_HEADER's order: lists joined by LIST_SEPARATOR, None as empty."""
    places, sources = record["jurisdictions"], record["sources"]
    flat = {
        **record,
        "jurisdiction_ids": _joined(p["id"] for p in places),
        "jurisdiction_names": _joined(p["name"] for p in places),
        "subject_jurisdiction_ids": _joined(p["id"] for p in places if p["role"] == "subject"),
        "case": record["case"]["slug"] if record["case"] else None,
        "source_urls": _joined(s["url"] for s in sources),
        "source_publishers": _joined(s["publisher"] or s["author"] for s in sources),
        "source_titles": _joined(s["title"] for s in sources),
    }
    return ["" if flat[name] is None else flat[name] for name in CSV_HEADER]


def _joined(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(values)


# -- TimelineJS --------------------------------------------------------------------------------------

def timeline_start_date(event: Event) -> dict[str, str]:
    """TimelineJS's date object, no more precise than the sources: a year, a month, or a day.
    Strings, as in TimelineJS's own examples."""
    start = {"year": str(event.date.year)}
    if event.date_precision in (DatePrecision.MONTH, DatePrecision.DAY):
        start["month"] = str(event.date.month)
    if event.date_precision == DatePrecision.DAY:
        start["day"] = str(event.date.day)
    return start


def timeline_slide(event: Event, base_url: str) -> dict[str, Any]:
    """One dated event as a TimelineJS slide. TimelineJS renders headline and text as HTML, so
    every value is escaped here; links go to the event and to its sources."""
    headline = format_html('<a href="{}">{}</a>', base_url + event.get_absolute_url(), event.title)
    linked = ((s.url, s.publisher or s.author) for s in event.sources.all() if s.url.startswith(WEB_SCHEMES))
    sources = format_html_join("; ", '<a href="{}">{}</a>', linked)
    text = format_html("<p>{}</p>", event.summary)
    if sources:
        text += format_html("<p>Sources: {}</p>", sources)
    return {
        "unique_id": f"event-{event.pk}",
        "start_date": timeline_start_date(event),
        "display_date": event.date_display,
        "text": {"headline": str(headline), "text": str(text)},
        "group": event.get_kind_display(),
        "autolink": False,
    }


def timeline_title(filterset: EventFilter, list_url: str) -> dict[str, Any]:
    active = "; ".join(f"{label.lower()}: {value}" for label, value in filterset.active_filters())
    headline = "Sanctuary Tracker: events" + (f" where {active}" if active else "")
    text = format_html(
        '<p>Published events, each traced to its sources. Undated events are left out. '
        'Full list: <a href="{}">Sanctuary Tracker</a>.</p>',
        list_url,
    )
    return {"text": {"headline": str(format_html("{}", headline)), "text": str(text)}}


# -- streaming ---------------------------------------------------------------------------------------

def json_document(events: Iterable[Event], base_url: str, head: dict[str, Any], key: str, build) -> Iterator[str]:
    """``{…head, key: [build(event), …], "count": n}`` written piece by piece. The count comes last
    because it is only known once every event has been written."""
    opening = json.dumps(head, ensure_ascii=False)[:-1]
    yield opening + (", " if head else "") + json.dumps(key) + ": ["
    count = 0
    for event in events:
        yield ("," if count else "") + "\n" + json.dumps(build(event, base_url), ensure_ascii=False)
        count += 1
    yield f'\n], "count": {count}}}\n'


def csv_document(events: Iterable[Event], base_url: str) -> Iterator[str]:
    return csv_lines(CSV_HEADER, (csv_row(event_record(event, base_url)) for event in events))


# -- views -------------------------------------------------------------------------------------------

def invalid_filters_response(filterset: EventFilter) -> HttpResponse:
    """400 in plain text, naming each bad parameter: a script gets a reason, never a wrong file."""
    lines = ["Invalid filters:"]
    for name, errors in filterset.form.errors.items():
        for error in errors:
            lines.append(f"{name}: {error}")
    return HttpResponse("\n".join(lines) + "\n", status=400, content_type="text/plain; charset=utf-8")


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _list_url(request: HttpRequest) -> str:
    query = request.GET.urlencode()
    return request.build_absolute_uri(reverse("events:list") + (f"?{query}" if query else ""))


def _attachment(response: StreamingHttpResponse, extension: str) -> StreamingHttpResponse:
    filename = f"{FILENAME_STEM}-{timezone.localdate():%Y-%m-%d}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _head(request: HttpRequest) -> dict[str, Any]:
    return {
        "source": "Sanctuary Tracker",
        "generated_at": _iso(timezone.now()),
        "list_url": _list_url(request),
        "query": request.GET.urlencode(),
    }


def export_csv(request: HttpRequest) -> HttpResponse:
    filterset = filter_events(request.GET)
    if not filterset.is_valid():
        return invalid_filters_response(filterset)
    events = chunks(export_queryset(filterset))
    response = StreamingHttpResponse(csv_document(events, _base_url(request)), content_type="text/csv; charset=utf-8")
    return _attachment(response, "csv")


def export_json(request: HttpRequest) -> HttpResponse:
    filterset = filter_events(request.GET)
    if not filterset.is_valid():
        return invalid_filters_response(filterset)
    events = chunks(export_queryset(filterset))
    body = json_document(events, _base_url(request), _head(request), "events", event_record)
    response = StreamingHttpResponse(body, content_type="application/json; charset=utf-8")
    # Public, cookie-free data: other sites' scripts may read it.
    response["Access-Control-Allow-Origin"] = "*"
    return _attachment(response, "json")


def timelinejs(request: HttpRequest) -> HttpResponse:
    """TimelineJS3 JSON for a newsroom's embed; served inline (not an attachment) so TimelineJS can
    load it by URL, and readable cross-origin."""
    filterset = filter_events(request.GET)
    if not filterset.is_valid():
        return invalid_filters_response(filterset)
    events = chunks(export_queryset(filterset).dated())
    head = {"title": timeline_title(filterset, _list_url(request)), "scale": "human"}
    body = json_document(events, _base_url(request), head, "events", timeline_slide)
    response = StreamingHttpResponse(body, content_type="application/json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response
