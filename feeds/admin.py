"""Admin for feeds, fetch history and ingested articles."""
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from feeds.choices import FetchOutcome
from feeds.models import Article, ArticleJurisdiction, Feed, FetchRun, Heartbeat, StoryCluster
from feeds.urlnorm import normalize_feed_url


class FeedForm(forms.ModelForm):
    url = forms.URLField(
        max_length=Feed._meta.get_field("url").max_length, assume_scheme="https",
        help_text=Feed._meta.get_field("url").help_text,
    )

    class Meta:
        model = Feed
        fields = "__all__"

    def clean_url(self):
        try:
            return normalize_feed_url(self.cleaned_data["url"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    """Feeds with their health at a glance, and a way to fetch one now."""

    form = FeedForm
    list_display = (
        "name", "url", "active", "health", "last_outcome", "last_success_at", "consecutive_failures",
        "next_fetch_at",
    )
    list_filter = ("active",)
    search_fields = ("name", "url")
    actions = ["fetch_now"]
    fields = (
        "url", "name", "active", "fetch_interval", "fetch_now_button", "disabled_reason", "health",
        "last_success_at", "last_fetched_at", "consecutive_failures", "next_fetch_at", "etag", "last_modified",
        "fetch_started_at", "lease_expires_at", "lease_owner", "created", "recent_runs",
    )
    readonly_fields = (
        "fetch_now_button", "health", "etag", "last_modified", "consecutive_failures", "last_fetched_at",
        "last_success_at", "fetch_started_at", "lease_expires_at", "lease_owner", "created", "recent_runs",
    )
    RECENT_RUNS = 20

    def get_queryset(self, request):
        # The latest run's outcome, one subquery for the whole list (served by fetchrun_feed_started_idx).
        latest = FetchRun.objects.filter(feed=OuterRef("pk")).order_by("-started").values("outcome")[:1]
        return super().get_queryset(request).annotate(latest_outcome=Subquery(latest))

    @admin.display(description="Health")
    def health(self, feed: Feed) -> str:
        if not feed.active:
            return f"Off: {feed.disabled_reason}" if feed.disabled_reason else "Off"
        if feed.fetch_started_at is not None:
            started = timezone.localtime(feed.fetch_started_at).strftime("%Y-%m-%d %H:%M:%S")
            expires = feed.lease_expires_at
            if expires is not None and expires < timezone.now():
                return (f"Stuck: a fetch started {started} and its worker stopped (lease ran out "
                        f"{timezone.localtime(expires):%H:%M:%S}); the next fetch takes over and closes it as lost")
            until = f", lease until {timezone.localtime(expires):%H:%M:%S}" if expires else ""
            return f"Fetching since {started}{until}"
        if feed.last_fetched_at is None:
            return "Not fetched yet"
        if getattr(feed, "latest_outcome", None) == FetchOutcome.LOST:
            return "Last fetch lost: its worker stopped before finishing"
        if feed.consecutive_failures:
            return f"Failing ({feed.consecutive_failures} in a row)"
        return "OK"

    @admin.display(description="Last fetch", ordering="latest_outcome")
    def last_outcome(self, feed: Feed) -> str:
        outcome = getattr(feed, "latest_outcome", None)
        return FetchOutcome(outcome).label if outcome in FetchOutcome.values else "-"

    @admin.display(description="Fetch")
    def fetch_now_button(self, feed: Feed) -> str:
        if feed.pk is None:
            return "-"
        url = reverse("admin:feeds_feed_fetch", args=[feed.pk])
        # Submits the change form's CSRF token to the fetch view, without saving the form.
        return format_html(
            '<button type="submit" class="button" formaction="{}" formmethod="post" formnovalidate>'
            "Fetch now</button>",
            url,
        )

    @admin.display(description="Recent fetches")
    def recent_runs(self, feed: Feed) -> str:
        if feed.pk is None:
            return "-"
        runs = list(feed.runs.order_by("-started")[: self.RECENT_RUNS])
        if not runs:
            return "None yet."
        rows = format_html_join(
            "",
            "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    reverse("admin:feeds_fetchrun_change", args=[run.pk]),
                    timezone.localtime(run.started).strftime("%Y-%m-%d %H:%M:%S"),
                    run.get_outcome_display(),
                    run.http_status or "-",
                    f"{run.bytes_received:,}",
                    f"{run.entries_seen} / {run.entries_new} / {run.entries_duplicate}",
                    (run.error_message.splitlines() or [""])[0][:200],
                )
                for run in runs
            ),
        )
        return format_html(
            "<table><thead><tr><th>Started</th><th>Outcome</th><th>HTTP</th><th>Bytes</th>"
            "<th>Entries seen / new / known</th><th>Message</th></tr></thead><tbody>{}</tbody></table>",
            rows,
        )

    def get_urls(self):
        custom = [
            path("<int:feed_id>/fetch/", self.admin_site.admin_view(self.fetch_view), name="feeds_feed_fetch"),
        ]
        return custom + super().get_urls()

    def fetch_view(self, request, feed_id: int):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        feed = get_object_or_404(Feed, pk=feed_id)
        if not self.has_change_permission(request, feed):
            raise PermissionDenied
        self._fetch(request, [feed])
        return redirect("admin:feeds_feed_change", feed.pk)

    @admin.action(description="Fetch the selected feeds now", permissions=["change"])
    def fetch_now(self, request, queryset):
        self._fetch(request, list(queryset))

    def _fetch(self, request, feeds: list[Feed]) -> None:
        """Through the task: queued where a worker runs, done at once (and reported) where tasks run in-process."""
        from feeds.fetching import SUCCESS_OUTCOMES
        from feeds.tasks import fetch_feed

        for feed in feeds:
            result = fetch_feed.apply_async(args=[feed.pk], kwargs={"include_inactive": True})
            if not result.ready():
                self.message_user(request, f"{feed.name}: fetch queued; the result appears under Recent fetches.")
                continue
            info = result.get(propagate=False)
            if not isinstance(info, dict):
                self.message_user(request, f"{feed.name}: the fetch failed ({info}).", messages.ERROR)
            elif info.get("outcome") == "busy":
                self.message_user(request, f"{feed.name}: another worker is fetching it right now.", messages.WARNING)
            elif "run" not in info:
                self.message_user(request, f"{feed.name}: not fetched ({info.get('outcome')}).", messages.WARNING)
            else:
                run = FetchRun.objects.get(pk=info["run"])
                level = messages.SUCCESS if run.outcome in SUCCESS_OUTCOMES else messages.ERROR
                detail = f" {run.error_message.splitlines()[0]}" if run.error_message else ""
                summary = f"{run.get_outcome_display()}, {run.entries_new} new of {run.entries_seen} entries."
                self.message_user(request, f"{feed.name}: {summary}{detail}", level)


