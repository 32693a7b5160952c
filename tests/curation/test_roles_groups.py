"""The Editor and Admin groups: created by a migration, idempotent, reversible, with the right permissions."""
import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import connection

from events.roles import ADMIN, EDITOR, apply_roles

pytestmark = pytest.mark.django_db

groups_migration = importlib.import_module("events.migrations.0005_editor_and_admin_groups")
# RunPython passes a schema editor; the functions only read its connection.
schema_editor = SimpleNamespace(connection=connection)


def editor_codenames() -> set[str]:
    apply_roles()
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=EDITOR).permissions.select_related("content_type")
    }


def test_the_migration_is_idempotent_and_reversible():
    groups_migration.create_groups(apps, schema_editor)  # a second run on a migrated database
    groups_migration.create_groups(apps, schema_editor)
    assert Group.objects.filter(name__in=[EDITOR, ADMIN]).count() == 2
    counts = {g.name: g.permissions.count() for g in Group.objects.filter(name__in=[EDITOR, ADMIN])}

    groups_migration.delete_groups(apps, schema_editor)
    assert not Group.objects.filter(name__in=[EDITOR, ADMIN]).exists()

    groups_migration.create_groups(apps, schema_editor)
    assert {g.name: g.permissions.count() for g in Group.objects.filter(name__in=[EDITOR, ADMIN])} == counts


def test_reapplying_restores_exactly_the_editor_permissions():
    apply_roles()
    editor = Group.objects.get(name=EDITOR)
    editor.permissions.add(Permission.objects.get(codename="delete_user"))
    apply_roles()
    assert not editor.permissions.filter(codename="delete_user").exists()


def test_admin_group_holds_every_permission():
    apply_roles()
    assert Group.objects.get(name=ADMIN).permissions.count() == Permission.objects.count()


def test_editor_curates_events_cases_lists_and_the_queue():
    perms = editor_codenames()
    for model in ("events.%s_event", "events.%s_case", "events.%s_source", "events.%s_correction",
                  "jurisdictions.%s_policy", "jurisdictions.%s_officiallist", "jurisdictions.%s_listsnapshot",
                  "jurisdictions.%s_listing", "feeds.%s_article", "feeds.%s_storycluster"):
        for action in ("view", "add", "change"):
            assert model % action in perms
    assert "feeds.view_feed" in perms
    assert "feeds.view_articleaction" in perms  # the review queue's audit trail
    assert "events.view_historicalevent" in perms
    assert "jurisdictions.view_historicalpolicy" in perms


def test_editor_cannot_manage_users_feeds_or_history_nor_delete_events():
    perms = editor_codenames()
    assert not {p for p in perms if p.startswith("auth.")}
    assert not {"feeds.add_feed", "feeds.change_feed", "feeds.delete_feed"} & perms
    assert not {p for p in perms if "_historical" in p and not p.split(".")[1].startswith("view_")}
    assert not {"events.delete_event", "events.delete_case", "events.delete_correction"} & perms
    assert "jurisdictions.change_jurisdiction" not in perms
