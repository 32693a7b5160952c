"""Staff pages for importing a snapshot of an official list from CSV, inside the Django admin.

upload (list, date, source, file) -> preview (resolved rows; a choice or an id field for each ambiguous or
unresolved row) -> save -> the snapshot's diff against the previous one.

The admin supplies login (anonymous and non-staff users go to its login page) and CSRF protection; each
view also requires the ``jurisdictions.add_listsnapshot`` permission (403 without it). The logic lives in
``jurisdictions.listimport``; these views only move forms in and pages out.
"""
from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jurisdictions.listimport import (
    MAX_UPLOAD_BYTES,
    ImportPreview,
    PendingImport,
    UploadTokenInvalid,
    preview_upload,
    save_snapshot,
)
from jurisdictions.models import ListSnapshot, OfficialList

IMPORT_PERMISSION = "jurisdictions.add_listsnapshot"
# Each problem row adds two form fields; Django refuses a POST of more than 1,000 fields, and more than
# this many rows to fix by hand means the file itself needs fixing.
MAX_FIXABLE_ROWS = 200
TEMPLATES = "admin/jurisdictions/officiallist/"


class SnapshotUploadForm(forms.Form):
    official_list = forms.ModelChoiceField(OfficialList.objects.all(), label="List")
    published = forms.DateField(
        label="Publication date", widget=forms.DateInput(attrs={"type": "date"}),
        help_text="The date the publisher gave this version of the list.",
    )
    source_url = forms.URLField(label="Source URL", max_length=1000, assume_scheme="https",
                                help_text="Where this version was published or archived.")
    source_title = forms.CharField(label="Source title", max_length=300, required=False)
    notes = forms.CharField(label="Notes", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    file = forms.FileField(
        label="CSV file",
        help_text="Columns name, state, kind (a header row is required; id is optional: 'fips:17031', "
        "'geonames:4887398'). UTF-8, at most 2 MB.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB; a list is much smaller.")
        return upload

    def clean(self):
        cleaned = super().clean()
        official_list, published = cleaned.get("official_list"), cleaned.get("published")
        if official_list and published and official_list.snapshots.filter(published=published).exists():
            self.add_error("published", f"{official_list} already has a version published on {published:%Y-%m-%d}.")
        return cleaned


class ListImportAdminMixin:
    """Adds the import pages to the OfficialList admin."""

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("import/", wrap(require_http_methods(["GET", "POST"])(self.import_upload_view)),
                 name="jurisdictions_officiallist_import"),
            path("import/confirm/", wrap(require_POST(self.import_confirm_view)),
                 name="jurisdictions_officiallist_import_confirm"),
            path("import/done/<int:snapshot_id>/", wrap(require_GET(self.import_done_view)),
                 name="jurisdictions_officiallist_import_done"),
            *super().get_urls(),
        ]

    def _require_permission(self, request: HttpRequest) -> None:
        if not request.user.has_perm(IMPORT_PERMISSION):
            raise PermissionDenied("You may not import list snapshots.")

    def _context(self, request: HttpRequest, title: str, **extra) -> dict:
        return {**self.admin_site.each_context(request), "opts": self.model._meta, "title": title, **extra}

    def import_upload_view(self, request: HttpRequest) -> HttpResponse:
        self._require_permission(request)
        if request.method == "GET":
            form = SnapshotUploadForm(initial={"official_list": request.GET.get("list")})
            return render(request, TEMPLATES + "import_upload.html", self._context(request, "Import a list snapshot", form=form))
        form = SnapshotUploadForm(request.POST, request.FILES)
        if form.is_valid():
            preview = preview_upload(form.cleaned_data["file"].read())
            for error in preview.errors:
                form.add_error("file", error)
        if not form.is_valid():
            # Nothing was saved; the editor fixes the form or the file and uploads again.
            return render(
                request, TEMPLATES + "import_upload.html",
                self._context(request, "Import a list snapshot", form=form), status=400,
            )
        data = form.cleaned_data
        pending = PendingImport(
            official_list_id=data["official_list"].pk, published=data["published"], source_url=data["source_url"],
            source_title=data["source_title"], notes=data["notes"], rows=preview.rows, warnings=preview.warnings,
        )
        return self._render_preview(request, pending, preview, data["official_list"])

    def import_confirm_view(self, request: HttpRequest) -> HttpResponse:
        self._require_permission(request)
        try:
            pending = PendingImport.unsign(request.POST.get("token", ""), request.user.pk)
        except UploadTokenInvalid as exc:
            return render(
                request, TEMPLATES + "import_expired.html",
                self._context(request, "Import a list snapshot", message=str(exc)), status=400,
            )
        official_list = get_object_or_404(OfficialList, pk=pending.official_list_id)
        pending.fixes.update(_fixes_from(request.POST, pending))
        preview = pending.preview()
        if request.POST.get("action") != "save" or not preview.ready:
            if request.POST.get("action") == "save":
                messages.error(request, "Nothing was saved: every row must name exactly one jurisdiction.")
            return self._render_preview(request, pending, preview, official_list)
        try:
            snapshot = save_snapshot(
                official_list, preview, published=pending.published, source_url=pending.source_url,
                source_title=pending.source_title, notes=pending.notes, user=request.user,
            )
        except IntegrityError:
            # Someone saved a version with the same date since the preview was made.
            messages.error(request, f"Nothing was saved: {official_list} already has a version of {pending.published:%Y-%m-%d}.")
            return self._render_preview(request, pending, preview, official_list)
        self.log_addition(request, snapshot, f"Imported from CSV: {len(preview.resolved)} jurisdictions.")
        return HttpResponseRedirect(reverse("admin:jurisdictions_officiallist_import_done", args=[snapshot.pk]))

    def import_done_view(self, request: HttpRequest, snapshot_id: int) -> HttpResponse:
        self._require_permission(request)
        snapshot = get_object_or_404(ListSnapshot.objects.select_related("official_list"), pk=snapshot_id)
        context = self._context(
            request, f"Imported {snapshot}", snapshot=snapshot, previous=snapshot.previous(),
            diff=snapshot.diff(), listed=snapshot.listings.count(),
            following=snapshot.official_list.snapshots.filter(published__gt=snapshot.published).order_by("published").first(),
        )
        return render(request, TEMPLATES + "import_done.html", context)

    def _render_preview(self, request, pending: PendingImport, preview: ImportPreview, official_list) -> HttpResponse:
        problems = preview.problems
        context = self._context(
            request, f"Check the import into {official_list}", pending=pending, preview=preview,
            official_list=official_list, token=pending.sign(request.user.pk), problems=problems,
            fixable=len(problems) <= MAX_FIXABLE_ROWS,
        )
        return render(request, TEMPLATES + "import_preview.html", context)


def _fixes_from(post, pending: PendingImport) -> dict[int, str]:
    """The ids the editor chose or typed on the preview, by line. A typed id wins over the choice."""
    fixes = {}
    for row in pending.rows:
        typed = " ".join(post.get(f"fixid-{row.line}", "").split())
        chosen = post.get(f"fix-{row.line}", "").strip()
        if typed or chosen:
            fixes[row.line] = typed or chosen
    return fixes
