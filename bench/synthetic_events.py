"""Synthetic events at scale, for benchmarks only — never loaded by default, never real.

``generate`` fills the database with events of every kind (with their detail rows, sources and
jurisdictions), lawsuits with parties and rulings, the policies that policy changes need, and news
articles. Places are the REAL gazetteer (the most populous jurisdictions), chosen with a Zipf weight
so that, as in real coverage, a few jurisdictions carry thousands of events and most carry a few.

Everything generated is marked so it can never be mistaken for reporting:
- ``is_synthetic=True`` on every model that has the flag (Event, Case, Policy, Article);
- every title and caption starts with ``[SYNTHETIC] ``; sources and policies are published by
  ``SYNTHETIC DATA``; every link is on https://synthetic.invalid/ (.invalid can never resolve);
- summaries say in words that the record did not happen. No docket number, judge or arrest count
  is presented as real: they say "synthetic" where a reader would see them.

``remove_synthetic`` deletes all of it, and nothing real: rows are chosen by the flag (or, for rows
without one, by the synthetic row they belong to).

The same seed gives the same data (one ``random.Random`` stream per part, the gazetteer read in a
fixed order). Rows are written with ``bulk_create`` in chunks, inside one transaction, so a failed
run leaves nothing behind; bulk inserts skip the search-document signals, so each chunk refreshes
its events' documents itself.
"""
from __future__ import annotations

import bisect
import datetime
import hashlib
import itertools
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection, models, transaction
from django.utils.html import escape
from django.utils.text import slugify

from events.choices import (
    ActionType,
    Agency,
    CaseStatus,
    DatePrecision,
    EventKind,
    EventStatus,
    InvolvementRole,
    PartyRole,
    PolicyChangeType,
    RulingOutcome,
    RulingType,
)
from events.models import (
    Case,
    CaseParty,
    CourtRuling,
    EnforcementOperation,
    Event,
    EventJurisdiction,
    FederalAction,
    PolicyChange,
    Source,
)
from events.models.event import normalise_date
from events.search import refresh_search_documents
from jurisdictions.choices import STATE_LEVEL_KINDS, JurisdictionKind, PolicyCategory, PolicyStance
from jurisdictions.models import Jurisdiction, Policy

PREFIX = "[SYNTHETIC] "
PUBLISHER = "SYNTHETIC DATA"
BASE_URL = "https://synthetic.invalid/"
NOT_REAL = "Synthetic benchmark record: this did not happen."

