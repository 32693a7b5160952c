"""Synthetic news for benchmarks. Every item is marked SYNTHETIC; none of it is ever loaded by default.

Text is built from real gazetteer names and the vocabulary of the beat, so the analyser does the work
it does on real news (many candidate names, some relevant terms), without claiming any fact.
(Synthetic events, cases, policies and articles written straight to the database: bench/synthetic_events.py.)
"""
from __future__ import annotations

import datetime
import random
from email.utils import format_datetime
from xml.sax.saxutils import escape

# Sentences with places, and sentences without: real reports name a few places several times, not a
# new place in every sentence.
FILLER = [
    "The department did not respond to a request for comment.",
    "Advocates said the change would make immigrant families afraid to report crimes.",
    "Supporters of the policy said local police should not do the work of federal agents.",
    "The vote followed months of public hearings and written testimony.",
    "A spokesperson said the agency would continue to enforce immigration law.",
    "Court filings show the case could take months to resolve.",
]
SENTENCES = [
    "Officials in {a} said the county jail would not honor detainers from Immigration and Customs Enforcement.",
    "The Justice Department sent letters to {a} and {b} asking for records about cooperation with ICE.",
    "A federal judge in {a} heard arguments on Thursday in the lawsuit over grant conditions.",
    "Residents of {b} packed the council meeting to debate the sanctuary ordinance.",
    "ICE agents arrested several people in {a} during an operation that lasted three days.",
    "The sheriff of {b} signed a 287(g) agreement with the Department of Homeland Security.",
    "Business leaders in {a} reported strong quarterly earnings and new hiring plans.",
    "The mayor of {b} said the city would keep its policy limiting information sharing.",
    "Weather forecasters expect heavy rain across {a} and {b} this weekend.",
    "Lawmakers in {a} debated a bill that would ban sanctuary policies statewide.",
]


def place_names(limit: int = 3000, seed: int = 0) -> list[str]:
    from jurisdictions.models import Jurisdiction

    names = list(Jurisdiction.objects.order_by("-population", "pk").values_list("name", flat=True)[:limit])
    random.Random(seed).shuffle(names)
    return names


def article_text(rng: random.Random, names: list[str], sentences: int = 12) -> str:
    a, b = rng.choice(names), rng.choice(names)
    return " ".join(
        rng.choice(SENTENCES).format(a=a, b=b) if i % 3 == 0 else rng.choice(FILLER) for i in range(sentences)
    )


FEED_START = datetime.datetime(2025, 6, 1, 12, 0, tzinfo=datetime.timezone.utc)


def rss_feed(entries: int, *, seed: int, names: list[str], url_prefix: str, start: datetime.datetime = FEED_START
             ) -> bytes:
    """A feed of ``entries`` synthetic items, one a minute from ``start``."""
    rng = random.Random(seed)
    items = []
    for i in range(entries):
        text = article_text(rng, names)
        title = f"SYNTHETIC {seed}-{i}: " + text.split(".")[0][:120]
        when = format_datetime(start + datetime.timedelta(minutes=i))
        items.append(
            f"<item><title>{escape(title)}</title><link>{url_prefix}/{seed}/{i}?utm_source=bench</link>"
            f"<guid>{url_prefix}/{seed}/{i}</guid><pubDate>{when}</pubDate>"
            f"<description>{escape('<p>' + text + '</p>')}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>SYNTHETIC benchmark feed</title><link>https://bench.invalid/</link>"
        "<description>Generated for benchmarks; not news.</description>" + "".join(items) + "</channel></rss>"
    ).encode("utf-8")


def clear_synthetic() -> None:
    """Remove what earlier benchmark runs stored (their feeds are named SYNTHETIC), so a run starts from
    the same database whatever ran before: left in place, every run's articles fall in the same time
    window and each later run clusters against all of them (the ingestion figure grew from run to run)."""
    from feeds.models import Article, Feed, StoryCluster

    feeds = Feed.objects.filter(name__startswith="SYNTHETIC")
    Article.objects.filter(feed__in=feeds).delete()
    Article.objects.filter(is_synthetic=True).delete()
    StoryCluster.objects.filter(articles__isnull=True).delete()
    feeds.delete()
    vacuum_feed_tables()


def vacuum_feed_tables() -> None:
    """Clear the dead rows that deleting a run's articles leaves, as autovacuum would: the PostgreSQL on the
    CI machines runs with autovacuum off, and without this every run inserted into tables and indexes
    bloated by all the runs before it (feeds_article grew to 217 MB for 1,000 live rows, and the timings
    with it)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE feeds_article, feeds_articlejurisdiction, feeds_storycluster, feeds_fetchrun")


def mark_synthetic(feed) -> None:
    """Articles a benchmark fetched are synthetic: marked so, like every other benchmark row."""
    from feeds.models import Article

    Article.objects.filter(feed=feed).update(is_synthetic=True)
