"""Public event, case and jurisdiction pages. Only published events are listed or counted; a retracted
event keeps its own page (with a notice) and appears nowhere else; drafts are 404."""
from __future__ import annotations

import datetime
import functools
import itertools
import operator
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Case as SqlCase
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from events.choices import CaseStatus, CorrectionKind, EventKind, EventStatus, InvolvementRole, PartyRole
from events.conflicts import source_conflicts
from events.embeds import case_snippet, jurisdiction_snippet
from events.listing import event_list
from events.corrections_log import PAGE_SIZE as CORRECTIONS_PAGE_SIZE
from events.corrections_log import describe_changes, public_corrections
from events.visibility import public_cases, public_policies, public_snapshots
from events.models import (
    Case, CaseParty, Correction, Event, EventJurisdiction, FederalAction, JurisdictionTotalTally, MoneyTally,
)
from events.models.event import format_date
from events.policy_chart import EventMarker, policy_period, policy_timeline_figure
from jurisdictions.choices import STATE_LEVEL_KINDS, JurisdictionKind
from jurisdictions.models import Jurisdiction, ListSnapshot, Listing, OfficialList, Policy

RELATED_EVENTS = 5
JURISDICTION_EVENTS_PER_PAGE = 25
# A jurisdiction page shows this many of its cases (open first, newest filed first) and links to the
# rest: a state can be party to hundreds, and the page must not grow with them.
JURISDICTION_CASES_SHOWN = 10
JURISDICTION_CASES_PER_PAGE = 50
MONEY_EVENTS_SHOWN = 25
# A busy jurisdiction's chart shows its latest dated events; the list below has them all.
CHART_MARKERS_MAX = 500


def event_index(request: HttpRequest) -> HttpResponse:
    """The filterable list. Invalid filters answer 400 with the form's messages, never a 500."""
    listing = event_list(request.GET, request.GET.get("page"))
    status = 200 if listing.page is not None else 400
    return render(request, "events/event_list.html", {"listing": listing, "filters": listing.filterset}, status=status)


# -- event page ---------------------------------------------------------------------------------------


@dataclass
class CaseChain:
    """Federal action -> suit -> rulings, as far as the public record goes."""

    case: Case
    origin: Event | None
    steps: list[Event] = field(default_factory=list)


def event_detail(request: HttpRequest, pk: int, slug: str | None = None) -> HttpResponse:
    event = get_object_or_404(
        Event.objects.public()
        .with_list_data()
        .select_related(
            "federal_action", "court_ruling", "enforcement_operation", "policy_change__policy__jurisdiction"
        )
        .prefetch_related(Prefetch("corrections", queryset=Correction.objects.filter(kind=CorrectionKind.CORRECTION))),
        pk=pk,
    )
    if slug != event.slug:
        return redirect(event, permanent=True)
    involvements = list(event.involvements.all())
    context = {
        "event": event,
        "subjects": [i for i in involvements if i.role == InvolvementRole.SUBJECT],
        "mentioned": [i for i in involvements if i.role == InvolvementRole.MENTIONED],
        "chains": case_chains(event),
        "related": related_events(event, involvements),
        # Readers are told when the cited sources disagree (e.g. on the date), never left to guess.
        "conflicts": source_conflicts(event),
    }
    return render(request, "events/event_detail.html", context)


def case_chains(event: Event) -> list[CaseChain]:
    """The cases the event belongs to or led to, each with its originating action and its events in
    date order. Two queries whatever the size of the cases. Only published events appear, except the
    event itself (which the page marks as "this event")."""
    condition = Q(originating_event=event)
    if event.case_id:
        condition |= Q(pk=event.case_id)
    visible = Q(status=EventStatus.PUBLISHED) | Q(pk=event.pk)
    cases = (
        public_cases(Case.objects.filter(condition))
        .select_related("originating_event__federal_action")
        .prefetch_related(
            Prefetch(
                "events",
                queryset=Event.objects.filter(visible).select_related("court_ruling").order_by(
                    F("date").asc(nulls_last=True), "id"
                ),
                to_attr="chain_events",
            )
        )
        .order_by(F("filed").asc(nulls_last=True), "caption")
    )
    chains = []
    for case in cases:
        origin = case.originating_event
        if origin is not None and not (origin.status == EventStatus.PUBLISHED or origin.pk == event.pk):
            origin = None
        steps = [e for e in case.chain_events if origin is None or e.pk != origin.pk]
        chains.append(CaseChain(case, origin, steps))
    return chains


