"""Which jurisdiction an open place name means, given the states the article names (the per-article rule of
``disambiguation``): the candidate in a named state, else the most prominent candidate if it clearly dominates
and is big enough for the kind of name.

What depends only on the name (its population floors, whether its top candidate dominates, the first
candidate in each state) is worked out once per key, on first use, and kept on its ``Entry``.
"""
from __future__ import annotations

from typing import Final, cast

from feeds.analysis.entries import COUNTY_LIKE, FOREIGN, MULTIWORD, RISKY, Candidate, Entry
from feeds.analysis.mentions import PlaceMention


# --- Thresholds (population; counties count the places inside them) -------------------------------------------
AMBIGUITY_RATIO: Final = 2.0  # the biggest candidate must be this many times the next to win on size alone
MIN_POPULATION: Final = 20_000  # a one-word name with no state in sight
MIN_POPULATION_MULTIWORD: Final = 5_000  # "Santa Clara", "Des Moines"
MIN_POPULATION_IN_NAMED_STATE: Final = 2_000  # the article names the candidate's state
MIN_POPULATION_IN_NAMED_STATE_MULTIWORD: Final = 1_000
RISKY_MIN_IN_NAMED_STATE: Final = 10_000  # "Mobile" in an article that names Alabama
RISKY_MIN_AFTER_PREPOSITION: Final = 100_000  # "in Phoenix"
RISKY_MIN_ANYWHERE: Final = 500_000  # "Queens", "Phoenix" written mid-sentence
# A candidate in a state the article names loses to one this many times bigger elsewhere ("Denver" in an
# article that also names Philadelphia is still Denver, Colo., not Denver, Pa.).
DWARF_RATIO: Final = 25.0


class Profile:
    """What choosing needs to know about one key, whatever the article."""

    __slots__ = ("floor_named", "floor_bare", "risky", "unambiguous", "first_in_state", "states")

    def __init__(self, entry: Entry) -> None:
        flags = entry.flags
        candidates = entry.candidates
        self.risky = bool(flags & RISKY)
        if flags & COUNTY_LIKE:
            self.floor_named, self.floor_bare = 0.0, 0.0
        elif flags & MULTIWORD:
            self.floor_named, self.floor_bare = float(MIN_POPULATION_IN_NAMED_STATE_MULTIWORD), float(MIN_POPULATION_MULTIWORD)
        else:
            self.floor_named, self.floor_bare = float(MIN_POPULATION_IN_NAMED_STATE), float(MIN_POPULATION)
        if self.risky:
            self.floor_named = max(self.floor_named, float(RISKY_MIN_IN_NAMED_STATE))
        self.unambiguous = _unambiguous(candidates)
        # State -> position of its first (most prominent) candidate that is not the state itself: with 24
        # Jefferson Counties, the article's few states are looked up instead of every candidate tested.
        self.first_in_state: dict[str, int] = {}
        for i, c in enumerate(candidates):
            if not c.state_level:
                self.first_in_state.setdefault(c.state, i)
        self.states = frozenset(c.state for c in candidates)  # every state the choice can depend on


def profile(entry: Entry) -> Profile:
    found = entry.choice
    if found is None:  # made for the names articles use, not for all 20,000 keys up front
        made = Profile(entry)
        entry.choice = made
        return made
    return cast(Profile, found)


def _unambiguous(candidates: tuple[Candidate, ...]) -> bool:
    if len(candidates) == 1:
        return True
    top, second = candidates[0].prominence, candidates[1].prominence
    return top > 0 and top >= AMBIGUITY_RATIO * second


def choose(m: PlaceMention, evidence: set[str] | frozenset[str]) -> Candidate | None:
    """The candidate ``m`` means when the article names the states in ``evidence``, or None.

    Reads ``evidence`` only through the candidates' states (``profile(m.entry).states``)."""
    entry = m.entry
    candidates = entry.candidates
    if m.context_state is not None:
        for c in candidates:
            if c.state == m.context_state and not c.state_level:
                return c
        return None
    cached = entry.choice
    p = cast(Profile, cached) if cached is not None else profile(entry)
    if evidence:
        # The first candidate in a named state, found from whichever side is shorter.
        found = None
        if len(candidates) <= len(evidence):
            for c in candidates:
                if c.state in evidence and not c.state_level:
                    found = c
                    break
        else:
            first = p.first_in_state
            best = len(candidates)
            for state in evidence:
                i = first.get(state, best)
                if i < best:
                    best = i
            if best < len(candidates):
                found = candidates[best]
        if found is not None:
            top = candidates[0]
            if found.prominence >= p.floor_named and (
                top.state in evidence or top.prominence < DWARF_RATIO * max(found.prominence, 1.0)
            ):
                return found
    if not p.unambiguous:
        return None
    top = candidates[0]
    if p.risky:
        if entry.flags & FOREIGN or m.weak:
            return None
        if top.prominence >= RISKY_MIN_ANYWHERE:
            return top
        if m.locative and top.prominence >= RISKY_MIN_AFTER_PREPOSITION:
            return top
        return None
    return top if top.prominence >= p.floor_bare else None
