"""What an editor does with articles: create an event from them, attach them to one, dismiss them, mark
them as duplicates, reopen them.

Each function takes article ids (one or hundreds), changes them in a fixed number of queries, records who
and when on the article (status_changed_by/at, status_reason) and adds one ArticleAction per article to the
audit trail. Articles whose status does not allow the action are skipped, with the reason, never changed
half-way. Nothing here deletes an article: a dismissed one keeps its text and can be reopened.
"""
from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, Value, When
from django.utils import timezone

from events.choices import EventKind, EventStatus, InvolvementRole
from events.models import EnforcementOperation, Event, EventJurisdiction, FederalAction, Source
from events.search import refresh_search_documents
from feeds.choices import ReviewStatus
from feeds.models import Article, ArticleAction
from jurisdictions.models import Jurisdiction

Action = ArticleAction.Action
MAX_BATCH = 500

# Which statuses each action starts from. Dismissed and duplicate articles are reopened before anything
# else is done with them, so a decision is never overridden by accident.
USABLE = frozenset({ReviewStatus.NEW, ReviewStatus.PROMOTED, ReviewStatus.ATTACHED})
ALLOWED_FROM = {
    Action.PROMOTE: USABLE,
    Action.ATTACH: USABLE,
    Action.DISMISS: frozenset({ReviewStatus.NEW}),
    Action.DUPLICATE: frozenset({ReviewStatus.NEW}),
    Action.REOPEN: frozenset({ReviewStatus.DISMISSED, ReviewStatus.DUPLICATE, ReviewStatus.PROMOTED,
                              ReviewStatus.ATTACHED}),
}
_SOURCE_TITLE_MAX = Source._meta.get_field("title").max_length
_SOURCE_PUBLISHER_MAX = Source._meta.get_field("publisher").max_length
_SOURCE_AUTHOR_MAX = Source._meta.get_field("author").max_length


@dataclass
class Outcome:
    """What an action did: the articles changed, the ones skipped and why, the event involved."""

    done: list[int] = field(default_factory=list)
    skipped: dict[int, str] = field(default_factory=dict)
    event: Event | None = None

    def summary(self, verb: str) -> str:
        text = f"{verb} {len(self.done)} article{'s' if len(self.done) != 1 else ''}."
        if self.skipped:
            reasons = sorted(set(self.skipped.values()))
            text += f" Skipped {len(self.skipped)}: {'; '.join(reasons)}."
        return text


@dataclass
class EventDraft:
    """The editor's reading of the articles: the facts of the new event."""

    kind: str
    title: str
    summary: str
    date: datetime.date | None
    date_precision: str
    # (jurisdiction, "subject" | "mentioned")
    jurisdictions: list[tuple[Jurisdiction, str]] = field(default_factory=list)
    agency: str = ""
    action_type: str = ""
    operation_name: str = ""
    reported_arrests: int | None = None
    arrests_note: str = ""


# -- status-only actions ---------------------------------------------------------------------------------

def dismiss(article_ids: Sequence[int], user, reason: str) -> Outcome:
    """Set the articles aside, saying why; they stay searchable and can be reopened."""
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("Say why the articles are dismissed; the reason is kept with them.")
    return _change_status(article_ids, user, Action.DISMISS, ReviewStatus.DISMISSED, reason)


def mark_duplicate(article_ids: Sequence[int], original: Article, user, note: str = "") -> Outcome:
    """Mark articles as repeating ``original`` (followed to its own original if it is a duplicate too)."""
    if original.status == ReviewStatus.DUPLICATE and original.duplicate_of_id:
        original = Article.objects.get(pk=original.duplicate_of_id)
    reason = " ".join(note.split()) or f"Duplicate of article {original.pk}: {original.title}"
    return _change_status(
        article_ids, user, Action.DUPLICATE, ReviewStatus.DUPLICATE, reason[:500], duplicate_of=original,
    )


def reopen(article_ids: Sequence[int], user, note: str = "") -> Outcome:
    """Put articles back in the queue. One still cited by an event stays as it is: its status says so."""
    return _change_status(article_ids, user, Action.REOPEN, ReviewStatus.NEW, " ".join(note.split()))


