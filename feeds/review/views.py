"""The review pages: the queue, an article with its evidence, and the forms that turn articles into events.

Thin views: the filtering is feeds.review.filters, the reading feeds.review.queries, the changes
feeds.review.actions. Every change is a CSRF-protected POST; every page checks its own permissions.
"""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from feeds.ingest import plain_text_of
from feeds.models import Article
from feeds.review import actions
from feeds.review.filters import filter_articles
from feeds.review.forms import (
    AttachForm,
    BulkActionForm,
    CreateEventForm,
    EventSearchForm,
    IdListField,
    differing_dates,
)
from feeds.review.highlight import evidence_spans, highlight
from feeds.review.permissions import ATTACH, CREATE_EVENT, REVIEW, VIEW, may, staff_with
from feeds.review.queries import (
    article_for_review,
    articles_by_ids,
    cluster_articles,
    flag_conflicts,
    label_kinds,
    review_queue,
)

PER_PAGE = 50


@require_GET
@staff_with(*VIEW)
def queue(request: HttpRequest) -> HttpResponse:
    filterset = filter_articles(request.GET, review_queue())
    valid = filterset.is_valid()
    page = Paginator(filterset.qs if valid else Article.objects.none(), PER_PAGE).get_page(request.GET.get("page"))
    articles = list(page.object_list)
    flag_conflicts(articles)
    label_kinds(articles)
    context = {
        "filterset": filterset,
        "page": page,
        "articles": articles,
        "action_form": BulkActionForm(initial={"next": request.get_full_path()}),
        "can_review": may(request.user, REVIEW),
    }
    return render(request, "staff/review/queue.html", context, status=200 if valid else 400)


@require_GET
@staff_with(*VIEW)
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(article_for_review(pk))
    matches = list(article.matches.all())
    text = plain_text_of(article)
    flag_conflicts([article])
    label_kinds([article])
    siblings = []
    if article.cluster_id:
        siblings = list(
            Article.objects.filter(cluster_id=article.cluster_id).exclude(pk=article.pk)
            .only("id", "title", "publisher", "status", "published").order_by("published", "id")
        )
    context = {
        "article": article,
        "matches": matches,
        "title_html": highlight(article.title, evidence_spans(matches, "title", article.title)),
        "text_html": highlight(text, evidence_spans(matches, "text", text)),
        "siblings": siblings,
        "action_form": BulkActionForm(initial={"ids": [article.pk], "next": request.get_full_path()}),
        "can_review": may(request.user, REVIEW),
    }
    return render(request, "staff/review/article_detail.html", context)


@require_POST
@staff_with(*VIEW)
def bulk_action(request: HttpRequest) -> HttpResponse:
    form = BulkActionForm(request.POST)
    back = _safe_next(request, request.POST.get("next"))
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    data = form.cleaned_data
    action, ids = data["action"], data["ids"]
    if action in (BulkActionForm.CREATE, BulkActionForm.ATTACH):
        # Those need a form of their own: carry the chosen articles to it.
        target = "review:create_event" if action == BulkActionForm.CREATE else "review:attach"
        query = QueryDict(mutable=True)
        query.setlist("ids", [str(i) for i in ids])
        response = HttpResponseRedirect(f"{reverse(target)}?{query.urlencode()}")
        response.status_code = 303  # See Other: the form is fetched with GET
        return response
    if not may(request.user, REVIEW):
        raise PermissionDenied
    if action == BulkActionForm.DISMISS:
        outcome, verb = actions.dismiss(ids, request.user, data["reason"]), "Dismissed"
    elif action == BulkActionForm.DUPLICATE:
        outcome = actions.mark_duplicate(ids, data["original_article"], request.user, data["reason"] or "")
        verb = "Marked as duplicates:"
    else:
        outcome, verb = actions.reopen(ids, request.user, data["reason"] or ""), "Reopened"
    (messages.success if outcome.done else messages.warning)(request, outcome.summary(verb))
    return redirect(back)


@require_http_methods(["GET", "POST"])
@staff_with(*CREATE_EVENT)
def create_event(request: HttpRequest) -> HttpResponse:
    params = request.POST if request.method == "POST" else request.GET
    articles = _candidates(params)
    if not articles:
        messages.error(request, "Choose the articles (or the story) to create the event from.")
        return redirect("review:queue")
    form = CreateEventForm(request.POST if request.method == "POST" else None, articles=articles)
    if form.is_valid():
        try:
            outcome = actions.create_event(form.cleaned_data["sources"], form.draft(), request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Draft event {outcome.event.pk} created. " + outcome.summary("Cited"))
            if request.user.has_perm("events.change_event"):
                return redirect("admin:events_event_change", outcome.event.pk)
            return redirect("review:queue")
    context = {
        "form": form,
        "articles": articles,
        "cluster_id": params.get("cluster", "") if params.get("cluster", "").isdigit() else "",
        "differing_dates": differing_dates(articles),
    }
    return render(request, "staff/review/create_event.html", context, status=400 if form.is_bound else 200)


@require_http_methods(["GET", "POST"])
@staff_with(*ATTACH)
def attach(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = AttachForm(request.POST)
        if form.is_valid():
            try:
                outcome = actions.attach_to_event(form.cleaned_data["ids"], form.cleaned_data["event"], request.user)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, outcome.summary(f"Attached to event {outcome.event.pk}:"))
                return redirect("review:queue")
        ids = _ids(request.POST)
    else:
        form, ids = None, _ids(request.GET)
    articles = list(articles_by_ids(ids)) if ids else []
    if not articles:
        messages.error(request, "Choose the articles to attach.")
        return redirect("review:queue")
    search = EventSearchForm(request.GET if request.method == "GET" else {"q": request.POST.get("q", "")})
    context = {"form": form, "articles": articles, "search": search, "events": list(search.results())}
    return render(request, "staff/review/attach.html", context, status=400 if form is not None else 200)


# -- helpers ------------------------------------------------------------------------------------------------

def _ids(params) -> list[int]:
    try:
        return IdListField().clean(params.getlist("ids"))
    except ValidationError:
        return []


def _candidates(params) -> list[Article]:
    """The articles the new-event form offers as sources: a whole story, or the ticked articles."""
    cluster = params.get("cluster", "")
    if cluster.isdigit():
        return list(cluster_articles(int(cluster)))
    ids = _ids(params)
    return list(articles_by_ids(ids)) if ids else []


def _safe_next(request: HttpRequest, target: str | None) -> str:
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return reverse("review:queue")
