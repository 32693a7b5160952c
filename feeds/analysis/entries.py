"""What one automaton key stands for (``Entry``), and what the scan needs to know about it, decided once when
the index is built so that the per-hit work in ``matching`` and ``disambiguation`` is a few lookups."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from feeds.analysis.keys import automaton_key
from feeds.analysis.terms import ANY, Term

# --- What a key is, beyond its candidates (bit flags on Entry.flags) -------------------------------------------
COMMON: Final = 1  # an ordinary English word ("Mobile", "Justice")
PERSON: Final = 2  # as often a person ("Jackson", "Warren")
FOREIGN: Final = 4  # a much bigger place abroad has this name ("Paris", "Mexico")
FOREIGN_ONLY: Final = 8  # only a place abroad ("Dominican Republic"): blocks the US names inside it
MULTIWORD: Final = 16  # two words or more ("Santa Clara"): rarely a false friend
COUNTY_LIKE: Final = 32  # "... County", "... Parish": said on purpose, any size counts
REGION: Final = 64  # "Bay Area", "New England": a region, never a jurisdiction of its own
WASHINGTON: Final = 128  # "Washington": the federal government unless the text says otherwise
NEW_YORK: Final = 256  # "New York": the city or the state, by context
AGENCY_NAME: Final = 512  # also an agency ("White House", Tenn.): the place only with a state beside it
RISKY: Final = COMMON | PERSON | FOREIGN

# --- How a place name must be written to count (Entry.capital; see matching.scan) -------------------------
NOT_A_PLACE: Final = 0  # the key names nothing on the map
CAPITAL: Final = 1  # one word: it starts with a capital letter
ALL_CAPITALS: Final = 2  # three letters or fewer ("NYC", "DC", "L.A."): written entirely in capitals
EVERY_WORD: Final = 3  # several words: each starts with a capital, except small words ("District of Columbia")
THE_PREFIXED: Final = 4  # "the Bronx": the capital is on the second word

BLOCK_GROUP: Final = 0  # the group number of BLOCKING_PHRASES

# What the scan does with a hit of one term: (case rule, group number, term, suffix, contains); the two flags
# are filled in by finish_all.
PlanItem = tuple[int, int, Term, bool, bool]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A jurisdiction a key can mean, with what disambiguation needs, in memory."""

    id: int
    uid: str
    name: str
    kind: str
    state: str
    prominence: float  # population; states are infinite; counties sum their places
    state_level: bool


class Entry:
    """What one automaton key stands for."""

    __slots__ = ("length", "key", "candidates", "terms", "flags", "region_state", "letters", "plan", "capital",
                 "word_starts", "simple_plan", "is_state", "choice")

    def __init__(self, key: str) -> None:
        self.key = key
        self.length = len(key) + 2  # the automaton key has a space at each end
        self.letters = sum(c.isalpha() for c in key)
        self.candidates: tuple[Candidate, ...] = ()
        self.terms: tuple[Term, ...] = ()
        self.flags = 0
        self.region_state: str | None = None
        # Filled by finish(): what the scan does with a hit, precomputed so the hot loop only looks up.
        self.plan: tuple[PlanItem, ...] = ()  # (case, group, term, suffix, contains); see finish_all
        self.simple_plan: tuple[tuple[int, Term], ...] = ()  # (group number, term): append, no check
        self.capital = NOT_A_PLACE
        self.word_starts: tuple[int, ...] = ()
        self.is_state = False
        # choice.Profile, made on first use; typed loosely so this module need not import choice
        self.choice: object | None = None

    @property
    def is_place_like(self) -> bool:
        """Whether the key names something on the map (a jurisdiction, a region or a place abroad)."""
        return bool(self.candidates) or bool(self.flags & (REGION | FOREIGN_ONLY))

    def finish(self, group_ids: dict[object, int]) -> None:
        """Precompute the capital rule and the scan plan, (case rule, group number, term, ...) per term.
        Groups are categories, except role cues, grouped by cue kind ("sued" is both a target cue and an actor
        cue). ``finish_all`` completes the plan."""
        self.plan = tuple(
            (t.case, group_ids.setdefault(_group(t), len(group_ids)), t, False, False) for t in self.terms
        )
        self.is_state = bool(self.candidates) and self.candidates[0].state_level
        if not self.is_place_like:
            self.capital = NOT_A_PLACE
        elif self.key.startswith("the "):
            self.capital = THE_PREFIXED
        elif self.letters <= 3:
            self.capital = ALL_CAPITALS
        elif self.flags & MULTIWORD:
            self.capital = EVERY_WORD
            # Offsets (from the name's start) of the first letter of every word after the first: the only
            # places where a lower-case letter can mean "Oregon city council" rather than Oregon City.
            key = self.key
            self.word_starts = tuple(i for i in range(1, len(key)) if key[i - 1] == " " and key[i] != " ")
        else:
            self.capital = CAPITAL

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Entry({self.key!r}, {len(self.candidates)} candidates, {len(self.terms)} terms, flags={self.flags})"


def _group(term: Term) -> object:
    return (term.category, term.value) if term.category == "role" else term.category


def finish_all(entries: Iterable[Entry]) -> list:
    """Finish every entry; returns the groups by number (a category, or ("role", cue kind)).

    Within a group a phrase inside a longer one is counted once (see ``matching.scan``), which takes two
    checks per hit; each is needed only for some keys, marked per plan item:
      - ``suffix``: the key ends another key of its group ("enforcement" in "immigration enforcement"), or has
        two meanings in it: the longer hit, ending at the same place, arrives first and hides this one;
      - ``contains``: another key of its group ends inside this one before its end ("sanctuary" in
        "sanctuary city"): that shorter hit arrived first and this one replaces it.
    A term with neither, in any case, goes to ``simple_plan``: its hits are only appended."""
    entries = list(entries)
    group_ids: dict[object, int] = {"block": BLOCK_GROUP}
    for e in entries:
        e.finish(group_ids)
    keys_by_group: dict[int, list[str]] = {}
    for e in entries:
        for _case, group, _term, _suffix, _contains in e.plan:
            keys_by_group.setdefault(group, []).append(automaton_key(e.key))
    suffix: set[tuple[int, str]] = set()
    contains: set[tuple[int, str]] = set()
    for group, keys in keys_by_group.items():
        unique = sorted(set(keys), key=len)
        if len(unique) < len(keys):  # a key with two meanings in one group: the second is dropped as nested
            suffix.update((group, k) for k in keys if keys.count(k) > 1)
        for i, inner in enumerate(unique):
            for outer in unique[i + 1:]:
                # Both are padded with spaces, so these are whole words.
                if outer.endswith(inner):
                    suffix.add((group, inner))
                position = outer.find(inner)
                if position >= 0 and position + len(inner) < len(outer):
                    contains.add((group, outer))
    for e in entries:
        if e.plan:
            padded = automaton_key(e.key)
            plan = [(case, group, term, (group, padded) in suffix, (group, padded) in contains)
                    for case, group, term, _suffix, _contains in e.plan]
            e.simple_plan = tuple((group, term) for case, group, term, ends, has in plan
                                  if case == ANY and not ends and not has and group != BLOCK_GROUP)
            e.plan = tuple(item for item in plan
                           if not (item[0] == ANY and not item[3] and not item[4] and item[1] != BLOCK_GROUP))
    return [g for g, _ in sorted(group_ids.items(), key=lambda kv: kv[1])]
