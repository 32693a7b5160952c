"""From place-name hits to jurisdictions: which hits name a jurisdiction at all, and which one.

Per hit, in this order (each rule says why a hit is dropped or pinned):
  - court names: "Northern District of Illinois", "D.C. Circuit" name a court's territory, not a party;
  - state context: "Rochester, N.Y." / "Portland, Ore." pins the state (the state itself is not a mention);
  - organisations: "Washington Post", "Chicago Tribune", "San Francisco 49ers", "University of California";
  - people: a title or a first name before ("Sen. Warren", "Andrew Jackson", "Hurricane Florence"); a name
    used for a person once is a person throughout the article ("Jackson said");
  - "Washington" is the federal government unless the text says the state ("Washington state", "Washington
    Gov."); "Washington, D.C." and "D.C." are the District of Columbia;
  - "New York" is the state when the text says so ("New York state", "upstate New York", "New York Gov."),
    the city when it says so ("New York City", "New York police"), else whichever the article names
    explicitly, else the city;
  - regions: "Bay Area" -> California, "New England" -> nothing.
Then, per article, an ambiguous or risky name takes (a) the candidate in a state the article names
(explicitly, or as the state of an unambiguous place), else (b) the most prominent candidate if it clearly
dominates and is big enough for the kind of name: common words ("Mobile"), person-like names ("Lincoln")
and names of bigger foreign places ("Paris") need a state, or a very big city written mid-sentence.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from feeds.analysis.chars import all_upper, is_alpha, is_ascii_alpha, upper_at
from feeds.analysis.choice import choose, profile
from feeds.analysis.entries import (
    AGENCY_NAME,
    COUNTY_LIKE,
    FOREIGN_ONLY,
    NEW_YORK,
    PERSON,
    REGION,
    RISKY,
    WASHINGTON,
    Candidate,
    Entry,
)
from feeds.analysis.gazetteer_index import GazetteerIndex
from feeds.analysis.lexicon import (
    DIRECTIONS,
    FUNCTION_WORDS,
    GOV_WORDS,
    LOCATIVES,
    ORG_OF_WORDS,
    ORG_PAIRS,
    ORG_WORDS,
    TITLES,
)
from feeds.analysis.matching import PlaceHit
from feeds.analysis.mentions import PlaceMention
from feeds.analysis.text import FieldText

_COURT_BEFORE: Final = re.compile(
    r"(?:\bDistrict[ \t]+(?:Court[ \t]+)?(?:of|for)[ \t]+(?:the[ \t]+)?|"
    r"\b(?:Court|Attorney|Attorney's[ \t]+Office|Circuit|Division)[ \t]+(?:for|of)[ \t]+the[ \t]+)$"
)
# A word _COURT_BEFORE cannot match without (a quick test before the search).
_COURT_BEFORE_WORDS: Final = ("District", "Court", "Attorney", "Circuit", "Division")
_ORG_OF_WORDS: Final = tuple(sorted(ORG_OF_WORDS))  # the same test for _ORG_OF_BEFORE, read in a fixed order
_STATE_COURT_AFTER: Final = re.compile(
    r"(?:'s|\u2019s)?[ \t]+(?:(?:Supreme|Superior|Appellate|Appeals|Circuit|District|Municipal|Immigration|"
    r"Family|Criminal|Civil|Federal)[ \t]+)?[Cc]ourt\b"
)
_ORG_OF_BEFORE: Final = re.compile(r"\b(?:%s)[ \t]+of[ \t]+(?:the[ \t]+)?$" % "|".join(re.escape(w) for w in ORG_OF_WORDS))
_STATE_OF_BEFORE: Final = re.compile(r"\b[Ss]tate[ \t]+of[ \t]+$")
_PERSON_AFTER: Final = re.compile(r"[ \t]+(?:said|says|told|added|wrote|argued|asked)\b|,[ \t]+\d{1,3},")
_STATE_GOVERNMENT: Final = frozenset(
    {"gov.", "governor", "legislature", "lawmakers", "legislators", "assembly", "senate", "state", "attorney",
     "comptroller", "lt.", "lieutenant"}
)
_CITY_GOVERNMENT: Final = frozenset({"mayor", "police", "nypd", "council", "councilmember", "comptroller's", "subway"})
_COLLEGE: Final = frozenset({"University", "College", "Cougars", "Buckeyes", "Spartans", "Seminoles", "Sun", "Wildcats"})


# The court and organisation patterns before a name end with one of these words; others need no regex.
_COURT_OR_ORG_LAST: Final = frozenset({"of", "for", "the"})
# First words of _STATE_COURT_AFTER: a state court follows only if the next word is "Court" or one of these.
_COURT_WORDS: Final = frozenset({"Supreme", "Superior", "Appellate", "Appeals", "Circuit", "District", "Municipal",
                          "Immigration", "Family", "Criminal", "Civil", "Federal"})
_ORG_PAIR_FIRST: Final = frozenset(first for first, _second in ORG_PAIRS)
_POSSESSIVES: Final = ("'s", "\u2019s")
_COURT: Final = ("Court", "court")
# A word after a name that any rule about the words after it reads (with hyphenated words and "Court...").
_SPECIAL_NEXT: Final = ORG_WORDS | _ORG_PAIR_FIRST | _COURT_WORDS | {"State", "Circuit"}
# Names whose flags a rule reads even without a word before them (see _not_the_place).
_NAMED_FOR_SOMETHING_ELSE: Final = PERSON | RISKY | AGENCY_NAME
# Names whose mention needs more than the usual reading (see _finish); states too.
_NEEDS_MORE: Final = RISKY | WASHINGTON | NEW_YORK


class ArticlePlaces:
    """Collects the mentions of every field, then resolves them together."""

    def __init__(self, index: GazetteerIndex) -> None:
        self.index = index
        self.mentions: list[PlaceMention] = []
        self._county_lists = False  # whether the field being read says "counties" or "parishes" at all
        self.person_keys: set[str] = set()
        self._state_context = index.state_lookup.pattern.match
        self._state_code = index.state_lookup.by_text.get

    # --- per hit ------------------------------------------------------------------------------------------------
    def add_field(self, field: FieldText, hits: Iterable[PlaceHit]) -> None:
        skip_until = -1
        mentions = self.mentions
        text = field.text
        self._county_lists = "ounties" in text or "arishes" in text
        for start, end, entry in hits:
            if start < skip_until:
                continue  # the state of "Rochester, New York"
            mention = self._read(field, start, end, entry)  # a direct call when compiled (a bound method is not)
            if mention is not None:
                mentions.append(mention)
                skip_until = mention.context_end

    def _read(self, field: FieldText, start: int, end: int, entry: Entry) -> PlaceMention | None:
        # Runs once per capitalised place name, so the usual case ("in Chicago said": an ordinary name between
        # plain words) takes few steps: plain string tests first, every regex guarded by a test of the
        # characters it must start with, and the rules for rare names and rare neighbours in helpers.
        flags = entry.flags
        if flags & FOREIGN_ONLY:
            return None
        text = field.text
        if self._county_lists and not entry.is_state:
            county = self._county_of_list(text, end, entry)
            if county is not None:
                entry = county  # "McHenry, Kankakee and Pulaski counties": the counties, not the towns
                flags = entry.flags
        # The word before: usually letters between two spaces (see FieldText.previous_word).
        prev = None
        if start > 1 and text[start - 1] == " ":
            space = text.rfind(" ", 0 if start <= 41 else start - 41, start - 1)
            if space > 0 and (start <= 40 or space > start - 40):
                prev = text[space + 1 : start - 1]
                if not is_alpha(prev) or text[space - 1].isspace():
                    prev = field.previous_word(start)
            else:
                prev = field.previous_word(start)
        elif start:
            prev = field.previous_word(start)
        # Whether the capital letter proves anything; only risky names ask.
        weak = field.weak_capital(start) if flags & RISKY else False
        if flags & REGION and not entry.candidates:
            return self._region(field, start, end, entry, prev, weak)
        if prev in _COURT_OR_ORG_LAST and _court_or_organisation_before(text, start):
            return None
        context_state = None
        context_end = end
        after = text[end : end + 1]
        if (after == "," or after == "(" or ((after == " " or after == "\t") and text[end + 1 : end + 2] in " \t(")) and (
            not entry.is_state or flags & WASHINGTON
        ):
            # ", N.Y." / " (Ore.)": a comma, or an opening bracket after blanks.
            context = self._state_context(text, end)
            if context:
                context_state = self._state_code(context.group("state"))
                if context_state:
                    context_end = context.end()
                    after = ""  # the state context ends the name: no word right after it
        # The word after: usually letters between two spaces (see FieldText.next_word). The second word is read
        # only by the rare rules that need it.
        n1 = None
        n1_end = -1
        if after == " " and is_alpha(text[end + 1 : end + 2]):
            space = text.find(" ", end + 2, end + 40)
            n1 = text[end + 1 : space] if space > 0 else ""
            if is_ascii_alpha(n1):
                n1_end = space
            else:
                n1, n1_end = field.next_word(end)
        elif after != "," and after != ".":
            n1, n1_end = field.next_word(context_end)
        court = False
        if n1 is not None and (n1 in _SPECIAL_NEXT or "-" in n1 or n1.startswith(_COURT)):
            if n1 == "Circuit":
                return None  # "D.C. Circuit", a federal appeals court
            if _organisation_after(field, n1, n1_end, flags):
                return None  # "Washington Post", "Ohio State", "Chicago Public Media", "Sun-Times"
            # "the California Supreme Court": a court's ruling, not the state's act
            court = (n1 in _COURT_WORDS or n1.startswith(_COURT)) and _STATE_COURT_AFTER.match(
                text, context_end) is not None
        if context_state is None and (prev is not None or flags & _NAMED_FOR_SOMETHING_ELSE) and self._not_the_place(
            field, start, end, entry, prev, weak, n1
        ):
            return None
        mention = PlaceMention(field, start, end, entry, prev, weak, context_state, context_end, n1)
        if court:
            mention.no_subject = True
        if flags & _NEEDS_MORE or entry.is_state:
            return self._finish(mention, prev, n1, n1_end)
        return mention

    def _county_of_list(self, text: str, end: int, entry: Entry) -> Entry | None:
        """The county entry for a name in a list that ends with "counties" or "parishes", if there is one."""
        if text.find("ounties", end, end + 90) < 0 and text.find("arishes", end, end + 90) < 0:
            return None
        m = _COUNTY_LIST_AFTER.match(text, end)
        if m is None:
            return None
        word = "parish" if m.group(1).lower() == "parishes" else "county"
        found = self.index.automaton.get(f" {entry.key} {word} ", None)
        return found if isinstance(found, Entry) and found.candidates else None

    def _region(self, field: FieldText, start: int, end: int, entry: Entry, prev: str | None, weak: bool
                ) -> PlaceMention | None:
        """A region that is not a jurisdiction: "Bay Area" -> California, "New England" -> nothing."""
        if entry.region_state is None:
            return None
        forced = self.index.states.get(entry.region_state)
        if forced is None:
            return None
        mention = PlaceMention(field, start, end, entry, prev, weak, None, end, None)
        mention.forced = forced
        mention.region_derived = True
        return mention

    def _not_the_place(self, field: FieldText, start: int, end: int, entry: Entry, prev: str | None, weak: bool,
                       n1: str | None) -> bool:
        """Whether a name with no state beside it names a person, a holiday, a company or an agency instead."""
        flags = entry.flags
        if prev is not None:
            if prev in TITLES:
                self.person_keys.add(entry.key)
                return True
            if (upper_at(prev, 0) and not field.title_case and prev not in FUNCTION_WORDS
                    and not flags & COUNTY_LIKE and not all_upper(prev, 0, len(prev)) and not prev.endswith(_POSSESSIVES)
                    and not field.starts_sentence(start)):
                # "Andrew Jackson", "Rahm Emanuel": part of a longer proper name, usually a person's.
                if not (entry.is_state and prev in DIRECTIONS):
                    self.person_keys.add(entry.key)
                    return True
        text = field.text
        if flags & PERSON and text[end : end + 1] in (" ", "\t", ",") and _PERSON_AFTER.match(text, end):
            self.person_keys.add(entry.key)
            return True
        if flags & RISKY and n1 and upper_at(n1, 0) and n1 not in GOV_WORDS and not weak:
            return True  # "Independence Day", "Enterprise Rent-A-Car", "Florence Nightingale"
        if flags & AGENCY_NAME:
            return True  # "White House" is the president's, not White House, Tenn.
        return False

    def _finish(self, mention: PlaceMention, prev: str | None, n1: str | None, n1_end: int) -> PlaceMention | None:
        """States, risky names, Washington and New York: what the words around them add."""
        entry = mention.entry
        flags = entry.flags
        is_state = entry.is_state
        if prev is not None:
            if flags & RISKY:
                mention.locative = prev.lower() in LOCATIVES  # read for risky names only
            if is_state and prev in DIRECTIONS:
                mention.region_derived = True  # "Southern California", "upstate New York"
        if flags & WASHINGTON and mention.context_state is None:
            return self._washington(mention, prev, n1, mention.field.word_after(n1_end))
        if flags & NEW_YORK:
            return self._new_york(mention, prev, n1, mention.field.word_after(n1_end))
        if is_state:
            mention.forced = entry.candidates[0]
        return mention

    def _washington(self, mention: PlaceMention, prev: str | None, n1: str | None, n2: str | None
                    ) -> PlaceMention | None:
        text = mention.field.text
        said_state = (
            (n1 or "").lower() == "state" and n2 not in _COLLEGE
            or (n1 or "").lower() in ("gov.", "governor", "legislature", "lt.")
            or ((n1 or "").lower() == "attorney" and (n2 or "").lower() == "general")
            or (n1 == "State" and n2 == "Patrol")
            or _STATE_OF_BEFORE.search(text, max(0, mention.start - 12), mention.start) is not None
        )
        if not said_state:
            return None  # "Washington" alone is the federal government
        mention.forced = self.index.states.get("WA")
        return mention

    def _new_york(self, mention: PlaceMention, prev: str | None, n1: str | None, n2: str | None
                  ) -> PlaceMention:
        state = self.index.states.get("NY")
        city = self.index.new_york_city
        first, second = (n1 or "").lower(), (n2 or "").lower()
        if first in ("n.y.", "ny") or first == "city":
            mention.forced = city  # "New York, N.Y."; "New York city"
        elif (prev or "").lower() in DIRECTIONS or _STATE_OF_BEFORE.search(
            mention.field.text, max(0, mention.start - 12), mention.start
        ):
            mention.forced = state
            mention.region_derived = (prev or "").lower() in DIRECTIONS
        elif first in _STATE_GOVERNMENT and not (first == "attorney" and second != "general"):
            mention.forced = state
        elif first in _CITY_GOVERNMENT or (first == "city" and second == "council"):
            mention.forced = city
        else:
            mention.new_york_open = True
        return mention

    # --- per article --------------------------------------------------------------------------------------------
    def resolve(self) -> list[PlaceMention]:
        """Choose a jurisdiction for every mention; returns the mentions that have one, in reading order."""
        person_keys = self.person_keys
        mentions = [
            m for m in self.mentions
            if m.forced is not None or m.context_state is not None or m.entry.key not in person_keys
        ] if person_keys else self.mentions
        evidence: set[str] = set()  # the states the article names
        open_mentions: list[PlaceMention] = []  # the mentions still to choose for
        new_york_open = False
        for m in mentions:
            if m.context_state:
                evidence.add(m.context_state)
            if m.forced is not None:
                evidence.add(m.forced.state)
            elif m.new_york_open:
                new_york_open = True
            else:
                open_mentions.append(m)
        # Round one: names that need no help; their states then help the others ("Springfield" beside
        # "Ohio" or beside "Dayton").
        settled = set(evidence)
        chosen_for: dict = {}  # a name said again chooses the same (see _choose_again)
        for m in open_mentions:
            m.chosen = chosen = _choose_again(m, evidence, chosen_for)
            if chosen is not None and not m.entry.flags & RISKY:
                settled.add(chosen.state)
        # Round two: choose() reads the states only through its candidates' states, so only a mention with a
        # candidate in a newly settled state can choose differently.
        added = settled - evidence
        if added:
            chosen_for.clear()
            for m in open_mentions:
                if not added.isdisjoint(profile(m.entry).states):
                    m.chosen = _choose_again(m, settled, chosen_for)
        if new_york_open:
            self._settle_new_york(mentions)
        found = []
        for m in mentions:
            chosen = m.forced
            if chosen is None:
                chosen = m.chosen
            else:
                m.chosen = chosen
            if chosen is not None:
                m.jurisdiction_id = chosen.id
                if m.region_derived:
                    # Regions ("upstate New York") and state courts name a state without making it a subject.
                    m.no_subject = True
                found.append(m)
        return found

    def _settle_new_york(self, mentions: list[PlaceMention]) -> None:
        open_ones = [m for m in mentions if m.new_york_open]
        if not open_ones:
            return
        city = self.index.new_york_city
        state = self.index.states.get("NY")
        named = {m.forced.uid for m in mentions if m.forced is not None}
        named.update(m.chosen.uid for m in mentions if m.chosen is not None)
        explicit_state = state is not None and state.uid in named
        explicit_city = city is not None and (city.uid in named or any(
            m.chosen is not None and m.chosen.state == "NY" and m.chosen.name in _BOROUGHS for m in mentions))
        # News means the city by a bare "New York" more often than the state, unless only the state is named.
        pick = state if explicit_state and not explicit_city else city
        for m in open_ones:
            m.forced = pick


_BOROUGHS: Final = frozenset({"Brooklyn", "Queens", "Manhattan", "The Bronx", "Staten Island"})


def _choose_again(m: PlaceMention, evidence: set[str], chosen_for: dict) -> Candidate | None:
    """``choose``, remembered per name for one set of states: besides the states, it reads only the name's
    entry, and for risky names whether the mention is weak or locative; a state beside the name
    ("Rochester, N.Y.") is read afresh."""
    if m.context_state is not None:
        return choose(m, evidence)
    entry = m.entry
    key = (entry, m.weak, m.locative) if entry.flags & RISKY else entry
    found = chosen_for.get(key, chosen_for)
    if found is chosen_for:  # not seen yet
        found = chosen_for[key] = choose(m, evidence)
    return found


# After a name: more names, then "and"/"or" and the last, then "counties": or "counties" right away.
_COUNTY_LIST_AFTER: Final = re.compile(
    r"(?:(?:,[ \t]+[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*)?)*,?[ \t]+(?:and|or|&)[ \t]+[A-Z][\w.'-]*"
    r"(?:[ \t]+[A-Z][\w.'-]*)?)?[ \t]+(counties|parishes|Counties|Parishes)\b"
)


def _court_or_organisation_before(text: str, start: int) -> bool:
    """"Northern District of Illinois", "University of California": a court's territory or an organisation.
    Each pattern is searched (at every offset of its window) only when the window holds one of the words it
    needs, which most windows do not."""
    court_lo = start - 45 if start > 45 else 0
    window = text[court_lo:start]
    for word in _COURT_BEFORE_WORDS:
        if word in window:
            if _COURT_BEFORE.search(text, court_lo, start):
                return True
            break
    org_lo = start - 40 if start > 40 else 0
    window = text[org_lo:start]
    for word in _ORG_OF_WORDS:
        if word in window:
            return _ORG_OF_BEFORE.search(text, org_lo, start) is not None
    return False


def _organisation_after(field: FieldText, n1: str, n1_end: int, flags: int) -> bool:
    """Whether the words after the name make it an organisation's ("Washington Post", "Ohio State")."""
    if n1 in ORG_WORDS or n1 == "State" or (n1 in _ORG_PAIR_FIRST and (n1, field.word_after(n1_end)) in ORG_PAIRS) or (
        "-" in n1 and any(part in ORG_WORDS for part in n1.split("-"))
    ):
        # ... but "Washington State" and "New York State" are the states (not "Washington State University").
        return not (n1 == "State" and flags & (WASHINGTON | NEW_YORK) and field.word_after(n1_end) not in _COLLEGE)
    return False
