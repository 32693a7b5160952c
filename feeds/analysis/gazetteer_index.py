"""The gazetteer as one Aho-Corasick automaton: every name and alias of every jurisdiction, plus the
feature modules' vocabulary, each key mapped to everything it can mean.

Built once per process, lazily, from the Jurisdiction rows (about 20,000 names); after that an article costs
one scan of its lower-cased text and no database query. ``reset()`` drops the cached index (tests, and after
``load_jurisdictions`` changed the rows); ``refresh_if_changed()`` does it only when the table changed.
"""
from __future__ import annotations

import gc
import math
import threading
from collections import defaultdict
from collections.abc import Iterable

import ahocorasick

from feeds.analysis import agencies, dates, kinds, relevance, roles
from feeds.analysis.common_words import common_words
from feeds.analysis.entries import (
    AGENCY_NAME,
    COMMON,
    COUNTY_LIKE,
    FOREIGN,
    FOREIGN_ONLY,
    MULTIWORD,
    NEW_YORK,
    PERSON,
    REGION,
    WASHINGTON,
    Candidate,
    Entry,
    finish_all,
)
from feeds.analysis.foreign import ForeignPlaces
from feeds.analysis.keys import automaton_key, key_variants, scan_text
from feeds.analysis.lexicon import BLOCKING_PHRASES, EXTRA_ALIASES, PERSON_NAMES, REGIONS
from feeds.analysis.states import StateLookup
from feeds.analysis.terms import Term

# GeoNames lists campuses and airports as places ("Tufts University", Mass.); in news they are institutions.
_INSTITUTION_SUFFIXES = (" university", " college", " airport", " air force base", " naval air station")
_COUNTY_SUFFIXES = (" county", " parish", " borough", " census area", " city and borough", " municipality")
# A foreign name marks a US name as risky when the foreign place is this many times bigger.
FOREIGN_DOMINANCE = 2.0


class GazetteerIndex:
    """The automaton and the in-memory facts the analyser needs about jurisdictions."""

    def __init__(self, automaton: ahocorasick.Automaton, states: dict[str, Candidate], signature: tuple,
                 state_lookup: StateLookup, new_york_city: Candidate | None, keys: int, groups: list) -> None:
        self.automaton = automaton
        self.groups = groups  # group number -> group (a category, or ("role", cue kind))
        self.group_number = {g: i for i, g in enumerate(groups)}
        self.states = states  # USPS code -> the state-level jurisdiction
        self.signature = signature
        self.state_lookup = state_lookup
        self.new_york_city = new_york_city
        self.keys = keys

    def bare_scan(self, text: str) -> int:
        """The baseline the analyser's speed is measured against: fold the text the way the automaton
        needs it (lower case, separators as spaces) and run the automaton over it, doing nothing with the
        hits. Returns the number of hits."""
        count = 0
        for _ in self.automaton.iter(scan_text(text)):
            count += 1
        return count


_lock = threading.Lock()
_index: GazetteerIndex | None = None
_frozen = False


def get_index() -> GazetteerIndex:
    """The process's index, built on first use."""
    global _index
    index = _index
    if index is None:
        with _lock:
            if _index is None:
                _index = build_index()
                _freeze_once()
            index = _index
    return index


def _freeze_once() -> None:
    """Take what lives now (the index's ~150,000 objects, and the loaded program) out of the garbage
    collector's sight, once per process. They live as long as the process, yet every full collection walked
    them all again: an ingest of 1,000 articles, which allocates enough to trigger several, spent 8 % of its
    time there (bench/ingestion.py). Collected first, so no garbage is kept for good; a rebuilt index (after
    a gazetteer reload) is not frozen again, and stays collectable."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()


def reset() -> None:
    """Forget the index; the next analysis builds it again from the database."""
    global _index
    with _lock:
        _index = None


def refresh_if_changed() -> bool:
    """Rebuild on next use if the Jurisdiction table changed since the index was built (one query).
    Returns whether it was reset."""
    if _index is not None and _index.signature != _table_signature():
        reset()
        return True
    return False


def _table_signature() -> tuple:
    """(rows, newest change, highest id) of the Jurisdiction table: any load, edit or deletion changes it.
    Three subqueries, each answered from an index (the count from the smallest one), where one aggregate
    over the table read all 20,000 rows, ~9 ms before every fetch."""
    from django.db import connections, router

    from jurisdictions.models import Jurisdiction

    connection = connections[router.db_for_read(Jurisdiction)]
    quote = connection.ops.quote_name
    meta = Jurisdiction._meta
    table, updated, pk = quote(meta.db_table), quote(meta.get_field("updated").column), quote(meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT (SELECT COUNT(*) FROM {table}), (SELECT MAX({updated}) FROM {table}), "
                       f"(SELECT MAX({pk}) FROM {table})")
        return tuple(cursor.fetchone())


def _county_totals() -> dict[int, int]:
    """A county's weight: the population of the places inside it (its children and grandchildren), not its
    own Census population (loaded since; not used here yet): that is what choosing between 24 Jefferson
    Counties was tuned on. Two sums in the database, one per level."""
    from django.db.models import Sum

    from jurisdictions.choices import JurisdictionKind
    from jurisdictions.models import Jurisdiction

    places = Jurisdiction.objects.filter(kind=JurisdictionKind.PLACE)
    totals: dict[int, int] = defaultdict(int)
    for county in ("parent", "parent__parent"):
        by_county = (places.filter(**{f"{county}__kind": JurisdictionKind.COUNTY}).order_by()
                     .values_list(f"{county}_id").annotate(total=Sum("population")))
        for county_id, total in by_county:
            totals[county_id] += total or 0
    return totals


def vocabulary() -> Iterable[tuple[str, Term]]:
    """Every feature module's phrases."""
    for module in (relevance, agencies, kinds, dates, roles):
        yield from module.TERMS
    for phrase in BLOCKING_PHRASES:
        yield phrase, Term("block", None)


