"""Search on SQLite gets its FTS5 index; on PostgreSQL the documents are rebuilt to include authors."""
from django.db import migrations


def build_index(apps, schema_editor):
    from events.search import FTS_CREATE, refresh_search_documents

    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(FTS_CREATE)
    refresh_search_documents()


def drop_index(apps, schema_editor):
    from events.search import FTS_TABLE

    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


class Migration(migrations.Migration):
    dependencies = [("events", "0009_correction_kind_and_changes")]
    operations = [migrations.RunPython(build_index, drop_index)]
