from django.db import migrations, models

NEWEST_INDEX = (
    "CREATE INDEX IF NOT EXISTS event_status_newest_idx "
    "ON events_event (status, date DESC NULLS LAST, id DESC)"
)


def create_newest_index(apps, schema_editor):
    """Newest first with undated events last, the order of every public list. PostgreSQL only:
    SQLite cannot index NULLS LAST (and its small databases do not need it)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(NEWEST_INDEX)


def drop_newest_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS event_status_newest_idx")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0006_source_reported_count"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="event",
            index=models.Index(fields=["updated"], name="event_updated_idx"),
        ),
        migrations.RunPython(create_newest_index, drop_newest_index),
    ]
