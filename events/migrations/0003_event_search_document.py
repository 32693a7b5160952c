import django.contrib.postgres.search
from django.db import migrations

GIN_INDEX = "CREATE INDEX IF NOT EXISTS event_search_document_gin ON events_event USING gin (search_document)"


def create_index_and_fill(apps, schema_editor):
    """PostgreSQL only: the GIN index and the documents of existing events. SQLite searches plainly."""
    if schema_editor.connection.vendor != "postgresql":
        return
    from events.search import refresh_search_documents

    schema_editor.execute(GIN_INDEX)
    refresh_search_documents()


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS event_search_document_gin")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_involvement_order_subjects_first"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="search_document",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_index_and_fill, drop_index),
    ]
