"""Read-only API endpoints. Thin: a queryset that says what the public may see, a serializer, a
FilterSet shared with the pages, and cursor pagination.

Ordering: each list is in its cursor's order, whatever the filters say. Events come newest published
first (``-published_at``, then ``-id``), which is also the order an analyst polling for new events
wants; the events FilterSet's ``sort`` parameter is validated like every other filter (so a page's
query string works unchanged) but does not reorder API results, because a cursor can only walk the
order it was made for, and the page sorts (by date, with undated events, or by search rank) have no
stable, non-null position to resume from.
"""
from __future__ import annotations

from django.db.models import Exists, OuterRef, Prefetch
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.permissions import AllowAny

from events.api import schema  # noqa: F401  (types the shared filters for the schema)
from events.api import serializers
from events.api.filters import JurisdictionApiFilter, PolicyFilter
from events.api.pagination import cursor_pagination
from events.corrections_log import public_corrections
from events.visibility import public_cases, public_policies, public_snapshots
from events.filters import EventFilter
from events.models import Case, CaseParty, Event, EventJurisdiction
from jurisdictions.models import Jurisdiction, Listing, ListSnapshot, OfficialList, Policy
from jurisdictions.views import with_event_counts

NOT_FOUND = OpenApiResponse(serializers.ErrorSerializer, description="No such object, or an invalid cursor.")
# Each invalid query parameter with its messages, e.g. {"date_from": ["Enter a valid date."]}.
FILTER_ERRORS = {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}
BAD_FILTER = OpenApiResponse(FILTER_ERRORS, description="A query parameter is invalid; the body names each one with its messages.")
THROTTLED = OpenApiResponse(serializers.ErrorSerializer, description="Too many requests; retry after the Retry-After header's seconds.")
UNAUTHORIZED = OpenApiResponse(serializers.ErrorSerializer, description="The token given is invalid.")
LIST_ERRORS = {400: BAD_FILTER, 401: UNAUTHORIZED, 404: NOT_FOUND, 429: THROTTLED}
DETAIL_ERRORS = {400: BAD_FILTER, 401: UNAUTHORIZED, 404: NOT_FOUND, 429: THROTTLED}


def documented(serializer, *, lookup: OpenApiParameter | None = None, description: str = ""):
    """The schema of a read-only viewset: its answers, including the errors it can give."""
    return extend_schema_view(
        list=extend_schema(responses={200: serializer(many=True), **LIST_ERRORS}, description=description),
        retrieve=extend_schema(
            responses={200: serializer, **DETAIL_ERRORS}, parameters=[lookup] if lookup else None,
            description=description,
        ),
    )


class PublicReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]
    filter_backends = [DjangoFilterBackend]


EVENT_ID = OpenApiParameter("id", {"type": "integer", "minimum": 1}, OpenApiParameter.PATH, description="The event's number.")


@documented(
    serializers.EventSerializer, lookup=EVENT_ID,
    description="Published events, newest published first. Filters are those of the events page "
    "(/events/); `sort` is accepted but the API always returns cursor order.",
)
class EventViewSet(PublicReadOnlyViewSet):
    serializer_class = serializers.EventSerializer
    filterset_class = EventFilter
    pagination_class = cursor_pagination("-published_at", "-id")
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        # Published only, for everyone (staff included): drafts and retracted events answer 404 here;
        # retracted events keep their page on the site.
        return (
            Event.objects.published()
            .defer("search_document")
            .select_related("case", "federal_action", "court_ruling", "enforcement_operation",
                            "policy_change__policy__jurisdiction")
            .prefetch_related(
                Prefetch(
                    "involvements",
                    queryset=EventJurisdiction.objects.select_related("jurisdiction").order_by("-role", "jurisdiction__name"),
                ),
                "sources",
                "corrections",
            )
        )


JURISDICTION_UID = OpenApiParameter(
    "uid", {"type": "string", "pattern": "^[a-z]+:[0-9]+$"}, OpenApiParameter.PATH,
    description="The gazetteer's stable id, e.g. 'fips:17031' (Cook County) or 'geonames:4887398' (Chicago).",
)


@documented(serializers.JurisdictionSerializer, lookup=JURISDICTION_UID,
            description="The gazetteer: states, counties and places, with their published-event counts.")
class JurisdictionViewSet(PublicReadOnlyViewSet):
    serializer_class = serializers.JurisdictionSerializer
    filterset_class = JurisdictionApiFilter
    pagination_class = cursor_pagination("uid")
    lookup_field = "uid"
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        return with_event_counts(Jurisdiction.objects.select_related("parent"))


CASE_SLUG = OpenApiParameter("slug", {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}, OpenApiParameter.PATH,
                             description="The case's short name, as in /cases/<slug>/.")


@documented(serializers.CaseSerializer, lookup=CASE_SLUG, description="Lawsuits, their parties and published events.")
class CaseViewSet(PublicReadOnlyViewSet):
    serializer_class = serializers.CaseSerializer
    pagination_class = cursor_pagination("slug")
    lookup_field = "slug"

    def get_queryset(self):
        published = Event.objects.published().only("id", "case_id", "date").order_by("date", "id")
        return public_cases().prefetch_related(
            Prefetch("parties", queryset=CaseParty.objects.select_related("jurisdiction")),
            Prefetch("events", queryset=published, to_attr="published_events"),
            # A draft or retracted origin is not named.
            Prefetch("originating_event", queryset=Event.objects.published().only("id"), to_attr="published_origin"),
        )


CORRECTION_ID = OpenApiParameter("id", {"type": "integer", "minimum": 1}, OpenApiParameter.PATH, description="The correction's number.")


@documented(serializers.CorrectionLogSerializer, lookup=CORRECTION_ID,
            description="The public corrections log: corrections and retractions of public events, newest first.")
class CorrectionViewSet(PublicReadOnlyViewSet):
    serializer_class = serializers.CorrectionLogSerializer
    pagination_class = cursor_pagination("-created", "-id")
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        return public_corrections()


POLICY_ID = OpenApiParameter("id", {"type": "integer", "minimum": 1}, OpenApiParameter.PATH, description="The policy's number.")


@documented(serializers.PolicySerializer, lookup=POLICY_ID, description="Jurisdictions' rules on cooperation with federal immigration authorities.")
class PolicyViewSet(PublicReadOnlyViewSet):
    serializer_class = serializers.PolicySerializer
    filterset_class = PolicyFilter
    pagination_class = cursor_pagination("id")
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        return public_policies().select_related("jurisdiction")


LIST_SLUG = OpenApiParameter("slug", {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}, OpenApiParameter.PATH,
                             description="The list's short name, as in its page's address.")


@documented(serializers.OfficialListSerializer, lookup=LIST_SLUG,
            description="Official lists of jurisdictions, each published version (snapshot) and whom it names.")
class OfficialListViewSet(PublicReadOnlyViewSet):
    serializer_class = serializers.OfficialListSerializer
    pagination_class = cursor_pagination("slug")
    lookup_field = "slug"

    def get_queryset(self):
        listings = Listing.objects.select_related("jurisdiction").order_by("jurisdiction__state", "jurisdiction__name")
        snapshots = public_snapshots().order_by("-published").prefetch_related(Prefetch("listings", queryset=listings))
        # A list none of whose versions is public is not shown at all.
        return OfficialList.objects.filter(Exists(public_snapshots().filter(official_list=OuterRef("pk")))).prefetch_related(
            Prefetch("snapshots", queryset=snapshots)
        )
