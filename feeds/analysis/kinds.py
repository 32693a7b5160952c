"""What kind of event the article reports: federal_action, court_ruling, policy_change, enforcement_operation.

Each cue phrase adds weight to one kind; cues in the title or the lead count double, because that is where
news says what happened (later paragraphs give background: last year's ruling, an older law). A kind is
suggested when it reaches ``THRESHOLD``, and only for relevant articles: these are the tracker's kinds.
"""
from __future__ import annotations


from feeds.analysis.terms import ANY, UPPER, Term, TermHit

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


TERMS: list[tuple[str, Term]] = [
    *_t(FEDERAL_ACTION, "executive order|subpoena|subpoenas|subpoenaed|grand jury|indicted|indictment|"
        "illegal reentry|list of sanctuary jurisdictions|withhold|withholding|cut off funding|grant conditions|"
        "memo|memorandum|directive|prosecute|prosecution|prosecutors|charged|Temporary Protected Status|"
        "travel ban|federal agencies", 2.0),
    *_t(FEDERAL_ACTION, "Justice Department|Department of Justice|Homeland Security|White House|administration|"
        "threatened|threatens|funding|grants|Attorney General|U.S. Attorney|ordered federal|federal plan|"
        "plan to prosecute|lawsuit|sued|sues|sue|demand|request|records", 1.0),
    *_t(FEDERAL_ACTION, "DOJ|DHS", 1.0, UPPER),
    *_t(COURT_RULING, "ruled|ruling|rulings|injunction|restraining order|upheld|upholds|uphold|struck down|"
        "strikes down|blocked|blocks|court ruled|judge ordered|ordered the release", 2.0),
    *_t(COURT_RULING, "judge|judges|panel|appeals court|Supreme Court|Circuit|decision|opinion", 1.5),
    *_t(POLICY_CHANGE, "ordinance|ordinances|voted|vote|repealed|repeal|rescinded|resolution|signed a law|"
        "signed a bill|new law|took effect|takes effect|287(g) agreement|agreement|approved|adopted|bill|"
        "reaffirmed|ended cooperation|limits on|strengthen|strengthens|tightens|tightened|loosened|expands|"
        "expanded|refuse to|refused to", 2.0),
    *_t(POLICY_CHANGE, "signed|passed|law|policy|policies|measure|council|lawmakers|legislature", 1.0),
    *_t(ENFORCEMENT_OPERATION, "raid|raids|raided|sweep|sweeps|operation|operations|deployment|deployed|"
        "worksite|surge|deportation flight|deportees|carried out|courthouse arrests", 2.5),
    *_t(ENFORCEMENT_OPERATION, "arrested|arrests|detained|detaining|agents|apprehended|rounded up",
        1.5),
]


def suggest(title_hits: list[TermHit], text_hits: list[TermHit], lead_start: int, lead_end: int) -> list[str]:
    """Kinds from the kind-cue hits (start, end, phrase, term) of the title and the text; the text's lead is
    [lead_start, lead_end)."""
    points: dict[str, float] = {}
    seen: dict[str, int] = {}
    for hits, in_title in ((title_hits, True), (text_hits, False)):
        for start, _end, phrase, term in hits:
            n = seen.get(phrase, 0)
            if n >= MAX_REPEATS:
                continue
            seen[phrase] = n + 1
            prominent = in_title or lead_start <= start < lead_end
            kind = term.value
            points[kind] = points.get(kind, 0.0) + (term.weight * LEAD_FACTOR if prominent else term.weight)
    if not points:
        return []
    floor = max(THRESHOLD, RELATIVE_THRESHOLD * max(points.values()))
    return [k for k in ORDER if points.get(k, 0.0) >= floor]
