"""Count the chart summary again from the published events (events/tallies.py)."""
import time

from django.core.management.base import BaseCommand

from events.tallies import rebuild_tallies


class Command(BaseCommand):
    help = (
        "Recount the chart summary (events per day and kind, per state, per jurisdiction) from the "
        "published events. Every change keeps it up to date; this is for repairs and after raw SQL."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        rows = rebuild_tallies()
        written = ", ".join(f"{n:,} {name}" for name, n in rows.items())
        self.stdout.write(self.style.SUCCESS(f"Rebuilt the chart summary in {time.perf_counter() - started:.1f} s: {written}."))
