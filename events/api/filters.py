"""Filters for the API endpoints that have no page of their own to share a FilterSet with.

Events use ``events.filters.EventFilter`` unchanged; jurisdictions use the directory's filters plus
``search``, the name DRF clients expect for a text search; policies need their own.
"""
from __future__ import annotations

import django_filters
from django.db.models import QuerySet

from jurisdictions.choices import PolicyCategory, PolicyStance
from jurisdictions.filters import MAX_NAME_LENGTH, STATE_CHOICES, JurisdictionDirectoryFilter
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


class JurisdictionApiFilter(JurisdictionDirectoryFilter):
    """The directory's filters; ``search`` is the same name-or-alias search as the page's ``q``."""

    search = django_filters.CharFilter(
        label="Search", method="filter_name", max_length=MAX_NAME_LENGTH,
        help_text="Words of the name or an alias, e.g. “Cook” or “NYC”; every word must match.",
    )
