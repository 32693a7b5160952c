"""Staff groups: Editor and Admin (see events/roles.py for what each may do)."""
from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from events.roles import apply_roles, remove_roles


def create_groups(apps, schema_editor) -> None:
    # Permissions are normally created after all migrations (post_migrate); on a fresh database they
    # do not exist yet, so create them now for every app this migration's state knows.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    apply_roles(apps)


def delete_groups(apps, schema_editor) -> None:
    remove_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_event_and_case_history"),
        ("jurisdictions", "0002_policy_and_list_history"),
        ("feeds", "0002_article_review_actions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("sessions", "0001_initial"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
