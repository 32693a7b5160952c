"""The jurisdiction directory's filters: name, state, kind, and whether any published event involves it.

This app knows nothing of events, so the view passes the event condition in (``has_events`` filters on
the ``event_count`` annotation the view adds) rather than this module importing the events app.
"""
from __future__ import annotations

import django_filters
import us
from django.db.models import Q, QuerySet

from jurisdictions.choices import JurisdictionKind
from jurisdictions.models import Jurisdiction

STATE_CHOICES = sorted(((s.abbr, s.name) for s in us.states.STATES_AND_TERRITORIES), key=lambda c: c[1])
HAS_EVENTS_CHOICES = [("yes", "With published events"), ("no", "Without published events")]
MAX_NAME_LENGTH = 120


class JurisdictionDirectoryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Name", method="filter_name", max_length=MAX_NAME_LENGTH,
        help_text="Part of the name, e.g. “Cook” or “San Fran”.",
    )
    state = django_filters.ChoiceFilter(choices=STATE_CHOICES, label="State", empty_label="Any state")
    kind = django_filters.ChoiceFilter(
        choices=JurisdictionKind.choices, label="Kind", method="filter_kind", empty_label="Any kind"
    )
    has_events = django_filters.ChoiceFilter(
        choices=HAS_EVENTS_CHOICES, label="Events", method="filter_has_events", empty_label="Any"
    )

    class Meta:
        model = Jurisdiction
        fields: list[str] = []

    def filter_name(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        # Every word must appear in the name or in one of the aliases ("NYC", "Louisville Metro").
        for word in value.split():
            qs = qs.filter(Q(name__icontains=word) | Q(aliases__icontains=word))
        return qs

    def filter_kind(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        if value == JurisdictionKind.COUNTY:
            # Consolidated city-counties (San Francisco, Denver…) are counties too, as in the events filter.
            return qs.filter(Q(kind=value) | Q(kind=JurisdictionKind.PLACE, is_consolidated=True, fips__isnull=False))
        return qs.filter(kind=value)

    def filter_has_events(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        # `has_published_events` is an EXISTS annotation the view adds (see jurisdictions.views).
        return qs.filter(has_published_events=(value == "yes"))


def filter_directory(params, queryset: QuerySet) -> JurisdictionDirectoryFilter:
    """The bound, validated filterset; callers check ``is_valid()`` before reading ``qs``."""
    filterset = JurisdictionDirectoryFilter(params if params is not None else {}, queryset=queryset)
    filterset.is_valid()
    return filterset
