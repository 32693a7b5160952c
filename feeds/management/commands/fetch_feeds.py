"""Fetch feeds now, in the foreground: ``manage.py fetch_feeds [--all | URL-or-id …]``.

The same code path as the Celery task; one line per feed says how it went.
"""
from django.core.management.base import BaseCommand, CommandError

from feeds.fetching import SUCCESS_OUTCOMES, fetch_feed_now
from feeds.models import Feed
from feeds.urlnorm import normalize_feed_url


class Command(BaseCommand):
    help = "Fetch feeds now, in this process, and print one line per feed. Without arguments: the feeds due."

    def add_arguments(self, parser):
        parser.add_argument("feeds", nargs="*", help="feed ids or URLs (any feed, even one switched off)")
        parser.add_argument("--all", dest="all_feeds", action="store_true", help="every active feed, due or not")

    def handle(self, *args, feeds, all_feeds, **options):
        if feeds and all_feeds:
            raise CommandError("Give feed ids or URLs, or --all, not both.")
        if all_feeds:
            selected = list(Feed.objects.active().order_by("pk"))
        elif feeds:
            selected = [self._find(ref) for ref in feeds]
        else:
            selected = list(Feed.objects.due().order_by("pk"))
        if not selected:
            self.stdout.write("No feeds to fetch.")
            return
        failures = 0
        for feed in selected:
            run = fetch_feed_now(feed)
            if run is None:
                self.stdout.write(f"{self._label(feed)}: skipped, another worker is fetching it")
                continue
            if run.outcome not in SUCCESS_OUTCOMES:
                failures += 1
            self.stdout.write(self._line(feed, run))
        if failures:
            self.stderr.write(f"{failures} of {len(selected)} feeds failed.")

    def _find(self, ref: str) -> Feed:
        if ref.isdigit():
            feed = Feed.objects.filter(pk=int(ref)).first()
        else:
            try:
                url = normalize_feed_url(ref)
            except ValueError:
                url = ref
            feed = Feed.objects.filter(url__in={ref, url}).first()
        if feed is None:
            raise CommandError(f"No feed with id or URL {ref!r}.")
        return feed

    @staticmethod
    def _label(feed: Feed) -> str:
        return f"{feed.name} <{feed.url}>"

    def _line(self, feed: Feed, run) -> str:
        status = f" HTTP {run.http_status}" if run.http_status else ""
        line = (
            f"{self._label(feed)}: {run.outcome}{status}, {run.entries_seen} entries "
            f"({run.entries_new} new, {run.entries_duplicate} seen before), "
            f"{run.bytes_received:,} bytes, {getattr(run, 'elapsed', 0.0):.2f} s"
        )
        if run.error_message:
            line += " - " + run.error_message.splitlines()[0]
        return line
