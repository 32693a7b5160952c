"""Builders for the review-queue tests: users with exactly the permissions named, articles, analysed articles."""
from __future__ import annotations

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from feeds.analysis import analyze, refresh_if_changed
from feeds.analysis.store import save_analysis
from feeds.ingest import plain_text_of
from feeds.models import Article, StoryCluster

PASSWORD = "review-password-123"
VIEW = ("feeds.view_article",)
REVIEW = VIEW + ("feeds.change_article",)
CREATE = VIEW + ("events.add_event", "events.add_source")
ATTACH = VIEW + ("events.add_source",)
_seq = itertools.count(1)


def make_staff(*perms: str, username: str | None = None, is_staff: bool = True):
    """A staff user with exactly ``perms`` ("app.codename"), nothing from any group."""
    user = get_user_model().objects.create_user(
        username or f"reviewer{next(_seq)}", password=PASSWORD, is_staff=is_staff
    )
    for perm in perms:
        app_label, codename = perm.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return get_user_model().objects.get(pk=user.pk)  # fresh: no stale permission cache


def make_article(**fields) -> Article:
    n = next(_seq)
    defaults = {
        "url": f"https://news.example/{n}",
        "normalized_url": f"https://news.example/{n}",
        "title": f"Report {n}",
        "publisher": "Example News",
        "published": timezone.make_aware(datetime.datetime(2025, 3, 10, 9, 0)),
        "summary_html": "<p>Nothing much.</p>",
    }
    defaults.update(fields)
    return Article.objects.create(**defaults)


def make_articles(count: int, **fields) -> list[Article]:
    return [make_article(**fields) for _ in range(count)]


def analysed(title: str, text: str, **fields) -> Article:
    """An article run through the real analyser on the real gazetteer (needs the ``gazetteer`` fixture)."""
    article = make_article(title=title, summary_html=f"<p>{text}</p>", **fields)
    refresh_if_changed()
    save_analysis(article, analyze(article.title, plain_text_of(article), article.published))
    article.refresh_from_db()
    return article


def make_cluster(articles: list[Article]) -> StoryCluster:
    cluster = StoryCluster.objects.create(
        title=articles[0].title, first_reported=articles[0].published, outlet_count=len(articles)
    )
    Article.objects.filter(pk__in=[a.pk for a in articles]).update(cluster=cluster)
    return cluster