@admin.register(FetchRun)
class FetchRunAdmin(admin.ModelAdmin):
    list_display = (
        "feed", "started", "outcome", "http_status", "bytes_received", "entries_seen", "entries_new",
        "entries_duplicate",
    )
    list_filter = ("outcome", "feed")
    search_fields = ("feed__name", "error_message")
    list_select_related = ("feed",)
    date_hierarchy = "started"
    readonly_fields = [f.name for f in FetchRun._meta.fields]

    def has_add_permission(self, request) -> bool:
        # Runs are records of what happened; only fetching makes them.
        return False


class ArticleJurisdictionInline(admin.TabularInline):
    model = ArticleJurisdiction
    autocomplete_fields = ("jurisdiction",)
    extra = 0


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "feed", "published", "relevance_score", "status", "cluster")
    list_filter = ("status", "is_relevant", "feed", "is_synthetic")
    search_fields = ("title", "normalized_url", "guid")
    autocomplete_fields = ("feed", "duplicate_of", "cluster")
    list_select_related = ("feed", "cluster")
    date_hierarchy = "published"
    inlines = [ArticleJurisdictionInline]
    show_full_result_count = False


@admin.register(StoryCluster)
class StoryClusterAdmin(admin.ModelAdmin):
    list_display = ("title", "first_reported", "outlet_count")
    search_fields = ("title",)
    date_hierarchy = "first_reported"


@admin.register(ArticleJurisdiction)
class ArticleJurisdictionAdmin(admin.ModelAdmin):
    list_display = ("jurisdiction", "article", "role")
    list_filter = ("role",)
    search_fields = ("jurisdiction__name", "article__title")
    autocomplete_fields = ("jurisdiction", "article")
    list_select_related = ("jurisdiction", "article")


@admin.register(Heartbeat)
class HeartbeatAdmin(admin.ModelAdmin):
    list_display = ("worker", "last_seen")
    readonly_fields = ("worker", "last_seen")
