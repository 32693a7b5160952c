"""Worker memory over 10,000 articles: resident set size after each batch of 1,000, in this process,
which runs exactly the code a Celery worker runs for each fetch."""
from __future__ import annotations

import gc

import time

from bench.feedserver import MemoryFeedServer
from bench.synthetic import clear_synthetic, mark_synthetic, place_names, rss_feed

BATCHES = 10
RUN = time.time_ns()
PER_BATCH = 1000


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run() -> dict:
    from feeds.fetching import fetch_feed_now
    from feeds.models import Feed

    names = place_names()
    clear_synthetic()  # the same start whatever ran before (see bench/ingestion.py)
    server = MemoryFeedServer()
    samples = []
    try:
        for batch in range(BATCHES):
            seed = 5000 + batch
            body = rss_feed(PER_BATCH, seed=seed, names=names, url_prefix=f"https://bench.invalid/{RUN}/m{seed}")
            url = server.publish(f"/memory-{seed}.xml", body)
            Feed.objects.filter(url=url).delete()
            feed = Feed.objects.create(url=url, name=f"SYNTHETIC memory feed {seed}")
            fetch_run = fetch_feed_now(feed)
            assert fetch_run.entries_new == PER_BATCH, (fetch_run.outcome, fetch_run.error_message)
            mark_synthetic(feed)
            server.documents.clear()
            del body
            gc.collect()
            samples.append(round(rss_mb(), 1))
    finally:
        server.close()
    # The first batch pays for the automaton and imports; flat means no growth after it.
    return {
        "articles": BATCHES * PER_BATCH,
        "rss_mb_after_each_1000": samples,
        "growth_after_first_batch_mb": round(samples[-1] - samples[0], 1),
        "growth_ratio_last_to_first": round(samples[-1] / samples[0], 3),
    }
