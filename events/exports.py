"""Getting filtered events out: CSV, JSON and TimelineJS, streamed, with no row cap.

All three take the events list's query string through ``filter_events``, so an export holds exactly
the events the list counts (published only).

The CSV is read in ONE query of plain values (no model instances): the kind details are joined, and each
event's jurisdictions and sources come already joined into their ';'-separated cells by a correlated
subquery (``string_agg`` on PostgreSQL, ``group_concat`` on SQLite), streamed from a server-side cursor
on PostgreSQL. A 10,000-row export is one query and constant memory. Its bytes are exactly those of the
JSON record flattened (``csv_row(event_record(…))``); tests/dashboard/test_export_csv_same_bytes.py holds
the two to the same output.

JSON and TimelineJS read events with ``.iterator(chunk_size=…)``, which prefetches jurisdictions and
sources once per chunk: 1 + 2 × chunks queries, never one per row.

The columns below are a public contract: analysts script against them. Add new columns at the end;
never rename, reorder or drop one.
"""
from __future__ import annotations

import datetime
import functools
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.db import connections
from django.db.models import Prefetch, QuerySet
from django.db.models.expressions import RawSQL
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from events.choices import DatePrecision, InvolvementRole
from events.filters import EventFilter, filter_events
from events.models import Event, EventJurisdiction, Source
from events.models.event import format_date
from events.visibility import names_its_case
from jurisdictions.choices import STATE_LEVEL_KINDS
from jurisdictions.models import Jurisdiction
from tracker.csvsafe import csv_lines

CHUNK_SIZE = 500
# CSV: rows fetched from the server-side cursor at a time, and rows written per chunk of the response
# (one socket write per ~100 KB, not one per row).
CSV_FETCH_ROWS = 2000
CSV_ROWS_PER_WRITE = 250
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
    """The CSV of event instances (prefetched as ``export_queryset`` does): the reference the fast path
    (``csv_values_document``) must match byte for byte."""
    return csv_lines(CSV_HEADER, (csv_row(event_record(event, base_url)) for event in events))


# -- CSV in one query ----------------------------------------------------------------------------------

# The plain values a CSV row is made of, in the order ``_csv_value_rows`` unpacks them.
CSV_VALUES = (
    "pk", "slug", "title", "kind", "date", "date_precision", "summary",
    "federal_action__pk", "federal_action__agency", "federal_action__action_type", "federal_action__amount_at_stake",
    "enforcement_operation__agency", "enforcement_operation__reported_arrests",
    "case__slug", "case__is_public", "court_ruling__court", "court_ruling__outcome",
    "csv_published_at", "csv_updated", "csv_places", "csv_sources",
)


def _aggregated(vendor: str, columns: list[str], from_where: str, order_by: str) -> str:
    """One correlated subquery giving several ';'-joined lists of an event's related rows, in one order:
    an array on PostgreSQL, a JSON array (text) on SQLite, which has neither arrays nor (before 3.44)
    ORDER BY inside group_concat, but keeps the order of a FROM subquery."""
    sep = "'" + LIST_SEPARATOR + "'"
    if vendor == "postgresql":
        aggregates = ", ".join(f"string_agg({column}, {sep} ORDER BY {order_by})" for column in columns)
        return f"SELECT ARRAY[{aggregates}] {from_where}"
    named = ", ".join(f"{column} AS c{n}" for n, column in enumerate(columns))
    aggregates = ", ".join(f"group_concat(c{n}, {sep})" for n in range(len(columns)))
    return f"SELECT json_array({aggregates}) FROM (SELECT {named} {from_where} ORDER BY {order_by})"


def _list_subqueries(vendor: str) -> tuple[str, str]:
    """SQL for the jurisdiction cells (ids, names, subject ids) and the source cells (urls, publishers,
    titles), correlated to the outer events table. Orders as ``export_queryset``'s prefetches: subjects
    first then by name; sources in their model's order (published, id)."""
    q = connections["default"].ops.quote_name
    event = q(Event._meta.db_table)
    kinds = ", ".join(f"'{kind}'" for kind in STATE_LEVEL_KINDS)
    # str(jurisdiction): a state-level name alone, otherwise "Name, ST".
    name = f"CASE WHEN j.kind IN ({kinds}) THEN j.name ELSE j.name || ', ' || j.state END"
    subject = f"CASE WHEN ej.role = '{InvolvementRole.SUBJECT}' THEN j.uid END"
    places = _aggregated(
        vendor, ["j.uid", name, subject],
        f"FROM {q(EventJurisdiction._meta.db_table)} ej JOIN {q(Jurisdiction._meta.db_table)} j "
        f"ON j.id = ej.jurisdiction_id WHERE ej.event_id = {event}.id",
        "ej.role DESC, j.name, ej.id",
    )
    # A source without a publisher is named by its author, as in ``csv_row``.
    sources = _aggregated(
        vendor, ["s.url", "COALESCE(NULLIF(s.publisher, ''), s.author)", "s.title"],
        f"FROM {q(Source._meta.db_table)} s WHERE s.event_id = {event}.id",
        "s.published, s.id",
    )
    return places, sources


