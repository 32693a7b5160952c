"""The jurisdiction directory, the autocomplete's suggestions, and official lists.

(A jurisdiction's own page shows its events, so it lives in ``events``.) The directory shows how many
published events involve each row; it reads the events tables through the app registry, not an import,
so this app still never imports ``events``.
"""
from __future__ import annotations

import hashlib

from django.apps import apps
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from jurisdictions.choices import STATE_LEVEL_KINDS, JurisdictionKind
from jurisdictions.filters import filter_directory
from jurisdictions.lookup import suggest
from jurisdictions.models import Jurisdiction, Listing, ListSnapshot, OfficialList

DIRECTORY_PAGE_SIZE = 50
SUGGEST_CACHE_SECONDS = 300


def directory(request: HttpRequest) -> HttpResponse:
    """Searchable, paginated list of the gazetteer with published-event counts. A bad filter value
    answers 400 with the form's messages."""
    filterset = filter_directory(request.GET, with_event_counts(Jurisdiction.objects.select_related("parent")))
    page = None
    if filterset.is_valid():
        page = Paginator(filterset.qs.order_by(*DIRECTORY_ORDER), DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "jurisdictions/directory.html", {"filters": filterset, "page": page}, status=200 if page is not None else 400
    )


# States first, then counties, then places; alphabetical within each.
KIND_RANK = Case(
    *[When(kind=kind, then=Value(0)) for kind in STATE_LEVEL_KINDS],
    When(kind=JurisdictionKind.COUNTY, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)
DIRECTORY_ORDER = (KIND_RANK, "name", "state", "pk")


def with_event_counts(queryset: QuerySet) -> QuerySet:
    """Annotate ``event_count`` (published events involving the row) and ``has_published_events``,
    read from the chart summary's per-jurisdiction tally (events.JurisdictionTally: one row per
    jurisdiction and kind, kept with every change to an event), so a busy state costs the same as an
    idle village. Correlated subqueries, so only the rows on the page are looked up."""
    tally = apps.get_model("events", "JurisdictionTally")
    rows = tally.objects.filter(jurisdiction=OuterRef("pk"))
    counted = rows.order_by().values("jurisdiction").annotate(n=Sum("n")).values("n")
    return queryset.annotate(
        event_count=Coalesce(Subquery(counted, output_field=IntegerField()), Value(0)),
        # A tally holds no empty rows (events.tallies), so a row means at least one published event.
        has_published_events=Exists(rows),
    )


@require_GET
@cache_control(public=True, max_age=SUGGEST_CACHE_SECONDS)
def suggest_json(request: HttpRequest) -> JsonResponse:
    """Autocomplete answers for the events filter: [{"id", "label", "value", "kind"}], biggest first.
    ``value`` is what the filter box should receive: the label when it names exactly one jurisdiction,
    otherwise the stable id."""
    text = " ".join(request.GET.get("q", "").split())[:100]
    key = "jurisdictions:suggest:" + hashlib.sha256(text.lower().encode()).hexdigest()
    answers = cache.get(key)
    if answers is None:
        answers = suggestions(text)
        cache.set(key, answers, SUGGEST_CACHE_SECONDS)
    return JsonResponse(answers, safe=False)


def suggestions(text: str) -> list[dict[str, str]]:
    found = suggest(text)
    if not found:
        return []
    shared = _label_counts(found)
    answers = []
    for j in found:
        label = str(j)
        # A state's name names it alone (lookup prefers the top of the hierarchy); "Springfield, IL"
        # can name two places, and then only the id is unambiguous.
        unique = j.kind in STATE_LEVEL_KINDS or shared.get((j.name.lower(), j.state), 0) <= 1
        answers.append({"id": j.uid, "label": label, "value": label if unique else j.uid, "kind": j.get_kind_display()})
    return answers


def _label_counts(found: list[Jurisdiction]) -> dict[tuple[str, str], int]:
    """How many jurisdictions share each suggested (name, state): one query."""
    rows = (
        Jurisdiction.objects.filter(name__in={j.name for j in found}, state__in={j.state for j in found})
        .values("name", "state")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[tuple[str, str], int] = {}
    for row in rows:
        key = (row["name"].lower(), row["state"])
        counts[key] = counts.get(key, 0) + row["n"]
    return counts


def official_list_detail(request: HttpRequest, slug: str) -> HttpResponse:
    official_list = get_object_or_404(
        # Only versions an editor has published; a list with none is not found.
        OfficialList.objects.filter(Exists(ListSnapshot.objects.public().filter(official_list=OuterRef("pk"))))
        .prefetch_related(
            Prefetch(
                "snapshots",
                queryset=ListSnapshot.objects.public().order_by("-published").prefetch_related(
                    Prefetch("listings", queryset=Listing.objects.select_related("jurisdiction"))
                ),
            )
        ),
        slug=slug,
    )
    return render(request, "jurisdictions/official_list_detail.html", {"official_list": official_list})
