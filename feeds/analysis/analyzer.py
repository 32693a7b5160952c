"""``analyze()``: one article in, an ``Analysis`` out. Pure computation on an in-memory index."""
from __future__ import annotations

import datetime
from typing import Final, cast

from feeds.analysis import agencies as agencies_module
from feeds.analysis import dates, kinds, relevance, roles
from feeds.analysis.disambiguation import ArticlePlaces
from feeds.analysis.gazetteer_index import GazetteerIndex, get_index
from feeds.analysis.matching import scan
from feeds.analysis.mentions import PlaceMention
from feeds.analysis.results import AgencyMention, Analysis, JurisdictionMatch, Mention
from feeds.analysis.terms import TermHit
from feeds.analysis.text import TEXT, TITLE, FieldText

EVIDENCE_PER_ROLE: Final = 3  # mentions of one agency in one role kept with their words for the editor
_ROLE_KINDS: Final = (roles.DIRECT, roles.LOCATED, roles.ACTOR, roles.ENFORCEMENT)
# Makes the named tuples of the results without their generated ``__new__``, a Python function (an article
# makes one per mention): the same tuple, field for field.
_new_tuple: Final = tuple.__new__
# The ASCII characters str.split() splits at besides the space.
_ASCII_BLANKS: Final = ("\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


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
    found_agencies, agency_evidence, actors = _agencies(index, ((head, head_hits[agency]), (body, body_hits[agency])))
    if "ICE" in found_agencies and relevance.other_ice(head_hits[rel], body_hits[rel]):
        found_agencies.remove("ICE")  # Intercontinental Exchange, the trains: not the agency
    suggested_kinds: list[str] = []
    event_day = None
    if relevant:
        kind = group[kinds.CATEGORY]
        date = group[dates.CATEGORY]
        day = dates.publication_day(published) if published is not None else dates.dateline_day(
            body.text, ((start, end, term) for start, end, _k, term in body_hits[date]))
        suggested_kinds = kinds.suggest(head_hits[kind], body_hits[kind], body.lead_start, body.lead_end,
                                        title, text, tuple(found_agencies), actors,
                                        day.year if day is not None else 0,
                                        head_hits[group[kinds.CONTEXT]], body_hits[group[kinds.CONTEXT]])
        event_day = dates.event_date(
            ((name, start, end, term) for name, hits in ((TITLE, head_hits[date]), (TEXT, body_hits[date]))
             for start, end, _k, term in hits),
            fields,
            day,
        )
    jurisdictions = []
    if mentions:
        # The role rules read cues in the text only: a name in the title is a subject whatever surrounds it.
        cues = {TEXT: {kind: body_hits[group[roles.CATEGORY, kind]] for kind in _ROLE_KINDS}}
        jurisdictions = _jurisdictions(mentions, cues)
    return Analysis(relevant, score, jurisdictions, suggested_kinds, found_agencies, event_day, agency_evidence)


def _agencies(index: GazetteerIndex, fields_hits: tuple[tuple[FieldText, list[TermHit]], ...]
              ) -> tuple[list[str], list[AgencyMention], tuple[tuple[bool, int], ...]]:
    """The agencies that act in the article; mentions with their role as evidence (the first few of each
    agency and role); and where an acting agency is named, (in the title?, offset), for the kind rules. Once
    an agency is known to act, its later mentions are not read again: they are where it acts, for the
    kinds, and the editor has its evidence already."""
    found: set[str] = set()
    actors: list[tuple[bool, int]] = []
    evidence: list[AgencyMention] = []
    kept: dict[tuple[str, str], int] = {}  # mentions kept as evidence per (agency, role)
    ends_with_state = index.state_lookup.ends_with_state
    for field, hits in fields_hits:
        text = field.text
        last = ""  # the agency named last, for "the agency said" (one that acts, if any)
        last_end = -1
        last_acting = ""
        last_acting_end = -1
        for start, end, _key, term in hits:
            agency = cast(str, term.value)
            role = agencies_module.NAMED
            if agency == agencies_module.ATTORNEY_GENERAL:
                if ends_with_state(text, start):
                    continue  # a state's attorney general
                agency = "DOJ"
            elif agency == agencies_module.ORDER_ISSUED:
                if not agencies_module.presidential_order(text, start, end):
                    continue  # a mayor's executive order
                agency = "White House"
                if field.in_lead(start):
                    role = agencies_module.ACTS  # the order at issue; further down, an older order is background
            elif agency == agencies_module.ADMINISTRATION:
                if not agencies_module.administration_sues(text, end):
                    continue
                agency, role = "DOJ", agencies_module.ACTS
            elif agency == agencies_module.PRESIDENT:
                after = text[end:end + 17].lower()
                if after.startswith(" administration") or after.startswith("'s administration"):
                    continue  # "the Trump administration": see ADMINISTRATION
                agency = "White House"
            elif agency == agencies_module.ANAPHOR:
                reach = agencies_module.ANAPHOR_REACH
                named = last_acting if last_acting and end - last_acting_end < reach else last
                near = end - (last_acting_end if named == last_acting and last_acting else last_end) < reach
                if not named or not near or named in found or (
                        "department" in text[start:end].lower() and named not in ("DOJ", "DHS")):
                    continue  # nobody to refer to, or nothing to learn: that agency already acts
                agency = named
            if agency in found:
                actors.append((field.name == TITLE, start))
                last, last_end = agency, end
                last_acting, last_acting_end = agency, end
                continue
            if role != agencies_module.ACTS:
                role = agencies_module.agency_role(text, start, end)
            if role == agencies_module.ACTS:
                found.add(agency)
                actors.append((field.name == TITLE, start))
                last_acting, last_acting_end = agency, end
            last, last_end = agency, end
            n = kept.get((agency, role), 0)
            if n < EVIDENCE_PER_ROLE:
                kept[agency, role] = n + 1
                evidence.append(_new_tuple(AgencyMention, (agency, role, field.name, start, end, text[start:end],
                                                           _context(text, start, end))))
    return (agencies_module.ordered(found) if found else []), evidence, tuple(actors)


def _context(text: str, start: int, end: int, reach: int = 50) -> str:
    """The words around a mention, cut at word boundaries: what an editor reads to check the role."""
    lo = text.rfind(" ", 0, start - reach) + 1 if start > reach else 0
    hi = text.find(" ", end + reach)
    chunk = text[lo:hi if hi >= 0 else len(text)]
    # Usually the words are already one space apart: then the chunk is the answer, without splitting it into
    # words. An ASCII chunk (known without reading it) is tested for the nine ASCII blanks other than the space
    # by fast character searches; any other chunk by isprintable() (no blank but the space is printable).
    if "  " not in chunk and chunk[:1] != " " and chunk[-1:] != " " and (
        _no_ascii_blanks(chunk) if chunk.isascii() else chunk.isprintable()
    ):
        return chunk
    return " ".join(chunk.split())


def _no_ascii_blanks(chunk: str) -> bool:
    """Whether an ASCII string has no whitespace but the space ("\\n" first: the only one usual in articles)."""
    for blank in _ASCII_BLANKS:
        if blank in chunk:
            return False
    return True


def _jurisdictions(mentions: list[PlaceMention], cues: dict[str, dict[str, list[TermHit]]]) -> list[JurisdictionMatch]:
    role_of = roles.assign(mentions, cues)
    matches: dict[int, JurisdictionMatch] = {}
    evidence_of: dict[int, list[Mention]] = {}
    for m in mentions:
        c = m.chosen
        if c is None:
            continue  # resolve() returns chosen mentions only
        evidence = evidence_of.get(c.id)
        if evidence is None:
            evidence = evidence_of[c.id] = []
            matches[c.id] = JurisdictionMatch(c.id, c.uid, c.name, c.kind, c.state, role_of[c.id], evidence)
        field = m.field
        evidence.append(_new_tuple(Mention, (field.name, m.start, m.end, field.text[m.start:m.end])))
    # Subjects first; within a role, in the order the article first names them (title before text).
    ordered = list(matches.values())
    ordered.sort(key=lambda j: 0 if j.role == roles.SUBJECT else 1)
    return ordered
