"""The queue lists articles new first with their analysis, filters them, and pages in constant queries."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from feeds.models import ArticleJurisdiction, Feed
from jurisdictions.models import Jurisdiction
from tests.curation.review_helpers import VIEW, analysed, make_article, make_cluster, make_staff
from tests.factories import make_event
from events.models import Source

pytestmark = pytest.mark.django_db

CHICAGO = "geonames:4887398"
DENVER = "fips:08031"


def queue(client, **params):
    return client.get(reverse("review:queue"), params)


def listed(response) -> list[int]:
    return [a.pk for a in response.context["articles"]]


def fill(count, feed, places):
    """Articles with everything a row shows: feed, cluster, matches, a citation."""
    articles = []
    for i in range(count):
        article = make_article(feed=feed, relevance_score=(i % 10) / 10, is_relevant=True,
                               suggested_kinds=["federal_action"], suggested_agencies=["DOJ"],
                               event_date=datetime.date(2025, 3, 1 + i % 20))
        for role, place in zip(("subject", "mentioned"), places):
            ArticleJurisdiction.objects.create(article=article, jurisdiction=place, role=role,
                                               evidence=[{"field": "title", "start": 0, "end": 6, "text": "Report"}])
        articles.append(article)
    make_cluster(articles[:3])
    # The best-scored article leads the first page: its citation (and conflict check) is on every page read.
    top = articles[-1]
    top.relevance_score = 1.0
    top.save(update_fields=["relevance_score"])
    Source.objects.create(event=make_event(), article=top, publisher="Example News", title="Report")
    return articles


def test_a_page_takes_the_same_queries_for_10_and_200_articles(client, gazetteer):
    client.force_login(make_staff(*VIEW))
    feed = Feed.objects.create(url="https://feed.example/rss", name="Example feed")
    places = list(Jurisdiction.objects.filter(uid__in=[CHICAGO, DENVER]))
    counts = []
    for size in (10, 200):
        fill(size - (10 if size == 200 else 0), feed, places)
        with CaptureQueriesContext(connection) as queries:
            response = queue(client)
        assert response.status_code == 200
        assert len(response.context["articles"]) == min(size, 50)
        counts.append([q["sql"] for q in queries.captured_queries])
    assert len(counts[0]) == len(counts[1]), "\n".join(counts[0]) + "\n----\n" + "\n".join(counts[1])


def test_new_articles_come_first_then_the_most_relevant(client):
    client.force_login(make_staff(*VIEW))
    dismissed = make_article(relevance_score=0.99, status="dismissed", status_reason="x")
    low = make_article(relevance_score=0.2)
    high = make_article(relevance_score=0.9)
    unscored = make_article()
    assert listed(queue(client)) == [high.pk, low.pk, unscored.pk, dismissed.pk]


def test_rows_show_the_cluster_and_the_suggestions(client, gazetteer):
    client.force_login(make_staff(*VIEW))
    first = analysed("Justice Department sues Illinois over law limiting help to immigration agents",
                     "The Justice Department sued Illinois, Chicago and Cook County on Thursday, arguing that the "
                     "state's Trust Act and local ordinances obstruct federal deportation efforts.", publisher="Wire")
    second = make_article(title="DOJ sues Illinois", publisher="Daily")
    make_cluster([first, second])
    first.refresh_from_db()
    html = queue(client).content.decode()
    assert "2 outlets" in html and f"?cluster={first.cluster_id}" in html
    assert "Chicago, IL" in html and "(subject)" in html
    assert "Federal action" in html and "DOJ" in html and "March 6, 2025" in html


def test_filters(client, gazetteer):
    client.force_login(make_staff(*VIEW))
    feed = Feed.objects.create(url="https://feed.example/rss", name="Example feed")
    chicago = analysed("Justice Department sues Chicago over sanctuary ordinance",
                       "The Justice Department sued Chicago on Thursday over its Welcoming City ordinance.", feed=feed)
    denver = analysed("ICE arrests dozens in Denver", "Immigration and Customs Enforcement agents arrested 47 people "
                      "in Denver over the weekend, officials said.")
    dull = make_article(title="Weather report", relevance_score=0.0, is_relevant=False)
    assert listed(queue(client, feed=feed.pk)) == [chicago.pk]
    assert set(listed(queue(client, jurisdiction=CHICAGO))) == {chicago.pk}
    assert set(listed(queue(client, jurisdiction="Denver, CO"))) == {denver.pk}
    assert set(listed(queue(client, kind="enforcement_operation"))) == {denver.pk}
    assert dull.pk not in listed(queue(client, min_score="0.3"))
    assert set(listed(queue(client, relevant="false"))) == {dull.pk}
    assert set(listed(queue(client, relevant="true"))) == {chicago.pk, denver.pk}
    assert set(listed(queue(client, q="welcoming ordinance"))) == {chicago.pk}
    assert listed(queue(client, status="dismissed")) == []


def test_a_bad_filter_says_so(client, gazetteer):
    client.force_login(make_staff(*VIEW))
    make_article()
    response = queue(client, jurisdiction="Nowhere-at-all, ZZ")
    assert response.status_code == 400
    assert "No jurisdiction is called" in response.content.decode()
    assert response.context["articles"] == []


def test_dismissed_articles_stay_searchable_and_can_be_reopened(client):
    from tests.curation.review_helpers import REVIEW

    editor = make_staff(*REVIEW)
    client.force_login(editor)
    article = make_article(title="Council debates detainer policy", summary_html="<p>A long debate.</p>")
    client.post(reverse("review:bulk_action"), {"ids": [article.pk], "action": "dismiss", "reason": "local only"})
    article.refresh_from_db()
    assert article.status == "dismissed"
    assert listed(queue(client, q="detainer", status="dismissed")) == [article.pk]
    assert article.pk in listed(queue(client, q="long debate"))
    page = client.get(reverse("review:article", args=[article.pk]))
    assert "local only" in page.content.decode()
    client.post(reverse("review:bulk_action"), {"ids": [article.pk], "action": "reopen"})
    article.refresh_from_db()
    assert article.status == "new"
    history = client.get(reverse("review:article", args=[article.pk])).content.decode()
    assert "Dismissed" in history and "Reopened" in history and editor.username in history