@transaction.atomic
def _change_status(ids, user, action, to_status, reason, *, duplicate_of: Article | None = None) -> Outcome:
    outcome = Outcome()
    articles = _lock(ids)
    cited = set()
    if action == Action.REOPEN:
        cited = set(Source.objects.filter(article_id__in=[a.pk for a in articles]).values_list("article_id", flat=True))
    for article in articles:
        if article.status not in ALLOWED_FROM[action]:
            outcome.skipped[article.pk] = f"already {article.get_status_display().lower()}"
        elif duplicate_of is not None and article.pk == duplicate_of.pk:
            outcome.skipped[article.pk] = "an article cannot duplicate itself"
        elif article.pk in cited and article.status in (ReviewStatus.PROMOTED, ReviewStatus.ATTACHED):
            outcome.skipped[article.pk] = "still cited by an event"
        else:
            outcome.done.append(article.pk)
    _skip_missing(ids, articles, outcome)
    if not outcome.done:
        return outcome
    now = timezone.now()
    Article.objects.filter(pk__in=outcome.done).update(
        status=to_status, status_reason=reason[:500], status_changed_at=now, status_changed_by=user,
        duplicate_of=duplicate_of if action == Action.DUPLICATE else None,
    )
    ArticleAction.objects.bulk_create([
        ArticleAction(
            article=article, action=action, user=user, created=now, from_status=article.status,
            to_status=to_status, note=reason, duplicate_of=duplicate_of,
        )
        for article in articles if article.pk in set(outcome.done)
    ])
    return outcome


# -- actions that cite articles in an event ----------------------------------------------------------------

