"""Import local files (plain text, HTML, or RSS/Atom) as articles, through the ingestion pipeline."""
import time

from django.core.management.base import BaseCommand, CommandError

from feeds.importing import ImportError_, collect_paths, read_file
from feeds.ingest import after_ingest, ingest_entries


class Command(BaseCommand):
    help = (
        "Import articles from local files: plain text (first line = title), HTML pages, or RSS/Atom files. "
        "They are sanitised, deduplicated, analysed and clustered like fetched articles."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files or folders")
        parser.add_argument("--publisher", default="", help="outlet to record for the imported articles")

    def handle(self, *args, paths, publisher, **options):
        files = collect_paths(paths)
        if not files:
            raise CommandError("No files found.")
        failures = 0
        for path in files:
            started = time.monotonic()
            try:
                read = read_file(path)
            except ImportError_ as exc:
                failures += 1
                self.stderr.write(f"FAILED {exc}")
                continue
            result = ingest_entries(None, read.entries, publisher=publisher)
            notes = result.notes + after_ingest(result.to_cluster)
            self.stdout.write(
                f"{path}: {read.kind}, {result.seen} entr{'y' if result.seen == 1 else 'ies'}, "
                f"{result.new} new, {result.duplicate} already known"
                + (f", {result.skipped} without content" if result.skipped else "")
                + f" ({time.monotonic() - started:.2f}s)"
                + "".join(f"\n  note: {n}" for n in notes)
            )
        if failures:
            raise CommandError(f"{failures} of {len(files)} file(s) could not be imported (see above).")