def build_index() -> GazetteerIndex:
    """Read every jurisdiction once and build the automaton."""
    foreign = ForeignPlaces()  # read in a child process, beside the reads below
    try:
        return _build(foreign)
    finally:
        foreign.close()


def _build(foreign: ForeignPlaces) -> GazetteerIndex:
    from jurisdictions.choices import STATE_LEVEL_KINDS, JurisdictionKind
    from jurisdictions.models import Jurisdiction

    signature = _table_signature()
    county_total = _county_totals()
    # Read in chunks (a server-side cursor on PostgreSQL): all 20,000 rows at once, as libpq returns them and
    # as tuples, were 18 MB that lived only for this loop, yet left 5 MB of the index's memory pinned among
    # their freed pages.
    rows = Jurisdiction.objects.values_list("id", "uid", "name", "kind", "state", "population", "aliases").iterator(
        chunk_size=2000)
    entries: dict[str, Entry] = {}

    def entry(key: str) -> Entry:
        found = entries.get(key)
        if found is None:
            found = entries[key] = Entry(key)
        return found

    states: dict[str, Candidate] = {}
    state_names: list[tuple[str, str]] = []
    new_york_city = None
    by_key: dict[str, dict[int, Candidate]] = defaultdict(dict)
    # A kind and a state are a handful of values, but each row brings its own copy of the text: 41,000
    # strings (2 MB) the index would keep, where one of each does.
    same: dict[str, str] = {}
    for jid, uid, name, kind, state, pop, aliases in rows:
        kind, state = same.setdefault(kind, kind), same.setdefault(state, state)
        state_level = kind in STATE_LEVEL_KINDS
        if state_level:
            prominence = math.inf
        elif kind == JurisdictionKind.COUNTY:
            prominence = float(county_total.get(jid, 0))
        else:
            prominence = float(pop or 0)
        candidate = Candidate(jid, uid, name, kind, state, prominence, state_level)
        if state_level:
            states[state] = candidate
            state_names.append((name, state))
        if uid == "geonames:5128581":
            new_york_city = candidate
        for spelling in (name, *(aliases or ()), *EXTRA_ALIASES.get(uid, ())):
            if spelling.lower().endswith(_INSTITUTION_SUFFIXES):
                continue
            for key in key_variants(spelling):
                by_key[key][jid] = candidate

    common = common_words()
    for key, found in by_key.items():
        e = entry(key)
        e.candidates = tuple(sorted(found.values(), key=lambda c: (-c.prominence, c.uid)))
        if " " in key or "-" in key:
            e.flags |= MULTIWORD
        else:
            if key in common:
                e.flags |= COMMON
            if key in PERSON_NAMES:
                e.flags |= PERSON
        if key.endswith(_COUNTY_SUFFIXES):
            e.flags |= COUNTY_LIKE
    entry("washington").flags |= WASHINGTON
    entry("new york").flags |= NEW_YORK

    for phrase, state in REGIONS.items():
        for key in key_variants(phrase):
            e = entry(key)
            e.flags |= REGION
            e.region_state = state

    _add_foreign_names(entries, entry, foreign.result())

    for phrase, term in vocabulary():
        for key in key_variants(phrase):
            e = entry(key)
            if term not in e.terms:
                e.terms = (*e.terms, term)
            if term.category == "agency" and e.candidates:
                e.flags |= AGENCY_NAME

    groups = finish_all(entries.values())
    automaton = ahocorasick.Automaton()
    for key, e in entries.items():
        automaton.add_word(automaton_key(key), e)
    automaton.make_automaton()
    return GazetteerIndex(automaton, states, signature, StateLookup(state_names), new_york_city, len(entries), groups)


def _add_foreign_names(entries: dict[str, Entry], entry, foreign: dict[str, int]) -> None:
    """Countries and big foreign cities: mark US names they dwarf (Paris, Tex.) and block the US names
    inside longer foreign ones ("Republic" in "Dominican Republic", "Mexico" in "Mexico City")."""
    for key, pop in foreign.items():
        existing = entries.get(key)
        if existing is not None and existing.candidates:
            if any(c.state_level for c in existing.candidates):
                continue  # Georgia is the state in US news
            if pop > FOREIGN_DOMINANCE * existing.candidates[0].prominence:
                existing.flags |= FOREIGN
        elif " " in key or "-" in key:
            entry(key).flags |= FOREIGN_ONLY
