"""Create a draft event from a whole story: the analysis prefills the form, every article becomes a source."""
import datetime

import pytest
from django.urls import reverse

from events.models import Event
from feeds.models import ArticleAction
from tests.curation.review_helpers import CREATE, analysed, make_cluster, make_staff

pytestmark = pytest.mark.django_db

STORY = [
    ("Justice Department sues Illinois over law limiting help to immigration agents",
     "The Justice Department sued Illinois, Chicago and Cook County on Thursday, arguing that the state's "
     "Trust Act and local ordinances obstruct federal deportation efforts.", "Wire Service"),
    ("DOJ files lawsuit against Illinois, Chicago and Cook County over Trust Act",
     "Federal prosecutors filed a lawsuit Thursday against Illinois, Chicago and Cook County, saying the Trust "
     "Act and city ordinances obstruct deportation efforts.", "Daily Example"),
]
ILLINOIS, CHICAGO, COOK = "fips:17", "geonames:4887398", "fips:17031"


@pytest.fixture
def story(gazetteer):
    articles = [analysed(title, text, publisher=publisher) for title, text, publisher in STORY]
    return make_cluster(articles), articles


def test_the_form_is_prefilled_from_the_analysis(client, story):
    cluster, articles = story
    client.force_login(make_staff(*CREATE))
    response = client.get(reverse("review:create_event"), {"cluster": cluster.pk})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["kind"] == "federal_action" and form.initial["agency"] == "DOJ"
    assert form.initial["date"] == datetime.date(2025, 3, 6) and form.initial["date_precision"] == "day"
    assert sorted(form.initial["sources"]) == sorted(a.pk for a in articles)
    assert "summary" not in form.initial  # the editor writes it
    assert {(j.uid, role) for j, role in form.suggested_places} == {
        (ILLINOIS, "subject"), (CHICAGO, "subject"), (COOK, "subject")
    }


def test_creating_from_a_cluster_cites_every_article(client, story):
    cluster, articles = story
    editor = make_staff(*CREATE)
    client.force_login(editor)
    page = client.get(reverse("review:create_event"), {"cluster": cluster.pk})
    places = {j.uid: j for j, _ in page.context["form"].suggested_places}
    data = {
        "cluster": cluster.pk, "sources": [a.pk for a in articles], "kind": "federal_action",
        "title": "Justice Department sues Illinois, Chicago and Cook County over the Trust Act",
        "date": "2025-03-06", "date_precision": "day", "summary": "The department sued, the articles say.",
        "agency": "DOJ", "action_type": "lawsuit",
        f"role_{places[ILLINOIS].pk}": "subject", f"role_{places[CHICAGO].pk}": "subject",
        f"role_{places[COOK].pk}": "mentioned", "more_jurisdictions": "Denver, CO",
    }
    response = client.post(reverse("review:create_event"), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    event = Event.objects.get()
    assert event.status == "draft" and event.created_by == editor
    assert event.federal_action.agency == "DOJ" and event.federal_action.action_type == "lawsuit"
    roles = {i.jurisdiction.uid: i.role for i in event.involvements.select_related("jurisdiction")}
    assert roles == {ILLINOIS: "subject", CHICAGO: "subject", COOK: "mentioned", "fips:08031": "subject"}
    sources = list(event.sources.order_by("article_id"))
    assert [s.article_id for s in sources] == sorted(a.pk for a in articles)
    assert {s.publisher for s in sources} == {"Wire Service", "Daily Example"}
    assert all(s.url.startswith("https://news.example/") and s.published == datetime.date(2025, 3, 10) for s in sources)
    for article in articles:
        article.refresh_from_db()
        assert article.status == "promoted" and article.status_changed_by == editor
        entry = ArticleAction.objects.get(article=article)
        assert (entry.action, entry.event, entry.user) == ("promote", event, editor)


def test_unticked_articles_are_not_cited(client, story):
    cluster, articles = story
    client.force_login(make_staff(*CREATE))
    response = client.post(reverse("review:create_event"), {
        "cluster": cluster.pk, "sources": [articles[0].pk], "kind": "court_ruling", "title": "A ruling",
        "date": "", "date_precision": "unknown", "summary": "Ruled.",
    })
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.date is None and event.date_precision == "unknown"
    assert list(event.sources.values_list("article_id", flat=True)) == [articles[0].pk]
    articles[1].refresh_from_db()
    assert articles[1].status == "new"


@pytest.mark.parametrize("change, field", [
    ({"summary": ""}, "summary"),
    ({"agency": ""}, "agency"),
    ({"action_type": ""}, "action_type"),
    ({"date": ""}, "date"),
    ({"more_jurisdictions": "Springfield"}, "more_jurisdictions"),
])
def test_an_incomplete_form_creates_nothing(client, story, change, field):
    cluster, articles = story
    client.force_login(make_staff(*CREATE))
    data = {
        "cluster": cluster.pk, "sources": [a.pk for a in articles], "kind": "federal_action", "title": "Suit",
        "date": "2025-03-06", "date_precision": "day", "summary": "Sued.", "agency": "DOJ", "action_type": "lawsuit",
        **change,
    }
    response = client.post(reverse("review:create_event"), data)
    assert response.status_code == 400 and field in response.context["form"].errors
    assert not Event.objects.exists() and not ArticleAction.objects.exists()


def test_from_single_ticked_articles_via_the_action_bar(client, gazetteer):
    article = analysed("ICE arrests dozens in weekend operation in Denver suburbs",
                       "Agents from Immigration and Customs Enforcement arrested 47 people in Aurora and Lakewood, "
                       "Colo., over the weekend.")
    client.force_login(make_staff(*CREATE))
    response = client.post(reverse("review:bulk_action"), {"ids": [article.pk], "action": "create_event"})
    assert response.status_code == 303
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page.context["form"].initial["kind"] == "enforcement_operation"
    assert page.context["form"].initial["agency"] == "ICE"
    # The analyser found no date: the form says so rather than guessing one.
    assert page.context["form"].initial["date_precision"] == "unknown" and page.context["form"].initial["date"] is None
