"""Add a feed to fetch: ``manage.py add_feed URL [--name NAME] [--interval MINUTES]``."""
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError

from feeds.models import Feed
from feeds.urlnorm import normalize_feed_url


class Command(BaseCommand):
    help = "Add an RSS or Atom feed. It is fetched by the scheduler within a minute (or now with fetch_feeds)."

    def add_arguments(self, parser):
        parser.add_argument("url", help="http(s) address of the feed")
        parser.add_argument("--name", default="", help="name shown to editors (default: the host name)")
        parser.add_argument("--interval", type=int, default=None, help="minutes between fetches (default 15)")

    def handle(self, *args, url, name, interval, **options):
        try:
            url = normalize_feed_url(url)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        if interval is not None and interval < 1:
            raise CommandError("--interval must be at least 1 minute.")
        existing = Feed.objects.filter(url=url).first()
        if existing is not None:
            self.stdout.write(f"Already there: {existing.name} <{existing.url}> (id {existing.pk}); nothing changed.")
            return
        fields = {"url": url, "name": (name.strip() or urlsplit(url).hostname)[:200]}
        if interval is not None:
            fields["fetch_interval"] = interval
        feed = Feed.objects.create(**fields)
        self.stdout.write(self.style.SUCCESS(
            f"Added {feed.name} <{feed.url}> (id {feed.pk}), fetched every {feed.fetch_interval} minutes."
        ))
