"""Vocabulary shared by the feature modules: a phrase the automaton finds, and what it means.

Relevance keywords, agency names, kind cues, role cues and date words are looked up in the same
Aho-Corasick automaton as the gazetteer's names, so one scan of the text finds everything; each feature
module declares its phrases here as ``Term`` objects and reads back only its own category.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Final

# How a phrase must be written in the original text for a hit to count.
ANY: Final = 0  # any case: "deportation", "Deportation", "DEPORTATION"
CAPITAL: Final = 1  # first letter upper case: month and weekday names ("May", not the verb "may")
UPPER: Final = 2  # every letter upper case: acronyms ("ICE", not "ice")


@dataclass(frozen=True, slots=True)
class Term:
    """One meaning of a phrase: its category (the module that reads it), a value and a weight."""

    category: str
    value: Any  # a kind name, an agency, a (date kind, number) pair
    weight: float = 1.0
    case: int = ANY


# A hit of a phrase in one field: start and end offsets, the phrase's automaton key, its meaning.
TermHit = tuple[int, int, str, Term]


def first_at_or_after_near(values: list[int], position: int, hint: int) -> int:
    """The index of the first of the sorted ``values`` at or after ``position`` (``bisect_left``), given
    ``hint``, the answer to an earlier query for a nearby position: the rules ask in reading order, so the answer
    is usually ``hint`` or a step or two after it. A few steps forward from there, else a bisection (compiled
    with the rest: the library's takes a generic call and a generic comparison per step) of the side the answer
    is on."""
    n = len(values)
    lo = hint if hint < n else n
    if lo > 0 and values[lo - 1] >= position:
        hi = lo  # behind the hint
        lo = 0
    else:
        stop = lo + 4 if lo + 4 < n else n
        while lo < stop:
            if values[lo] >= position:
                return lo
            lo += 1
        hi = n
    while lo < hi:
        mid = (lo + hi) // 2
        if values[mid] < position:
            lo = mid + 1
        else:
            hi = mid
    return lo


def first_hit_from(hits: list[TermHit], position: int) -> int:
    """The index of the first of ``hits`` (sorted by start) starting at or after ``position``."""
    lo, hi = 0, len(hits)
    while lo < hi:
        mid = (lo + hi) // 2
        if hits[mid][0] < position:
            lo = mid + 1
        else:
            hi = mid
    return lo


def case_ok(term: Term, original: str) -> bool:
    """Whether the text as written satisfies the term's case rule."""
    if term.case == ANY:
        return True
    if term.case == CAPITAL:
        return original[:1].isupper()
    return original.isupper()


def phrases(category: str, words: Iterable[str], value: object = None, weight: float = 1.0, case: int = ANY
            ) -> Iterator[tuple[str, Term]]:
    """(phrase, Term) pairs for several phrases that share one meaning."""
    for word in words:
        yield word, Term(category, word if value is None else value, weight, case)