def _utc_text(vendor: str, column: str) -> str:
    """A timestamp as ``_iso`` writes it (2025-01-22T14:03:09+00:00), made by the database: parsing
    twenty thousand timestamps into datetimes only to print them again is a third of the Python time."""
    column = f"{connections['default'].ops.quote_name(Event._meta.db_table)}.{column}"
    if vendor == "postgresql":
        return f"""to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"')"""
    # SQLite holds Django's datetimes as UTC text. (%% : the query goes through %-formatting for its params.)
    return f"strftime('%%Y-%%m-%%dT%%H:%%M:%%S+00:00', {column})"


def csv_queryset(filterset: EventFilter) -> QuerySet:
    """The filtered events, in the list's order, as tuples of CSV_VALUES."""
    vendor = connections["default"].vendor
    places, sources = _list_subqueries(vendor)
    return filterset.qs.annotate(
        csv_places=RawSQL(places, ()), csv_sources=RawSQL(sources, ()),
        csv_published_at=RawSQL(_utc_text(vendor, "published_at"), ()),
        csv_updated=RawSQL(_utc_text(vendor, "updated"), ()),
    ).values_list(*CSV_VALUES)


DATE_TEXT_MEMO = 512  # dates remembered per export: rows share a few hundred dates; memory stays bounded


def _date_texts() -> Callable[[datetime.date | None, str], str]:
    """format_date with a small memo of its own for one export (freed with it, never more than
    DATE_TEXT_MEMO entries): thousands of rows share a few hundred dates."""
    memo: dict[tuple, str] = {}

    def date_text(day: datetime.date | None, precision: str) -> str:
        key = (day, precision)
        found = memo.get(key)
        if found is None:
            if len(memo) >= DATE_TEXT_MEMO:
                memo.clear()
            found = memo[key] = format_date(day, precision)
        return found

    return date_text


@functools.lru_cache(maxsize=1)
def _event_path_format() -> str:
    """The event permalink as a format string, so each row needs no reverse()."""
    return reverse("events:detail", kwargs={"pk": 918273645, "slug": "zq-slug-qz"}).replace(
        "918273645", "{pk}").replace("zq-slug-qz", "{slug}")


def _csv_value_rows(rows: Iterable[tuple], base_url: str, vendor: str) -> Iterator[list[Any]]:
    """Each tuple of CSV_VALUES as the row ``csv_row(event_record(event))`` gives."""
    event_url = base_url + _event_path_format()
    date_text = _date_texts()
    empty = (None, None, None)
    for (pk, slug, title, kind, date, precision, summary, action_pk, action_agency, action_type, amount,
         operation_agency, arrests, case_slug, case_public, court, outcome, published_at, updated,
         places, sources) in rows:
        if vendor != "postgresql":
            places, sources = json.loads(places) if places else empty, json.loads(sources) if sources else empty
        ids, names, subjects = places or empty
        urls, publishers, titles = sources or empty
        yield [
            pk, event_url.format(pk=pk, slug=slug or "event"), title, kind,
            date.isoformat() if date else None, precision, date_text(date, precision), summary,
            ids, names, subjects,
            action_agency if action_pk is not None else operation_agency,
            action_type, int(amount) if amount is not None else None,
            case_slug if case_public else None, court, outcome, arrests,
            urls, publishers, titles, published_at, updated,
        ]


def csv_values_document(filterset: EventFilter, base_url: str) -> Iterator[str]:
    """The whole CSV, from one streamed query, in pieces of CSV_ROWS_PER_WRITE rows."""
    vendor = connections["default"].vendor
    rows = csv_queryset(filterset).iterator(chunk_size=CSV_FETCH_ROWS)
    batch: list[str] = []
    for line in csv_lines(CSV_HEADER, _csv_value_rows(rows, base_url, vendor)):
        batch.append(line)
        if len(batch) >= CSV_ROWS_PER_WRITE:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


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
    body = csv_values_document(filterset, _base_url(request))
    response = StreamingHttpResponse(body, content_type="text/csv; charset=utf-8")
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
