"""Peer: the site against Datasette serving the same published events, over HTTP, in one loop.

Datasette is what an analyst would reach for instead of this site: copy the events into SQLite and
browse, facet, filter and export them. This benchmark makes that copy (``copy_published``: one table,
``events``, of the PUBLISHED events only, with the columns an analyst facets and filters on, and the
indexes a Datasette user would add), serves it with ``datasette serve -i`` (immutable, as
``datasette publish`` does), serves the site with gunicorn as in production (``bench.load.gunicorn``:
DEBUG off, 3 sync workers, whitenoise), and times three pairs of equivalent requests:

1. the events list with kind + state + a date range, against Datasette's table page with the same
   filters, sorted the same way, 50 rows, faceted by kind and by state;
2. the API's events list for one state (50 rows, newest published first) against Datasette's ``.json``
   with the same filter, order and page size (``_nocount=1``: the API's cursor pages count nothing);
3. a ~10,000-row CSV: the site's export for a ``date_from`` that gives about 10,000 rows, against
   Datasette's ``.csv?…&_stream=on`` for the same rows (both row counts printed and checked).

Each event can involve jurisdictions in several states, so the copy keeps them as a JSON array
(``states``), filtered with Datasette's ``states__arraycontains=CA`` and faceted with
``_facet_array=states`` — what Datasette's own filter form offers for such a column (no index can serve
it). Datasette's ``_through`` (a many-to-many filter that could use an indexed table of event states)
is broken in 0.65.x when combined with any column filter: it names its parameter ``p0`` too, so
``kind=…&_through=…`` binds the state to both and matches nothing.
Datasette's time limits are raised (``sql_time_limit_ms``, ``facet_time_limit_ms``) so that it does
all the work rather than dropping a facet or a count that runs long.

The loop: warm-up requests first (each of gunicorn's workers keeps its own cache of the list's count
and charts, so a few per request), then ROUNDS rounds, each making all six requests in a shuffled
order, so both servers see the same machine load. Requests carry ``Accept-Encoding: gzip`` as a
browser's do; the time is until the last byte of the body. Each size has its own database
(``<bench database>_100k``…), generated once with ``bench.synthetic_events`` and reused; the SQLite
copy is reused while the events it was made from are unchanged.
"""
from __future__ import annotations

import csv
import datetime
import gzip
import http.client
import io
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode

from bench.stats import median, percentile

SIZES = (100_000, 300_000)
ROUNDS = 15
WARMUPS = {"list": 8, "json": 8, "csv": 2}
CSV_ROWS = 10_000
PAGE_SIZE = 50  # the events list's and the API's
# Ports of the two servers; BENCH_DATASETTE_PORT and BENCH_PEER_PORT move them (a shared machine).
DATASETTE_PORT = int(os.environ.get("BENCH_DATASETTE_PORT") or 8611)
GUNICORN_PORT = int(os.environ.get("BENCH_PEER_PORT") or 8612)
DATABASE = "peer"  # the SQLite file's stem: Datasette's database name in its URLs
RESULTS = Path(__file__).resolve().parent / "results"
CLIENT_TIMEOUT_S = 120.0
LIST_FILTERS = {"kind": "federal_action", "state": "CA", "date_from": "2020-01-01", "date_to": "2025-12-31"}
JSON_STATE = "CA"
DATASETTE_SETTINGS = {"sql_time_limit_ms": 30_000, "facet_time_limit_ms": 30_000}

