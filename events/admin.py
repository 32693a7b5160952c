"""Admin for events, their details, cases, sources and corrections.

Rules the admin enforces (the plain functions hold the rules themselves):
- status moves only through publish/retract (events/services.py): the field is read-only, and a save
  or a revert from history keeps the stored workflow fields;
- changing a public event's facts needs a correction note, published on its page (events/corrections.py);
- every change is kept (django-simple-history): editors may read histories, only admins revert.
"""
from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms.models import BaseInlineFormSet
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from events.choices import EventStatus
from events.corrections import (
    fact_changes,
    field_facts,
    is_public_status,
    needs_correction,
    proposed_field_facts,
    record_correction,
    stored_status,
)
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
from events.services import publish_event, retract_event
from tracker.history_admin import HistoryAdmin, StartsUnpublishedForm

CORRECTION_NOTE = "correction_note"
# Set by publish/retract only; a form save or a revert from history keeps the stored values.
WORKFLOW_FIELDS = ("status", "published_at", "retracted_at", "retraction_note", "created_by", "created")


class PartsListAdmin(HistoryAdmin):
    """Lists of an event's parts, for looking them up. They are edited in the event's own form, where
    the correction rule sees the change."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


# --- Event form: facts of a public event change only with a correction note -------------------------


class EventAdminForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = "__all__"


class PublicEventAdminForm(EventAdminForm):
    """The form for an event whose page is public: asks for a correction note when facts change."""

    correction_note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Correction note",
        help_text=(
            "Required when you change what this public event states (kind, title, summary, date, "
            "jurisdictions or details). Published on the event's page with today's date: say what "
            "changed and why."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        stored = Event.objects.get(pk=self.instance.pk)
        old = field_facts(stored)
        self.fact_changes = fact_changes(old, proposed_field_facts(old, cleaned))
        if needs_correction(stored.status, self.fact_changes) and not cleaned.get(CORRECTION_NOTE, "").strip():
            self.add_error(
                CORRECTION_NOTE,
                f"This event is public: say what changed ({', '.join(self.fact_changes)}) and why. "
                "The note is published on its page.",
            )
        return cleaned


class FactInlineFormSet(BaseInlineFormSet):
    """Inline rows that state facts (jurisdictions, details): changing them on a public event needs the
    correction note of the main form, which arrives in the same POST."""

    fact_label = "facts"

    def clean(self) -> None:
        super().clean()
        if not self.has_changed() or self.data.get(CORRECTION_NOTE, "").strip():
            return
        if is_public_status(stored_status(self.instance) or ""):
            raise ValidationError(
                f"This event is public: changing its {self.fact_label} needs a correction note "
                "(the Correction note field above)."
            )


class JurisdictionFormSet(FactInlineFormSet):
    fact_label = "jurisdictions"


class DetailFormSet(FactInlineFormSet):
    fact_label = "details"


class SourceFormSet(BaseInlineFormSet):
    """A published event keeps at least one source (publishing requires one)."""

    def clean(self) -> None:
        super().clean()
        if stored_status(self.instance) != EventStatus.PUBLISHED:
            return
        kept = [
            form for form in self.forms
            if form.has_changed() or form.instance.pk
            if not (self.can_delete and self._should_delete_form(form))
        ]
        if not kept:
            raise ValidationError("A published event cites at least one source; add one before removing the last.")


class EventJurisdictionInline(admin.TabularInline):
    model = EventJurisdiction
    formset = JurisdictionFormSet
    autocomplete_fields = ("jurisdiction",)
    extra = 1


class SourceInline(admin.StackedInline):
    model = Source
    formset = SourceFormSet
    autocomplete_fields = ("article",)
    extra = 1


class CorrectionInline(admin.TabularInline):
    """Corrections are written through the correction note; here they are listed, not edited."""

    model = Correction
    fields = ("created", "note", "created_by")
    readonly_fields = ("created", "note", "created_by")
    extra = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class FederalActionInline(admin.StackedInline):
    model = FederalAction
    formset = DetailFormSet


class CourtRulingInline(admin.StackedInline):
    model = CourtRuling
    formset = DetailFormSet


class EnforcementOperationInline(admin.StackedInline):
    model = EnforcementOperation
    formset = DetailFormSet


class PolicyChangeInline(admin.StackedInline):
    model = PolicyChange
    formset = DetailFormSet
    autocomplete_fields = ("policy",)


class RetractForm(forms.Form):
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Why is it retracted?",
        help_text="Shown on the event's page, which stays up with a retraction notice.",
    )


@admin.register(Event)
class EventAdmin(HistoryAdmin):
    list_display = ("title", "kind", "date", "date_precision", "status", "case")
    list_filter = ("status", "kind", "date_precision", "is_synthetic")
    search_fields = ("title", "summary", "sources__title")
    autocomplete_fields = ("case",)
    readonly_fields = (
        "status", "retraction_note", "published_at", "retracted_at", "created_by", "updated_by", "created", "updated",
    )
    list_select_related = ("case",)
    date_hierarchy = "date"
    inlines = [
        EventJurisdictionInline, SourceInline, FederalActionInline, CourtRulingInline,
        EnforcementOperationInline, PolicyChangeInline, CorrectionInline,
    ]
    actions = ["publish_selected"]
    show_full_result_count = False
    history_list_display = ("status",)

    def view_on_site(self, obj: Event) -> str | None:
        # Drafts have no public page (404); the admin offers the link only for public events.
        return obj.get_absolute_url() if obj.is_public else None

    def get_form(self, request, obj=None, change=False, **kwargs):
        # Decided on the stored status: a revert from history hands in an old copy of the event.
        public = obj is not None and is_public_status(stored_status(obj) or "")
        kwargs["form"] = PublicEventAdminForm if public else EventAdminForm
        return super().get_form(request, obj, change=change, **kwargs)

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        if change:
            # Read and write the columns (created_by_id, not created_by): a foreign key's attribute
            # takes a User, and values() hands back its id.
            columns = [Event._meta.get_field(name).attname for name in WORKFLOW_FIELDS]
            stored = Event.objects.filter(pk=obj.pk).values(*columns).get()
            for column, value in stored.items():
                setattr(obj, column, value)
        else:
            obj.created_by = request.user
        obj.updated_by = request.user
        note = (form.cleaned_data.get(CORRECTION_NOTE) or "").strip()
        if note:
            obj._change_reason = f"Correction: {note}"[:100]
        super().save_model(request, obj, form, change)
        if note:
            record_correction(obj, note, request.user, changes=getattr(form, "fact_changes", None))

    # --- Workflow: publish and retract through events/services.py ---------------------------------

    @admin.action(description="Publish the selected events", permissions=["change"])
    def publish_selected(self, request, queryset):
        published, refused = 0, []
        for event in queryset:
            if event.status == EventStatus.PUBLISHED:
                continue
            try:
                publish_event(event, user=request.user)
            except ValidationError as exc:
                refused.append(f"{event}: {' '.join(exc.messages)}")
            else:
                published += 1
        if published:
            self.message_user(request, f"Published {published} event(s).", messages.SUCCESS)
        for reason in refused:
            self.message_user(request, f"Not published: {reason}", messages.ERROR)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        custom = [
            path(
                "<path:object_id>/publish/", self.admin_site.admin_view(self.publish_view),
                name="%s_%s_publish" % info,
            ),
            path(
                "<path:object_id>/retract/", self.admin_site.admin_view(self.retract_view),
                name="%s_%s_retract" % info,
            ),
        ]
        return custom + super().get_urls()

    def _event_for_workflow(self, request, object_id: str) -> Event:
        event = self.get_object(request, unquote(object_id))
        if event is None:
            raise Http404("No such event.")
        if not self.has_change_permission(request, event):
            raise PermissionDenied
        return event

    def _confirm_page(self, request, event: Event, *, action: str, form=None, errors=()):
        context = {
            **self.admin_site.each_context(request),
            "title": f"{action.capitalize()} “{event}”?",
            "opts": self.opts,
            "original": event,
            "action": action,
            "form": form,
            "errors": list(errors),
            "change_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[event.pk]),
        }
        return TemplateResponse(request, "admin/events/event/workflow_confirm.html", context)

    def publish_view(self, request, object_id: str):
        """Confirm (GET), then publish (POST): the service refuses an event without a source."""
        event = self._event_for_workflow(request, object_id)
        if request.method != "POST":
            return self._confirm_page(request, event, action="publish")
        try:
            publish_event(event, user=request.user)
        except ValidationError as exc:
            return self._confirm_page(request, event, action="publish", errors=exc.messages)
        self.message_user(request, f"“{event}” is published.", messages.SUCCESS)
        return redirect("admin:events_event_change", event.pk)

    def retract_view(self, request, object_id: str):
        """Ask for the reason (GET), then retract (POST): the page stays up with the notice."""
        event = self._event_for_workflow(request, object_id)
        form = RetractForm(request.POST if request.method == "POST" else None)
        if request.method != "POST" or not form.is_valid():
            return self._confirm_page(request, event, action="retract", form=form)
        try:
            retract_event(event, form.cleaned_data["note"], user=request.user)
        except ValidationError as exc:
            return self._confirm_page(request, event, action="retract", form=form, errors=exc.messages)
        self.message_user(request, f"“{event}” is retracted; its page shows the notice.", messages.SUCCESS)
        return redirect("admin:events_event_change", event.pk)


class CasePartyInline(admin.TabularInline):
    model = CaseParty
    autocomplete_fields = ("jurisdiction",)
    extra = 1


@admin.register(Case)
class CaseAdmin(HistoryAdmin):
    form = StartsUnpublishedForm
    list_display = ("caption", "court", "docket_number", "filed", "status", "is_public")
    list_filter = ("status", "is_public", "is_synthetic")
    search_fields = ("caption", "docket_number", "court")
    autocomplete_fields = ("originating_event",)
    prepopulated_fields = {"slug": ("caption",)}
    inlines = [CasePartyInline]


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    list_display = ("title", "publisher", "published", "event")
    search_fields = ("title", "publisher", "url")
    autocomplete_fields = ("event", "article")
    list_select_related = ("event",)

    def has_delete_permission(self, request, obj=None) -> bool:
        # Removing the only source of a published event would leave a public claim unsourced.
        if obj is not None and obj.event.status == EventStatus.PUBLISHED and obj.event.sources.count() <= 1:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Correction)
class CorrectionAdmin(HistoryAdmin):
    list_display = ("event", "created", "created_by")
    search_fields = ("note", "event__title")
    autocomplete_fields = ("event",)
    list_select_related = ("event", "created_by")


@admin.register(CaseParty)
class CasePartyAdmin(HistoryAdmin):
    list_display = ("case", "role", "jurisdiction", "federal_party")
    list_filter = ("role",)
    search_fields = ("case__caption", "jurisdiction__name", "federal_party")
    autocomplete_fields = ("case", "jurisdiction")
    list_select_related = ("case", "jurisdiction")


@admin.register(EventJurisdiction)
class EventJurisdictionAdmin(PartsListAdmin):
    list_display = ("event", "jurisdiction", "role")
    list_filter = ("role",)
    search_fields = ("event__title", "jurisdiction__name")
    autocomplete_fields = ("event", "jurisdiction")
    list_select_related = ("event", "jurisdiction")


@admin.register(FederalAction, CourtRuling, EnforcementOperation, PolicyChange)
class EventDetailAdmin(PartsListAdmin):
    search_fields = ("event__title",)
    autocomplete_fields = ("event",)
    list_select_related = ("event",)
