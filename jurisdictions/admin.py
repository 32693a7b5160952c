"""Admin for the gazetteer, policies and official lists."""
from django.contrib import admin

from jurisdictions.list_admin import ListImportAdminMixin
from jurisdictions.models import Jurisdiction, Listing, ListSnapshot, OfficialList, Policy
from tracker.history_admin import HistoryAdmin, StartsUnpublishedForm


@admin.register(Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "state", "uid", "population", "is_consolidated")
    list_filter = ("kind", "is_consolidated", "coordinates_source", "state")
    search_fields = ("name", "uid", "fips", "slug")
    autocomplete_fields = ("parent",)
    readonly_fields = ("created", "updated")
    list_per_page = 50
    # The directory holds ~20,000 rows; an exact count on every page view is wasted work.
    show_full_result_count = False


@admin.register(Policy)
class PolicyAdmin(HistoryAdmin):
    form = StartsUnpublishedForm
    list_display = ("title", "jurisdiction", "category", "stance", "adopted", "ended", "is_public")
    list_filter = ("category", "stance", "is_public", "is_synthetic")
    search_fields = ("title", "jurisdiction__name", "citation")
    autocomplete_fields = ("jurisdiction",)
    list_select_related = ("jurisdiction",)
    date_hierarchy = "adopted"


class ListingInline(admin.TabularInline):
    model = Listing
    autocomplete_fields = ("jurisdiction",)
    extra = 0


@admin.register(ListSnapshot)
class ListSnapshotAdmin(HistoryAdmin):
    form = StartsUnpublishedForm
    list_display = ("official_list", "published", "source_url", "is_public")
    list_filter = ("official_list", "is_public")
    search_fields = ("official_list__name", "source_title")
    inlines = [ListingInline]
    list_select_related = ("official_list",)


class ListSnapshotInline(admin.TabularInline):
    model = ListSnapshot
    form = StartsUnpublishedForm
    fields = ("published", "source_url", "source_title", "is_public")
    extra = 0
    show_change_link = True


@admin.register(OfficialList)
class OfficialListAdmin(ListImportAdminMixin, HistoryAdmin):
    list_display = ("name", "publisher", "scope", "withdrawn")
    list_filter = ("scope",)
    search_fields = ("name", "publisher", "authority")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [ListSnapshotInline]


@admin.register(Listing)
class ListingAdmin(HistoryAdmin):
    list_display = ("jurisdiction", "snapshot", "name_as_listed")
    list_filter = ("snapshot__official_list",)
    search_fields = ("jurisdiction__name", "name_as_listed")
    autocomplete_fields = ("jurisdiction", "snapshot")
    list_select_related = ("jurisdiction", "snapshot__official_list")