COLUMNS = (
    # (name, SQLite type, what it holds)
    ("id", "INTEGER PRIMARY KEY", "The event's number on the site."),
    ("url", "TEXT", "Path of the event's page on the site."),
    ("title", "TEXT", "Headline."),
    ("kind", "TEXT", "federal_action, court_ruling, policy_change or enforcement_operation."),
    ("date", "TEXT", "YYYY-MM-DD (first day of the month or year for coarser precision); NULL if undated."),
    ("date_precision", "TEXT", "day, month, year or unknown."),
    ("summary", "TEXT", "What happened."),
    ("states", "TEXT", "JSON array of the USPS codes of every jurisdiction involved."),
    ("jurisdictions", "TEXT", "JSON array of their names ('Chicago, IL'), subjects first."),
    ("subject_jurisdictions", "TEXT", "JSON array of the names of the jurisdictions it is about."),
    ("agency", "TEXT", "Federal body that acted or ran the operation."),
    ("action_type", "TEXT", "Federal actions: lawsuit, memo, grant_condition, …"),
    ("amount_at_stake", "INTEGER", "Federal actions: dollars at stake, where stated."),
    ("case_slug", "TEXT", "The lawsuit's short name on the site."),
    ("court", "TEXT", "Court rulings: the court."),
    ("court_outcome", "TEXT", "Court rulings: for_jurisdiction, for_federal, mixed or procedural."),
    ("reported_arrests", "INTEGER", "Enforcement operations: arrests as reported."),
    ("source_count", "INTEGER", "How many sources are cited."),
    ("source_urls", "TEXT", "JSON array of the cited sources' links."),
    ("published_at", "TEXT", "When it was first made public (ISO 8601, UTC)."),
    ("updated", "TEXT", "When it last changed (ISO 8601, UTC)."),
)
# The filter and sort columns, as a Datasette user adds indexes (``sqlite-utils create-index``).
INDEXES = (("kind",), ("date",), ("agency",), ("action_type",), ("court_outcome",), ("published_at",),
           ("kind", "date"))


@dataclass(frozen=True)
class Pair:
    name: str
    key: str  # warm-up class: list, json or csv
    ours: str
    peer: str


# -- the SQLite copy -----------------------------------------------------------------------------------


def data_version() -> dict:
    """What the copy is made from: if any of it changes, the copy is made again."""
    from django.db.models import Count, Max

    from events.models import Event

    return Event.objects.published().aggregate(events=Count("id"), max_id=Max("id"), updated=Max("updated"))


def copy_published(path: Path) -> dict:
    """Write the published events (never drafts or retracted ones) into a new SQLite file at ``path``."""
    from django.db.models import F

    from events.choices import EventStatus, InvolvementRole
    from events.models import Event, EventJurisdiction, Source
    from jurisdictions.choices import STATE_LEVEL_KINDS

    started = time.perf_counter()
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    published = {"event__status": EventStatus.PUBLISHED}
    places: dict[int, list[tuple[str, str, str]]] = {}
    # Subjects first, then by name: as the site's exports list them.
    for event_id, role, name, state, kind in (
        EventJurisdiction.objects.filter(**published).order_by("event_id", "-role", "jurisdiction__name")
        .values_list("event_id", "role", "jurisdiction__name", "jurisdiction__state", "jurisdiction__kind")
        .iterator(chunk_size=20_000)
    ):
        label = name if kind in STATE_LEVEL_KINDS else f"{name}, {state}"
        places.setdefault(event_id, []).append((role, label, state))
    sources: dict[int, list[str]] = {}
    for event_id, url in Source.objects.filter(**published).order_by("event_id", "id").values_list(
        "event_id", "url"
    ).iterator(chunk_size=20_000):
        sources.setdefault(event_id, []).append(url)

    db = sqlite3.connect(tmp)
    db.execute(f"CREATE TABLE events ({', '.join(f'[{name}] {kind}' for name, kind, _ in COLUMNS)})")
    rows = Event.objects.published().order_by("id").values_list(
        "id", "slug", "title", "kind", "date", "date_precision", "summary",
        F("federal_action__agency"), F("enforcement_operation__agency"), F("federal_action__action_type"),
        F("federal_action__amount_at_stake"), F("case__slug"), F("court_ruling__court"),
        F("court_ruling__outcome"), F("enforcement_operation__reported_arrests"), "published_at", "updated",
    )
    count = 0
    batch = []
    insert = f"INSERT INTO events VALUES ({', '.join('?' for _ in COLUMNS)})"
    for (pk, slug, title, kind, date, precision, summary, action_agency, operation_agency, action_type,
         amount, case_slug, court, outcome, arrests, published_at, updated) in rows.iterator(chunk_size=5000):
        involved = places.get(pk, [])
        states = sorted({state for _, _, state in involved})
        links = sources.get(pk, [])
        batch.append((
            pk, f"/events/{pk}-{slug}/", title, kind, date.isoformat() if date else None, precision, summary,
            json.dumps(states), json.dumps([label for _, label, _ in involved]),
            json.dumps([label for role, label, _ in involved if role == InvolvementRole.SUBJECT]),
            action_agency or operation_agency, action_type, int(amount) if amount is not None else None,
            case_slug, court, outcome, arrests, len(links), json.dumps(links), _iso(published_at), _iso(updated),
        ))
        if len(batch) >= 5000:
            db.executemany(insert, batch)
            count += len(batch)
            batch = []
    db.executemany(insert, batch)
    count += len(batch)
    for columns in INDEXES:
        db.execute(f"CREATE INDEX idx_events_{'_'.join(columns)} ON events ({', '.join(columns)})")
    db.execute("CREATE TABLE copy_meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO copy_meta VALUES ('version', ?)", [json.dumps(data_version(), default=str)])
    db.commit()
    db.execute("ANALYZE")  # as `sqlite-utils analyze-tables` / a careful user would
    db.commit()
    db.close()
    tmp.replace(path)
    return {"rows": count, "seconds": round(time.perf_counter() - started, 1), "bytes": path.stat().st_size}


