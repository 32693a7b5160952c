"""What a data set looks like, as plain values (no database ids), to compare two of them."""
from __future__ import annotations

from events.models import Case, Event
from feeds.models import Article
from jurisdictions.models import Policy


def event_snapshot(queryset) -> list[tuple]:
    rows = []
    for event in queryset.order_by("pk").prefetch_related("involvements__jurisdiction", "sources").select_related(
        "federal_action", "court_ruling", "enforcement_operation", "policy_change__policy", "case"
    ):
        detail = event.detail()
        detail_values = tuple(
            str(getattr(detail, f.attname)) for f in detail._meta.concrete_fields if f.attname not in ("event_id", "policy_id")
        ) if detail else ()
        rows.append((
            event.kind, event.title, event.slug, event.summary, event.date, event.date_precision, event.status,
            event.published_at, event.retracted_at, event.case.slug if event.case else None,
            tuple(sorted((i.jurisdiction.uid, i.role) for i in event.involvements.all())),
            tuple(sorted((s.url, s.title, s.publisher, s.published) for s in event.sources.all())),
            detail_values,
            event.policy_change.policy.title if hasattr(event, "policy_change") else None,
        ))
    return rows


def synthetic_snapshot() -> dict:
    return {
        "events": event_snapshot(Event.objects.filter(is_synthetic=True)),
        "cases": list(Case.objects.filter(is_synthetic=True).order_by("slug").values_list(
            "caption", "slug", "court", "filed", "status", "originating_event__title")),
        "policies": list(Policy.objects.filter(is_synthetic=True).order_by("pk").values_list(
            "jurisdiction__uid", "title", "category", "stance", "adopted")),
        "articles": list(Article.objects.filter(is_synthetic=True).order_by("pk").values_list(
            "url", "title", "published", "summary_html", "status", "relevance_score")),
    }
