"""What the API returns. Field names here are a public contract: add fields, never rename or remove.

Jurisdictions are identified by their gazetteer uid ('fips:17031', 'geonames:4887398'), cases and
official lists by their slug, events and policies by their number; database keys of jurisdictions
never appear.
"""
from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.models import Case, CaseParty, Correction, Event, EventJurisdiction, Source
from events.models.details import CourtRuling, EnforcementOperation, FederalAction, PolicyChange
from events.visibility import names_its_case
from jurisdictions.models import Jurisdiction, Listing, ListSnapshot, OfficialList, Policy


class SiteURLField(serializers.CharField):
    """The absolute address of the object's public page on this site."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance) -> str:
        request = self.context.get("request")
        path = instance.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class JurisdictionRefSerializer(serializers.ModelSerializer):
    """A jurisdiction named inside another object."""

    class Meta:
        model = Jurisdiction
        fields = ["uid", "name", "kind", "state"]


# -- events -------------------------------------------------------------------------------------------


class JurisdictionFieldsSerializer(serializers.ModelSerializer):
    """The public fields of the jurisdiction a row points at (an event's involvement, a list's entry)."""

    uid = serializers.CharField(source="jurisdiction.uid", read_only=True)
    name = serializers.CharField(source="jurisdiction.name", read_only=True)
    kind = serializers.ChoiceField(source="jurisdiction.kind", choices=Jurisdiction._meta.get_field("kind").choices,
                                   read_only=True)
    state = serializers.CharField(source="jurisdiction.state", read_only=True)


class InvolvementSerializer(JurisdictionFieldsSerializer):
    class Meta:
        model = EventJurisdiction
        fields = ["uid", "name", "kind", "state", "role"]


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["publisher", "author", "title", "url", "published"]


class CorrectionSerializer(serializers.ModelSerializer):
    date = serializers.DateTimeField(source="created", read_only=True, help_text="When the correction was made.")

    class Meta:
        model = Correction
        fields = ["date", "note"]


class CorrectionLogSerializer(serializers.ModelSerializer):
    """An entry of the public corrections log: a correction of a public event's facts, or its retraction."""

    page_url = SiteURLField(help_text="The correction on the event's page.")
    date = serializers.DateTimeField(source="created", read_only=True, help_text="When it was made.")
    kind = serializers.CharField(read_only=True, help_text="'correction' or 'retraction'.")
    changes = serializers.ListField(child=serializers.CharField(), read_only=True,
                                    help_text="The facts that changed (e.g. 'title', 'date'); ['status'] for a retraction.")
    event = serializers.IntegerField(source="event_id", read_only=True, help_text="The event's number (/api/v1/events/<id>/ while published).")
    event_title = serializers.CharField(source="event.title", read_only=True, help_text="The event's title now.")

    class Meta:
        model = Correction
        fields = ["id", "page_url", "date", "kind", "changes", "note", "event", "event_title"]


class FederalActionSerializer(serializers.ModelSerializer):
    amount_at_stake = serializers.IntegerField(
        read_only=True, allow_null=True, help_text="Dollars at stake, as the sources state them; null when they state none."
    )

    class Meta:
        model = FederalAction
        fields = ["agency", "action_type", "amount_at_stake", "amount_note"]


class CourtRulingSerializer(serializers.ModelSerializer):
    class Meta:
        model = CourtRuling
        fields = ["court", "ruling_type", "outcome", "judges"]


class EnforcementOperationSerializer(serializers.ModelSerializer):
    class Meta:
        model = EnforcementOperation
        fields = ["agency", "operation_name", "reported_arrests", "arrests_note"]


class PolicyChangeSerializer(serializers.ModelSerializer):
    policy = serializers.IntegerField(source="policy_id", read_only=True, help_text="Id of the policy (/api/v1/policies/<id>/).")
    policy_title = serializers.CharField(source="policy.title", read_only=True)
    jurisdiction = serializers.CharField(source="policy.jurisdiction.uid", read_only=True,
                                         help_text="Uid of the jurisdiction whose policy it is.")

    class Meta:
        model = PolicyChange
        fields = ["policy", "policy_title", "jurisdiction", "change"]


