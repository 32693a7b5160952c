"""News in: feeds, fetch attempts, articles with their analysis, and story clusters."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from feeds.choices import FetchOutcome, MatchRole, ReviewStatus
from jurisdictions.models import Jurisdiction


class FeedQuerySet(models.QuerySet):
    def active(self) -> FeedQuerySet:
        return self.filter(active=True)

    def due(self, now=None) -> FeedQuerySet:
        """Active feeds whose next fetch time has come (or was never set)."""
        now = now or timezone.now()
        return self.active().filter(Q(next_fetch_at__isnull=True) | Q(next_fetch_at__lte=now))


class Feed(models.Model):
    """An RSS or Atom feed the tracker pulls news from."""

    url = models.URLField(max_length=1000, unique=True, help_text="http(s) address of the feed.")
    name = models.CharField(max_length=200, help_text="Publisher or feed name shown to editors.")
    active = models.BooleanField(default=True, help_text="Inactive feeds are never fetched.")
    fetch_interval = models.PositiveIntegerField(default=15, help_text="Minutes between fetches.")
    etag = models.CharField(max_length=500, blank=True, help_text="ETag of the last response, for conditional GET.")
    last_modified = models.CharField(max_length=100, blank=True, help_text="Last-Modified of the last response.")
    consecutive_failures = models.PositiveIntegerField(default=0, help_text="Failed fetches since the last success.")
    next_fetch_at = models.DateTimeField(null=True, blank=True, help_text="When the scheduler fetches it next.")
    last_fetched_at = models.DateTimeField(null=True, blank=True, help_text="Start of the last fetch attempt.")
    last_success_at = models.DateTimeField(null=True, blank=True, help_text="Start of the last successful fetch.")
    fetch_started_at = models.DateTimeField(
        null=True, blank=True, help_text="Set while a worker holds the feed (its claim); cleared when it finishes."
    )
    lease_expires_at = models.DateTimeField(
        null=True, blank=True,
        help_text="Until when the claim holds. Renewed while the fetch runs; once past, another fetch may take over.",
    )
    lease_owner = models.CharField(
        max_length=64, blank=True,
        help_text="The task holding the claim. The same task delivered again (its worker died) takes over at once.",
    )
    disabled_reason = models.CharField(max_length=300, blank=True, help_text="Why the feed was switched off.")
    created = models.DateTimeField(auto_now_add=True)

    objects = FeedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(fetch_interval__gte=1), name="feed_interval_positive"),
        ]
        indexes = [
            # The scheduler asks for active feeds that are due.
            models.Index(fields=["active", "next_fetch_at"], name="feed_due_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("admin:feeds_feed_change", args=[self.pk])


class FetchRun(models.Model):
    """One attempt to fetch a feed, successful or not: the feed's health history."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="runs", help_text="The feed fetched.")
    started = models.DateTimeField(default=timezone.now, help_text="When the attempt began.")
    finished = models.DateTimeField(null=True, blank=True, help_text="When it ended.")
    http_status = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Final HTTP status, if any.")
    bytes_received = models.PositiveBigIntegerField(default=0, help_text="Body bytes read.")
    entries_seen = models.PositiveIntegerField(default=0, help_text="Entries in the feed.")
    entries_new = models.PositiveIntegerField(default=0, help_text="Entries that became new articles.")
    entries_duplicate = models.PositiveIntegerField(default=0, help_text="Entries already known.")
    outcome = models.CharField(
        max_length=16, choices=FetchOutcome.choices, default=FetchOutcome.RUNNING, help_text="How it ended."
    )
    error_message = models.TextField(blank=True, help_text="What went wrong, in words an editor can act on.")

    class Meta:
        ordering = ["-started"]
        get_latest_by = "started"
        indexes = [
            # Feed health: the latest runs of one feed.
            models.Index(fields=["feed", "-started"], name="fetchrun_feed_started_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.feed} at {self.started:%Y-%m-%d %H:%M} ({self.get_outcome_display()})"

    def get_absolute_url(self) -> str:
        return reverse("admin:feeds_fetchrun_change", args=[self.pk])


class StoryCluster(models.Model):
    """The same story as reported by several outlets."""

    title = models.CharField(max_length=500, help_text="Title of the first report.")
    first_reported = models.DateTimeField(help_text="Publication time of the earliest article in the cluster.")
    outlet_count = models.PositiveIntegerField(default=1, help_text="Distinct outlets that reported the story.")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-first_reported"]
        indexes = [models.Index(fields=["-first_reported"], name="cluster_first_reported_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("admin:feeds_storycluster_change", args=[self.pk])


class ArticleQuerySet(models.QuerySet):
    def awaiting_review(self) -> ArticleQuerySet:
        return self.filter(status=ReviewStatus.NEW)

    def relevant(self) -> ArticleQuerySet:
        return self.filter(is_relevant=True)


class Article(models.Model):
    """A news item, from a feed or imported from a file, with what the analyser found in it."""

    # Not indexed on its own: the (feed, published) and (feed, guid) indexes start with it. Every index costs
    # time on each of the thousands of rows a fetch inserts.
    feed = models.ForeignKey(
        Feed, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles", db_index=False,
        help_text="The feed it came from; empty for imported files.",
    )
    url = models.URLField(max_length=2000, help_text="Link as published.")
    # Unique by a constraint rather than unique=True, which on PostgreSQL adds a second index for LIKE 'prefix%'
    # that nothing here queries.
    normalized_url = models.CharField(
        max_length=2000, help_text="Link without tracking parameters or fragment: the article's identity."
    )
    guid = models.CharField(max_length=1000, blank=True, help_text="The feed's id for the entry.")
    title = models.CharField(max_length=1000, help_text="Plain-text title.")
    author = models.CharField(max_length=300, blank=True, help_text="Byline, plain text.")
    publisher = models.CharField(max_length=200, blank=True, help_text="Outlet that published it.")
    published = models.DateTimeField(null=True, blank=True, help_text="Publication time given by the feed.")
    summary_html = models.TextField(blank=True, help_text="Summary, sanitised HTML.")
    body_html = models.TextField(blank=True, help_text="Full text, sanitised HTML, where the feed carries it.")
    content_hash = models.CharField(max_length=64, blank=True, help_text="SHA-256 of the normalised text.")
    fetched = models.DateTimeField(default=timezone.now, help_text="When it entered the tracker.")
    # Analysis
    analyzed_at = models.DateTimeField(null=True, blank=True, help_text="When the analyser last ran on it.")
    is_relevant = models.BooleanField(null=True, help_text="Analyser's verdict; empty until analysed.")
    relevance_score = models.FloatField(null=True, blank=True, help_text="Analyser's relevance score, 0 to 1.")
    suggested_kinds = models.JSONField(default=list, blank=True, help_text="Event kinds the analyser suggests.")
    suggested_agencies = models.JSONField(default=list, blank=True, help_text="Agencies that act in the article.")
    agency_evidence = models.JSONField(
        default=list, blank=True,
        help_text="Every agency the article names, whether it acts or is only named, and where (for editors).",
    )
    event_date = models.DateField(null=True, blank=True, help_text="Date of the reported event, when determinable.")
    # Review
    status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.NEW, help_text="Where it is in review."
    )
    status_reason = models.CharField(max_length=500, blank=True, help_text="Why it was dismissed, for example.")
    status_changed_at = models.DateTimeField(null=True, blank=True, help_text="When the status last changed.")
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="Who last changed the status.",
    )
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates",
        help_text="The article this one repeats.",
    )
    cluster = models.ForeignKey(
        StoryCluster, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles",
        help_text="The story this article reports.",
    )
    jurisdictions = models.ManyToManyField(
        Jurisdiction, through="ArticleJurisdiction", related_name="articles", blank=True
    )
    # Written once when the article is stored, so that clustering reads a few words per neighbour instead of
    # every neighbour's text on every fetch (see feeds/clustering.py).
    fingerprint = models.TextField(
        null=True, blank=True, editable=False,
        help_text="Distinctive words of the title and lead, for story clustering; empty until computed.",
    )
    is_synthetic = models.BooleanField(default=False, help_text="Generated for benchmarks; never real data.")

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["normalized_url"], name="article_normalized_url_unique"),
            models.CheckConstraint(condition=Q(status__in=ReviewStatus.values), name="article_status_valid"),
            models.CheckConstraint(
                condition=Q(relevance_score__isnull=True) | Q(relevance_score__gte=0, relevance_score__lte=1),
                name="article_score_in_range",
            ),
            models.CheckConstraint(
                condition=~Q(status=ReviewStatus.DUPLICATE) | Q(duplicate_of__isnull=False),
                name="article_duplicate_names_original",
            ),
        ]
        indexes = [
            # The review queue: new first, most relevant first.
            models.Index(fields=["status", "-relevance_score"], name="article_queue_idx"),
            models.Index(fields=["feed", "-published"], name="article_feed_published_idx"),
            # GUIDs are unique only within a feed.
            models.Index(fields=["feed", "guid"], name="article_feed_guid_idx"),
            models.Index(fields=["content_hash"], name="article_content_hash_idx"),
            # Story clustering reads the relevant articles of a time window around each fetch.
            models.Index(Coalesce("published", "fetched"), name="article_relevant_when_idx", condition=Q(is_relevant=True)),
        ]

    @property
    def agencies_named_only(self) -> list[str]:
        """Agencies the article names without their acting in it ("ICE did not respond"), for the editor."""
        acting = set(self.suggested_agencies or [])
        named = []
        for mention in self.agency_evidence or []:
            agency = mention.get("agency")
            if agency and agency not in acting and agency not in named:
                named.append(agency)
        return named

    @property
    def agency_reasons(self) -> list[tuple[str, str]]:
        """(agency, the words showing it acts) for each suggested agency, first such mention."""
        seen: dict[str, str] = {}
        for mention in self.agency_evidence or []:
            if mention.get("role") == "acts" and mention.get("agency") not in seen:
                seen[mention["agency"]] = mention.get("context", "")
        return [(agency, seen.get(agency, "")) for agency in self.suggested_agencies or []]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("admin:feeds_article_change", args=[self.pk])