FIRST_DAY = datetime.date(2017, 1, 1)
LAST_DAY = datetime.date(2026, 10, 31)
# Coverage comes in waves (2017 and 2025 saw most of it), not evenly.
YEAR_WEIGHTS = {2017: 14, 2018: 10, 2019: 7, 2020: 6, 2021: 4, 2022: 4, 2023: 5, 2024: 7, 2025: 25, 2026: 18}
KIND_WEIGHTS = {
    EventKind.FEDERAL_ACTION: 30,
    EventKind.ENFORCEMENT_OPERATION: 30,
    EventKind.POLICY_CHANGE: 25,
    EventKind.COURT_RULING: 15,
}
STATUS_WEIGHTS = {EventStatus.PUBLISHED: 88, EventStatus.DRAFT: 8, EventStatus.RETRACTED: 4}
PRECISION_WEIGHTS = {DatePrecision.DAY: 80, DatePrecision.MONTH: 10, DatePrecision.YEAR: 6, DatePrecision.UNKNOWN: 4}
JURISDICTIONS_PER_EVENT = {1: 55, 2: 30, 3: 15}
SOURCES_PER_EVENT = {1: 40, 2: 30, 3: 20, 4: 10}
FEDERAL_AGENCY_WEIGHTS = {
    Agency.DOJ: 35, Agency.DHS: 20, Agency.ICE: 15, Agency.WHITE_HOUSE: 15,
    Agency.CBP: 5, Agency.USCIS: 3, Agency.FBI: 2, Agency.OTHER: 5,
}
OPERATION_AGENCY_WEIGHTS = {Agency.ICE: 70, Agency.CBP: 15, Agency.DHS: 10, Agency.FBI: 5}
ACTION_WEIGHTS = {
    ActionType.LAWSUIT: 15, ActionType.GRANT_CONDITION: 15, ActionType.SUBPOENA: 10, ActionType.THREAT: 20,
    ActionType.MEMO: 15, ActionType.EXECUTIVE_ORDER: 5, ActionType.PROSECUTION: 5, ActionType.LIST: 5,
    ActionType.OTHER: 10,
}
OUTCOME_WEIGHTS = {
    RulingOutcome.FOR_JURISDICTION: 45, RulingOutcome.FOR_FEDERAL: 25,
    RulingOutcome.MIXED: 15, RulingOutcome.PROCEDURAL: 15,
}
COURTS = [
    "U.S. District Court, N.D. Cal.", "U.S. District Court, N.D. Ill.", "U.S. District Court, E.D. Pa.",
    "U.S. District Court, W.D. Wash.", "U.S. District Court, D. Or.", "U.S. District Court, S.D.N.Y.",
    "U.S. District Court, D. Mass.", "U.S. District Court, D. Colo.", "U.S. Court of Appeals, 9th Cir.",
    "U.S. Court of Appeals, 7th Cir.", "U.S. Court of Appeals, 3rd Cir.", "Supreme Court of the United States",
]
FEDERAL_PARTIES = ["United States", "U.S. Department of Justice", "U.S. Department of Homeland Security"]
ACTION_PHRASES = {
    ActionType.EXECUTIVE_ORDER: "executive order targets",
    ActionType.MEMO: "memo names",
    ActionType.LAWSUIT: "sues",
    ActionType.SUBPOENA: "subpoenas records from",
    ActionType.GRANT_CONDITION: "withholds grants from",
    ActionType.PROSECUTION: "threatens charges against officials in",
    ActionType.THREAT: "warns",
    ActionType.LIST: "lists",
    ActionType.OTHER: "acts against",
}
OPERATION_WORDS = ["Safe Harbor", "Summit", "Riverbend", "Lakeshore", "Cross Check", "Keystone", "Palisade"]
FILLER = [
    "Local officials said the policy limiting cooperation with immigration authorities remains in place.",
    "Federal officials said the agency would continue to enforce immigration law.",
    "Advocates said the change would make immigrant families afraid to report crimes.",
    "Supporters said local police should not do the work of federal agents.",
    "Court filings show the dispute could take months to resolve.",
    "The council heard public comment for several hours before the vote.",
]
MAX_POLICIES_PER_PLACE = 6
CHUNK = 5000
# Rows per INSERT; Django lowers it where the database limits parameters (SQLite).
BATCH = 5000


@dataclass(frozen=True)
class Place:
    pk: int
    label: str
    kind: str


class JurisdictionPool:
    """Real jurisdictions of every level, drawn with a Zipf weight by size rank: the first (the
    largest states) are drawn most, like the busiest places in real coverage.

    Size is a place's population; a state's or county's is the sum of its places' (states have no
    population of their own; a county's Census figure is not used here, so counties rank by their places). The pool keeps every state, district and territory, the
    largest counties (a fifth of the pool) and the largest places for the rest.
    """

    def __init__(self, places: list[Place], exponent: float = 1.0):
        if not places:
            raise SyntheticDataError("The gazetteer is empty: run `manage.py load_jurisdictions` first.")
        self.places = places
        self.cumulative = list(itertools.accumulate(1 / (rank + 1) ** exponent for rank in range(len(places))))

    @classmethod
    def load(cls, size: int) -> JurisdictionPool:
        in_county: Counter = Counter()
        in_state: Counter = Counter()
        for parent_id, state, population in Jurisdiction.objects.filter(
            kind=JurisdictionKind.PLACE, population__isnull=False
        ).values_list("parent_id", "state", "population"):
            in_county[parent_id] += population
            in_state[state] += population
        by_level: dict[str, list[tuple[int, str, Place]]] = {"state": [], "county": [], "place": []}
        for pk, name, state, kind, uid, population in Jurisdiction.objects.values_list(
            "pk", "name", "state", "kind", "uid", "population"
        ):
            if kind in STATE_LEVEL_KINDS:
                level, estimate, label = "state", max(population or 0, in_state[state]), name
            elif kind == JurisdictionKind.COUNTY:
                level, estimate, label = "county", in_county[pk], f"{name}, {state}"
            else:
                level, estimate, label = "place", population or 0, f"{name}, {state}"
            by_level[level].append((-estimate, uid, Place(pk, label, kind)))
        for rows in by_level.values():
            rows.sort(key=lambda row: row[:2])  # uid breaks ties, so a seed always draws the same places
        states = by_level["state"][:size]
        counties = by_level["county"][: (size - len(states)) // 5]
        chosen = states + counties + by_level["place"][: size - len(states) - len(counties)]
        chosen.sort(key=lambda row: row[:2])
        return cls([place for _, _, place in chosen])

    def pick(self, rng: random.Random) -> Place:
        return self.places[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]

    def pick_others(self, rng: random.Random, first: Place, count: int) -> list[Place]:
        chosen = [first]
        for _ in range(count * 10):  # a bounded number of redraws when the busy places repeat
            if len(chosen) > count:
                break
            place = self.pick(rng)
            if place not in chosen:
                chosen.append(place)
        return chosen[1:]


class SyntheticDataError(Exception):
    pass


@dataclass
class PlannedCase:
    case: Case
    plaintiff: Place
    originating: Event | None = None


@dataclass
class Generation:
    """Everything one run needs as it goes: random streams, the place pool, what exists so far."""

    seed: int
    pool: JurisdictionPool
    rng: random.Random
    cases: list[PlannedCase] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)
    policies: dict[int, list[Policy]] = field(default_factory=dict)  # by jurisdiction pk
    policy_numbers: itertools.count = field(default_factory=itertools.count)
    counts: Counter = field(default_factory=Counter)


