"""Load: the site under gunicorn as docker-compose runs it (DEBUG off, 3 sync workers, whitenoise), 50
concurrent connections for 60 seconds over three requests a reader and an analyst make — the filtered
events list, the API's events list and an event page — at 100,000 synthetic events; then schemathesis over
``/api/schema/`` against the same server for a bounded number of examples per operation.

Reported: requests per second, p50 and p99 latency and errors per request, with the API's throttled
answers (429) counted apart: they are the rate limit working, not failures. 0 errors expected, and 0
server errors from schemathesis.

The client is this process: 50 threads, each with its own connection per request (gunicorn's sync workers
close the connection after each answer, as they do behind the compose set-up). On a 2-core machine the
client competes with the server for CPU, so requests/s is a floor, not a capacity; the ratio that matters
is errors (none) and how latency grows with queueing (p99 against p50).
"""
from __future__ import annotations

import http.client
import os
import random
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from bench.stats import percentile

ROOT = Path(__file__).resolve().parents[1]
EVENTS = 100_000
CONNECTIONS = 50
DURATION_S = 60.0
WORKERS = 3  # as docker-compose.yml's web service
SCHEMATHESIS_EXAMPLES = 10
SCHEMATHESIS_PHASES = "examples,coverage,fuzzing"  # the stateful phase walks links for a long time
CLIENT_TIMEOUT_S = 60.0


def run(repeats: int = 1, *, events: int = EVENTS, duration: float = DURATION_S,
        connections: int = CONNECTIONS) -> dict:
    from bench.web import ensure_size

    _say(f"load: {events:,} synthetic events")
    data = ensure_size(events)
    event_path = _an_event_path()
    targets = {
        "events list, kind + state": "/events/?kind=federal_action&state=CA",
        "API events list": "/api/v1/events/",
        "event page": event_path,
    }
    with gunicorn() as port:
        _say(f"load: {connections} connections for {duration:.0f} s against gunicorn on :{port}")
        load = hammer(port, list(targets.items()), duration=duration, connections=connections)
        _say("load: schemathesis over /api/schema/")
        fuzz = schemathesis_run(port)
    return {"data": {"events": data.get("published_events"), "reused": data.get("reused")},
            "server": f"gunicorn, {WORKERS} sync workers, DEBUG off", "connections": connections,
            "duration_s": duration, "requests": load, "schemathesis": fuzz}


def report(results: dict) -> None:
    print(f"  {results['server']}; {results['connections']} connections for {results['duration_s']:.0f} s; "
          f"{results['data']['events']:,} published events")
    print(f"  {'request':28} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} {'ok':>6} {'429':>5} {'errors':>6}")
    for name, row in results["requests"].items():
        print(f"  {name:28} {row['rps']:7.1f} {row['p50_ms']:8.0f} {row['p99_ms']:8.0f} {row['ok']:6} "
              f"{row['throttled']:5} {row['errors']:6}")
    fuzz = results["schemathesis"]
    print(f"  schemathesis: exit {fuzz['exit_code']}, {fuzz['server_errors']} server errors "
          f"({fuzz['examples_per_operation']} examples per operation): {fuzz['summary']}")
    for problem in fuzz.get("problems", []):
        print(f"    {problem}")


def _say(message: str) -> None:
    print(f"  … {message}", file=sys.stderr, flush=True)


def _an_event_path() -> str:
    from events.models import Event

    event = Event.objects.published().order_by("-published_at", "-id").first()
    return event.get_absolute_url() if event else "/events/"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(port: int | None = None, extra_env: dict[str, str] | None = None, *, workers: int = WORKERS,
             env_extra: dict | None = None):
    """gunicorn as in docker-compose.yml, on ``port`` (a free local one by default), with static files
    collected (as the image does). ``extra_env`` (or ``env_extra``) adds settings for this server only."""
    env = {**os.environ, "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "0",
           "SECURE_HSTS_SECONDS": "0", **(extra_env or {}), **(env_extra or {})}
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    port = port or _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "tracker.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--timeout", "60", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        _wait_until_up(port, process)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_until_up(port: int, process: subprocess.Popen, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited: {process.stderr.read()[-2000:]}")
        try:
            status, _ = _get(port, "/healthz/")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError("gunicorn did not answer /healthz/ in time")


def _get(port: int, path: str) -> tuple[int, int]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=CLIENT_TIMEOUT_S)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1", "Accept-Encoding": "gzip"})
        response = conn.getresponse()
        body = response.read()
        return response.status, len(body)
    finally:
        conn.close()


def hammer(port: int, targets: list[tuple[str, str]], *, duration: float, connections: int) -> dict:
    """``connections`` threads, each requesting the targets in a shuffled round until time is up."""
    samples: dict[str, list[tuple[int | None, float]]] = {name: [] for name, _ in targets}
    lock = threading.Lock()
    deadline = time.monotonic() + duration

    def client(seed: int) -> None:
        rng = random.Random(seed)
        order = list(targets)
        while time.monotonic() < deadline:
            rng.shuffle(order)
            for name, path in order:
                if time.monotonic() >= deadline:
                    break
                started = time.perf_counter()
                try:
                    status, _ = _get(port, path)
                except OSError:
                    status = None  # refused, reset or timed out: an error
                with lock:
                    samples[name].append((status, time.perf_counter() - started))

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(duration + CLIENT_TIMEOUT_S + 5)
    elapsed = time.monotonic() - started
    rows = {}
    for name, got in samples.items():
        answered = [t for status, t in got if status is not None and status < 500 and status != 429]
        rows[name] = {
            "requests": len(got),
            "rps": round(len(got) / elapsed, 1),
            "ok": sum(1 for status, _ in got if status is not None and 200 <= status < 400),
            "throttled": sum(1 for status, _ in got if status == 429),
            "errors": sum(1 for status, _ in got if status is None or status >= 500 or 400 <= status < 429
                          or 429 < status < 500),
            "p50_ms": round(percentile(answered, 50) * 1000, 1) if answered else None,
            "p99_ms": round(percentile(answered, 99) * 1000, 1) if answered else None,
        }
    return rows


def schemathesis_run(port: int) -> dict:
    """schemathesis's CLI against the running server; a server error (5xx) fails its check."""
    command = [
        sys.executable, "-m", "schemathesis.cli", "run", f"http://127.0.0.1:{port}/api/schema/?format=json",
        "--checks", "not_a_server_error", "--max-examples", str(SCHEMATHESIS_EXAMPLES), "--no-color",
        "--seed", "1", "--phases", SCHEMATHESIS_PHASES, "--request-timeout", "60",
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    output = result.stdout + result.stderr
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    # What went wrong on the client side (timeouts, refused connections), as schemathesis names it.
    problems = sorted({line[:160] for line in lines if any(word in line for word in ("Error", "Timeout", "timed out"))})
    return {
        "exit_code": result.returncode,
        "server_errors": output.count("Server error"),
        "examples_per_operation": SCHEMATHESIS_EXAMPLES,
        "phases": SCHEMATHESIS_PHASES,
        "summary": " | ".join(lines[-3:])[:400],
        "problems": problems[:10],
    }
