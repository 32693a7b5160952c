"""Public event and case pages. Only published (and retracted, with a notice) events are shown."""
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from events.listing import event_list
from events.models import Case, CaseParty, Event
from jurisdictions.models import Jurisdiction


def event_index(request: HttpRequest) -> HttpResponse:
    """The filterable list. Invalid filters answer 400 with the form's messages, never a 500."""
    listing = event_list(request.GET, request.GET.get("page"))
    status = 200 if listing.page is not None else 400
    return render(request, "events/event_list.html", {"listing": listing, "filters": listing.filterset}, status=status)


def event_detail(request: HttpRequest, pk: int, slug: str | None = None) -> HttpResponse:
    event = get_object_or_404(
        Event.objects.public()
        .with_list_data()
        .select_related("federal_action", "court_ruling", "enforcement_operation", "policy_change__policy")
        .prefetch_related("corrections"),
        pk=pk,
    )
    if slug != event.slug:
        return redirect(event, permanent=True)
    return render(request, "events/event_detail.html", {"event": event})


def case_detail(request: HttpRequest, slug: str) -> HttpResponse:
    case = get_object_or_404(
        Case.objects.select_related("originating_event").prefetch_related(
            Prefetch("parties", queryset=CaseParty.objects.select_related("jurisdiction")),
            Prefetch(
                "events",
                queryset=Event.objects.public().select_related("court_ruling").order_by("date", "id"),
                to_attr="public_events",
            ),
        ),
        slug=slug,
    )
    origin = case.originating_event if case.originating_event and case.originating_event.is_public else None
    return render(request, "events/case_detail.html", {"case": case, "origin": origin})


def jurisdiction_detail(request: HttpRequest, state: str, slug: str) -> HttpResponse:
    jurisdiction = get_object_or_404(
        Jurisdiction.objects.select_related("parent", "parent__parent"), state=state.upper(), slug=slug
    )
    if state != state.lower():
        return redirect(jurisdiction, permanent=True)
    events = Event.objects.public().for_jurisdiction(jurisdiction).with_list_data().newest_first()
    policies = jurisdiction.policies.order_by("adopted", "title")
    cases = (
        Case.objects.filter(parties__jurisdiction=jurisdiction).distinct().order_by("-filed", "caption")
    )
    return render(
        request,
        "events/jurisdiction_detail.html",
        {"jurisdiction": jurisdiction, "events": events, "policies": policies, "cases": cases},
    )
