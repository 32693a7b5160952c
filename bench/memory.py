"""Worker memory over 10,000 articles, measured on a real Celery worker: ``celery -A tracker worker`` as
docker-compose.yml runs it (prefork pool, ``--concurrency=2``), on Redis, fetching synthetic feeds from a
local HTTP server through the real task (``feeds.tasks.fetch_feed``), 1,000 new articles a fetch.

Feeds are sent two at a time (both pool children work, as when the scheduler queues every due feed at
once); after each pair the memory of every process of the worker is read from /proc: the main process and its
pool children (the processes doing the work). Reported per batch:
- ``rss_total_mb``: the sum of their resident set sizes, what ``ps``/``top`` add up to (pages a child shares
  with its parent after fork are counted in both);
- ``pss_total_mb``: the sum of their proportional set sizes (each shared page split between the processes
  sharing it): what the worker really takes from the machine;
- ``rss_max_child_mb``: the biggest pool child.
The worker runs with the settings it has in production (``CELERY_WORKER_MAX_MEMORY_PER_CHILD`` among them).

Two series, each in a fresh worker. "same_window": all 10,000 articles published within one day, so every
fetch clusters against all the relevant articles before it (the worst case). "spread": each batch five
days after the one before, as a worker meets articles over weeks.

Before this measured one plain process running the fetch function in-process (``in_process``, still
reported for comparison): no Celery, no pool, one copy of the gazetteer index. See bench/RESULTS.md,
"Why the worker measured 311-334 MB and the benchmark 141-147 MB".
"""
from __future__ import annotations

import datetime
import gc
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

from bench.feedserver import MemoryFeedServer
from bench.synthetic import FEED_START, clear_synthetic, mark_synthetic, place_names, rss_feed

BATCHES = 10
RUN = time.time_ns()
PER_BATCH = 1000
ROOT = Path(__file__).resolve().parents[1]
CONCURRENCY = 2  # as docker-compose.yml runs the worker
TASK_TIMEOUT = 600


def _status_kb(pid: int, field: str, name: str = "status") -> int:
    try:
        with open(f"/proc/{pid}/{name}") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_mb(pid: int | str = "self") -> float:
    return _status_kb(pid, "VmRSS") / 1024 if pid == "self" else _status_kb(int(pid), "VmRSS") / 1024


def children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as listing:
                found.extend(int(child) for child in listing.read().split())
    except OSError:
        pass
    return found


def worker_memory(pid: int) -> dict:
    pool = children(pid)
    processes = [pid, *pool]
    rss = {p: _status_kb(p, "VmRSS") / 1024 for p in processes}
    pss = {p: _status_kb(p, "Pss", "smaps_rollup") / 1024 for p in processes}
    return {
        "rss_total_mb": round(sum(rss.values()), 1),
        "pss_total_mb": round(sum(pss.values()), 1),
        "rss_main_mb": round(rss[pid], 1),
        "rss_max_child_mb": round(max((rss[p] for p in pool), default=0.0), 1),
        "children": len(pool),
    }


def run() -> dict:
    names = place_names()
    result = {"articles_per_series": BATCHES * PER_BATCH, "concurrency": CONCURRENCY}
    for label, spacing in (("same_window", datetime.timedelta(0)), ("spread", datetime.timedelta(days=5))):
        samples = worker_series(names, label, spacing)
        result[f"worker_{label}"] = samples
        for key in ("rss_total_mb", "pss_total_mb", "rss_max_child_mb"):
            series = [sample[key] for sample in samples]
            result[f"worker_{label}_{key}"] = series
            result[f"worker_{label}_{key}_max"] = max(series)
            # The first fetches pay for imports (and the automaton, where a child builds it); flat means no
            # growth after.
            result[f"worker_{label}_{key}_growth_after_first"] = round(series[-1] - series[0], 1)
    in_process = series_in_process(names, "in_process", datetime.timedelta(0))
    result["in_process_rss_mb_after_each_1000"] = in_process
    return result