def ensure_copy(path: Path) -> dict:
    """The SQLite copy at ``path``, reused when it was made from the same published events."""
    wanted = json.dumps(data_version(), default=str)
    if path.exists():
        try:
            with sqlite3.connect(path) as db:
                (version,) = db.execute("SELECT value FROM copy_meta WHERE key = 'version'").fetchone()
                (rows,) = db.execute("SELECT count(*) FROM events").fetchone()
            if version == wanted:
                return {"rows": rows, "reused": True, "bytes": path.stat().st_size}
        except sqlite3.Error:
            pass
    return {**copy_published(path), "reused": False}


def _iso(moment: datetime.datetime | None) -> str | None:
    return moment.astimezone(datetime.timezone.utc).isoformat(timespec="seconds") if moment else None


# -- the request pairs ---------------------------------------------------------------------------------


def pairs(csv_date_from: str) -> list[Pair]:
    """The three pairs of equivalent requests; ``csv_date_from`` gives the CSV its ~CSV_ROWS rows."""
    f = LIST_FILTERS
    table = f"/{DATABASE}/events"
    list_peer = urlencode([
        ("kind", f["kind"]), ("states__arraycontains", f["state"]), ("date__gte", f["date_from"]),
        ("date__lte", f["date_to"]), ("_sort_desc", "date"), ("_size", PAGE_SIZE),
        ("_facet", "kind"), ("_facet_array", "states"),
    ], quote_via=quote)
    json_peer = urlencode([("states__arraycontains", JSON_STATE), ("_sort_desc", "published_at"),
                           ("_size", PAGE_SIZE), ("_shape", "objects"), ("_nocount", "1")], quote_via=quote)
    csv_peer = urlencode([("date__gte", csv_date_from), ("_stream", "on"), ("_size", "max")], quote_via=quote)
    return [
        Pair("events list: kind + state + dates", "list", f"/events/?{urlencode(f)}", f"{table}?{list_peer}"),
        Pair(f"JSON: state={JSON_STATE}, {PAGE_SIZE} rows", "json",
             f"/api/v1/events/?state={JSON_STATE}", f"{table}.json?{json_peer}"),
        Pair(f"CSV ~{CSV_ROWS:,} rows", "csv", f"/events/export.csv?date_from={csv_date_from}",
             f"{table}.csv?{csv_peer}"),
    ]


def list_params():
    """LIST_FILTERS as the events page receives them (a QueryDict: ``kind`` is a multiple choice)."""
    from django.http import QueryDict

    return QueryDict(urlencode(LIST_FILTERS))


def csv_date_from(rows: int = CSV_ROWS) -> str:
    from bench.web import csv_filter

    return csv_filter(rows).removeprefix("date_from=")


def expected_rows(date_from: str) -> int:
    """The published events the CSV pair selects, counted by the site's own FilterSet."""
    from events.filters import filter_events

    return filter_events({"date_from": date_from}).qs.count()


def csv_row_count(body: bytes) -> int:
    return sum(1 for _ in csv.reader(io.StringIO(body.decode("utf-8-sig")))) - 1


