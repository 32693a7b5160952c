"""save_analysis writes the verdict and the matches in a constant number of queries, and is idempotent."""
import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from feeds.analysis.store import save_analysis
from feeds.models import Article, ArticleJurisdiction

TEXT = ("ICE agents arrested people in Chicago, Denver, Boston and Seattle on Tuesday. Sanctuary jurisdictions "
        "like Philadelphia, Portland, Ore., and Los Angeles limit cooperation with immigration detainers.")


def make_article(n: int = 1) -> Article:
    return Article.objects.create(url=f"https://example.org/{n}", normalized_url=f"https://example.org/{n}",
                                  title="ICE raids in Chicago")


def test_writes_the_verdict_and_the_matches(analyse):
    article = make_article()
    analysis = analyse(article.title, TEXT, datetime.date(2025, 6, 12))
    save_analysis(article, analysis)
    article.refresh_from_db()
    assert article.is_relevant is True and article.relevance_score == analysis.score
    assert article.suggested_agencies == ["ICE"] and article.event_date == datetime.date(2025, 6, 10)
    assert article.analyzed_at is not None
    rows = {m.jurisdiction.uid: m for m in ArticleJurisdiction.objects.filter(article=article).select_related("jurisdiction")}
    assert set(rows) == {j.uid for j in analysis.jurisdictions}
    chicago = rows["geonames:4887398"]
    assert chicago.role == "subject"
    assert chicago.evidence[0] == {"field": "title", "start": 13, "end": 20, "text": "Chicago"}


def test_idempotent(analyse):
    article = make_article()
    analysis = analyse(article.title, TEXT)
    save_analysis(article, analysis)
    first = list(ArticleJurisdiction.objects.filter(article=article).values_list("id", "jurisdiction_id", "role", "evidence"))
    save_analysis(article, analysis)
    again = list(ArticleJurisdiction.objects.filter(article=article).values_list("id", "jurisdiction_id", "role", "evidence"))
    assert first == again


def test_matches_no_longer_found_are_removed(analyse):
    article = make_article()
    save_analysis(article, analyse(article.title, TEXT))
    save_analysis(article, analyse("Nothing here", "No places at all."))
    assert not ArticleJurisdiction.objects.filter(article=article).exists()


def test_constant_number_of_queries(analyse):
    few, many = make_article(1), make_article(2)
    small = analyse("ICE in Chicago", "Agents came.")
    large = analyse(many.title, TEXT)
    assert len(large.jurisdictions) > len(small.jurisdictions) + 5
    with CaptureQueriesContext(connection) as q_small:
        save_analysis(few, small)
    with CaptureQueriesContext(connection) as q_large:
        save_analysis(many, large)
    assert len(q_small) == len(q_large) <= 6
