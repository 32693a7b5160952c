"""Weight: what a reader's first visit downloads, measured in a real browser at 100,000 synthetic events.

The site runs as in production (gunicorn, DEBUG off, static files collected with their gzip and brotli
copies, whitenoise) — ``bench.load.gunicorn``. Debian's headless Chromium, driven by Playwright, opens
each page in a fresh profile (nothing cached), waits until the network is idle and the charts are
drawn, and the figure is the sum of the encoded (on-the-wire) body sizes of every response: the HTML,
CSS, scripts, Plotly, the map's topojson. Also reported: the HTML uncompressed (as the server builds it)
and each response with its Content-Encoding, so a regression shows where it comes from.

Run: ``python -m bench weight`` (BENCH_PORT=… to pick gunicorn's port). Targets (issue 13): ``/`` at most 600 KB on the wire (and its HTML at most 100 KB as built) and
``/embed/timeline/`` at most 450 KB.
"""
from __future__ import annotations

import http.client
import os
import sys

EVENTS = 100_000
PAGES = {"/": 600_000, "/embed/timeline/": 450_000}
HTML_TARGETS = {"/": 100_000}  # the dashboard's HTML as built, uncompressed
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def run(repeats: int = 1, *, events: int = EVENTS) -> dict:
    from bench import load
    from bench.load import gunicorn
    from bench.web import ensure_size

    if os.environ.get("BENCH_PORT"):  # a fixed port, where machines share port ranges
        load._free_port = lambda: int(os.environ["BENCH_PORT"])

    _say(f"weight: {events:,} synthetic events")
    data = ensure_size(events)
    pages: dict = {}
    with gunicorn() as port:
        base = f"http://127.0.0.1:{port}"
        for path, target in PAGES.items():
            _say(f"weight: {path} in headless Chromium")
            pages[path] = {**first_load(base + path), "html_bytes_uncompressed": _plain_size(port, path),
                           "target_wire_bytes": target}
            pages[path]["within_target"] = pages[path]["wire_bytes"] <= target and (
                pages[path]["html_bytes_uncompressed"] <= HTML_TARGETS.get(path, float("inf")))
    return {"data": {"events": data.get("published_events"), "reused": data.get("reused")},
            "server": "gunicorn (bench.load), DEBUG off, collectstatic'ed files via whitenoise",
            "browser": f"{CHROMIUM} headless, fresh profile per page", "pages": pages}


def first_load(url: str) -> dict:
    """Every response of a first visit (fresh context, no cache) and the sum of their encoded bodies."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            page = context.new_page()
            finished = []
            page.on("requestfinished", lambda request: finished.append(request))
            page.goto(url, wait_until="networkidle", timeout=120_000)
            page.wait_for_selector(".chart__plot .main-svg", timeout=60_000)
            page.wait_for_load_state("networkidle")
            responses = []
            for request in finished:
                response = request.response()
                responses.append({
                    "url": request.url.split("/", 3)[-1],
                    "status": response.status if response else None,
                    "encoding": (response.headers.get("content-encoding") if response else None) or "identity",
                    "wire_bytes": request.sizes()["responseBodySize"],
                })
            context.close()
        finally:
            browser.close()
    return {"wire_bytes": sum(r["wire_bytes"] for r in responses), "requests": len(responses),
            "responses": sorted(responses, key=lambda r: -r["wire_bytes"])}


def _plain_size(port: int, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1"})  # no Accept-Encoding: the bytes as built
        return len(conn.getresponse().read())
    finally:
        conn.close()


def report(results: dict) -> None:
    print(f"  {results['server']}; {results['browser']}; {results['data']['events']:,} published events")
    print(f"  {'page':20} {'on the wire':>12} {'target':>9} {'requests':>8} {'HTML as built':>14}")
    for path, row in results["pages"].items():
        mark = "ok" if row["within_target"] else "OVER"
        print(f"  {path:20} {row['wire_bytes'] / 1000:9.0f} KB {row['target_wire_bytes'] / 1000:6.0f} KB "
              f"{row['requests']:8d} {row['html_bytes_uncompressed'] / 1000:11.0f} KB  {mark}")
        for response in row["responses"]:
            print(f"      {response['wire_bytes'] / 1000:8.1f} KB  {response['encoding']:8} {response['url'][:70]}")


def _say(message: str) -> None:
    print(f"  … {message}", file=sys.stderr, flush=True)
