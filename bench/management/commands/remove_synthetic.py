"""Delete every synthetic row (events and all that belongs to them, cases, policies, articles)."""
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from bench.synthetic_events import SyntheticDataError, remove_synthetic
from events.tallies import rebuild_tallies


class Command(BaseCommand):
    help = "Delete all synthetic data made by generate_synthetic; real data is never touched."

    def handle(self, *args, **options):
        try:
            # The rows go with plain DELETEs (no signals), so the chart summary is recounted in the
            # same transaction.
            with transaction.atomic():
                removed = remove_synthetic()
                if removed:
                    rebuild_tallies()
        except SyntheticDataError as exc:
            raise CommandError(str(exc)) from None
        if not removed:
            self.stdout.write("No synthetic data found; nothing removed.")
            return
        lines = "\n".join(f"  {label}: {n}" for label, n in removed.items())
        self.stdout.write(self.style.SUCCESS(f"Removed synthetic data:\n{lines}"))
