"""Fill the database with synthetic events, cases, policies and articles, for benchmarks only."""
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from bench.synthetic_events import SyntheticDataError, generate, remove_synthetic
from events.tallies import rebuild_tallies


class Command(BaseCommand):
    help = (
        "Generate synthetic data (marked is_synthetic, titles '[SYNTHETIC] ', links on synthetic.invalid) "
        "over the real gazetteer. Remove it with `manage.py remove_synthetic`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=1000, help="Events to create (default 1000).")
        parser.add_argument("--articles", type=int, default=0, help="News articles to create (default 0).")
        parser.add_argument("--seed", type=int, default=1, help="The same seed gives the same data (default 1).")
        parser.add_argument(
            "--jurisdictions", type=int, default=3000,
            help="How many of the most populous real jurisdictions to spread events over (default 3000).",
        )
        parser.add_argument("--replace", action="store_true", help="Remove existing synthetic data first.")

    def handle(self, *args, **options):
        started = time.perf_counter()
        try:
            # Rows are written with bulk_create (no signals), so the chart summary is recounted in the
            # same transaction.
            with transaction.atomic():
                if options["replace"]:
                    removed = remove_synthetic()
                    self.stdout.write(f"Removed existing synthetic data: {_counts(removed) or 'none'}.")
                made = generate(
                    options["events"], options["articles"], seed=options["seed"],
                    jurisdictions=options["jurisdictions"],
                    progress=lambda message: self.stdout.write(f"  {message}") if options["verbosity"] > 1 else None,
                )
                rebuild_tallies()
        except SyntheticDataError as exc:
            raise CommandError(str(exc)) from None
        seconds = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Generated synthetic data in {seconds:.1f} s: {_counts(made)}."))


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {what}" for what, n in counts.items())
