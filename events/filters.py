"""The one definition of how public events are filtered.

The events list, its charts, the exports, the Atom feed, the embeds and the API all take the same
query string through ``EventFilter``, so every number they show agrees. Filters on related rows use
EXISTS subqueries, never joins, so an event is counted once however many rows match.
"""
from __future__ import annotations

import us
import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef, Q, QuerySet

from events.choices import Agency, EventKind, RulingOutcome
from events.models import Case, Event, EventJurisdiction
from events.search import search_events
from jurisdictions.choices import JurisdictionKind
from jurisdictions.lookup import find_jurisdiction
from jurisdictions.models import Jurisdiction

STATE_CHOICES = sorted(((s.abbr, s.name) for s in us.states.STATES_AND_TERRITORIES), key=lambda c: c[1])

# Undated events ("date not stated in sources") go last in both date orders, on every database.
NEWEST = (F("date").desc(nulls_last=True), F("id").desc())
SORTS = {
    "-date": ("Newest first", NEWEST),
    "date": ("Oldest first", (F("date").asc(nulls_last=True), F("id").asc())),
    "title": ("Title A–Z", ("title", "id")),
    "relevance": ("Best match (with a search)", (F("rank").desc(), *NEWEST)),
}
SORT_CHOICES = [(key, label) for key, (label, _) in SORTS.items()]
MAX_QUERY_LENGTH = 200


class JurisdictionField(forms.CharField):
    """Takes a stable id ('geonames:4887398') or a name ('Chicago, IL'); cleans to a Jurisdiction."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        found = find_jurisdiction(value)
        if found.error:
            raise forms.ValidationError(found.error, code="jurisdiction")
        return found.jurisdiction


class JurisdictionFilter(django_filters.Filter):
    field_class = JurisdictionField

    def filter(self, qs: QuerySet, value: Jurisdiction | None) -> QuerySet:
        # Applied together with `within` in EventFilter.filter_queryset.
        return qs


class EventFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search", method="filter_q", max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text='Words in the title, summary, sources or places. "Quoted phrase", -exclude, OR.',
    )
    kind = django_filters.MultipleChoiceFilter(
        # No join, so no DISTINCT: it would make PostgreSQL sort every matching row.
        choices=EventKind.choices, label="Kind", widget=forms.CheckboxSelectMultiple, distinct=False
    )
    agency = django_filters.ChoiceFilter(
        choices=Agency.choices, label="Agency", method="filter_agency", empty_label="Any agency"
    )
    jurisdiction = JurisdictionFilter(
        label="Jurisdiction", help_text="A name such as “Chicago, IL”, or an id such as “fips:17031”."
    )
    within = django_filters.BooleanFilter(
        label="Include the counties and places inside it", method="filter_noop", widget=forms.CheckboxInput
    )
    state = django_filters.ChoiceFilter(
        choices=STATE_CHOICES, label="State", method="filter_state", empty_label="Any state"
    )
    jurisdiction_kind = django_filters.ChoiceFilter(
        choices=JurisdictionKind.choices, label="Jurisdiction kind", method="filter_jurisdiction_kind",
        empty_label="Any kind",
    )
    date_from = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label="To", widget=forms.DateInput(attrs={"type": "date"})
    )
    outcome = django_filters.ChoiceFilter(
        choices=RulingOutcome.choices, field_name="court_ruling__outcome", label="Court outcome",
        empty_label="Any outcome",
    )
    case = django_filters.ModelChoiceFilter(
        queryset=Case.objects.all(), to_field_name="slug", label="Case", widget=forms.TextInput,
        help_text="The case's short name, as in its address /cases/<name>/.",
        error_messages={"invalid_choice": "No case has that short name; copy it from the case page's address."},
    )
    sort = django_filters.ChoiceFilter(choices=SORT_CHOICES, label="Sort", method="filter_noop", empty_label=None)

    class Meta:
        model = Event
        fields: list[str] = []

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data=data, queryset=Event.objects.published() if queryset is None else queryset, **kwargs)

    # -- filters ---------------------------------------------------------------------------------

    def filter_noop(self, qs: QuerySet, name: str, value) -> QuerySet:
        return qs  # read in filter_queryset

    def filter_q(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs  # applied last in filter_queryset, so the rank survives the other filters

    def filter_agency(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs.filter(Q(federal_action__agency=value) | Q(enforcement_operation__agency=value))

    def filter_state(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs.filter(_involves(jurisdiction__state=value))

    def filter_jurisdiction_kind(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        if value == JurisdictionKind.COUNTY:
            # Consolidated city-counties count as counties too.
            return qs.filter(_involves(Q(jurisdiction__kind=value) | Q(jurisdiction__is_consolidated=True,
                                                                     jurisdiction__kind=JurisdictionKind.PLACE)))
        return qs.filter(_involves(jurisdiction__kind=value))

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        place = data.get("jurisdiction")
        if place is not None:
            if data.get("within"):
                inner = Jurisdiction.objects.within(place).values("pk")
                queryset = queryset.filter(_involves(jurisdiction__in=inner))
            else:
                queryset = queryset.filter(_involves(jurisdiction=place))
        queryset = search_events(queryset, data.get("q") or "")
        return queryset.order_by(*SORTS[self.sort_key][1])

    # -- what the pages need to know ---------------------------------------------------------------

    @property
    def sort_key(self) -> str:
        data = getattr(self.form, "cleaned_data", {})
        chosen = data.get("sort")
        if chosen == "relevance" and not data.get("q"):
            chosen = None
        return chosen or ("relevance" if data.get("q") else "-date")

    def is_filtered(self) -> bool:
        return self.is_bound and any(v not in (None, "", [], False) for k, v in self.form.cleaned_data.items()
                                     if k != "sort")

    def active_filters(self) -> list[tuple[str, str]]:
        """(label, value) of each filter in use, for the 'showing events where…' line."""
        if not self.is_bound or not self.is_valid():
            return []
        shown = []
        for name, value in self.form.cleaned_data.items():
            if name in ("sort", "within") or value in (None, "", [], False):
                continue
            field = self.form.fields[name]
            if isinstance(value, list):
                labels = dict(field.choices)
                text = ", ".join(str(labels.get(v, v)) for v in value)
            elif hasattr(field, "choices") and not isinstance(value, Case):
                text = str(dict(field.choices).get(value, value))
            else:
                text = str(value)
            if name == "jurisdiction" and self.form.cleaned_data.get("within"):
                text += " and places inside it"
            shown.append((str(field.label), text))
        return shown


def _involves(*args, **kwargs) -> Exists:
    """Events with at least one involved jurisdiction matching the condition."""
    return Exists(EventJurisdiction.objects.filter(*args, event=OuterRef("pk"), **kwargs))


def filter_events(params, queryset: QuerySet | None = None) -> EventFilter:
    """The FilterSet for a query string, validated. Callers check ``is_valid()`` before using ``qs``:
    a bad value must produce a message, never a silently unfiltered list."""
    # Always bound: an empty query string is a valid request for everything.
    filterset = EventFilter(params if params is not None else {}, queryset=queryset)
    filterset.is_valid()
    return filterset


