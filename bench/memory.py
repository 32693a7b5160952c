"""Worker memory over 10,000 articles: resident set size after each batch of 1,000, in this process,
which runs exactly the code a Celery worker runs for each fetch.

Two series. "same_window": all 10,000 articles published within one day, so every fetch clusters against
all the relevant articles before it (the worst case: clustering must compare a new article with every
article of the 72-hour window, and that working set grows with the window). "spread": each batch five days
after the one before, as a worker meets articles over weeks; the window then holds one batch at a time.
Each series starts in a fresh process state as far as the database is concerned (earlier SYNTHETIC data
removed); the second runs in the same process after the first."""
from __future__ import annotations

import datetime
import gc
import time

from bench.feedserver import MemoryFeedServer
from bench.synthetic import FEED_START, clear_synthetic, mark_synthetic, place_names, rss_feed

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
    names = place_names()
    same = series(names, "same_window", spacing=datetime.timedelta(0))
    spread = series(names, "spread", spacing=datetime.timedelta(days=5))
    # The first batch pays for the automaton and imports; flat means no growth after it.
    return {
        "articles_per_series": BATCHES * PER_BATCH,
        "same_window_rss_mb_after_each_1000": same,
        "same_window_growth_after_first_batch_mb": round(same[-1] - same[0], 1),
        "same_window_growth_ratio_last_to_first": round(same[-1] / same[0], 3),
        "spread_rss_mb_after_each_1000": spread,
        "spread_growth_after_first_batch_mb": round(spread[-1] - spread[0], 1),
        "spread_growth_ratio_last_to_first": round(spread[-1] / spread[0], 3),
    }


def series(names: list[str], label: str, spacing: datetime.timedelta) -> list[float]:
    from feeds.fetching import fetch_feed_now
    from feeds.models import Feed

    clear_synthetic()  # the same start whatever ran before (see bench/ingestion.py)
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
