from django.db import migrations, models

KIND_NEWEST_INDEX = (
    "CREATE INDEX IF NOT EXISTS event_status_kind_newest_idx "
    "ON events_event (status, kind, date DESC NULLS LAST, id DESC)"
)


def create_kind_newest_index(apps, schema_editor):
    """The events list filtered by kind, newest first with undated events last: PostgreSQL walks it
    in order and stops after a page instead of sorting every event of the kind. PostgreSQL only, as
    event_status_newest_idx (migration 0007)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(KIND_NEWEST_INDEX)


def drop_kind_newest_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS event_status_kind_newest_idx")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0012_chart_summary"),
    ]

    operations = [
        # The API's events list: newest published first, its cursor order, whatever the filters.
        migrations.AddIndex(
            model_name="event",
            index=models.Index(fields=["status", "-published_at", "-id"], name="event_status_published_idx"),
        ),
        migrations.RunPython(create_kind_newest_index, drop_kind_newest_index),
    ]
