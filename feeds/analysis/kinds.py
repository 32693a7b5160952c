"""What kind of event the article reports: federal_action, court_ruling, policy_change, enforcement_operation.

Each cue phrase adds weight to one kind; cues in the title or the lead count double, because that is where
news says what happened. A kind is suggested when it reaches ``THRESHOLD``, and only for relevant articles:
these are the tracker's kinds. What the article reports as background does not count, read clause by
clause (the words between commas and sentence ends around a cue):
  - a clause dated in the past ("first passed in 2017", "since 2018", "last year", "already", "had"): the law
    being challenged, earlier rulings, history;
  - a cue after a prospective word in its clause ("a hearing on an ordinance", "debated a resolution",
    "a bill that would"): nothing is decided yet;
  - the object of a ruling ("blocks grant conditions", "struck down the order"): the ruling is the event,
    the federal action it judged is background;
  - court words without a decision ("judges heard arguments"): a hearing is not a ruling.
Enforcement words under a refusal ("will not join immigration sweeps", "no longer help federal agents") are
a policy: a jurisdiction limiting its part. A federal action needs a federal actor: an agency that acts in
the article (see agencies) adds to it, and without one, lawsuits and grants are someone else's.
"""
from __future__ import annotations

import re
from typing import Final, cast

from feeds.analysis.terms import ANY, Term, TermHit, first_at_or_after_near

CATEGORY: Final = "kind"
FEDERAL_ACTION: Final = "federal_action"
COURT_RULING: Final = "court_ruling"
POLICY_CHANGE: Final = "policy_change"
ENFORCEMENT_OPERATION: Final = "enforcement_operation"
ORDER: Final = (FEDERAL_ACTION, COURT_RULING, POLICY_CHANGE, ENFORCEMENT_OPERATION)
THRESHOLD: Final = 4.0
# A kind must also reach this share of the strongest kind's points: one story, one or two kinds.
RELATIVE_THRESHOLD: Final = 0.5
LEAD_FACTOR: Final = 2.0
MAX_REPEATS: Final = 2


def _t(kind: str, words: str, weight: float, case: int = ANY) -> list[tuple[str, Term]]:
    return [(w.strip(), Term(CATEGORY, kind, weight, case)) for w in words.split("|") if w.strip()]


ACTION_TAKERS: Final = ("DOJ", "DHS", "White House")  # the agencies whose acting is itself a federal action
FEDERAL_ACTOR_POINTS: Final = 2.0  # per such agency acting in the article

# Cue flags (bit field in the term's weight sign is not used: a separate table keeps Term simple).
DECISIVE: Final = frozenset(
    "ruled|ruling|rulings|injunction|restraining order|upheld|upholds|uphold|struck down|strikes down|blocked|"
    "blocks|court ruled|judge ordered|ordered the release|dismissed|sided with|rejected|vacated|overturned|"
    "enjoined|halted|halts|throws out|threw out|tossed out|dismisses|dismissal|turns down|turned down|"
    "rejects|ruled against|sided".split("|")
)
NEEDS_FEDERAL_ACTOR: Final = frozenset("lawsuit|sued|sues|sue|funding|grants|demand|request|records|threatened|threatens|"
                                "prosecutors|charged|list|lists|letter|letters".split("|"))


TERMS: Final[list[tuple[str, Term]]] = [
    *_t(FEDERAL_ACTION, "executive order|subpoena|subpoenas|subpoenaed|grand jury|indicted|indictment|"
        "illegal reentry|list of sanctuary jurisdictions|withhold|withholding|cut off funding|grant conditions|"
        "memo|memorandum|directive|prosecute|prosecution|prosecutors|charged|Temporary Protected Status|"
        "travel ban|federal agencies|8 U.S.C. 1373|Section 1373|1373|compliance|noncompliance|violators", 2.0),
    *_t(FEDERAL_ACTION, "list|lists|letter|letters", 1.5),
    *_t(FEDERAL_ACTION, "threatened|threatens|funding|grants|ordered federal|federal plan|"
        "plan to prosecute|lawsuit|sued|sues|sue|demand|request|records", 1.0),
    *_t(COURT_RULING, "|".join(sorted(DECISIVE)), 2.0),
    *_t(COURT_RULING, "judge|judges|panel|appeals court|Supreme Court|Circuit|decision|opinion", 1.5),
    *_t(POLICY_CHANGE, "ordinance|ordinances|voted|vote|repealed|repeal|rescinded|resolution|signed a law|"
        "signed a bill|new law|took effect|takes effect|287(g) agreement|agreement|approved|adopted|bill|"
        "reaffirmed|ended cooperation|limits on|strengthen|strengthens|tightens|tightened|loosened|expands|"
        "expanded|refuse to|refused to|honor detainers|honor immigration detainers|deputize|deputized|deputizes",
        2.0),
    *_t(POLICY_CHANGE, "287(g)", 1.5),
    *_t(POLICY_CHANGE, "ends|ended|stops|will stop|no longer|will not renew|withdrew|withdraws|pulled out|opted out|"
        "opt out", 2.0),
    *_t(POLICY_CHANGE, "signed|passed", 1.0),
    *_t(POLICY_CHANGE, "law|policy|policies|measure", 0.75),
    *_t(POLICY_CHANGE, "council|lawmakers|legislature", 0.5),
    *_t(ENFORCEMENT_OPERATION, "raid|raids|raided|sweep|sweeps|operation|operations|deployment|deployed|"
        "worksite|surge|deportation flight|deportees|carried out|courthouse arrests", 2.5),
    *_t(ENFORCEMENT_OPERATION, "detention of", 2.0),
    *_t(ENFORCEMENT_OPERATION, "arrested|arrests|detained|detaining|agents|apprehended|rounded up",
        1.5),
]

