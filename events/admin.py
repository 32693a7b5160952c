"""Admin for events, their details, cases, sources and corrections."""
from django.contrib import admin

from events.models import (
    Case,
    CaseParty,
    Correction,
    CourtRuling,
    EnforcementOperation,
    Event,
    EventJurisdiction,
    FederalAction,
    PolicyChange,
    Source,
)


class EventJurisdictionInline(admin.TabularInline):
    model = EventJurisdiction
    autocomplete_fields = ("jurisdiction",)
    extra = 1


class SourceInline(admin.StackedInline):
    model = Source
    autocomplete_fields = ("article",)
    extra = 1


class CorrectionInline(admin.TabularInline):
    model = Correction
    fields = ("created", "note", "created_by")
    readonly_fields = ("created_by",)
    extra = 0


class FederalActionInline(admin.StackedInline):
    model = FederalAction


class CourtRulingInline(admin.StackedInline):
    model = CourtRuling


class EnforcementOperationInline(admin.StackedInline):
    model = EnforcementOperation


class PolicyChangeInline(admin.StackedInline):
    model = PolicyChange
    autocomplete_fields = ("policy",)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "date", "date_precision", "status", "case")
    list_filter = ("status", "kind", "date_precision", "is_synthetic")
    search_fields = ("title", "summary", "sources__title")
    autocomplete_fields = ("case",)
    readonly_fields = ("published_at", "retracted_at", "created_by", "updated_by", "created", "updated")
    list_select_related = ("case",)
    date_hierarchy = "date"
    inlines = [
        EventJurisdictionInline, SourceInline, FederalActionInline, CourtRulingInline,
        EnforcementOperationInline, PolicyChangeInline, CorrectionInline,
    ]
    show_full_result_count = False

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


class CasePartyInline(admin.TabularInline):
    model = CaseParty
    autocomplete_fields = ("jurisdiction",)
    extra = 1


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ("caption", "court", "docket_number", "filed", "status")
    list_filter = ("status", "is_synthetic")
    search_fields = ("caption", "docket_number", "court")
    autocomplete_fields = ("originating_event",)
    prepopulated_fields = {"slug": ("caption",)}
    inlines = [CasePartyInline]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("title", "publisher", "published", "event")
    search_fields = ("title", "publisher", "url")
    autocomplete_fields = ("event", "article")
    list_select_related = ("event",)


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ("event", "created", "created_by")
    search_fields = ("note", "event__title")
    autocomplete_fields = ("event",)
    list_select_related = ("event", "created_by")


@admin.register(CaseParty)
class CasePartyAdmin(admin.ModelAdmin):
    list_display = ("case", "role", "jurisdiction", "federal_party")
    list_filter = ("role",)
    search_fields = ("case__caption", "jurisdiction__name", "federal_party")
    autocomplete_fields = ("case", "jurisdiction")
    list_select_related = ("case", "jurisdiction")


@admin.register(EventJurisdiction)
class EventJurisdictionAdmin(admin.ModelAdmin):
    list_display = ("event", "jurisdiction", "role")
    list_filter = ("role",)
    search_fields = ("event__title", "jurisdiction__name")
    autocomplete_fields = ("event", "jurisdiction")
    list_select_related = ("event", "jurisdiction")


@admin.register(FederalAction, CourtRuling, EnforcementOperation, PolicyChange)
class EventDetailAdmin(admin.ModelAdmin):
    search_fields = ("event__title",)
    autocomplete_fields = ("event",)
    list_select_related = ("event",)
