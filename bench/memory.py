"""Worker memory over 10,000 articles, measured on a real Celery worker: the worker command of
docker-compose.yml (``python -m tracker.worker --loglevel=INFO --concurrency=1``, which is ``celery -A tracker
worker`` started without the ``celery`` command's other subcommands: a prefork pool), run
as it is there plus a private queue (``-Q``) and node name (``-n``), on Redis, fetching synthetic feeds from
a local HTTP server through the real task (``feeds.tasks.fetch_feed``), 1,000 new articles a fetch.

Feeds are sent two at a time (both pool children work, as when the scheduler queues every due feed at
once); once the worker answers a ping (idle, no task run yet) and after each pair, the memory of every
process of the worker is read from /proc: the main process and its pool children. Per sample:
- ``pss_total_mb``: the sum of their proportional set sizes (each shared page split between the processes
  sharing it), what the worker takes from the machine. **The target (< 200 MB, flat) is read on this.**
- ``rss_total_mb``: the sum of their resident set sizes, what ``ps``/``top`` add up (the figure of the
  issue: pages a child shares with its parent after fork are counted once per process, and so is the shared
  code a child maps as it runs it, ~5 MB per fetch);
- ``pss_main_mb`` / ``pss_children_mb``: the main process's share and the pool children's, together;
- ``rss_max_child_mb``: the biggest pool child, what ``CELERY_WORKER_MAX_MEMORY_PER_CHILD`` compares;
- ``peak_pss_total_mb`` / ``peak_rss_total_mb``: the highest sums read every 0.2 s while those fetches ran
  (a child replaced after each task gives back what it copied, so the sample between tasks is lower).

Two kinds of series, each in a fresh worker. "same_window": all 10,000 articles published within one day,
so every fetch clusters against all the relevant articles before it (the worst case). "spread": each batch
five days after the one before, as a worker meets articles over weeks. Each kind is run ``repeats`` times
(``--repeats``, at most ``MAX_SERIES``); the report gives, per sample, the median over the series, and each
series' growth from the first pair of fetches to the last ("flat": the median growth is at most
``FLAT_MB``), for the sample between tasks and for the peak.

``BENCH_WORKER_ARGS`` appends arguments to the worker's command (to compare, e.g. ``--concurrency=1``),
``BENCH_FEED_PORT`` fixes the feed server's port (default: any free one). Before, this measured one plain
process running the fetch function in-process (``in_process``, still reported for comparison): no Celery,
no pool, one copy of the gazetteer index. See bench/RESULTS.md, "Why the worker measured 311-334 MB and the
benchmark 141-147 MB" and the worker sections after it.
"""
from __future__ import annotations

import datetime
import gc
import os
import shlex
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

from bench.feedserver import MemoryFeedServer
from bench.synthetic import FEED_START, clear_synthetic, mark_synthetic, place_names, rss_feed

BATCHES = 10
RUN = time.time_ns()
PER_BATCH = 1000
ROOT = Path(__file__).resolve().parents[1]
TASK_TIMEOUT = 600
MAX_SERIES = 3  # per kind: each series is a fresh worker and 10,000 articles (a minute or two)
FLAT_MB = 5.0
TARGET_MB = 200.0
SAMPLE_KEYS = ("pss_total_mb", "rss_total_mb", "pss_main_mb", "pss_children_mb", "rss_max_child_mb")
PEAK_KEYS = ("peak_pss_total_mb", "peak_rss_total_mb")


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
        "pss_total_mb": round(sum(pss.values()), 1),
        "rss_total_mb": round(sum(rss.values()), 1),
        "pss_main_mb": round(pss[pid], 1),
        "rss_main_mb": round(rss[pid], 1),
        "pss_children_mb": round(sum(pss[p] for p in pool), 1),
        "rss_max_child_mb": round(max((rss[p] for p in pool), default=0.0), 1),
        "children": {str(p): {"rss_mb": round(rss[p], 1), "pss_mb": round(pss[p], 1)} for p in pool},
    }