# Words that change what a cue means, found by the same scan (category CONTEXT, value: a bit mask, or the
# year). One phrase, one mask: the automaton keeps only the longest of nested phrases ("would not" over
# "would"), so a longer phrase carries the flags of the shorter ones it hides.
CONTEXT: Final = "kindctx"
PAST: Final = 1
PROSPECTIVE: Final = 2
REFUSAL: Final = 4
CHALLENGED: Final = 8
RULING_VERB: Final = 16
EXPECTED: Final = 32
YEAR: Final = 64
_CONTEXT_WORDS: Final = {
    PAST: "already|previously|had|former|history|years ago|year ago|last year|first passed|first adopted|"
          "first approved|dates to|in the past|earlier this year|earlier that year|last month|last spring|"
          "last summer|last fall|last winter|has long|who was|who were|who had been|that was|that were|"
          "that had been",
    PROSPECTIVE: "weighs|weighing|weigh|debate|debated|debates|debating|hearing|considering|consider|considers|"
                 "proposed|proposes|propose|proposal|advanced|advances|advance|introduced|would|could|may|might|"
                 "plan to|plans to|urged|urges|pending|asked|asks|keep|keeps|vow|vows|vowed|maintain|maintains|"
                 "defend|defends|defended",
    REFUSAL: "not|never|no longer|refuse|refuses|refused|won't|will not|would not|stop|stops|stopped|end|ends|"
             "ended|bar|bars|barred|forbid|forbids|limit|limits|limited|reject|rejects|rejected|without|"
             "don't|doesn't|didn't|isn't|wasn't|aren't|weren't|can't|couldn't|wouldn't|shouldn't",
    CHALLENGED: "sue|sues|sued|suing|lawsuit|suit|challenge|challenges|challenged|challenging|challenger|"
                "challengers|unconstitutional|invalid|dismiss|dismissed|dismisses|dismissal|dismissing|block|"
                "blocks|blocked|blocking|uphold|upholds|upheld|upholding",
    RULING_VERB: "block|blocks|blocked|blocking|struck down|strike down|strikes down|upheld|upholds|uphold|halt|"
                 "halts|halted|enjoin|enjoins|enjoined|vacated|overturned|challenge|challenges|challenged|"
                 "challenging|weighs|weighing|arguments|hearing",
    EXPECTED: "may|might|could|would|are expected|is expected|were expected|are planned|is planned",
}


def _context_terms() -> list[tuple[str, Term]]:
    masks: dict[str, int] = {}
    for flag, words in _CONTEXT_WORDS.items():
        for word in words.split("|"):
            masks[word] = masks.get(word, 0) | flag
    # A longer phrase hides the shorter ones inside it: give it their flags too.
    for phrase in list(masks):
        for other in list(masks):
            if other != phrase and f" {other} " in f" {phrase} ":
                masks[phrase] |= masks[other]
    terms = [(phrase, Term(CONTEXT, mask)) for phrase, mask in masks.items()]
    terms.extend((str(y), Term(CONTEXT, YEAR, float(y))) for y in range(1950, 2040))
    return terms


TERMS.extend(_context_terms())

