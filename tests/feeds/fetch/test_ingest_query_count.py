"""Storing a fetch's entries runs a constant number of queries per batch of 500, however many entries,
jurisdictions and clusters there are: analysis is done in memory and written with the rows."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from feeds.analysis.gazetteer_index import get_index
from feeds.fetching import fetch_feed_now
from feeds.models import Article, ArticleJurisdiction, StoryCluster
from tests.feeds.fetch.feeds import rss
from tests.feeds.fetch.server import Reply

PLACES = ["Chicago", "Denver", "Boston", "Seattle", "Philadelphia", "Portland, Ore.", "Los Angeles", "Newark"]


def stories(count: int, prefix: str) -> list[dict]:
    # Pairs of rewrites of one story by two outlets, so that clustering has work to do.
    items = []
    for i in range(count):
        place, other = PLACES[(i // 2) % len(PLACES)], PLACES[(i // 2 + 3) % len(PLACES)]
        host = "https://one.example" if i % 2 else "https://two.example"
        items.append({
            "title": f"ICE agents arrest {10 + i // 2} in {place} in operation case{1000 + i // 2}",
            "link": f"{host}/{prefix}/{i}",
            "guid": f"{host}/{prefix}/{i}",
            "description": (f"<p>Immigration and Customs Enforcement agents arrested {10 + i // 2} people in {place} "
                            f"on Tuesday in operation case{1000 + i // 2}, officials in {other} said; the sanctuary "
                            f"ordinance limits cooperation with ICE detainers.</p>"),
        })
    return items


def queries_to_fetch(feed_server, make_feed, count: int, prefix: str) -> int:
    feed = make_feed(feed_server.serve(f"/{prefix}.xml", Reply(200, rss(stories(count, prefix)))), name=prefix)
    with CaptureQueriesContext(connection) as queries:
        run = fetch_feed_now(feed)
    assert run.entries_new == count, run.error_message
    return len(queries)


def test_a_fetch_runs_as_many_queries_for_30_entries_as_for_4(feed_server, make_feed, gazetteer):
    get_index()  # built once per process (a few queries), before either fetch
    # 30: on SQLite Django caps one INSERT of articles at 999 parameters (39 rows), so a batch is smaller there.
    few = queries_to_fetch(feed_server, make_feed, 4, "few")
    many = queries_to_fetch(feed_server, make_feed, 30, "many")

    assert few == many
    # The work was done: every article analysed, jurisdictions matched, rewrites clustered in pairs.
    assert not Article.objects.filter(analyzed_at__isnull=True).exists()
    assert Article.objects.filter(is_relevant=True).count() == 34
    assert ArticleJurisdiction.objects.count() >= 2 * 34
    assert StoryCluster.objects.count() >= 15
    assert set(StoryCluster.objects.values_list("outlet_count", flat=True)) == {2}
