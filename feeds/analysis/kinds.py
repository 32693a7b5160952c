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

from feeds.analysis.terms import ANY, Term, TermHit

CATEGORY = "kind"
FEDERAL_ACTION = "federal_action"
COURT_RULING = "court_ruling"
POLICY_CHANGE = "policy_change"
ENFORCEMENT_OPERATION = "enforcement_operation"
ORDER = (FEDERAL_ACTION, COURT_RULING, POLICY_CHANGE, ENFORCEMENT_OPERATION)
THRESHOLD = 4.0
# A kind must also reach this share of the strongest kind's points: one story, one or two kinds.
RELATIVE_THRESHOLD = 0.5
LEAD_FACTOR = 2.0
MAX_REPEATS = 2


def _t(kind: str, words: str, weight: float, case: int = ANY) -> list[tuple[str, Term]]:
    return [(w.strip(), Term(CATEGORY, kind, weight, case)) for w in words.split("|") if w.strip()]


FEDERAL_ACTORS = ("DOJ", "DHS", "White House", "ICE", "CBP", "USCIS")
FEDERAL_ACTOR_POINTS = 2.0  # per federal agency (DOJ, DHS, White House) acting in the article

# Cue flags (bit field in the term's weight sign is not used: a separate table keeps Term simple).
DECISIVE = frozenset(
    "ruled|ruling|rulings|injunction|restraining order|upheld|upholds|uphold|struck down|strikes down|blocked|"
    "blocks|court ruled|judge ordered|ordered the release|dismissed|sided with|rejected|vacated|overturned|"
    "enjoined|halted|halts|throws out|threw out|tossed out|dismisses|dismissal|turns down|turned down|"
    "rejects|ruled against|sided".split("|")
)
NEEDS_FEDERAL_ACTOR = frozenset("lawsuit|sued|sues|sue|funding|grants|demand|request|records|threatened|threatens|"
                                "prosecutors|charged|list|lists|letter|letters".split("|"))