class ArticleJurisdiction(models.Model):
    """A jurisdiction the analyser found in an article, with where in the text it found it."""

    # Neither is indexed on its own: the unique (article, jurisdiction) and the (jurisdiction, role) indexes
    # start with them.
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="matches", db_index=False)
    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.CASCADE, related_name="article_matches", db_index=False
    )
    role = models.CharField(
        max_length=10, choices=MatchRole.choices, help_text="Subject of the story, or only mentioned."
    )
    evidence = models.JSONField(
        default=list,
        help_text='Mentions as [{"field": "title"|"text", "start": int, "end": int, "text": str}].',
    )

    class Meta:
        ordering = ["article", "role", "jurisdiction__name"]
        constraints = [
            models.UniqueConstraint(fields=["article", "jurisdiction"], name="article_match_unique"),
        ]
        indexes = [
            # Review queue filtered by suggested jurisdiction.
            models.Index(fields=["jurisdiction", "role"], name="article_match_jurisdiction_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.jurisdiction} in {self.article} ({self.role})"


class Heartbeat(models.Model):
    """The last time a Celery worker ran the beat-scheduled heartbeat task: proof both are alive."""

    worker = models.CharField(max_length=200, unique=True, help_text="Worker host name.")
    last_seen = models.DateTimeField(help_text="When the worker last ran the heartbeat task.")

    class Meta:
        ordering = ["-last_seen"]

    def __str__(self) -> str:
        return f"{self.worker} at {self.last_seen:%Y-%m-%d %H:%M:%S}"


class ArticleAction(models.Model):
    """One review decision on an article: who did what, when, and why. The review queue's audit trail;
    rows are only ever added, so an article's whole history stays readable after it is reopened."""

    class Action(models.TextChoices):
        PROMOTE = "promote", "Created an event"
        ATTACH = "attach", "Attached to an event"
        DISMISS = "dismiss", "Dismissed"
        DUPLICATE = "duplicate", "Marked as a duplicate"
        REOPEN = "reopen", "Reopened"

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="review_actions", help_text="The article acted on."
    )
    action = models.CharField(max_length=10, choices=Action.choices, help_text="What the editor did.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="Who did it (empty if the account was deleted since).",
    )
    created = models.DateTimeField(default=timezone.now, help_text="When it was done.")
    from_status = models.CharField(max_length=10, choices=ReviewStatus.choices, help_text="Status before.")
    to_status = models.CharField(max_length=10, choices=ReviewStatus.choices, help_text="Status after.")
    note = models.TextField(blank=True, help_text="The reason given, or what the article was linked to.")
    event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The event created or attached to, for those actions.",
    )
    duplicate_of = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The original, for a duplicate.",
    )

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(action__in=[
                "promote", "attach", "dismiss", "duplicate", "reopen",
            ]), name="article_action_valid"),
            # A dismissal always says why: "an article is never lost" needs the reason to find it again.
            models.CheckConstraint(condition=~Q(action="dismiss") | ~Q(note=""), name="article_action_dismiss_reason"),
        ]
        indexes = [
            # An article's history, newest first, on its review page.
            models.Index(fields=["article", "-created"], name="article_action_article_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.article_id} at {self.created:%Y-%m-%d %H:%M}"
