"""Web: server time of the public pages at 10,000 and 100,000 synthetic events, each as a ratio to a
trivial Django view measured in the same run, with the number of SQL queries per request; and the
peak resident memory of a web process over 1,000 mixed requests.

How requests are made: in-process, through Django's test ``Client`` (the full WSGI handler: every
middleware, URL resolving, the view, template rendering, and the whole body — streamed bodies are read
to the end). No socket and no server in between, so the figures are the application's own time
without network or gunicorn noise, which a same-machine HTTP client would add unevenly (on 2 cores
the client and the server would also compete for CPU). The Client is used WITHOUT Django's test
environment, so templates are not instrumented, and it keeps one database connection for the run,
as a web process with persistent connections (DB_CONN_MAX_AGE) does. Timings are taken with no
query capture; queries are counted on one further request.

Data: ``bench.synthetic_events`` over the real gazetteer (3,000 jurisdictions), seed 1, one article for every
ten events. A size already present is reused (and recorded as reused); otherwise the synthetic data
is removed and generated again, and the generation time recorded.
"""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass

from bench.stats import median, percentile

SIZES = (10_000, 100_000)
SEED = 1
WARMUPS = 3
REQUESTS = 30
# A 10,000-row export takes seconds, not milliseconds: fewer requests keep the run inside 10 minutes.
# With 10 samples the p95 is the slowest of them; the table shows the count beside each figure.
SLOW_REQUESTS = 10
CSV_ROWS = 10_000
THREE_FILTERS = "kind=federal_action&state=CA&date_from=2020-01-01"
API_URL = "/api/v1/events/"
MEMORY_REQUESTS = 1000


@dataclass
class Target:
    name: str
    url: str
    requests: int = REQUESTS
    note: str = ""


def run(repeats: int = 5, sizes: tuple[int, ...] = SIZES) -> dict:
    """Measure every page at each size. ``repeats`` is unused: each page is requested REQUESTS times."""
    results: dict = {"method": "in-process Django test Client (full WSGI stack, no network)", "sizes": {}}
    # The size already in the database goes first, so a run reuses it instead of generating it again.
    present = _synthetic_events()
    ordered = sorted(sizes, key=lambda size: (size != present, size))
    for size in ordered:
        _say(f"web: {size:,} events: {'reusing' if size == _synthetic_events() else 'generating'} the data")
        data = ensure_size(size)
        _say(f"web: {size:,} events: timing the pages")
        with bench_settings():
            targets = choose_targets()
            results["sizes"][str(size)] = {"data": data, "pages": measure_targets(targets)}
        if size == max(sizes):
            # While the largest data set is in place, whichever order the sizes ran in.
            _say(f"web: {MEMORY_REQUESTS:,} mixed requests in a fresh process, for its peak memory")
            results["web_process_memory"] = {"events": size, **web_process_peak_rss(MEMORY_REQUESTS)}
    return results


def _say(message: str) -> None:
    print(f"  … {message}", file=sys.stderr, flush=True)


# -- data ---------------------------------------------------------------------------------------------


def _synthetic_events() -> int:
    from events.models import Event

    return Event.objects.filter(is_synthetic=True).count()


