"""Web over HTTP: the public pages and API lists served by gunicorn (DEBUG off, one sync worker, so
its per-process cache is the one every request meets), timed from this process over a socket, warm
(p50, p95 of REQUESTS after WARMUPS) and right after a change to an event ("first request after a
change": an event's date is moved, through the ORM as an editor's save would, before each of
CHANGES single requests; median reported) and right after one is published ("first request after a
publish": a published event is taken back to draft and the page requested once, untimed, then it is
published again through ``publish_event``, as the review queue and the admin do, and the next request
timed; CHANGES times, median reported), and, as the control for both, after the same idle time with
nothing changed ("after a pause": the publish's median duration slept before a request). Run it once per
database size and compare the ratios (``python -m bench webhttp --events 10000`` then ``--events 300000``
on another BENCH_DATABASE_URL).

The port is BENCH_HTTP_PORT (default: a free one). The API's public rate limit is raised for the run
so that no answer is a 429.
"""
from __future__ import annotations

import datetime
import os
import sys
import time

from bench.stats import median, percentile

WARMUPS = 3
REQUESTS = 30
CHANGES = 7
RANGE_FILTERS = "kind=federal_action&state=CA&date_from=2020-01-01&date_to=2024-12-31"


def targets() -> dict[str, str]:
    """Every kind of public page and API list, picked from the data the same way at every size."""
    from django.db.models import F

    from events.choices import EventKind
    from events.models import Event
    from jurisdictions.models import Jurisdiction

    california = Jurisdiction.objects.states().get(state="CA")
    pages = {
        "/": "/",
        "/events/": "/events/",
        "/events/ kind+state+dates": f"/events/?{RANGE_FILTERS}",
        "/events/?state=CA": "/events/?state=CA",
        "California page": california.get_absolute_url(),
    }
    # A court ruling in a case: the event page with the most parts (case chain, related events,
    # sources), and its case's page. Synthetic ones only, so the page is the same kind at every size.
    ruling = (
        Event.objects.published().filter(is_synthetic=True, kind=EventKind.COURT_RULING, case__isnull=False)
        .order_by(F("date").desc(nulls_last=True), "-id").first()
    )
    if ruling is not None:
        pages["event page"] = ruling.get_absolute_url()
        pages["case page"] = ruling.case.get_absolute_url()
    pages.update({
        "/jurisdictions/?q=san": "/jurisdictions/?q=san",
        "/corrections/": "/corrections/",
        "/events/feed/": "/events/feed/",
        "/api/v1/events/": "/api/v1/events/",
        "/api/v1/events/?state=CA": "/api/v1/events/?state=CA",
        "/api/v1/jurisdictions/": "/api/v1/jurisdictions/",
        "/api/v1/cases/": "/api/v1/cases/",
        "/api/v1/policies/": "/api/v1/policies/",
        "/api/v1/lists/": "/api/v1/lists/",
    })
    return pages


def change_an_event(n: int) -> None:
    """What an editor's edit does: one published event's date moves by a day (and back next time)."""
    from events.models import Event

    event = Event.objects.published().filter(is_synthetic=True, date_precision="day").order_by("pk")[n % 5]
    event.date = event.date + datetime.timedelta(days=1 if n % 2 == 0 else -1)
    event.save()


def unpublish_an_event(n: int):
    """Take one published event back to draft (the state a publish starts from); returns it."""
    from events.choices import EventStatus
    from events.models import Event

    event = Event.objects.published().filter(is_synthetic=True).order_by("pk")[10 + n % 5]
    event.status = EventStatus.DRAFT
    event.save()
    return event


SIZES = (10_000,)  # one size per run (`--events N`): each needs its own database


def run(repeats: int = 1, sizes: tuple[int, ...] = SIZES) -> dict:
    from bench.load import _get, gunicorn
    from bench.web import ensure_size
    from events.services import publish_event

    size = sizes[0] if sizes else 10_000
    data = ensure_size(size)
    port = int(os.environ.get("BENCH_HTTP_PORT") or 0) or None
    pages: dict = {}
    with gunicorn(workers=1, port=port, env_extra={"API_PUBLIC_RATE": "100000/min"}) as port:
        for name, url in targets().items():
            for _ in range(WARMUPS):
                status, size_bytes = _get(port, url)
            times = []
            for _ in range(REQUESTS):
                started = time.perf_counter()
                status, size_bytes = _get(port, url)
                times.append(time.perf_counter() - started)
            after_change = []
            for n in range(CHANGES):
                change_an_event(n)
                started = time.perf_counter()
                _get(port, url)
                after_change.append(time.perf_counter() - started)
            after_publish, pauses = [], []
            for n in range(CHANGES):
                event = unpublish_an_event(n)
                _get(port, url)
                idle_from = time.perf_counter()
                publish_event(event)
                started = time.perf_counter()
                _get(port, url)
                after_publish.append(time.perf_counter() - started)
                pauses.append(started - idle_from)
            # The control: the same idle time before a request, with nothing changed. A request that follows
            # a pause is slower than one right after another (caches of the CPU, not of the site, gone
            # cold), by a few milliseconds: on a page of 3 ms that alone would read as 2x.
            after_pause = []
            for _ in range(CHANGES):
                _get(port, url)
                time.sleep(median(pauses))
                started = time.perf_counter()
                _get(port, url)
                after_pause.append(time.perf_counter() - started)
            pages[name] = {
                "url": url, "status": status, "bytes": size_bytes,
                "p50_ms": round(median(times) * 1000, 1), "p95_ms": round(percentile(times, 95) * 1000, 1),
                "after_change_ms": round(median(after_change) * 1000, 1),
                "after_publish_ms": round(median(after_publish) * 1000, 1),
                "after_pause_ms": round(median(after_pause) * 1000, 1),
                "pause_ms": round(median(pauses) * 1000, 1),
            }
            print(f"  … {name}: {pages[name]}", file=sys.stderr, flush=True)
    return {"events": data.get("published_events"), "all_events": data.get("all_events"),
            "server": "gunicorn, 1 sync worker, DEBUG off, over HTTP", "pages": pages}


def report(results: dict) -> None:
    print(f"  {results['server']}; {results['events']:,} published of {results['all_events']:,} events")
    print("  ÷ p50: the worse of the two first requests after a change, divided by the warm p50 (requests one")
    print("  after another); ÷ pause: the same, divided by a first request after the same pause with nothing changed")
    print(f"  {'page':28} {'p50 ms':>8} {'p95 ms':>8} {'1st after change':>17} {'1st after publish':>18} "
          f"{'after a pause':>14} {'÷ p50':>6} {'÷ pause':>8} {'bytes':>9} status")
    for name, row in results["pages"].items():
        worst = max(row["after_change_ms"], row["after_publish_ms"])
        paused = row.get("after_pause_ms") or 0.0
        print(f"  {name:28} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} {row['after_change_ms']:17.1f} "
              f"{row['after_publish_ms']:18.1f} {paused:14.1f} {_ratio(worst, row['p50_ms']):6.2f} "
              f"{_ratio(worst, paused):8.2f} {row['bytes']:9d} {row['status']}")


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0