# What ends a clause: punctuation within a sentence, or a sentence end (a full stop before a blank).
_CLAUSE_MARKS: Final = (",", ";", ":", "\n", "\u2014", ". ", "! ", "? ")
_CLAUSE_CHARACTERS: Final = tuple(mark for mark in _CLAUSE_MARKS if len(mark) == 1)
_SENTENCE_CHARACTERS: Final = tuple(mark[0] for mark in _CLAUSE_MARKS if len(mark) == 2 and mark[1] == " ")
RULING_OBJECT_REACH: Final = 80  # how far before a federal cue a ruling verb may stand
CLAUSE_REACH: Final = 160  # how far a clause may run either side of a cue


class _Context:
    """One field's context-word hits and clause marks, searched from the last answer for each cue."""

    __slots__ = ("text", "hits", "starts", "last_lo", "last_hi", "marks", "mark_at", "start_at")

    def __init__(self, text: str, hits: list[TermHit]) -> None:
        self.text = text
        self.hits = hits
        self.starts = [h[0] for h in hits]
        self.last_lo = -1  # the last clause found with a mark at each end: cues inside it share it
        self.last_hi = -1
        self.marks: list[int] | None = None  # where clauses end, found once when a cue first asks
        # The last answers found in ``marks`` and ``starts``: cues come in reading order, so the next answer is
        # near (first_at_or_after_near).
        self.mark_at = 0
        self.start_at = 0

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """From the last comma or sentence end before the cue to the next one (within CLAUSE_REACH)."""
        if self.last_lo <= start and end <= self.last_hi:
            return self.last_lo, self.last_hi
        marks = self.marks
        if marks is None:
            marks = self.marks = _marks(self.text)
        floor = start - CLAUSE_REACH if start > CLAUSE_REACH else 0
        i = first_at_or_after_near(marks, start, self.mark_at)
        lo = marks[i - 1] + 1 if i > 0 and marks[i - 1] >= floor else floor
        ceiling = end + CLAUSE_REACH
        if ceiling > len(self.text):
            ceiling = len(self.text)
        j = first_at_or_after_near(marks, end, i)
        self.mark_at = i
        hi = marks[j] if j < len(marks) and marks[j] < ceiling else ceiling
        if lo > floor and hi < ceiling:
            self.last_lo, self.last_hi = lo, hi
        return lo, hi

    def _first_start(self, position: int) -> int:
        """The index of the first context hit starting at or after ``position``."""
        i = first_at_or_after_near(self.starts, position, self.start_at)
        self.start_at = i
        return i

    def has(self, flag: int, lo: int, hi: int) -> bool:
        """Whether a context word with ``flag`` lies wholly in [lo, hi)."""
        hits, starts = self.hits, self.starts
        i, n = self._first_start(lo), len(starts)
        while i < n and starts[i] < hi:
            hit = hits[i]
            if cast(int, hit[3].value) & flag and hit[1] <= hi:
                return True
            i += 1
        return False

    def past(self, lo: int, hi: int, year: int) -> bool:
        """Background: a past-time word in [lo, hi), or a year before ``year`` (0: unknown, years ignored)."""
        hits, starts = self.hits, self.starts
        i, n = self._first_start(lo), len(starts)
        while i < n and starts[i] < hi:
            hit = hits[i]
            i += 1
            if hit[1] <= hi:
                term = hit[3]
                mask = cast(int, term.value)
                if mask & PAST or (mask == YEAR and year and int(term.weight) < year):
                    return True
        return False

    def right_after(self, flag: int, end: int) -> bool:
        """Whether a context word with ``flag`` is the next word after ``end``."""
        hits, starts = self.hits, self.starts
        i, n = self._first_start(end), len(starts)
        while i < n and starts[i] < end + 3:
            hit = hits[i]
            i += 1
            if cast(int, hit[3].value) & flag and self.text[end:hit[0]].strip(" \t") == "":
                return True
        return False