TERMS: list[tuple[str, Term]] = [
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

_CLAUSE_STOPS = re.compile(r"[,;:\n\u2014]|[.!?](?=\s)")
_PAST = re.compile(
    r"\b(?:in|since|from|of|until|by)\s+(?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d\b|\byears? ago\b|\blast year\b|"
    r"\bfirst (?:passed|adopted|approved)\b|\balready\b|\bpreviously\b|\bdates to\b|\bhad\b|\bin the past\b|"
    r"\bearlier (?:this|that) year\b|\blast (?:month|spring|summer|fall|winter)\b|\bformer\b|\bhistory\b|"
    r"\bhas long\b|\b(?:who|that) (?:was|were|had been)\b",
    re.IGNORECASE,
)
_PROSPECTIVE = re.compile(
    r"\b(?:weighs|weighing|weigh|debate|debated|debates|debating|hearing|considering|consider|considers|proposed|"
    r"proposes|propose|proposal|advanced|advances|advance|introduced|would|could|may|might|plans? to|urged|urges|"
    r"pending|asked|asks|keep|keeps|vows?|vowed|maintain|maintains|defend|defends|defended)\b",
    re.IGNORECASE,
)
_REFUSAL = re.compile(
    r"\b(?:not|never|no longer|refuse[sd]?|won't|will not|would not|stop|stops|stopped|end|ends|ended|bars?|barred|"
    r"forbids?|limits?|limited|rejects?|rejected|without)\b|n't\b",
    re.IGNORECASE,
)
_RULING_VERB = re.compile(
    r"\b(?:blocks?|blocked|blocking|struck down|strikes? down|upheld|upholds?|halts?|halted|enjoin(?:s|ed)?|"
    r"vacated|overturned|challenge[sd]?|challenging|weighs|weighing|arguments|hearing)\b",
    re.IGNORECASE,
)
# Before a policy cue in its sentence: the policy is what a suit or a ruling is about, not a new policy.
_CHALLENGED = re.compile(
    r"\b(?:sues?|sued|suing|lawsuit|suit|challeng\w*|unconstitutional|invalid|dismiss\w*|block\w*|uph[eo]ld\w*)\b",
    re.IGNORECASE,
)
_EXPECTED = re.compile(r"[ \t]+(?:may|might|could|would|are expected|is expected|were expected|are planned|is planned)\b",
                       re.IGNORECASE)
RULING_OBJECT_REACH = 80  # how far before a federal cue a ruling verb may stand


def suggest(title_hits: list[TermHit], text_hits: list[TermHit], lead_start: int, lead_end: int,
            title: str = "", text: str = "", acting: tuple[str, ...] = (),
            actors: tuple[tuple[bool, int], ...] = (), year: int = 0) -> list[str]:
    """Kinds from the kind-cue hits (start, end, phrase, term) of the title and the text; the text's lead is
    [lead_start, lead_end); ``acting`` are the agencies that act in the article, ``actors`` where a federal
    agency acts: (in the title?, offset); ``year`` the publication year (0 if unknown): a clause naming an
    earlier year is background."""
    points: dict[str, float] = {}
    seen: dict[str, int] = {}
    federal_actor = False
    for agency in acting:
        if agency in FEDERAL_ACTORS:
            federal_actor = True
            if agency == "DOJ" or agency == "DHS" or agency == "White House":
                points[FEDERAL_ACTION] = points.get(FEDERAL_ACTION, 0.0) + FEDERAL_ACTOR_POINTS
    decided = False
    for hits, in_title, field in ((title_hits, True, title), (text_hits, False, text)):
        for start, end, phrase, term in hits:
            n = seen.get(phrase, 0)
            if n >= MAX_REPEATS:
                continue
            kind = str(term.value)
            weight = term.weight
            if field:
                lo, hi = _clause(field, start, end)
                if _PAST.search(field, lo, hi) is not None or (year and _earlier_year(field, lo, hi, year)):
                    continue  # background
                before = field[lo:start]
                if kind == ENFORCEMENT_OPERATION and _REFUSAL.search(before) is not None:
                    kind = POLICY_CHANGE  # "will not join immigration sweeps": the jurisdiction's policy
                    weight = 2.0
                elif kind == ENFORCEMENT_OPERATION and (
                        _PROSPECTIVE.search(before) is not None or _EXPECTED.match(field, end) is not None):
                    continue  # "could start raids", "raids may be imminent": not yet
                elif kind == POLICY_CHANGE and (
                        _PROSPECTIVE.search(before) is not None
                        or _CHALLENGED.search(field, _sentence_start(field, start), start) is not None):
                    continue  # "a hearing on an ordinance", "sues Rochester over its policy": nothing new
                elif kind == FEDERAL_ACTION:
                    if phrase in NEEDS_FEDERAL_ACTOR and not _actor_near(actors, in_title, field, start):
                        continue  # "Washington state sued": not a federal action
                    reach = start - RULING_OBJECT_REACH if start > RULING_OBJECT_REACH else 0
                    if _RULING_VERB.search(field, max(reach, _sentence_start(field, start)), start) is not None:
                        continue  # "blocks grant conditions": what the court judged
            if kind == COURT_RULING and phrase in DECISIVE:
                decided = True
            seen[phrase] = n + 1
            prominent = in_title or lead_start <= start < lead_end
            points[kind] = points.get(kind, 0.0) + (weight * LEAD_FACTOR if prominent else weight)
    if not decided:
        points.pop(COURT_RULING, None)  # judges and courts, but nothing decided: a hearing
    else:
        # "orders release of a student detained by ICE", "halts Trump order": what led to the ruling
        for other in (ENFORCEMENT_OPERATION, FEDERAL_ACTION):
            if other in points:
                points[other] /= 2
    if not points:
        return []
    floor = max(THRESHOLD, RELATIVE_THRESHOLD * max(points.values()))
    return [k for k in ORDER if points.get(k, 0.0) >= floor]


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _earlier_year(text: str, lo: int, hi: int, year: int) -> bool:
    for m in _YEAR.finditer(text, lo, hi):
        if int(m.group()) < year:
            return True
    return False


def _actor_near(actors: tuple[tuple[bool, int], ...], in_title: bool, text: str, position: int) -> bool:
    """Whether a federal agency acts in the same sentence as the cue at ``position``."""
    lo = _sentence_start(text, position)
    stop = text.find(". ", position)
    hi = stop if stop >= 0 else len(text)
    for title, offset in actors:
        if title == in_title and lo <= offset <= hi:
            return True
    return False


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): from the last comma or sentence end before it to the next one."""
    lo = start - 160 if start > 160 else 0
    last = lo
    for m in _CLAUSE_STOPS.finditer(text, lo, start):
        last = m.end()
    stop = _CLAUSE_STOPS.search(text, end, end + 160)
    return last, stop.start() if stop is not None else min(len(text), end + 160)


def _sentence_start(text: str, position: int) -> int:
    dot = text.rfind(". ", 0, position)
    line = text.rfind("\n", 0, position)
    return max(dot, line) + 1