# -- public functions ---------------------------------------------------------------------------------


def generate(
    events: int,
    articles: int = 0,
    *,
    seed: int = 1,
    jurisdictions: int = 3000,
    progress: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Create ``events`` synthetic events and ``articles`` synthetic articles; return the counts made.

    Refuses to add to existing synthetic data (a second run of one seed would repeat its links).
    """
    if events < 0 or articles < 0 or jurisdictions < 1:
        raise SyntheticDataError("Counts must not be negative and at least one jurisdiction is needed.")
    # Synthetic articles alone (other benchmarks ingest some) do not collide with what is made here.
    if any(n for what, n in synthetic_counts().items() if what != "articles"):
        raise SyntheticDataError("Synthetic data is already present; run `manage.py remove_synthetic` first.")
    say = progress or (lambda message: None)
    pool = JurisdictionPool.load(jurisdictions)
    run = Generation(seed=seed, pool=pool, rng=random.Random(f"synthetic-events:{seed}"))
    with transaction.atomic():
        _create_articles(run, articles, random.Random(f"synthetic-articles:{seed}"))
        say(f"articles: {articles}")
        _create_cases(run, max(3, events // 250) if events else 0, random.Random(f"synthetic-cases:{seed}"))
        for start in range(0, events, CHUNK):
            _create_events(run, start, min(CHUNK, events - start))
            say(f"events: {min(start + CHUNK, events)} of {events}")
        origins = [planned.case for planned in run.cases if planned.originating is not None]
        for planned in run.cases:
            if planned.originating is not None:
                planned.case.originating_event_id = planned.originating.pk
        Case.objects.bulk_update(origins, ["originating_event"], batch_size=BATCH)
        # Fresh planner statistics, as autovacuum would eventually gather: without them the first
        # pages after a load pick plans meant for empty tables (an event page took 260 ms, not 7).
        _analyze(*written_models())
    run.counts["jurisdictions_drawn_from"] = len(pool.places)
    return dict(run.counts)


def synthetic_counts() -> dict[str, int]:
    """How much synthetic data the database holds now."""
    from feeds.models import Article

    return {
        "events": Event.objects.filter(is_synthetic=True).count(),
        "cases": Case.objects.filter(is_synthetic=True).count(),
        "policies": Policy.objects.filter(is_synthetic=True).count(),
        "articles": Article.objects.filter(is_synthetic=True).count(),
    }


def remove_synthetic() -> dict[str, int]:
    """Delete every synthetic row and what belongs to it; return how many rows of each model went.

    Rows are deleted with plain DELETE statements, children first, without loading them: the
    ORM's collector would load a million rows and send a search-refresh signal for each source and
    jurisdiction link. Real rows that point at synthetic ones (there should be none) lose only
    that link (their own on_delete is SET_NULL); a real row PROTECTing a synthetic one stops the run.
    """
    from feeds.models import Article

    removed: Counter = Counter()
    with transaction.atomic():
        # Events before cases (cases name their originating event), events before policies (policy
        # changes protect their policy), events before articles (sources cite articles).
        for model in (Event, Case, Policy, Article):
            _delete_with_dependents(model._base_manager.filter(is_synthetic=True), removed)
    return {label: n for label, n in sorted(removed.items()) if n}


# -- deletion -----------------------------------------------------------------------------------------


def _delete_with_dependents(queryset: models.QuerySet, removed: Counter) -> None:
    model = queryset.model
    for relation in model._meta.related_objects:
        if relation.many_to_many:
            continue  # the through model's own foreign key is among related_objects
        dependents = relation.related_model._base_manager.filter(**{f"{relation.field.name}__in": queryset})
        on_delete = relation.on_delete
        if on_delete is models.CASCADE:
            _delete_with_dependents(dependents, removed)
        elif on_delete is models.SET_NULL:
            dependents.update(**{relation.field.name: None})
        elif on_delete in (models.PROTECT, models.RESTRICT) and dependents.exists():
            raise SyntheticDataError(
                f"{dependents.count()} {relation.related_model._meta.verbose_name_plural} that are not "
                f"synthetic refer to synthetic {model._meta.verbose_name_plural}; nothing was removed."
            )
    # A DELETE of the matching rows, with no loading and no signals: see remove_synthetic.
    removed[model._meta.label] += queryset._raw_delete(queryset.db)


# -- articles -----------------------------------------------------------------------------------------


def _create_articles(run: Generation, count: int, rng: random.Random) -> None:
    from feeds.choices import MatchRole, ReviewStatus
    from feeds.models import Article, ArticleJurisdiction

    for start in range(0, count, CHUNK):
        made, matches = [], []
        for number in range(start, min(start + CHUNK, count)):
            first, second = run.pool.pick(rng), run.pool.pick(rng)
            text = _article_text(rng, first, second)
            published = _noon(_random_day(rng)) + datetime.timedelta(minutes=rng.randrange(600))
            url = f"{BASE_URL}articles/{run.seed}/{number}"
            relevant = rng.random() < 0.6
            article = Article(
                url=url, normalized_url=url, guid=url,
                title=PREFIX + text.split(". ")[0][:200],
                publisher=PUBLISHER,
                published=published,
                fetched=published + datetime.timedelta(minutes=5),
                summary_html=f"<p>{escape(text)}</p>",
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                analyzed_at=published + datetime.timedelta(minutes=6),
                is_relevant=relevant,
                relevance_score=round(rng.uniform(0.5, 1.0) if relevant else rng.uniform(0.0, 0.5), 3),
                suggested_kinds=[_weighted(rng, KIND_WEIGHTS)] if relevant else [],
                suggested_agencies=[rng.choice(list(OPERATION_AGENCY_WEIGHTS))] if relevant else [],
                event_date=published.date() if relevant else None,
                status=ReviewStatus.NEW if relevant or rng.random() < 0.5 else ReviewStatus.DISMISSED,
                is_synthetic=True,
            )
            if article.status == ReviewStatus.DISMISSED:
                article.status_reason = "Synthetic: not relevant."
                article.status_changed_at = article.analyzed_at
            made.append(article)
            for place, role in ((first, MatchRole.SUBJECT), (second, MatchRole.MENTIONED)):
                if role == MatchRole.MENTIONED and place == first:
                    continue
                name = place.label.split(", ")[0]
                at = text.find(name)
                evidence = [{"field": "text", "start": at, "end": at + len(name), "text": name}] if at >= 0 else []
                matches.append((article, place.pk, role, evidence))
        Article.objects.bulk_create(made, batch_size=BATCH)
        ArticleJurisdiction.objects.bulk_create(
            [ArticleJurisdiction(article_id=a.pk, jurisdiction_id=pk, role=role, evidence=evidence)
             for a, pk, role, evidence in matches],
            batch_size=BATCH,
        )
        run.article_ids.extend(a.pk for a in made)
        run.counts["articles"] += len(made)
        run.counts["article_jurisdictions"] += len(matches)


def _article_text(rng: random.Random, first: Place, second: Place) -> str:
    lead = rng.choice([
        "Officials in {a} said the county jail would not honor detainers from Immigration and Customs Enforcement.",
        "The Justice Department sent letters to {a} and {b} asking for records about cooperation with ICE.",
        "A federal judge heard arguments over grant conditions in a lawsuit brought by {a}.",
        "ICE agents arrested several people in {a} during an operation that lasted three days.",
        "Residents of {b} packed the council meeting to debate a sanctuary ordinance in {a}.",
        "Business leaders in {a} reported strong quarterly earnings and new hiring plans.",
    ])
    body = [lead.format(a=first.label, b=second.label)] + rng.sample(FILLER, 3) + [NOT_REAL]
    return " ".join(body)


# -- cases --------------------------------------------------------------------------------------------


def _create_cases(run: Generation, count: int, rng: random.Random) -> None:
    cases, parties = [], []
    for number in range(count):
        plaintiff = run.pool.pick(rng)
        federal = rng.choice(FEDERAL_PARTIES)
        # Most suits are a jurisdiction suing the federal government; some go the other way.
        jurisdiction_sues = rng.random() < 0.8
        caption = f"{plaintiff.label} v. {federal}" if jurisdiction_sues else f"{federal} v. {plaintiff.label}"
        case = Case(
            caption=PREFIX + caption,
            slug=f"synthetic-{run.seed}-case-{number}",
            docket_number=f"SYNTHETIC-{run.seed}-{number:05d}",
            court=rng.choice(COURTS[:8]),
            filed=_random_day(rng),
            status=_weighted(rng, {CaseStatus.OPEN: 40, CaseStatus.DECIDED: 30, CaseStatus.ON_APPEAL: 20,
                                   CaseStatus.CLOSED: 10}),
            docket_url=f"{BASE_URL}dockets/{run.seed}/{number}",
            summary=f"A synthetic lawsuit between {plaintiff.label} and the {federal}. {NOT_REAL}",
            is_synthetic=True,
        )
        cases.append(PlannedCase(case, plaintiff))
        jurisdiction_role, federal_role = (
            (PartyRole.PLAINTIFF, PartyRole.DEFENDANT) if jurisdiction_sues else (PartyRole.DEFENDANT, PartyRole.PLAINTIFF)
        )
        parties.append((case, {"jurisdiction_id": plaintiff.pk, "role": jurisdiction_role}))
        parties.append((case, {"federal_party": federal, "role": federal_role}))
        for other in run.pool.pick_others(rng, plaintiff, rng.choice([0, 0, 1, 2])):
            parties.append((case, {"jurisdiction_id": other.pk, "role": rng.choice([jurisdiction_role, PartyRole.AMICUS])}))
    Case.objects.bulk_create([planned.case for planned in cases], batch_size=BATCH)
    CaseParty.objects.bulk_create([CaseParty(case_id=case.pk, **fields) for case, fields in parties], batch_size=BATCH)
    run.cases = cases
    run.counts["cases"] += len(cases)
    run.counts["case_parties"] += len(parties)


# -- events -------------------------------------------------------------------------------------------


@dataclass
class PlannedEvent:
    event: Event
    places: list[tuple[Place, str]]
    detail: Callable[[int], models.Model]
    sources: list[dict]


def _create_events(run: Generation, start: int, count: int) -> None:
    planned = [_plan_event(run, number) for number in range(start, start + count)]
    new_policies = [p for places in run.policies.values() for p in places if p.pk is None]
    Policy.objects.bulk_create(new_policies, batch_size=BATCH)
    run.counts["policies"] += len(new_policies)
    Event.objects.bulk_create([p.event for p in planned], batch_size=BATCH)

    involvements, details, sources = [], [], []
    for p in planned:
        event_id = p.event.pk
        involvements.extend(
            EventJurisdiction(event_id=event_id, jurisdiction_id=place.pk, role=role) for place, role in p.places
        )
        details.append(p.detail(event_id))
        sources.extend(Source(event_id=event_id, **fields) for fields in p.sources)
    EventJurisdiction.objects.bulk_create(involvements, batch_size=BATCH)
    Source.objects.bulk_create(sources, batch_size=BATCH)
    for detail_model in (FederalAction, CourtRuling, EnforcementOperation, PolicyChange):
        rows = [d for d in details if isinstance(d, detail_model)]
        detail_model.objects.bulk_create(rows, batch_size=BATCH)
        run.counts[detail_model._meta.model_name] += len(rows)
    if start == 0:
        # Statistics first: planned on tables it believes empty, the refresh scans the whole gazetteer
        # once per event (33 s for 5,000 events instead of 2). Once is enough: the plan depends on
        # rows per event, which does not change as the tables grow.
        _analyze(EventJurisdiction, Source)
    refresh_search_documents([p.event.pk for p in planned])

    run.counts["events"] += len(planned)
    run.counts["event_jurisdictions"] += len(involvements)
    run.counts["sources"] += len(sources)
    for p in planned:
        run.counts[f"status_{p.event.status}"] += 1


def _plan_event(run: Generation, number: int) -> PlannedEvent:
    rng = run.rng
    kind = _weighted(rng, KIND_WEIGHTS)
    precision = _weighted(rng, PRECISION_WEIGHTS)
    day = _random_day(rng)
    subject = run.pool.pick(rng)
    case: PlannedCase | None = None
    action_type = _weighted(rng, ACTION_WEIGHTS) if kind == EventKind.FEDERAL_ACTION else None

    # Suits and rulings hang off the cases: the suit on the day it was filed, rulings after it.
    if run.cases and (
        (kind == EventKind.COURT_RULING and rng.random() < 0.7)
        or (action_type == ActionType.LAWSUIT and rng.random() < 0.6)
    ):
        case = rng.choice(run.cases)
        subject = case.plaintiff
        if kind == EventKind.COURT_RULING:
            day = min(LAST_DAY, case.case.filed + datetime.timedelta(days=rng.randrange(14, 900)))
        else:
            day = case.case.filed
            precision = DatePrecision.DAY
    date = None if precision == DatePrecision.UNKNOWN else normalise_date(day, precision)
    others = run.pool.pick_others(rng, subject, _weighted(rng, JURISDICTIONS_PER_EVENT) - 1)
    places = [(subject, InvolvementRole.SUBJECT)] + [
        (place, InvolvementRole.SUBJECT if rng.random() < 0.3 else InvolvementRole.MENTIONED) for place in others
    ]

    title, detail = _kind_details(run, kind, action_type, subject, case, day)
    status = _weighted(rng, STATUS_WEIGHTS)
    published_at = None if status == EventStatus.DRAFT else _noon(day) + datetime.timedelta(days=rng.randrange(0, 10))
    event = Event(
        kind=kind,
        title=PREFIX + title,
        slug=slugify(PREFIX + title)[:120].strip("-"),  # "synthetic-…": marked in the address too
        summary=_summary(rng, title, places),
        date=date,
        date_precision=precision,
        status=status,
        case=case.case if case else None,
        published_at=published_at,
        retracted_at=published_at + datetime.timedelta(days=rng.randrange(1, 60)) if status == EventStatus.RETRACTED else None,
        retraction_note=f"Retracted in the synthetic data set. {NOT_REAL}" if status == EventStatus.RETRACTED else "",
        is_synthetic=True,
    )
    if case is not None and action_type == ActionType.LAWSUIT and case.originating is None:
        case.originating = event
    source_day = day if date else None
    sources = []
    for index in range(_weighted(rng, SOURCES_PER_EVENT)):
        cited_article = run.article_ids and index == 0 and rng.random() < 0.3
        sources.append({
            "publisher": PUBLISHER,
            "title": f"{PREFIX}Report {index + 1} on {subject.label}",
            "url": f"{BASE_URL}sources/{run.seed}/{number}/{index}",
            "published": source_day + datetime.timedelta(days=index) if source_day else None,
            "article_id": rng.choice(run.article_ids) if cited_article else None,
        })
    return PlannedEvent(event, places, detail, sources)


def _kind_details(run: Generation, kind: str, action_type: str | None, subject: Place,
                  case: PlannedCase | None, day: datetime.date) -> tuple[str, Callable[[int], models.Model]]:
    """The headline and a builder of the detail row (it needs the event's id, known after insert)."""
    rng = run.rng
    if kind == EventKind.FEDERAL_ACTION:
        agency = _weighted(rng, FEDERAL_AGENCY_WEIGHTS)
        money = action_type in (ActionType.GRANT_CONDITION, ActionType.LAWSUIT, ActionType.THREAT) and rng.random() < 0.5
        amount = Decimal(round(10 ** rng.uniform(4, 9), -3)) if money else None
        title = f"{Agency(agency).label} {ACTION_PHRASES[action_type]} {subject.label}"
        return title, lambda event_id: FederalAction(
            event_id=event_id, agency=agency, action_type=action_type, amount_at_stake=amount,
            amount_note="Synthetic figure; from no source." if money else "",
        )
    if kind == EventKind.COURT_RULING:
        court = case.case.court if case else rng.choice(COURTS)
        ruling_type = rng.choice(RulingType.values)
        outcome = _weighted(rng, OUTCOME_WEIGHTS)
        title = f"{RulingType(ruling_type).label} in a case of {subject.label}: {RulingOutcome(outcome).label.lower()}"
        return title, lambda event_id: CourtRuling(
            event_id=event_id, court=court, ruling_type=ruling_type, outcome=outcome, judges=""
        )
    if kind == EventKind.ENFORCEMENT_OPERATION:
        agency = _weighted(rng, OPERATION_AGENCY_WEIGHTS)
        name = f"{PREFIX}Operation {rng.choice(OPERATION_WORDS)}" if rng.random() < 0.3 else ""
        arrests = int(10 ** rng.uniform(0, 3.3)) if rng.random() < 0.7 else None
        title = f"{Agency(agency).label} operation in {subject.label}"
        return title, lambda event_id: EnforcementOperation(
            event_id=event_id, agency=agency, operation_name=name, reported_arrests=arrests,
            arrests_note="Synthetic count; from no source." if arrests is not None else "",
        )
    policy, change = _policy_for(run, subject, day)
    title = f"{subject.label}: {policy.title.removeprefix(PREFIX).lower()} {PolicyChangeType(change).label.lower()}"
    return title, lambda event_id: PolicyChange(event_id=event_id, policy=policy, change=change)


def _policy_for(run: Generation, place: Place, day: datetime.date) -> tuple[Policy, str]:
    """A synthetic policy of the place: a new one (adopted) or one it already has (changed)."""
    rng = run.rng
    existing = run.policies.setdefault(place.pk, [])
    # Real places keep a handful of policies, however much news they make: the busiest ones' pages
    # must not list hundreds.
    if existing and (rng.random() < 0.7 or len(existing) >= MAX_POLICIES_PER_PLACE):
        change = rng.choice([PolicyChangeType.AMENDED, PolicyChangeType.ENDED, PolicyChangeType.BLOCKED,
                             PolicyChangeType.REAFFIRMED])
        return rng.choice(existing), change
    category = rng.choice(PolicyCategory.values)
    requires = category in (PolicyCategory.AGREEMENT_287G, PolicyCategory.STATE_MANDATE, PolicyCategory.SANCTUARY_BAN)
    number = next(run.policy_numbers)
    policy = Policy(
        jurisdiction_id=place.pk,
        title=PREFIX + PolicyCategory(category).label,
        category=category,
        stance=PolicyStance.REQUIRES if requires else PolicyStance.LIMITS,
        summary=NOT_REAL,
        adopted=day,
        source_url=f"{BASE_URL}policies/{run.seed}/{number}",
        source_title=f"{PREFIX}Policy text",
        source_publisher=PUBLISHER,
        is_synthetic=True,
    )
    existing.append(policy)
    return policy, PolicyChangeType.ADOPTED


def _summary(rng: random.Random, title: str, places: list[tuple[Place, str]]) -> str:
    named = ", ".join(place.label for place, _ in places)
    return " ".join([f"{title}.", f"Jurisdictions involved: {named}."] + rng.sample(FILLER, 2) + [NOT_REAL])


# -- small helpers ------------------------------------------------------------------------------------


def _weighted(rng: random.Random, weights: dict) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _random_day(rng: random.Random) -> datetime.date:
    year = int(_weighted(rng, YEAR_WEIGHTS))
    first = datetime.date(year, 1, 1)
    last = min(datetime.date(year, 12, 31), LAST_DAY)
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


def written_models() -> list[type[models.Model]]:
    """The tables generate() writes to."""
    from feeds.models import Article, ArticleJurisdiction

    return [Event, EventJurisdiction, Source, FederalAction, CourtRuling, EnforcementOperation, PolicyChange,
            Case, CaseParty, Policy, Article, ArticleJurisdiction]


def _analyze(*model_classes: type[models.Model]) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in model_classes:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _noon(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.timezone.utc)