def related_events(event: Event, involvements: list[EventJurisdiction]) -> list[Event]:
    """A few published events that share a subject jurisdiction or the case with this one: one query."""
    conditions = []
    subject_ids = [i.jurisdiction_id for i in involvements if i.role == InvolvementRole.SUBJECT]
    if subject_ids:
        conditions.append(
            Exists(
                EventJurisdiction.objects.filter(
                    event=OuterRef("pk"), jurisdiction_id__in=subject_ids, role=InvolvementRole.SUBJECT
                )
            )
        )
    if event.case_id:
        conditions.append(Q(case_id=event.case_id))
    if not conditions:
        return []
    matches = functools.reduce(operator.or_, conditions)
    return list(Event.objects.published().filter(matches).exclude(pk=event.pk).newest_first()[:RELATED_EVENTS])


# -- case page ------------------------------------------------------------------------------------------


def case_detail(request: HttpRequest, slug: str) -> HttpResponse:
    case = get_object_or_404(
        public_cases().select_related("originating_event__federal_action").prefetch_related(
            Prefetch("parties", queryset=CaseParty.objects.select_related("jurisdiction")),
            Prefetch(
                "events",
                queryset=Event.objects.published()
                .select_related("court_ruling")
                .order_by(F("date").asc(nulls_last=True), "id"),
                to_attr="public_events",
            ),
        ),
        slug=slug,
    )
    origin = case.originating_event
    if origin is not None and origin.status != EventStatus.PUBLISHED:
        origin = None
    rulings = [e for e in case.public_events if e.kind == EventKind.COURT_RULING]
    others = [
        e for e in case.public_events if e.kind != EventKind.COURT_RULING and (origin is None or e.pk != origin.pk)
    ]
    dated_rulings = [e for e in rulings if e.date is not None]
    context = {
        "case": case,
        "origin": origin,
        "parties_by_role": parties_by_role(case.parties.all()),
        "rulings": rulings,
        "other_events": others,
        "latest_ruling": dated_rulings[-1] if dated_rulings else None,
        "embeds": [case_snippet(request, case)],
    }
    return render(request, "events/case_detail.html", context)


def parties_by_role(parties) -> list[tuple[str, list[CaseParty]]]:
    """Parties grouped by side, plaintiffs first (the order the choices are declared in)."""
    order = {role: n for n, role in enumerate(PartyRole.values)}
    ordered = sorted(parties, key=lambda p: (order.get(p.role, len(order)), p.pk))
    return [
        (PartyRole(role).label, list(group)) for role, group in itertools.groupby(ordered, key=lambda p: p.role)
    ]


# -- jurisdiction page ------------------------------------------------------------------------------------


