"""Filters of the review queue: what an editor narrows the articles down by."""
from __future__ import annotations

import django_filters
from django import forms
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet

from events.choices import EventKind
from events.filters import JurisdictionField
from feeds.choices import ReviewStatus
from feeds.models import Article, ArticleJurisdiction, Feed

MAX_QUERY_LENGTH = 200
MAX_SEARCH_WORDS = 10


class SuggestedJurisdictionFilter(django_filters.Filter):
    field_class = JurisdictionField  # uid or "Name, ST", resolved by jurisdictions.lookup


class ArticleReviewFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search", method="filter_q", max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}), help_text="Words in the title or text (all of them).",
    )
    status = django_filters.ChoiceFilter(choices=ReviewStatus.choices, label="Status", empty_label="Any status")
    feed = django_filters.ModelChoiceFilter(
        queryset=Feed.objects.order_by("name"), label="Feed", empty_label="Any feed"
    )
    min_score = django_filters.NumberFilter(
        field_name="relevance_score", lookup_expr="gte", label="Score at least",
        widget=forms.NumberInput(attrs={"min": 0, "max": 1, "step": 0.05}),
    )
    relevant = django_filters.BooleanFilter(
        field_name="is_relevant", label="Relevant",
        widget=forms.Select(choices=[("", "Either"), ("true", "Yes"), ("false", "No")]),
    )
    jurisdiction = SuggestedJurisdictionFilter(
        method="filter_jurisdiction", label="Suggested jurisdiction",
        help_text="A name such as “Chicago, IL”, or an id such as “fips:17031”.",
    )
    kind = django_filters.ChoiceFilter(
        choices=EventKind.choices, method="filter_kind", label="Suggested kind", empty_label="Any kind"
    )
    cluster = django_filters.NumberFilter(field_name="cluster_id", label="Story", widget=forms.HiddenInput)

    class Meta:
        model = Article
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        for word in value.split()[:MAX_SEARCH_WORDS]:
            qs = qs.filter(
                Q(title__icontains=word) | Q(summary_html__icontains=word) | Q(body_html__icontains=word)
                | Q(url__icontains=word)
            )
        return qs

    def filter_jurisdiction(self, qs: QuerySet, name: str, value) -> QuerySet:
        if value is None:
            return qs
        return qs.filter(Exists(ArticleJurisdiction.objects.filter(article=OuterRef("pk"), jurisdiction=value)))

    def filter_kind(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        if connection.features.supports_json_field_contains:
            return qs.filter(suggested_kinds__contains=[value])
        # SQLite has no JSON containment; the kind names are distinct words, so the quoted value in the
        # stored list is an exact test.
        return qs.filter(suggested_kinds__icontains=f'"{value}"')


def filter_articles(params, queryset: QuerySet) -> ArticleReviewFilter:
    """The bound, validated FilterSet for a query string (callers check ``is_valid()``)."""
    filterset = ArticleReviewFilter(params if params is not None else {}, queryset=queryset)
    filterset.is_valid()
    return filterset
