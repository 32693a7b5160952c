"""Staff users by role for the curation tests, and the admin form data a browser would post."""
from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.forms import CheckboxInput

from events.roles import ADMIN, EDITOR, apply_roles

PASSWORD = "correct-horse-battery-staple"


def make_user(username: str, *, group: str | None = None, is_staff: bool = True):
    """A user in one of the groups the migration creates (re-applied here: a transactional test
    elsewhere may have emptied the tables)."""
    if group and not Group.objects.filter(name=group).exists():
        apply_roles()
    user = get_user_model().objects.create_user(username, password=PASSWORD, is_staff=is_staff)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def make_editor(username: str = "ed"):
    return make_user(username, group=EDITOR)


def make_admin(username: str = "chief"):
    """An Admin by group membership, not a superuser: the group itself must grant everything."""
    return make_user(username, group=ADMIN)


def admin_form_data(response) -> dict:
    """What the admin change (or history) form would post unchanged: the main form and every inline."""
    data: dict = {}

    def add(form) -> None:
        for field in form:
            value = field.value()
            if isinstance(field.field.widget, CheckboxInput):
                if value:
                    data[field.html_name] = "on"
                continue
            if value is None:
                value = ""
            if isinstance(value, (list, tuple)):
                data[field.html_name] = [str(v) for v in value]
            else:
                data[field.html_name] = str(value)

    add(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data