def corrections_log(request: HttpRequest) -> HttpResponse:
    """Every correction and retraction of a public event, newest first, fifty to a page."""
    page = Paginator(public_corrections(), CORRECTIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    entries = [(c, describe_changes(c)) for c in page.object_list]
    return render(request, "events/corrections.html", {"page": page, "entries": entries})


def jurisdiction_detail(request: HttpRequest, state: str, slug: str) -> HttpResponse:
    jurisdiction = get_object_or_404(
        Jurisdiction.objects.select_related("parent__parent__parent"), state=state.upper(), slug=slug
    )
    if state != state.lower():
        return redirect(jurisdiction, permanent=True)
    can_include_within = has_places_inside(jurisdiction)
    within = can_include_within and request.GET.get("within") == "1"
    today = timezone.localdate()

    events = Event.objects.published().filter(involves(jurisdiction, within=within))
    paginator = Paginator(events.with_list_data().newest_first(), JURISDICTION_EVENTS_PER_PAGE)
    if not within:
        # Its own events are counted in the chart summary: one row per kind, however many events.
        paginator.count = jurisdiction_event_count(jurisdiction)
    policies = list(public_policies(jurisdiction.policies.all()).order_by(F("adopted").asc(nulls_last=True), "title", "pk"))
    periods, undated_policies = policy_periods(jurisdiction, policies, today)
    markers = event_markers(jurisdiction)
    context = {
        "jurisdiction": jurisdiction,
        "ancestors": ancestors(jurisdiction),
        "page": paginator.get_page(request.GET.get("page")),
        "within": within,
        "can_include_within": can_include_within,
        "policies": policies,
        "undated_policies": undated_policies,
        "policy_figure": policy_timeline_figure(periods, markers) if (periods or markers) else None,
        "markers_capped": len(markers) >= CHART_MARKERS_MAX,
        "list_histories": list_histories(jurisdiction),
        "case_parties": jurisdiction_case_parties(jurisdiction)[:JURISDICTION_CASES_SHOWN],
        "case_count": jurisdiction_case_parties(jurisdiction).count(),
        "money": money_at_stake(jurisdiction),
        "today": today,
        "embeds": [jurisdiction_snippet(request, jurisdiction, within)],
    }
    return render(request, "events/jurisdiction_detail.html", context)


def jurisdiction_case_parties(jurisdiction: Jurisdiction):
    """The jurisdiction's parts in public cases: still running first (open or on appeal), then the
    newest filed, then by caption."""
    running = SqlCase(When(case__status__in=[CaseStatus.OPEN, CaseStatus.ON_APPEAL], then=Value(0)), default=Value(1))
    return (
        CaseParty.objects.filter(jurisdiction=jurisdiction, case__in=public_cases().values("pk"))
        .select_related("case")
        .order_by(running, F("case__filed").desc(nulls_last=True), "case__caption", "pk")
    )


def jurisdiction_cases(request: HttpRequest, state: str, slug: str) -> HttpResponse:
    """Every public case the jurisdiction is a party to, in the order its page lists the first ones,
    fifty to a page."""
    jurisdiction = get_object_or_404(Jurisdiction.objects.select_related("parent"), state=state.upper(), slug=slug)
    if state != state.lower():
        return redirect("jurisdiction_cases", state=jurisdiction.state.lower(), slug=jurisdiction.slug, permanent=True)
    page = Paginator(jurisdiction_case_parties(jurisdiction), JURISDICTION_CASES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "events/jurisdiction_cases.html", {"jurisdiction": jurisdiction, "page": page})


def jurisdiction_event_count(jurisdiction: Jurisdiction) -> int:
    """Published events involving the jurisdiction itself, from the chart summary (events/tallies.py): its
    one total row, not a row per kind to add up."""
    return JurisdictionTotalTally.objects.filter(jurisdiction=jurisdiction).values_list("n", flat=True).first() or 0


def has_places_inside(jurisdiction: Jurisdiction) -> bool:
    """States, counties and consolidated city-counties contain other jurisdictions (no query needed)."""
    return (
        jurisdiction.kind in STATE_LEVEL_KINDS
        or jurisdiction.kind == JurisdictionKind.COUNTY
        or jurisdiction.is_consolidated
    )


def ancestors(jurisdiction: Jurisdiction) -> list[Jurisdiction]:
    """Parent, grandparent… nearest first (already joined, so no query)."""
    chain, current = [], jurisdiction.parent
    while current is not None:
        chain.append(current)
        # The page joins three levels (place -> county -> state is the deepest the gazetteer goes).
        current = current.parent if len(chain) < 3 else None
    return chain


def involves(jurisdiction: Jurisdiction, *, within: bool = False, role: str | None = None) -> Exists:
    """Events involving the jurisdiction (or, with ``within``, anything inside it). EXISTS rather than a
    join, so an event is counted once and the list needs no DISTINCT."""
    rows = EventJurisdiction.objects.filter(event=OuterRef("pk"))
    if within:
        rows = rows.filter(jurisdiction__in=Jurisdiction.objects.within(jurisdiction).values("pk"))
    else:
        rows = rows.filter(jurisdiction=jurisdiction)
    if role:
        rows = rows.filter(role=role)
    return Exists(rows)


def policy_periods(jurisdiction: Jurisdiction, policies: list[Policy], today: datetime.date):
    """(dated periods for the chart, policies the sources do not date)."""
    base = jurisdiction.get_absolute_url()
    periods, undated = [], []
    for policy in policies:
        period = policy_period(policy, today, url=f"{base}#policy-{policy.pk}")
        if period is None:
            undated.append(policy)
        else:
            periods.append(period)
    return periods, undated


def event_markers(jurisdiction: Jurisdiction) -> list[EventMarker]:
    """The jurisdiction's own published, dated events: one query of plain values."""
    rows = (
        Event.objects.published()
        .dated()
        .filter(involves(jurisdiction))
        # The order of event_status_newest_idx (no undated event is here, so NULLS LAST changes nothing).
        .order_by(F("date").desc(nulls_last=True), "-id")
        .values("pk", "slug", "title", "kind", "date", "date_precision")[:CHART_MARKERS_MAX]
    )
    return [
        EventMarker(
            date=row["date"],
            title=row["title"],
            kind_label=str(EventKind(row["kind"]).label),
            date_label=format_date(row["date"], row["date_precision"]),
            url=reverse("events:detail", kwargs={"pk": row["pk"], "slug": row["slug"] or "event"}),
        )
        for row in rows
    ]


@dataclass
class ListHistory:
    official_list: OfficialList
    snapshots: list[ListSnapshot]


def list_histories(jurisdiction: Jurisdiction) -> list[ListHistory]:
    """Every version of every official list that has ever named the jurisdiction, each marked with
    whether it names it (``listed``): one query."""
    lists_naming_it = Listing.objects.filter(jurisdiction=jurisdiction).values("snapshot__official_list_id")
    snapshots = (
        public_snapshots().filter(official_list_id__in=lists_naming_it)
        .select_related("official_list")
        .annotate(listed=Exists(Listing.objects.filter(snapshot=OuterRef("pk"), jurisdiction=jurisdiction)))
        .order_by("official_list__name", "official_list_id", "published")
    )
    return [
        ListHistory(group[0].official_list, group)
        for group in (list(g) for _, g in itertools.groupby(snapshots, key=lambda s: s.official_list_id))
    ]


@dataclass
class MoneyAtStake:
    total: int | None
    count: int
    actions: list[FederalAction]


def money_at_stake(jurisdiction: Jurisdiction) -> MoneyAtStake:
    """Dollars the sources state are at stake in published federal actions aimed at the jurisdiction
    (as a subject), with the latest of the actions it comes from (details of another kind, which the
    model refuses, are not counted). The sum and the count are kept in
    the chart summary (MoneyTally, events/tallies.py): summing every action of a busy state took
    most of the page's time."""
    totals = MoneyTally.objects.filter(jurisdiction=jurisdiction).order_by().values_list("n", "amount")[:1]
    totals = totals[0] if totals else None
    if not totals:
        return MoneyAtStake(None, 0, [])
    count, total = totals
    # Newest first in the order of the events' list index, so the scan stops at the 25th action.
    subject = EventJurisdiction.objects.filter(
        event=OuterRef("event_id"), jurisdiction=jurisdiction, role=InvolvementRole.SUBJECT
    )
    shown = list(
        FederalAction.objects.filter(Exists(subject), event__status=EventStatus.PUBLISHED,
                                     event__kind=EventKind.FEDERAL_ACTION, amount_at_stake__isnull=False)
        .select_related("event")
        .order_by(F("event__date").desc(nulls_last=True), F("event_id").desc())[:MONEY_EVENTS_SHOWN]
    )
    return MoneyAtStake(int(total), count, shown)