def suggest(title_hits: list[TermHit], text_hits: list[TermHit], lead_start: int, lead_end: int,
            title: str = "", text: str = "", acting: tuple[str, ...] = (),
            actors: tuple[tuple[bool, int], ...] = (), year: int = 0,
            title_context: list[TermHit] | None = None, text_context: list[TermHit] | None = None) -> list[str]:
    """Kinds from the kind-cue hits (start, end, phrase, term) of the title and the text; the text's lead is
    [lead_start, lead_end); ``acting`` are the agencies that act in the article, ``actors`` where a federal
    agency acts: (in the title?, offset); ``year`` the publication year (0 if unknown): a clause naming an
    earlier year is background; ``*_context`` the CONTEXT hits of each field."""
    # Points per kind, in four floats (unboxed when compiled) rather than a dict: every weight is positive, so
    # a kind has points exactly when its total is above zero.
    federal = ruling = policy = enforcement = 0.0
    seen: dict[str, int] = {}
    for agency in acting:
        if agency in ACTION_TAKERS:
            federal += FEDERAL_ACTOR_POINTS
    decided = False
    for hits, in_title, field, context_hits in ((title_hits, True, title, title_context),
                                                (text_hits, False, text, text_context)):
        context = _Context(field, context_hits if context_hits is not None else []) if field and hits else None
        for start, end, phrase, term in hits:
            n = seen.get(phrase, 0)
            if n >= MAX_REPEATS:
                continue
            kind = cast(str, term.value)
            weight = term.weight
            if context is not None:
                lo, hi = context.clause(start, end)
                if context.past(lo, hi, year):
                    continue  # background
                if kind == ENFORCEMENT_OPERATION and context.has(REFUSAL, lo, start):
                    kind = POLICY_CHANGE  # "will not join immigration sweeps": the jurisdiction's policy
                    weight = 2.0
                elif kind == ENFORCEMENT_OPERATION and (
                        context.has(PROSPECTIVE, lo, start) or context.right_after(EXPECTED, end)):
                    continue  # "could start raids", "raids may be imminent": not yet
                elif kind == POLICY_CHANGE and (
                        context.has(PROSPECTIVE, lo, start)
                        or context.has(CHALLENGED, _sentence_start(field, start), start)):
                    continue  # "a hearing on an ordinance", "sues Rochester over its policy": nothing new
                elif kind == FEDERAL_ACTION:
                    if phrase in NEEDS_FEDERAL_ACTOR and not _actor_near(actors, in_title, field, start):
                        continue  # "Washington state sued": not a federal action
                    reach = start - RULING_OBJECT_REACH if start > RULING_OBJECT_REACH else 0
                    if context.has(RULING_VERB, max(reach, _sentence_start(field, start)), start):
                        continue  # "blocks grant conditions": what the court judged
            if kind == COURT_RULING and phrase in DECISIVE:
                decided = True
            seen[phrase] = n + 1
            if in_title or lead_start <= start < lead_end:
                weight *= LEAD_FACTOR
            if kind == FEDERAL_ACTION:
                federal += weight
            elif kind == COURT_RULING:
                ruling += weight
            elif kind == POLICY_CHANGE:
                policy += weight
            else:
                enforcement += weight
    if not decided:
        ruling = 0.0  # judges and courts, but nothing decided: a hearing
    else:
        # "orders release of a student detained by ICE", "halts Trump order": what led to the ruling
        enforcement /= 2
        federal /= 2
    strongest = max(federal, ruling, policy, enforcement)
    if strongest == 0.0:
        return []
    floor = max(THRESHOLD, RELATIVE_THRESHOLD * strongest)
    return [k for k, p in zip(ORDER, (federal, ruling, policy, enforcement)) if p >= floor]


def _marks(text: str) -> list[int]:
    """Every offset where a clause mark (_CLAUSE_MARKS) starts, in order. A full stop, "!" or "?" is found as
    one character and kept when a blank follows: one fast character search per mark instead of a two-character
    one (this runs once per field of every relevant article)."""
    found: list[int] = []
    for mark in _CLAUSE_CHARACTERS:
        at = text.find(mark)
        while at >= 0:
            found.append(at)
            at = text.find(mark, at + 1)
    for mark in _SENTENCE_CHARACTERS:
        at = text.find(mark)
        while at >= 0:
            if at + 1 < len(text) and ord(text[at + 1]) == 32:  # a blank after it
                found.append(at)
            at = text.find(mark, at + 1)
    found.sort()
    return found


def _actor_near(actors: tuple[tuple[bool, int], ...], in_title: bool, text: str, position: int) -> bool:
    """Whether a federal agency acts in the same sentence as the cue at ``position``."""
    lo = _sentence_start(text, position)
    stop = text.find(". ", position)
    hi = stop if stop >= 0 else len(text)
    for title, offset in actors:
        if title == in_title and lo <= offset <= hi:
            return True
    return False


def _sentence_start(text: str, position: int) -> int:
    """After the last ". " or newline before ``position``. Full stops are looked for one character at a time
    (a fast search) and only after the newline."""
    line = text.rfind("\n", 0, position)
    dot = text.rfind(".", line + 1, position - 1) if position > 1 else -1  # (a negative end counts from the end)
    while dot >= 0 and text[dot + 1] != " ":
        dot = text.rfind(".", line + 1, dot)
    return (dot if dot > line else line) + 1
