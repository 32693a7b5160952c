"""One scan of a field: automaton hits filtered to whole words, place names resolved to the longest
match, and vocabulary hits sorted by group.

This loop runs once per automaton hit, so everything it could decide per key was decided when the index was
built (``entries.Entry.finish``): the capital rule of a name, and per term its group and whether it can nest.
"""
from __future__ import annotations

from typing import Any, Final

from feeds.analysis.chars import all_upper, lower_at, upper_at
from feeds.analysis.entries import ALL_CAPITALS, BLOCK_GROUP, CAPITAL, EVERY_WORD, MULTIWORD, Entry
from feeds.analysis.gazetteer_index import GazetteerIndex
from feeds.analysis.terms import UPPER, TermHit
from feeds.analysis.text import FieldText

ROLE: Final = "role"
BLOCK: Final = "block"  # the category of BLOCKING_PHRASES: read by nobody, they only hide the names inside them

# Words names keep in lower case ("District of Columbia", "Coeur d'Alene", "Port de Paix").
_SMALL_WORDS: Final = frozenset({"of", "the", "and", "de", "del", "la", "le", "du", "d'", "on", "upon", "in", "at"})

PlaceHit = tuple[int, int, Entry]


def scan(index: GazetteerIndex, field: FieldText) -> tuple[list[PlaceHit], list[list[TermHit]]]:
    """Place hits (longest, non-overlapping, capitalised) and term hits by group number (role cues are
    grouped by cue kind), in reading order; within a group a phrase inside a longer one is not counted again."""
    text = field.text
    places: list[PlaceHit] = []
    overlapping = False  # whether two place hits overlap ("Washington" in "Washington County")
    place_end = -1
    buckets: list[list[TermHit]] = [[] for _group in index.groups]
    blockers: list[tuple[int, int]] = []
    # Declared so that the compiled scan (feeds/analysis/native.py) reads each hit as a pair of an int and an
    # Entry, not as an object of unknown type to iterate: the automaton's hits are not typed.
    hit: tuple[int, Entry]
    for hit in index.automaton.iter(field.scanned):
        last, entry = hit
        # ``last`` is the key's closing space: scanned offset ``last`` is text offset ``last - 1``, the
        # character after the word; the key's opening space sits before the word at text offset start - 1.
        start = last - entry.length + 1
        last -= 1
        # The offsets as Python ints, made once per hit: compiled, every tuple below would box them again.
        start_object: Any = start
        last_object: Any = last
        simple_plan = entry.simple_plan
        if simple_plan:
            for group, term in simple_plan:
                buckets[group].append((start_object, last_object, entry.key, term))
        plan = entry.plan
        if plan:
            for case, group, term, suffix, contains in plan:
                if case:
                    if case == UPPER:
                        if not all_upper(text, start, last):
                            continue
                    elif not upper_at(text, start):  # CAPITAL
                        continue
                if group == BLOCK_GROUP:
                    blockers.append((start, last))
                    continue
                hits = buckets[group]
                # Hits arrive by end offset, the longest first among those ending together.
                if suffix and hits and hits[-1][1] == last and hits[-1][0] <= start:
                    continue  # "enforcement" inside "immigration enforcement"
                if contains:
                    while hits and hits[-1][0] >= start:
                        hits.pop()  # "sanctuary" inside "sanctuary city", seen before the longer phrase ended
                hits.append((start_object, last_object, entry.key, term))
        capital = entry.capital
        if capital:
            if capital == CAPITAL:
                if not upper_at(text, start):
                    continue
            elif capital == EVERY_WORD:
                if not upper_at(text, start) or not _every_word_capitalised(text, start, last, entry):
                    continue
            elif capital == ALL_CAPITALS:
                if not upper_at(text, start) or not _capitalised(text, start, last, entry):
                    continue
            elif not _capitalised(text, start, last, entry):  # THE_PREFIXED
                continue
            if start < place_end:
                overlapping = True
            place_end = last
            places.append((start_object, last_object, entry))
    if blockers:
        places = _unblocked(places, blockers)
    if overlapping:
        places = _longest_places(places)
    return places, buckets


def _every_word_capitalised(text: str, start: int, end: int, entry: Entry) -> bool:
    """``_capitalised`` for a multi-word name whose first letter is a capital, without splitting the name
    into words when no word starts in lower case (the usual "Santa Clara County")."""
    for offset in entry.word_starts:
        if lower_at(text, start + offset):
            return _capitalised(text, start, end, entry)  # "Oregon city", or a small word ("District of")
    return True


def _capitalised(text: str, start: int, end: int, entry: Entry) -> bool:
    """Names are written with a capital; short ones ("NYC", "DC", "L.A.") entirely in capitals."""
    if entry.letters <= 3:
        written = text[start:end]
        return written.upper() == written
    if entry.key.startswith("the ") and text[start] in "tT":
        start += 4
    if not upper_at(text, start):
        return False
    if entry.flags & MULTIWORD:
        # Every word of a multi-word name is capitalised: "Oregon city council" is not Oregon City.
        for word in text[start:end].replace("-", " ").split(" ")[1:]:
            if word and word[0].islower() and word not in _SMALL_WORDS:
                return False
    return True


def _unblocked(places: list[PlaceHit], blockers: list[tuple[int, int]]) -> list[PlaceHit]:
    """The names that do not lie inside a longer phrase that is not a place ("Justice" in "Justice
    Department")."""
    kept = []
    for hit in places:
        start, end = hit[0], hit[1]
        for b_start, b_end in blockers:
            if b_start <= start and b_end >= end and b_end - b_start > end - start:
                break
        else:
            kept.append(hit)
    return kept


def _longest_places(found: list[PlaceHit]) -> list[PlaceHit]:
    """The longest of overlapping names, reading from the left: the earliest name, the longest of those starting
    there, then the next that starts after it ends, and so on ("Washington County", not "Washington").

    ``found`` is in the automaton's order, by end offset, so this needs no sort: a name either takes the place
    of the kept names that start at or after its start (all inside it), or, if it overlaps the kept name before
    those, is dropped and they stay."""
    kept: list[PlaceHit] = []
    for hit in found:
        start = hit[0]
        k = len(kept)
        while k and kept[k - 1][0] >= start:
            k -= 1
        if k == 0 or start >= kept[k - 1][1]:
            if k < len(kept):
                del kept[k:]  # (a slice deletion is a generic call when compiled: only when there is one)
            kept.append(hit)
    return kept
