"""Ingestion end to end (fetch over local HTTP, parse, sanitise, dedupe, analyse, cluster, store) as a
ratio to feedparser.parse alone on the same bytes."""
from __future__ import annotations

import io

import time

from bench.feedserver import MemoryFeedServer
from bench.stats import median, timed
from bench.synthetic import place_names, rss_feed

ENTRIES = 1000
# Every invocation ingests links never seen before, so all entries are new.
RUN = time.time_ns()


def run(repeats: int = 5) -> dict:
    import feedparser

    from feeds.analysis import analyze
    from feeds.fetching import fetch_feed_now
    from feeds.models import Feed

    names = place_names()
    analyze("warm-up", "Officials in Chicago said ICE", None)  # build the automaton outside the timings
    server = MemoryFeedServer()
    ratios, pipeline_times, parse_times, stored = [], [], [], []
    try:
        for run_no in range(repeats):
            seed = 1000 + run_no
            body = rss_feed(ENTRIES, seed=seed, names=names, url_prefix=f"https://bench.invalid/{RUN}/r{seed}")
            parse_time = median([timed(lambda: feedparser.parse(io.BytesIO(body))) for _ in range(3)])
            url = server.publish(f"/feed-{seed}-{id(body)}.xml", body)
            Feed.objects.filter(url=url).delete()
            feed = Feed.objects.create(url=url, name=f"SYNTHETIC bench feed {seed}")
            run_result = {}
            pipeline_time = timed(lambda: run_result.setdefault("run", fetch_feed_now(feed)))
            fetch_run = run_result["run"]
            assert fetch_run.entries_new == ENTRIES, (fetch_run.outcome, fetch_run.error_message, fetch_run.entries_new)
            parse_times.append(parse_time)
            pipeline_times.append(pipeline_time)
            ratios.append(pipeline_time / parse_time)
            stored.append(fetch_run.entries_new)
    finally:
        server.close()
    return {
        "entries": ENTRIES,
        "runs": repeats,
        "feedparser_parse_s_median": round(median(parse_times), 4),
        "pipeline_s_median": round(median(pipeline_times), 4),
        "articles_per_s_median": round(ENTRIES / median(pipeline_times), 1),
        "ratio_to_feedparser_median": round(median(ratios), 2),
        "target_ratio": 2.0,
    }