def report(result: dict) -> None:
    for label in ("same_window", "spread"):
        print(f"  worker, {label} (after each {CONCURRENCY * PER_BATCH:,} articles):")
        for key in ("rss_total_mb", "pss_total_mb", "rss_max_child_mb"):
            print(f"    {key:18} {result[f'worker_{label}_{key}']}  max {result[f'worker_{label}_{key}_max']}")
    print(f"  in one plain process (the former measure): {result['in_process_rss_mb_after_each_1000']}")


def broker_url() -> str:
    return os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/0")


def start_worker(queue: str, extra_env: dict[str, str] | None = None) -> subprocess.Popen:
    env = {
        **os.environ,
        "CELERY_BROKER_URL": broker_url(),
        "DEBUG": "0",
        **(extra_env or {}),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "tracker", "worker", f"--concurrency={CONCURRENCY}", "-Q", queue,
         "-n", f"{queue}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=WARNING"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def stop_worker(process: subprocess.Popen) -> None:
    process.terminate()  # warm shutdown: the pool children exit with it
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def worker_series(names: list[str], label: str, spacing: datetime.timedelta) -> list[dict]:
    from celery import Celery

    from feeds.models import Feed

    clear_synthetic()  # the same start whatever ran before (see bench/ingestion.py)
    client = Celery("bench-client", broker=broker_url(), backend=broker_url())
    client.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])
    queue = f"bench-memory-{uuid.uuid4().hex[:10]}"
    server = MemoryFeedServer()
    worker = start_worker(queue)
    samples = []
    try:
        # Two feeds at a time, as the scheduler queues every due feed at once: both pool children work.
        for first in range(0, BATCHES, CONCURRENCY):
            pending = []
            for batch in range(first, min(first + CONCURRENCY, BATCHES)):
                seed = 6000 + batch
                body = rss_feed(PER_BATCH, seed=seed, names=names,
                                url_prefix=f"https://bench.invalid/{RUN}/w{label}{seed}", start=FEED_START + spacing * batch)
                url = server.publish(f"/worker-{label}-{seed}.xml", body)
                Feed.objects.filter(url=url).delete()
                feed = Feed.objects.create(url=url, name=f"SYNTHETIC memory feed {label} {seed}")
                pending.append((feed, client.send_task("feeds.tasks.fetch_feed", args=[feed.pk], queue=queue)))
            for feed, sent in pending:
                reply = sent.get(timeout=TASK_TIMEOUT)
                assert reply.get("entries_new") == PER_BATCH, reply
                mark_synthetic(feed)
            server.documents.clear()
            samples.append(worker_memory(worker.pid))
    finally:
        stop_worker(worker)
        server.close()
        client.close()
    return samples


def series_in_process(names: list[str], label: str, spacing: datetime.timedelta) -> list[float]:
    """The former measure: the fetch function run in this (plain) process, RSS after each batch."""
    from feeds.fetching import fetch_feed_now
    from feeds.models import Feed

    clear_synthetic()
    server = MemoryFeedServer()
    samples = []
    try:
        for batch in range(BATCHES):
            seed = 5000 + batch
            body = rss_feed(PER_BATCH, seed=seed, names=names, url_prefix=f"https://bench.invalid/{RUN}/{label}{seed}",
                            start=FEED_START + spacing * batch)
            url = server.publish(f"/memory-{label}-{seed}.xml", body)
            Feed.objects.filter(url=url).delete()
            feed = Feed.objects.create(url=url, name=f"SYNTHETIC memory feed {label} {seed}")
            fetch_run = fetch_feed_now(feed)
            assert fetch_run.entries_new == PER_BATCH, (fetch_run.outcome, fetch_run.error_message)
            mark_synthetic(feed)
            server.documents.clear()
            del body
            gc.collect()
            samples.append(round(rss_mb(), 1))
    finally:
        server.close()
    return samples
