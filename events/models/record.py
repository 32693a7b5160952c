"""RecordEntry: which database row a row of the data files in record/ became, and in what state."""
from __future__ import annotations

from django.db import models


class RecordEntry(models.Model):
    """The stable key of a record row, the row it was loaded into, and a digest of the data loaded.

    The loader compares digests to know whether a file row changed, and the row's history to know
    whether an editor changed it since: it never overwrites an editor's work.
    """

    key = models.CharField(max_length=200, help_text="The row's key in the data files, e.g. 'us-v-illinois-2025'.")
    model = models.CharField(max_length=40, help_text="What the row is: event, case, policy, list or snapshot.")
    object_id = models.PositiveBigIntegerField(help_text="Primary key of the loaded row.")
    digest = models.CharField(max_length=64, help_text="SHA-256 of the file row as last loaded.")
    source_file = models.CharField(max_length=200, help_text="The data file the row came from.")
    loaded_at = models.DateTimeField(help_text="When the loader last wrote the row.")

    class Meta:
        ordering = ["model", "key"]
        verbose_name_plural = "record entries"
        constraints = [
            # A key names one row of each kind; the loader looks rows up by (model, key).
            models.UniqueConstraint(fields=["model", "key"], name="record_entry_unique_key"),
        ]

    def __str__(self) -> str:
        return f"{self.model} {self.key}"
