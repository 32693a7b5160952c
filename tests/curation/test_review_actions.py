"""Dismiss, mark duplicate and reopen: each records who and when on the article and in the audit trail."""
import pytest
from django.core.exceptions import ValidationError

from feeds.models import Article, ArticleAction
from feeds.review import actions
from tests.curation.review_helpers import REVIEW, make_article, make_staff
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def test_dismiss_records_who_when_and_why():
    editor = make_staff(*REVIEW)
    article = make_article()
    outcome = actions.dismiss([article.pk], editor, "  Opinion piece,\n no news  ")
    assert outcome.done == [article.pk] and not outcome.skipped
    article.refresh_from_db()
    assert article.status == "dismissed"
    assert article.status_reason == "Opinion piece, no news"
    assert article.status_changed_by == editor and article.status_changed_at is not None
    entry = ArticleAction.objects.get(article=article)
    assert (entry.action, entry.user, entry.from_status, entry.to_status) == ("dismiss", editor, "new", "dismissed")
    assert entry.note == "Opinion piece, no news" and entry.created == article.status_changed_at


def test_dismiss_needs_a_reason():
    article = make_article()
    with pytest.raises(ValidationError):
        actions.dismiss([article.pk], make_staff(*REVIEW), "   ")
    article.refresh_from_db()
    assert article.status == "new" and not ArticleAction.objects.exists()


def test_mark_duplicate_points_at_the_original_and_follows_chains():
    editor = make_staff(*REVIEW)
    original, copy, copy_of_copy = make_article(), make_article(), make_article()
    actions.mark_duplicate([copy.pk], original, editor)
    copy.refresh_from_db()
    actions.mark_duplicate([copy_of_copy.pk], copy, editor)
    copy_of_copy.refresh_from_db()
    assert copy.duplicate_of == original and copy_of_copy.duplicate_of == original
    assert copy_of_copy.status == "duplicate" and copy_of_copy.status_changed_by == editor
    entry = ArticleAction.objects.get(article=copy_of_copy)
    assert entry.action == "duplicate" and entry.duplicate_of == original


def test_an_article_cannot_duplicate_itself():
    article = make_article()
    outcome = actions.mark_duplicate([article.pk], article, make_staff(*REVIEW))
    assert outcome.done == [] and "itself" in outcome.skipped[article.pk]
    article.refresh_from_db()
    assert article.status == "new"


def test_reopen_brings_back_dismissed_and_duplicate_articles():
    editor = make_staff(*REVIEW)
    dismissed, duplicate, original = make_article(), make_article(), make_article()
    actions.dismiss([dismissed.pk], editor, "off topic")
    actions.mark_duplicate([duplicate.pk], original, editor)
    outcome = actions.reopen([dismissed.pk, duplicate.pk], editor, "second look")
    assert sorted(outcome.done) == sorted([dismissed.pk, duplicate.pk])
    for article in Article.objects.filter(pk__in=outcome.done):
        assert article.status == "new" and article.duplicate_of is None and article.status_reason == "second look"
    history = ArticleAction.objects.filter(article=dismissed).order_by("created", "id")
    assert [entry.action for entry in history] == ["dismiss", "reopen"]


def test_a_decision_is_not_overridden_by_accident():
    editor = make_staff(*REVIEW)
    article = make_article()
    actions.dismiss([article.pk], editor, "off topic")
    outcome = actions.mark_duplicate([article.pk], make_article(), editor)
    assert outcome.done == [] and "dismissed" in outcome.skipped[article.pk]
    new_one = make_article()
    assert actions.reopen([new_one.pk], editor).skipped[new_one.pk] == "already new"


def test_reopen_keeps_an_article_an_event_still_cites():
    editor = make_staff(*REVIEW)
    article = make_article()
    event = make_event()
    actions.attach_to_event([article.pk], event, editor)
    outcome = actions.reopen([article.pk], editor)
    assert outcome.skipped == {article.pk: "still cited by an event"}
    article.refresh_from_db()
    assert article.status == "attached"


def test_missing_articles_are_reported_not_ignored():
    outcome = actions.dismiss([999999], make_staff(*REVIEW), "gone")
    assert outcome.skipped == {999999: "no longer exists"}
