"""After a fetch stores new articles, the real analyser and story clustering run on them."""
from feeds.clustering import stored_fingerprint
from feeds.fetching import fetch_feed_now
from feeds.ingest import plain_text_of
from feeds.models import Article, ArticleJurisdiction
from tests.feeds.fetch.feeds import numbered_items, rss
from tests.feeds.fetch.server import Reply

STORY = (
    "<p>Immigration and Customs Enforcement agents arrested 31 people in <b>Denver</b> on Tuesday, "
    "a day after the city council reaffirmed its sanctuary ordinance limiting cooperation with ICE.</p>"
    "<p>Mayor's office officials said the detainer requests would not be honored.</p>"
)


def story(host: str, slug: str, title: str) -> dict:
    return {"title": title, "link": f"{host}/{slug}", "guid": f"{host}/{slug}", "description": STORY}


def test_evidence_offsets_point_into_the_plain_text_of_the_article(feed_server, make_feed, gazetteer):
    feed = make_feed(feed_server.serve("/feed.xml", Reply(200, rss([story("https://a.example", "s", "ICE arrests 31 in Denver")]))))

    fetch_feed_now(feed)

    article = Article.objects.get()
    text = plain_text_of(article)
    assert text.startswith("Immigration and Customs Enforcement agents arrested 31 people in Denver")
    match = article.matches.get(jurisdiction__uid="fips:08031")
    assert match.role == "subject"
    for mention in match.evidence:
        source = article.title if mention["field"] == "title" else text
        assert source[mention["start"]:mention["end"]] == mention["text"] == "Denver"
    assert article.is_relevant and "ICE" in article.suggested_agencies
    # Clustering reads the words stored with the article, made from the same plain text.
    assert article.fingerprint == stored_fingerprint(article.title, text)
    assert {"denver", "arrests", "arrested", "detainer"} <= set(article.fingerprint.split())


def test_a_failing_analyser_never_loses_the_articles(feed_server, make_feed, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("analyser broke")

    monkeypatch.setattr("feeds.analysis.analyze", broken)  # fault injection: the analyser crashes
    feed = make_feed(feed_server.serve("/feed.xml", Reply(200, rss(numbered_items(2)))))

    run = fetch_feed_now(feed)

    assert run.outcome == "ok" and run.entries_new == 2
    assert "Analysis of the new articles failed: ValueError: analyser broke" in run.error_message
    assert Article.objects.count() == 2
    assert not Article.objects.filter(analyzed_at__isnull=False).exists()


def test_an_analyser_failing_midway_leaves_no_article_half_analysed(feed_server, make_feed, gazetteer, monkeypatch):
    # Each article's analysis is reduced to its stored values as soon as it is made; a failure on a later
    # article must still leave every article of the fetch unanalysed, with no matches, not the first ones done.
    from feeds import analysis

    real = analysis.analyze
    calls = []

    def fails_on_the_second(title, text, published):
        calls.append(title)
        if len(calls) == 2:
            raise ValueError("analyser broke on the second article")
        return real(title, text, published)

    monkeypatch.setattr("feeds.analysis.analyze", fails_on_the_second)  # fault injection
    feed = make_feed(feed_server.serve("/feed.xml", Reply(200, rss([
        story("https://a.example", "one", "ICE arrests 31 in Denver"),
        story("https://a.example", "two", "Denver council reaffirms sanctuary ordinance"),
        story("https://a.example", "three", "ICE detainers in Denver"),
    ]))))

    run = fetch_feed_now(feed)

    assert len(calls) == 2  # the first was analysed before the second failed
    assert run.outcome == "ok" and run.entries_new == 3
    assert "Analysis of the new articles failed: ValueError: analyser broke on the second" in run.error_message
    assert Article.objects.count() == 3
    assert not Article.objects.filter(analyzed_at__isnull=False).exists()
    assert not Article.objects.filter(is_relevant=True).exists()
    assert not ArticleJurisdiction.objects.exists()


def test_the_same_story_from_two_outlets_lands_in_one_cluster(feed_server, make_feed, gazetteer):
    first = make_feed(feed_server.serve("/a.xml", Reply(200, rss([story("https://a.example", "x", "ICE arrests 31 in Denver after council vote")]))))
    second = make_feed(feed_server.serve("/b.xml", Reply(200, rss([story("https://b.example", "y", "Denver: ICE arrests 31 a day after sanctuary vote")]))), name="Other Daily")

    fetch_feed_now(first)
    fetch_feed_now(second)

    clusters = set(Article.objects.values_list("cluster", flat=True))
    assert len(clusters) == 1 and None not in clusters
    assert Article.objects.first().cluster.outlet_count == 2
