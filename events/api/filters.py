"""Filters for the API endpoints that have no page of their own to share a FilterSet with.

Events use ``events.filters.EventFilter`` and jurisdictions ``jurisdictions.filters.JurisdictionDirectoryFilter``
unchanged; only policies need one here.
"""
from __future__ import annotations

import django_filters
from django.db.models import QuerySet

from jurisdictions.choices import PolicyCategory, PolicyStance
from jurisdictions.filters import STATE_CHOICES
from jurisdictions.models import Policy


class PolicyFilter(django_filters.FilterSet):
    jurisdiction = django_filters.CharFilter(
        field_name="jurisdiction__uid", max_length=32, help_text="Uid of the jurisdiction, e.g. 'fips:17031'."
    )
    state = django_filters.ChoiceFilter(choices=STATE_CHOICES, field_name="jurisdiction__state")
    category = django_filters.ChoiceFilter(choices=PolicyCategory.choices)
    stance = django_filters.ChoiceFilter(choices=PolicyStance.choices)
    ended = django_filters.BooleanFilter(
        method="filter_ended", help_text="true: only policies that have ended; false: only those that have not."
    )

    class Meta:
        model = Policy
        fields: list[str] = []

    def filter_ended(self, qs: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return qs
        return qs.filter(ended__isnull=not value)
