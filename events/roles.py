"""Staff roles: what the Editor and Admin groups may do.

Editors curate: they review articles, write and publish events, keep cases, policies and official lists.
They may read the feeds and every history, but not manage users or groups, add or change feeds, or
delete history. Admins may do everything (including reverting from history).

The groups are created by a migration (events 0005) that calls :func:`apply_roles`; call it again
(``python manage.py shell -c "from events.roles import apply_roles; apply_roles()"``) after adding
models, so their permissions reach the groups. It is idempotent: each group ends up with exactly the
permissions below, whatever it had before.
"""
from __future__ import annotations

from django.apps import apps as django_apps
from django.db.models import Q

EDITOR = "Editor"
ADMIN = "Admin"

VIEW = ("view",)
# The main records of the public site are never deleted by editors: events are retracted, cases closed.
EDIT = ("view", "add", "change")
# Parts of a record (an event's places, a case's parties, a snapshot's listings) are removed in the
# course of editing; every removal is kept in the history.
EDIT_PARTS = ("view", "add", "change", "delete")

EDITOR_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "events": {
        "event": EDIT,
        "case": EDIT,
        "correction": EDIT,
        "source": EDIT_PARTS,
        "eventjurisdiction": EDIT_PARTS,
        "caseparty": EDIT_PARTS,
        "federalaction": EDIT_PARTS,
        "courtruling": EDIT_PARTS,
        "enforcementoperation": EDIT_PARTS,
        "policychange": EDIT_PARTS,
    },
    "jurisdictions": {
        # The gazetteer is loaded from public datasets; editors look places up (autocomplete) only.
        "jurisdiction": VIEW,
        "policy": EDIT,
        "officiallist": EDIT,
        "listsnapshot": EDIT,
        "listing": EDIT_PARTS,
    },
    "feeds": {
        # Feeds are run by admins; editors see them and their health.
        "feed": VIEW,
        "fetchrun": VIEW,
        # The review queue.
        "article": EDIT,
        "articlejurisdiction": EDIT,
        "storycluster": EDIT,
        # The review queue's audit trail (who did what to an article): written by the actions, read here.
        "articleaction": VIEW,
    },
}

# Apps whose history (django-simple-history's Historical* models) editors may read, never change.
HISTORY_APPS = ("events", "jurisdictions", "feeds")


def editor_permission_filter() -> Q:
    """The Editor group's permissions, as a filter on Permission."""
    wanted = Q(pk__in=[])
    for app_label, models in EDITOR_PERMISSIONS.items():
        codenames = [f"{action}_{model}" for model, actions in models.items() for action in actions]
        wanted |= Q(content_type__app_label=app_label, codename__in=codenames)
    wanted |= Q(content_type__app_label__in=HISTORY_APPS, codename__startswith="view_historical")
    return wanted


def apply_roles(apps=django_apps) -> None:
    """Create the Editor and Admin groups if missing and give each exactly its permissions.

    ``apps`` is the app registry: a migration passes its historical one. Permissions that do not
    exist yet (a model added later) are simply not granted; run this again once they do.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.set(Permission.objects.filter(editor_permission_filter()))
    admin, _ = Group.objects.get_or_create(name=ADMIN)
    admin.permissions.set(Permission.objects.all())


def remove_roles(apps=django_apps) -> None:
    """Undo :func:`apply_roles` (the migration's reverse)."""
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, ADMIN]).delete()
