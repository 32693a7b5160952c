"""The admin base class for models whose changes are kept (django-simple-history), shared by the apps."""
from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    """Change history for every tracked model. Reading it needs the history model's view permission
    (editors); reverting needs its change permission (admins), enforced on the POST itself, not only
    by hiding the button."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST" and not (
            self.has_change_history_permission(request) and self.has_change_permission(request)
        ):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class StartsUnpublishedForm(forms.ModelForm):
    """What an editor adds in the admin starts unpublished (``is_public`` off): a case, policy or list
    version is shown to the public only once an editor ticks it (see events.visibility)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding and "is_public" in self.fields and not self.is_bound:
            self.initial["is_public"] = False
