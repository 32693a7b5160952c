"""``analyze()``: one article in, an ``Analysis`` out. Pure computation on an in-memory index."""
from __future__ import annotations

import datetime

from feeds.analysis import agencies as agencies_module
from feeds.analysis import dates, kinds, relevance, roles
from feeds.analysis.disambiguation import ArticlePlaces
from feeds.analysis.gazetteer_index import GazetteerIndex, get_index
from feeds.analysis.matching import scan
from feeds.analysis.mentions import PlaceMention
from feeds.analysis.results import Analysis, JurisdictionMatch, Mention
from feeds.analysis.terms import TermHit
from feeds.analysis.text import TEXT, TITLE, FieldText

_ROLE_KINDS = (roles.DIRECT, roles.LOCATED, roles.ACTOR, roles.ENFORCEMENT)


def analyze(title: str, text: str, published: datetime.datetime | datetime.date | None) -> Analysis:
    """Relevance, jurisdictions with evidence and role, kinds, agencies and event date of one article."""
    index = get_index()
    group = index.group_number
    head, body = FieldText(TITLE, title), FieldText(TEXT, text)
    fields = {TITLE: head, TEXT: body}
    places = ArticlePlaces(index)
    head_places, head_hits = scan(index, head)  # term hits by group number
    places.add_field(head, head_places)
    body_places, body_hits = scan(index, body)
    places.add_field(body, body_places)
    mentions = places.resolve()

    rel = group[relevance.CATEGORY]
    score = relevance.score(head_hits[rel], body_hits[rel])
    relevant = relevance.is_relevant(score)
    agency = group[agencies_module.CATEGORY]
    found_agencies = _agencies(index, ((head, head_hits[agency]), (body, body_hits[agency])))
    suggested_kinds: list[str] = []
    event_day = None
    if relevant:
        kind = group[kinds.CATEGORY]
        suggested_kinds = kinds.suggest(head_hits[kind], body_hits[kind], body.lead_start, body.lead_end)
        date = group[dates.CATEGORY]
        event_day = dates.event_date(
            ((name, start, end, term) for name, hits in ((TITLE, head_hits[date]), (TEXT, body_hits[date]))
             for start, end, _k, term in hits),
            fields,
            dates.publication_day(published),
        )
    jurisdictions = []
    if mentions:
        # The role rules read cues in the text only: a name in the title is a subject whatever surrounds it.
        cues = {TEXT: {kind: body_hits[group[roles.CATEGORY, kind]] for kind in _ROLE_KINDS}}
        jurisdictions = _jurisdictions(mentions, cues)
    return Analysis(relevant, score, jurisdictions, suggested_kinds, found_agencies, event_day)


def _agencies(index: GazetteerIndex, fields_hits: tuple[tuple[FieldText, list[TermHit]], ...]) -> list[str]:
    found: set[str] = set()
    ends_with_state = index.state_lookup.ends_with_state
    for field, hits in fields_hits:
        for start, _end, _key, term in hits:
            agency = str(term.value)
            if agency == agencies_module.ATTORNEY_GENERAL:
                if ends_with_state(field.text, start):
                    continue  # a state's attorney general
                agency = "DOJ"
            found.add(agency)
    return agencies_module.ordered(found) if found else []


def _jurisdictions(mentions: list[PlaceMention], cues: dict[str, dict[str, list[TermHit]]]) -> list[JurisdictionMatch]:
    role_of = roles.assign(mentions, cues)
    matches: dict[int, JurisdictionMatch] = {}
    for m in mentions:
        c = m.chosen
        if c is None:
            continue  # resolve() returns chosen mentions only
        match = matches.get(c.id)
        if match is None:
            match = matches[c.id] = JurisdictionMatch(c.id, c.uid, c.name, c.kind, c.state, role_of[c.id], [])
        match.evidence.append(Mention(m.field.name, m.start, m.end, m.field.text[m.start:m.end]))
    # Subjects first; within a role, in the order the article first names them (title before text).
    ordered = list(matches.values())
    ordered.sort(key=lambda j: 0 if j.role == roles.SUBJECT else 1)
    return ordered