class EventSerializer(serializers.ModelSerializer):
    """A published event. Exactly one of the four detail objects is filled, the one named by ``kind``
    (or none, where an editor has not entered the details yet)."""

    page_url = SiteURLField(help_text="The event's page on this site.")
    date_display = serializers.CharField(read_only=True, help_text="The date as precisely as the sources give it.")
    case = serializers.SerializerMethodField(
        help_text="Slug of the lawsuit it belongs to (/api/v1/cases/<slug>/), or null (none, or not yet published)."
    )
    jurisdictions = InvolvementSerializer(source="involvements", many=True, read_only=True)
    sources = SourceSerializer(many=True, read_only=True)
    corrections = CorrectionSerializer(many=True, read_only=True)
    federal_action = FederalActionSerializer(read_only=True, allow_null=True)
    court_ruling = CourtRulingSerializer(read_only=True, allow_null=True)
    enforcement_operation = EnforcementOperationSerializer(read_only=True, allow_null=True)
    policy_change = PolicyChangeSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Event
        fields = [
            "id", "page_url", "kind", "title", "summary", "date", "date_precision", "date_display", "published_at",
            "updated", "case", "jurisdictions", "sources", "corrections",
            "federal_action", "court_ruling", "enforcement_operation", "policy_change",
        ]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_case(self, event: Event) -> str | None:
        # The event is published, so naming its case reveals nothing but the case itself: its flag decides.
        return event.case.slug if names_its_case(event) else None


# -- jurisdictions ------------------------------------------------------------------------------------


class JurisdictionSerializer(serializers.ModelSerializer):
    page_url = SiteURLField(help_text="The jurisdiction's page on this site.")
    parent = serializers.SlugRelatedField(slug_field="uid", read_only=True, allow_null=True,
                                          help_text="Uid of the state or county it lies in.")
    event_count = serializers.IntegerField(read_only=True, help_text="Published events involving it.")
    aliases = serializers.ListField(child=serializers.CharField(), read_only=True,
                                    help_text="Other names it is known by.")

    class Meta:
        model = Jurisdiction
        fields = [
            "uid", "page_url", "name", "kind", "state", "parent", "fips", "geonames_id", "census_geoid",
            "is_consolidated", "population", "population_source", "latitude", "longitude", "aliases", "event_count",
        ]



# -- cases --------------------------------------------------------------------------------------------


class CasePartySerializer(serializers.ModelSerializer):
    jurisdiction = JurisdictionRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = CaseParty
        fields = ["role", "jurisdiction", "federal_party"]


class CaseSerializer(serializers.ModelSerializer):
    page_url = SiteURLField(help_text="The case's page on this site.")
    parties = CasePartySerializer(many=True, read_only=True)
    originating_event = serializers.SerializerMethodField(help_text="Id of the published event that led to the suit.")
    events = serializers.SerializerMethodField(help_text="Ids of the case's published events, oldest first.")

    class Meta:
        model = Case
        fields = [
            "slug", "page_url", "caption", "docket_number", "court", "filed", "status", "docket_url", "summary",
            "parties", "originating_event", "events",
        ]

    @extend_schema_field({"type": "integer", "nullable": True})
    def get_originating_event(self, case: Case) -> int | None:
        # Prefetched published-only (None otherwise): a draft or retracted origin is not named.
        origin = case.published_origin
        return origin.pk if origin else None

    @extend_schema_field({"type": "array", "items": {"type": "integer"}})
    def get_events(self, case: Case) -> list[int]:
        return [event.pk for event in case.published_events]


# -- policies -----------------------------------------------------------------------------------------


class PolicySerializer(serializers.ModelSerializer):
    page_url = SiteURLField(help_text="Where the policy appears on this site.")
    jurisdiction = JurisdictionRefSerializer(read_only=True)

    class Meta:
        model = Policy
        fields = [
            "id", "page_url", "jurisdiction", "title", "category", "stance", "summary", "adopted", "effective", "ended",
            "citation", "source_url", "source_title", "source_publisher",
        ]


# -- official lists -----------------------------------------------------------------------------------


class ListingSerializer(JurisdictionFieldsSerializer):
    class Meta:
        model = Listing
        fields = ["uid", "name", "kind", "state", "name_as_listed"]


class SnapshotSerializer(serializers.ModelSerializer):
    jurisdictions = ListingSerializer(source="listings", many=True, read_only=True,
                                      help_text="The jurisdictions this version names.")

    class Meta:
        model = ListSnapshot
        fields = ["published", "source_url", "source_title", "jurisdictions"]


class OfficialListSerializer(serializers.ModelSerializer):
    page_url = SiteURLField(help_text="The list's page on this site.")
    snapshots = SnapshotSerializer(many=True, read_only=True, help_text="Each published version, newest first.")

    class Meta:
        model = OfficialList
        fields = [
            "slug", "page_url", "name", "publisher", "authority", "scope", "description", "url", "withdrawn", "snapshots",
        ]


class ErrorSerializer(serializers.Serializer):
    """Body of a 401, 404 or 429 answer."""

    detail = serializers.CharField()
