"""Load the curated record (record/*.yaml) into the database: validated, idempotent, editor-safe."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from events.record import RecordError, load_record


class Command(BaseCommand):
    help = (
        "Load the sourced record in record/*.yaml (events, cases, policies, official lists). Checks every row "
        "first and loads nothing if any is wrong; a second run changes nothing; rows an editor changed in the "
        "admin since they were loaded are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", type=Path, help="Only these files (default: every record/*.yaml).")
        parser.add_argument("--check", action="store_true", help="Check and report, then roll back: write nothing.")

    def handle(self, *args, files, check, **options):
        try:
            report = load_record(files or None, dry_run=check)
        except RecordError as exc:
            raise CommandError(
                f"The record was not loaded ({len(exc.problems)} problem(s)); nothing was written:\n  "
                + "\n  ".join(exc.problems)
            ) from None
        verb = "Checked (nothing written)" if check else "Loaded"
        self.stdout.write(f"{verb}: {len(report.files)} file(s).")
        for line in report.lines():
            self.stdout.write(f"  {line}")
        for line in report.kept:
            self.stdout.write(self.style.WARNING(f"  Left alone: {line}"))
        if not report.changed and not check:
            self.stdout.write("The record was already loaded; nothing changed.")