@transaction.atomic
def attach_to_event(article_ids: Sequence[int], event: Event, user) -> Outcome:
    """Cite the articles as further sources of an existing event."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == EventStatus.RETRACTED:
        raise ValidationError("A retracted event takes no further sources.")
    articles = _lock(ids=article_ids)
    outcome = Outcome(event=event)
    cited = set(Source.objects.filter(event=event, article_id__in=[a.pk for a in articles])
                .values_list("article_id", flat=True))
    usable = _usable(articles, outcome, already_cited=cited)
    _skip_missing(article_ids, articles, outcome)
    if usable:
        _cite(event, usable, user)
        _record(usable, user, Action.ATTACH, event, reason=f"Attached to event {event.pk}: {event.title}")
        outcome.done = [a.pk for a in usable]
    return outcome


@transaction.atomic
def create_event(article_ids: Sequence[int], draft: EventDraft, user) -> Outcome:
    """Create a draft event from the editor's draft, citing the articles as its sources. Publishing is a
    separate step (events.services.publish_event)."""
    articles = _lock(article_ids)
    outcome = Outcome()
    usable = _usable(articles, outcome)
    _skip_missing(article_ids, articles, outcome)
    if not usable:
        raise ValidationError("None of the articles can be cited: " + "; ".join(sorted(set(outcome.skipped.values()))))
    event = Event(
        kind=draft.kind, title=draft.title.strip(), summary=draft.summary.strip(), date=draft.date,
        date_precision=draft.date_precision, status=EventStatus.DRAFT, created_by=user, updated_by=user,
    )
    event.full_clean(exclude=["slug"])
    event._history_user = user  # django-simple-history: the editor, even outside a request
    event.save()
    _bulk_create(EventJurisdiction, [
        EventJurisdiction(event=event, jurisdiction=jurisdiction, role=role or InvolvementRole.SUBJECT)
        for jurisdiction, role in _unique_places(draft.jurisdictions)
    ], user)
    detail = _detail(event, draft)
    if detail is not None:
        detail.full_clean(exclude=["event"])
        detail._history_user = user
        detail.save()
    _cite(event, usable, user)
    _record(usable, user, Action.PROMOTE, event, reason=f"Event {event.pk} created: {event.title}")
    outcome.done = [a.pk for a in usable]
    outcome.event = event
    return outcome


def _detail(event: Event, draft: EventDraft):
    """The kind's details where the review form collects them (the agency the analyser suggests, mostly).
    Court rulings and policy changes need a case, court or policy: the event editor adds those."""
    if draft.kind == EventKind.FEDERAL_ACTION and draft.agency and draft.action_type:
        return FederalAction(event=event, agency=draft.agency, action_type=draft.action_type)
    if draft.kind == EventKind.ENFORCEMENT_OPERATION and draft.agency:
        return EnforcementOperation(
            event=event, agency=draft.agency, operation_name=draft.operation_name.strip(),
            reported_arrests=draft.reported_arrests, arrests_note=draft.arrests_note.strip(),
        )
    return None


def _unique_places(places: list[tuple[Jurisdiction, str]]) -> list[tuple[Jurisdiction, str]]:
    """One row per jurisdiction; named as subject anywhere wins over mentioned."""
    roles: dict[int, tuple[Jurisdiction, str]] = {}
    for jurisdiction, role in places:
        if jurisdiction.pk not in roles or role == InvolvementRole.SUBJECT:
            roles[jurisdiction.pk] = (jurisdiction, role)
    return list(roles.values())


def _usable(articles: list[Article], outcome: Outcome, already_cited: set[int] = frozenset()) -> list[Article]:
    usable = []
    for article in articles:
        if article.status not in USABLE:
            outcome.skipped[article.pk] = f"{article.get_status_display().lower()} (reopen it first)"
        elif article.pk in already_cited:
            outcome.skipped[article.pk] = "already a source of the event"
        elif not source_publisher(article) and not article.author:
            outcome.skipped[article.pk] = "no publisher or author to cite"
        else:
            usable.append(article)
    return usable


def _cite(event: Event, articles: list[Article], user) -> None:
    _bulk_create(Source, [source_for(event, article) for article in articles], user)
    # Sources written in bulk send no signals: keep the event's search document in step here.
    refresh_search_documents([event.pk])


def source_for(event: Event, article: Article) -> Source:
    """The citation of an article: its outlet, byline, title, link and publication day."""
    published = timezone.localdate(article.published) if article.published else None
    return Source(
        event=event, article=article, publisher=source_publisher(article)[:_SOURCE_PUBLISHER_MAX],
        author=article.author[:_SOURCE_AUTHOR_MAX], title=_clip(article.title, _SOURCE_TITLE_MAX),
        url=article.url if article.url.startswith(("http://", "https://")) else "", published=published,
    )


def source_publisher(article: Article) -> str:
    """The outlet: as the article names it, else its feed, else the host of its link."""
    if article.publisher:
        return article.publisher
    if article.feed_id and article.feed:
        return article.feed.name
    host = urlsplit(article.url).hostname or ""
    return host.removeprefix("www.")


def _record(articles: list[Article], user, action: str, event: Event, reason: str) -> None:
    """Mark cited articles and add their audit rows. A new article becomes attached or promoted; one
    already cited elsewhere and now promoted says so; attaching a promoted one leaves it promoted."""
    now = timezone.now()
    to_status = ReviewStatus.PROMOTED if action == Action.PROMOTE else ReviewStatus.ATTACHED
    if to_status == ReviewStatus.PROMOTED:
        new_status = Value(ReviewStatus.PROMOTED)
    else:
        new_status = Case(When(status=ReviewStatus.PROMOTED, then=Value(ReviewStatus.PROMOTED)),
                          default=Value(ReviewStatus.ATTACHED))
    Article.objects.filter(pk__in=[a.pk for a in articles]).update(
        status=new_status, status_reason=reason[:500], status_changed_at=now, status_changed_by=user,
        duplicate_of=None,
    )
    ArticleAction.objects.bulk_create([
        ArticleAction(
            article=article, action=action, user=user, created=now, from_status=article.status,
            to_status=(ReviewStatus.PROMOTED if article.status == ReviewStatus.PROMOTED else to_status),
            note=reason, event=event,
        )
        for article in articles
    ])


# -- helpers --------------------------------------------------------------------------------------------

def _lock(ids: Sequence[int]) -> list[Article]:
    """The articles, locked for this transaction so two editors cannot decide on one at once."""
    ids = _clean_ids(ids)
    return list(
        Article.objects.filter(pk__in=ids).select_related("feed").defer("summary_html", "body_html")
        .select_for_update(of=("self",)).order_by("pk")
    )


def _clean_ids(ids: Sequence[int]) -> list[int]:
    ids = sorted({int(i) for i in ids})
    if len(ids) > MAX_BATCH:
        raise ValidationError(f"Choose at most {MAX_BATCH} articles at a time.")
    return ids


def _skip_missing(ids: Sequence[int], articles: list[Article], outcome: Outcome) -> None:
    found = {a.pk for a in articles}
    for pk in _clean_ids(ids):
        if pk not in found:
            outcome.skipped[pk] = "no longer exists"


def _bulk_create(model, objects: list, user) -> None:
    """bulk_create, also writing django-simple-history rows where the model keeps history."""
    if not objects:
        return
    if hasattr(model, "history"):
        from simple_history.utils import bulk_create_with_history

        bulk_create_with_history(objects, model, default_user=user)
    else:
        model.objects.bulk_create(objects)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