# -- servers and the client ----------------------------------------------------------------------------


@contextmanager
def datasette(path: Path, port: int = DATASETTE_PORT):
    """``datasette serve -i FILE`` on ``port``, stopped afterwards."""
    command = [sys.executable, "-m", "datasette", "serve", "-i", str(path), "--host", "127.0.0.1",
               "--port", str(port)]
    for name, value in DATASETTE_SETTINGS.items():
        command += ["--setting", name, str(value)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        end = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"datasette exited: {process.stderr.read()[-2000:]}")
            try:
                if fetch(port, "/-/versions.json")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > end:
                raise RuntimeError("datasette did not answer in time")
            time.sleep(0.3)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()


def fetch(port: int, path: str) -> tuple[int, bytes, float]:
    """One GET as a browser makes it (gzip accepted); status, the decoded body, seconds to its last byte."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=CLIENT_TIMEOUT_S)
    try:
        started = time.perf_counter()
        conn.request("GET", path, headers={"Host": "127.0.0.1", "Accept-Encoding": "gzip"})
        response = conn.getresponse()
        body = response.read()
        seconds = time.perf_counter() - started
        if response.getheader("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return response.status, body, seconds
    finally:
        conn.close()


def interleaved(requests: list[Pair], ours: int, peer: int, rounds: int = ROUNDS, seed: int = 1) -> dict:
    """Warm-ups, then ``rounds`` rounds of every request of both servers in a shuffled order."""
    ports = {"ours": ours, "peer": peer}
    for pair in requests:
        for _ in range(WARMUPS[pair.key]):
            for side in ports:
                fetch(ports[side], getattr(pair, side))
    samples: dict[tuple[str, str], list[float]] = {(p.name, side): [] for p in requests for side in ports}
    statuses: dict[tuple[str, str], set[int]] = {key: set() for key in samples}
    sizes: dict[tuple[str, str], int] = {}
    order = [(pair, side) for pair in requests for side in ports]
    rng = random.Random(seed)
    for _ in range(rounds):
        rng.shuffle(order)
        for pair, side in order:
            status, body, seconds = fetch(ports[side], getattr(pair, side))
            samples[(pair.name, side)].append(seconds)
            statuses[(pair.name, side)].add(status)
            sizes[(pair.name, side)] = len(body)
    table = {}
    for pair in requests:
        row = {"ours_url": pair.ours, "peer_url": pair.peer, "requests": rounds}
        for side in ports:
            times = samples[(pair.name, side)]
            row[f"{side}_p50_ms"] = round(median(times) * 1000, 1)
            row[f"{side}_p95_ms"] = round(percentile(times, 95) * 1000, 1)
            row[f"{side}_status"] = sorted(statuses[(pair.name, side)])
            row[f"{side}_bytes"] = sizes[(pair.name, side)]
        row["p50_ratio"] = round(row["ours_p50_ms"] / row["peer_p50_ms"], 2)
        table[pair.name] = row
    return table


def check_rows(requests: list[Pair], ours: int, peer: int, date_from: str) -> dict:
    """Row counts both sides answer, from one more request each (not timed)."""
    list_pair, json_pair, csv_pair = requests
    from events.filters import filter_events

    peer_list = json.loads(fetch(peer, list_pair.peer.replace("/events?", "/events.json?", 1))[1])
    ours_list_count = filter_events(list_params()).qs.count()
    ours_json = json.loads(fetch(ours, json_pair.ours)[1])
    peer_json = json.loads(fetch(peer, json_pair.peer)[1])
    ours_csv = csv_row_count(fetch(ours, csv_pair.ours)[1])
    peer_csv = csv_row_count(fetch(peer, csv_pair.peer)[1])
    return {
        "list_count": {"ours": ours_list_count, "peer": peer_list.get("filtered_table_rows_count"),
                       "peer_facets": sorted(peer_list.get("facet_results", {}))},
        "json_rows": {"ours": len(ours_json.get("results", [])), "peer": len(peer_json.get("rows", []))},
        "csv_rows": {"ours": ours_csv, "peer": peer_csv, "expected": expected_rows(date_from),
                     "within_3_percent": abs(ours_csv - peer_csv) <= 0.03 * max(ours_csv, peer_csv, 1)},
    }


# -- the benchmark -------------------------------------------------------------------------------------


def size_url(base: str, size: int) -> str:
    suffix = f"{size // 1000}k" if size % 1000 == 0 else str(size)
    return f"{base}_{suffix}"


def run(repeats: int = 5, sizes: tuple[int, ...] = SIZES, rounds: int = ROUNDS) -> dict:
    """Each size in its own database. ``repeats`` is unused: each request is made ``rounds`` times."""
    from bench.load import gunicorn
    from bench.setup_db import use_database
    from bench.web import ensure_size

    base = os.environ["DATABASE_URL"]
    results: dict = {"method": "HTTP on 127.0.0.1, one interleaved loop; gunicorn (3 sync workers, DEBUG off) "
                               "vs datasette serve -i", "datasette": _datasette_version(), "sizes": {}}
    RESULTS.mkdir(exist_ok=True)
    for size in sizes:
        url = size_url(base, size)
        with use_database(url):
            _say(f"peer: {size:,} events in {url.rsplit('/', 1)[1]}")
            data = ensure_size(size)
            # One folder per size: Datasette names the database after the file's stem, in every URL.
            path = RESULTS / url.rsplit("/", 1)[1] / f"{DATABASE}.db"
            path.parent.mkdir(exist_ok=True)
            _say(f"peer: SQLite copy of the published events at {path}")
            copy = ensure_copy(path)
            date_from = csv_date_from()
            requests = pairs(date_from)
            # The API's public rate limit (120/min per address) would answer the loop with 429s: it is
            # the throttle working, not the query being timed, so this server's limit is lifted.
            with gunicorn(GUNICORN_PORT, {"API_PUBLIC_RATE": "100000/min"}) as ours, datasette(path) as peer:
                _say(f"peer: {rounds} rounds of {len(requests) * 2} requests (gunicorn :{ours}, datasette :{peer})")
                table = interleaved(requests, ours, peer, rounds)
                rows = check_rows(requests, ours, peer, date_from)
            results["sizes"][str(size)] = {
                "data": {key: data.get(key) for key in ("published_events", "all_events", "reused", "generate_s")},
                "sqlite_copy": copy, "requests": table, "rows": rows,
            }
    return results


def _datasette_version() -> str:
    try:
        from importlib.metadata import version

        return version("datasette")
    except Exception:  # noqa: BLE001 - reported, not fatal
        return "not installed"


def _say(message: str) -> None:
    print(f"  … {message}", file=sys.stderr, flush=True)


def report(results: dict) -> None:
    print(f"  {results['method']}; datasette {results['datasette']}")
    for size, block in results["sizes"].items():
        data, copy, rows = block["data"], block["sqlite_copy"], block["rows"]
        made = "reused" if copy.get("reused") else f"copied in {copy.get('seconds')} s"
        print(f"\n  {int(size):,} synthetic events ({data['published_events']:,} published; SQLite copy "
              f"{copy['rows']:,} rows, {copy['bytes'] / 1e6:.0f} MB, {made})")
        print(f"  {'request':36} {'ours p50':>9} {'p95':>7} {'datasette p50':>14} {'p95':>7} {'ours÷ds p50':>12}")
        for name, row in block["requests"].items():
            print(f"  {name:36} {row['ours_p50_ms']:9.0f} {row['ours_p95_ms']:7.0f} {row['peer_p50_ms']:14.0f} "
                  f"{row['peer_p95_ms']:7.0f} {row['p50_ratio']:12.2f}")
        print(f"  rows: list count ours {rows['list_count']['ours']:,} / datasette {rows['list_count']['peer']}; "
              f"JSON {rows['json_rows']['ours']} / {rows['json_rows']['peer']}; CSV ours "
              f"{rows['csv_rows']['ours']:,} / datasette {rows['csv_rows']['peer']:,} "
              f"(expected {rows['csv_rows']['expected']:,})")
        if rows["list_count"]["peer_facets"] != ["kind", "states"]:
            print(f"  datasette facets computed (others timed out): {rows['list_count']['peer_facets']}")