class PeakSampler(threading.Thread):
    """Reads the worker's PSS and RSS sums every ``interval`` seconds while its tasks run: a sample taken
    between tasks says what the worker keeps, this says what it needs while working (what a container's
    memory limit must allow). ``take()`` returns the highest since the last call."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.halt = threading.Event()
        self.lock = threading.Lock()
        self.pss = self.rss = 0.0

    def run(self) -> None:
        while not self.halt.wait(self.interval):
            memory = worker_memory(self.pid)
            with self.lock:
                self.pss = max(self.pss, memory["pss_total_mb"])
                self.rss = max(self.rss, memory["rss_total_mb"])

    def take(self) -> dict:
        with self.lock:
            found = {"peak_pss_total_mb": self.pss, "peak_rss_total_mb": self.rss}
            self.pss = self.rss = 0.0
        return found

    def stop(self) -> None:
        self.halt.set()


def worker_command(queue: str) -> list[str]:
    """The worker's command in docker-compose.yml, with this run's queue and node name."""
    import yaml

    command = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["worker"]["command"]
    command = shlex.split(command) if isinstance(command, str) else list(command)
    assert command[:3] == ["python", "-m", "tracker.worker"], command
    extra = shlex.split(os.environ.get("BENCH_WORKER_ARGS", ""))
    return [sys.executable, *command[1:], "-Q", queue, "-n", f"{queue}@%h", *extra]


def concurrency() -> int:
    args = worker_command("q")
    found = [a.split("=", 1)[1] for a in args if a.startswith("--concurrency=")]
    return int(found[-1]) if found else os.cpu_count() or 1


def run(repeats: int = MAX_SERIES) -> dict:
    names = place_names()
    series_count = max(1, min(repeats, MAX_SERIES))
    result = {
        "articles_per_series": BATCHES * PER_BATCH, "concurrency": concurrency(), "series_per_kind": series_count,
        "worker_command": " ".join(worker_command("<queue>")[2:]), "target_mb": TARGET_MB, "flat_mb": FLAT_MB,
    }
    for label, spacing in (("same_window", datetime.timedelta(0)), ("spread", datetime.timedelta(days=5))):
        runs = [worker_series(names, label, spacing) for _ in range(series_count)]
        result[f"worker_{label}_series"] = runs
        for key in SAMPLE_KEYS + PEAK_KEYS:
            # Sample 0 is the idle worker; 1.. follow each pair of fetches (peaks: while it ran).
            start = 1 if key in PEAK_KEYS else 0
            curve = [round(statistics.median(r[i][key] for r in runs), 1) for i in range(start, len(runs[0]))]
            if start:
                curve = [None, *curve]
            growth = [round(r[-1][key] - r[1][key], 1) for r in runs]
            result[f"worker_{label}_{key}"] = curve
            result[f"worker_{label}_{key}_max"] = max(curve[1:])
            result[f"worker_{label}_{key}_growth_after_first"] = growth
            result[f"worker_{label}_{key}_growth_median"] = round(statistics.median(growth), 1)
        # The target holds for what the worker keeps between tasks and for what it needs while they run.
        result[f"worker_{label}_meets_target"] = all(
            result[f"worker_{label}_{key}_max"] < TARGET_MB and result[f"worker_{label}_{key}_growth_median"] <= FLAT_MB
            for key in ("pss_total_mb", "peak_pss_total_mb")
        )
    in_process = series_in_process(names, "in_process", datetime.timedelta(0))
    result["in_process_rss_mb_after_each_1000"] = in_process
    return result


def report(result: dict) -> None:
    per_sample = result["concurrency"] * PER_BATCH
    print(f"  worker: {result['worker_command']}")
    for label in ("same_window", "spread"):
        print(f"  worker, {label}: medians of {result['series_per_kind']} series; idle, then after each "
              f"{per_sample:,} articles:")
        for key in PEAK_KEYS[:1] + SAMPLE_KEYS + PEAK_KEYS[1:]:
            curve = result[f"worker_{label}_{key}"]
            growth = result[f"worker_{label}_{key}_growth_after_first"]
            print(f"    {key:18} {curve}  max {result[f'worker_{label}_{key}_max']}  growth per series {growth}")
        verdict = "met" if result[f"worker_{label}_meets_target"] else "NOT met"
        print(f"    target: PSS sum (between tasks and peak) < {result['target_mb']:.0f} MB, growth <= "
              f"{result['flat_mb']} MB: {verdict}")
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
    return subprocess.Popen(worker_command(queue), cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_until_ready(client, queue: str, worker: subprocess.Popen, timeout: float = 120) -> None:
    """Until the worker answers a ping: its pool is up and no task has run yet."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            raise RuntimeError(f"the worker exited with {worker.returncode}")
        if client.control.ping(destination=[f"{queue}@{os.uname().nodename}"], timeout=1.0):
            time.sleep(1.0)  # the pool's children finish starting
            return
    raise RuntimeError("the worker did not answer a ping")


def wait_for_children(pid: int, count: int, timeout: float = 15) -> None:
    """Until the pool has its children and they stay the same for a second: a child replaced after its task
    (max tasks per child) exits just after its result is sent and is forked again a moment later; the
    sample is of the worker waiting for its next task."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pool = children(pid)
        time.sleep(1.0)
        if len(pool) >= count and children(pid) == pool and all(_status_kb(p, "Pss", "smaps_rollup") for p in pool):
            return


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
    server = MemoryFeedServer(int(os.environ.get("BENCH_FEED_PORT", "0")))
    worker = start_worker(queue)
    pair = concurrency()
    samples = []
    peak = PeakSampler(worker.pid)
    try:
        wait_until_ready(client, queue, worker)
        samples.append({"articles": 0, **worker_memory(worker.pid)})
        peak.start()
        # Feeds as many at a time as there are children, as the scheduler queues every due feed at once.
        for first in range(0, BATCHES, pair):
            pending = []
            for batch in range(first, min(first + pair, BATCHES)):
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
            wait_for_children(worker.pid, pair)
            samples.append({"articles": (first + len(pending)) * PER_BATCH, **worker_memory(worker.pid),
                            **peak.take()})
    finally:
        peak.stop()
        stop_worker(worker)
        server.close()
        client.close()
    return samples


def series_in_process(names: list[str], label: str, spacing: datetime.timedelta) -> list[float]:
    """The former measure: the fetch function run in this (plain) process, RSS after each batch."""
    from feeds.fetching import fetch_feed_now
    from feeds.models import Feed

    clear_synthetic()
    server = MemoryFeedServer(int(os.environ.get("BENCH_FEED_PORT", "0")))
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
