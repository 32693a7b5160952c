"""Attach articles to an existing event as further sources."""
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from feeds.models import ArticleAction
from feeds.review import actions
from tests.curation.review_helpers import ATTACH, make_article, make_staff
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def test_attach_adds_sources_and_records_it(client):
    editor = make_staff(*ATTACH)
    event = make_event(status="published", sources=1)
    first, second = make_article(publisher=""), make_article(author="A. Writer")
    client.force_login(editor)
    page = client.get(reverse("review:attach"), {"ids": [first.pk, second.pk], "q": str(event.pk)})
    assert page.status_code == 200 and event in page.context["events"]
    response = client.post(reverse("review:attach"), {"ids": [first.pk, second.pk], "event": event.pk})
    assert response.status_code == 302
    cited = {s.article_id: s for s in event.sources.exclude(article=None)}
    assert set(cited) == {first.pk, second.pk}
    assert cited[first.pk].publisher == "news.example"  # no outlet named: the link's host
    assert cited[second.pk].author == "A. Writer"
    for article in (first, second):
        article.refresh_from_db()
        assert article.status == "attached" and article.status_changed_by == editor
        entry = ArticleAction.objects.get(article=article)
        assert (entry.action, entry.event_id, entry.user) == ("attach", event.pk, editor)


def test_an_article_already_cited_is_not_cited_twice():
    editor = make_staff(*ATTACH)
    event, article = make_event(), make_article()
    actions.attach_to_event([article.pk], event, editor)
    outcome = actions.attach_to_event([article.pk], event, editor)
    assert outcome.done == [] and outcome.skipped == {article.pk: "already a source of the event"}
    assert event.sources.count() == 1


def test_a_promoted_article_stays_promoted_when_attached_elsewhere():
    editor = make_staff(*ATTACH)
    article = make_article(status="promoted")
    actions.attach_to_event([article.pk], make_event(), editor)
    article.refresh_from_db()
    assert article.status == "promoted"


def test_dismissed_articles_must_be_reopened_first():
    editor = make_staff(*ATTACH)
    article = make_article()
    actions.dismiss([article.pk], editor, "off topic")
    outcome = actions.attach_to_event([article.pk], make_event(), editor)
    assert outcome.done == [] and "reopen it first" in outcome.skipped[article.pk]


def test_retracted_events_take_no_sources(client):
    editor = make_staff(*ATTACH)
    event, article = make_event(status="retracted", sources=1), make_article()
    with pytest.raises(ValidationError):
        actions.attach_to_event([article.pk], event, editor)
    client.force_login(editor)
    response = client.post(reverse("review:attach"), {"ids": [article.pk], "event": event.pk})
    assert response.status_code == 400 and "event" in response.context["form"].errors
    article.refresh_from_db()
    assert article.status == "new"
