"""Load the published demo events, cases, policies and sources derived from the seed articles."""
from django.core.management.base import BaseCommand, CommandError

from events.demo.loader import DemoDataError, load_demo


class Command(BaseCommand):
    help = "Load the demo data (events, cases, policies, sources) derived from the five seed articles."

    def handle(self, *args, **options):
        try:
            summary = load_demo()
        except DemoDataError as exc:
            raise CommandError(str(exc)) from None
        if not summary.changed:
            self.stdout.write("Demo data already loaded; nothing changed.")
            return
        made = ", ".join(f"{n} {what}" for what, n in sorted(summary.created.items()))
        self.stdout.write(self.style.SUCCESS(f"Loaded demo data: {made}."))