def ensure_size(size: int) -> dict:
    """Synthetic data of exactly ``size`` events: reused when present, else made from scratch."""
    from events.models import Event
    from bench.synthetic_events import generate, remove_synthetic, synthetic_counts
    from events.tallies import rebuild_tallies
    from jurisdictions.gazetteer.load import analyze_jurisdictions

    if _synthetic_events() == size:
        data = {"reused": True, **synthetic_counts()}
    else:
        started = time.perf_counter()
        removed = remove_synthetic()
        removed_s = time.perf_counter() - started
        started = time.perf_counter()
        made = generate(size, size // 10, seed=SEED)
        # generate() and remove_synthetic() write in bulk, without signals: recount the chart summary.
        rebuild_tallies()
        vacuum_analyze()
        data = {
            "reused": False,
            "removed_rows": sum(removed.values()),
            "remove_s": round(removed_s, 1),
            "generate_s": round(time.perf_counter() - started, 1),
            **{key: made.get(key, 0) for key in ("events", "sources", "event_jurisdictions", "cases", "policies", "articles")},
        }
    # A reused database may never have had its gazetteer analysed (autovacuum off): see
    # jurisdictions.gazetteer.load.analyze_jurisdictions.
    analyze_jurisdictions()
    data["published_events"] = Event.objects.published().count()
    data["all_events"] = Event.objects.count()
    return data


def vacuum_analyze() -> None:
    """Leave the tables as autovacuum would in production (no dead row versions from the load, fresh
    statistics), so the first size measured is not penalised for having just been written."""
    from django.db import connection

    from bench.synthetic_events import written_models
    from events.models import (
        DayTally, JurisdictionTally, MoneyTally, PolicyTally, StateDayTally, StatePairTally, StatePlaceKindTally,
        StatePlaceTally, StateTally, TallyMember,
    )
    from jurisdictions.models import Jurisdiction

    if connection.vendor != "postgresql":
        return
    # The gazetteer too (loaded before, and never analysed where autovacuum is off), and the chart
    # summary that rebuild_tallies() just wrote.
    tallies = [DayTally, StateTally, JurisdictionTally, StateDayTally, StatePlaceTally, StatePairTally,
               StatePlaceKindTally, MoneyTally, TallyMember, PolicyTally]
    with connection.cursor() as cursor:
        for model in [*written_models(), Jurisdiction, *tallies]:
            cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


# -- what is requested ----------------------------------------------------------------------------------


def choose_targets() -> list[Target]:
    """The pages to time, picked from the data: the busiest jurisdiction, a rich event page, and an
    export filter giving about CSV_ROWS rows."""
    from django.db.models import Count, F
    from django.urls import Resolver404, resolve

    from events.choices import EventKind, EventStatus
    from events.filters import filter_events
    from events.models import Event, EventJurisdiction
    from jurisdictions.models import Jurisdiction

    busiest = (
        EventJurisdiction.objects.filter(event__status=EventStatus.PUBLISHED)
        .values("jurisdiction").annotate(n=Count("event")).order_by("-n", "jurisdiction")[:1]
    )
    targets = [Target("trivial view", "/bench/trivial/"), Target("/", "/"),
               Target("/events/ three filters", f"/events/?{THREE_FILTERS}")]
    if busiest:
        place = Jurisdiction.objects.get(pk=busiest[0]["jurisdiction"])
        targets.append(Target("busy jurisdiction page", place.get_absolute_url(),
                              note=f"{place}: {busiest[0]['n']} published events"))
    # A court ruling in a case: the page with the most parts (case chain, related events, sources).
    event = (
        Event.objects.published().filter(kind=EventKind.COURT_RULING, case__isnull=False)
        .order_by(F("date").desc(nulls_last=True), "-id").first()
        or Event.objects.published().order_by("-id").first()
    )
    if event is not None:
        targets.append(Target("event page", event.get_absolute_url(), note=f"event {event.pk}, {event.kind}"))
    export_filter = csv_filter(CSV_ROWS)
    rows = filter_events(dict(_pairs(export_filter))).qs.count()
    targets.append(Target(f"CSV export ~{CSV_ROWS:,} rows", f"/events/export.csv?{export_filter}",
                          requests=SLOW_REQUESTS, note=f"{rows} rows expected"))
    try:
        resolve(API_URL)
        targets.append(Target("/api/v1/events/ filtered", f"{API_URL}?{THREE_FILTERS}"))
    except Resolver404:
        targets.append(Target("/api/v1/events/ filtered", "", note="API not built"))
    return targets


def csv_filter(rows: int) -> str:
    """``date_from`` set so that about ``rows`` published events are at or after it (all of them when
    there are fewer)."""
    from events.models import Event

    dated = Event.objects.published().exclude(date=None).order_by("-date").values_list("date", flat=True)
    cutoff = dated[rows - 1: rows]
    return f"date_from={cutoff[0].isoformat()}" if cutoff else "date_from=2017-01-01"


def _pairs(query: str) -> list[tuple[str, str]]:
    from urllib.parse import parse_qsl

    return parse_qsl(query)


# -- how it is requested -------------------------------------------------------------------------------


@contextmanager
def bench_settings():
    """The site as production runs it (DEBUG off, HTTPS), plus the trivial view; static URLs from the
    plain storage, so no `collectstatic` is needed first (the manifest lookup it replaces is a dict read)."""
    from django.conf import settings
    from django.test.utils import override_settings

    with override_settings(
        ROOT_URLCONF="bench.urls",
        DEBUG=False,
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
        STORAGES={**settings.STORAGES,
                  "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}},
    ):
        yield


def new_client():
    from django.test import Client

    # A 500 from a half-built page is recorded, not raised: the other pages are still measured.
    return Client(raise_request_exception=False)


def fetch(client, url: str) -> tuple[int, bytes]:
    """One request; the whole body, streamed or not, as a browser or analyst would read it."""
    response = client.get(url, secure=True)
    # The Client closes the response itself (after the last streamed chunk), keeping the connection.
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body


def measure_targets(targets: list[Target]) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = new_client()
    measured: dict = {}
    for target in targets:
        if not target.url:
            measured[target.name] = {"skipped": target.note}
            continue
        for _ in range(WARMUPS):
            status, body = fetch(client, target.url)
        times = []
        for _ in range(target.requests):
            started = time.perf_counter()
            status, body = fetch(client, target.url)
            times.append(time.perf_counter() - started)
        with CaptureQueriesContext(connection) as queries:
            status, body = fetch(client, target.url)
        row = {
            "url": target.url,
            "status": status,
            "requests": target.requests,
            "p50_ms": round(median(times) * 1000, 1),
            "p95_ms": round(percentile(times, 95) * 1000, 1),
            "queries": len(queries),
            "bytes": len(body),
        }
        if target.url.startswith("/events/export.csv") and status == 200:
            row["csv_rows"] = sum(1 for _ in csv.reader(io.StringIO(body.decode("utf-8-sig")))) - 1
        if target.note:
            row["note"] = target.note
        measured[target.name] = row
    trivial = measured.get("trivial view", {})
    for row in measured.values():
        if "p50_ms" in row and trivial.get("p50_ms"):
            row["p50_ratio"] = round(row["p50_ms"] / trivial["p50_ms"], 1)
            row["p95_ratio"] = round(row["p95_ms"] / trivial["p95_ms"], 1)
    return measured


# -- memory of a web process ----------------------------------------------------------------------------


def mixed_urls() -> list[str]:
    """One round of a day's mix, roughly: mostly event pages, then jurisdiction pages and lists, the
    dashboard, and one full export (so 1,000 requests make three exports of ~10,000 rows)."""
    from django.db.models import Count

    from events.choices import EventStatus
    from events.models import Event, EventJurisdiction
    from jurisdictions.models import Jurisdiction

    events = [e.get_absolute_url() for e in Event.objects.published().only("pk", "slug").order_by("-id")[:200]]
    busy = (EventJurisdiction.objects.filter(event__status=EventStatus.PUBLISHED)
            .values("jurisdiction").annotate(n=Count("event")).order_by("-n", "jurisdiction")[:20])
    places = [j.get_absolute_url() for j in Jurisdiction.objects.filter(pk__in=[b["jurisdiction"] for b in busy])]
    lists = ["/events/", f"/events/?{THREE_FILTERS}", "/events/?page=3", "/events/?kind=court_ruling&outcome=mixed",
             "/events/?q=grants&state=IL"]
    mix = events + places + lists * 4 + ["/"] * 20
    return mix + [f"/events/export.csv?{csv_filter(CSV_ROWS)}"]


def web_process_peak_rss(requests: int) -> dict:
    """Peak RSS (VmHWM) of a fresh process that serves ``requests`` mixed requests, in a subprocess
    so that nothing this process has loaded counts."""
    with bench_settings():
        urls = mixed_urls()
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "bench.web", "--serve-mixed", str(requests)],
        input=json.dumps(urls), capture_output=True, text=True, check=False, env=os.environ.copy(),
    )
    if completed.returncode != 0:
        return {"error": completed.stderr.strip().splitlines()[-1:] or ["no output"]}
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _serve_mixed(requests: int) -> None:
    """Child process: set up, serve the URL mix round-robin, report memory as JSON on stdout."""
    from bench.setup_db import configure

    urls = json.loads(sys.stdin.read())
    configure()
    statuses: dict[int, int] = {}
    with bench_settings():
        client = new_client()
        fetch(client, "/bench/trivial/")
        after_setup_mb = after_first_round_mb = _status_kb("VmRSS") / 1024
        for number in range(requests):
            status, _ = fetch(client, urls[number % len(urls)])
            statuses[status] = statuses.get(status, 0) + 1
            if number == len(urls) - 1:
                after_first_round_mb = _status_kb("VmRSS") / 1024
    print(json.dumps({
        "requests": requests,
        "distinct_urls": len(urls),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "rss_after_setup_mb": round(after_setup_mb, 1),
        "rss_after_first_round_mb": round(after_first_round_mb, 1),
        "rss_at_end_mb": round(_status_kb("VmRSS") / 1024, 1),
        "peak_rss_mb": round(_status_kb("VmHWM") / 1024, 1),
    }))


# -- table ---------------------------------------------------------------------------------------------


def report(results: dict) -> None:
    for size, block in results["sizes"].items():
        data = block["data"]
        made = "reused" if data.get("reused") else f"generated in {data.get('generate_s')} s"
        print(f"\n  {int(size):,} synthetic events ({data['published_events']:,} published; {made})")
        print(f"  {'page':28} {'p50 ms':>8} {'p95 ms':>8} {'x p50':>7} {'x p95':>7} {'queries':>7} {'n':>4}  status")
        for name, row in block["pages"].items():
            if "skipped" in row:
                print(f"  {name:28} skipped: {row['skipped']}")
                continue
            print(f"  {name:28} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} {row.get('p50_ratio', 0):7.1f} "
                  f"{row.get('p95_ratio', 0):7.1f} {row['queries']:7d} {row['requests']:4d}  {row['status']}"
                  + (f"  ({row['note']})" if row.get("note") else ""))
    memory = results.get("web_process_memory", {})
    print(f"\n  web process memory: {json.dumps(memory)}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--serve-mixed":
        _serve_mixed(int(sys.argv[2]))
    else:
        sys.exit("usage: python -m bench web   (this module runs directly only as the memory subprocess)")
