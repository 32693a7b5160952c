"""Subject or mentioned: is the story about this jurisdiction, or does it only name it?

A jurisdiction is a **subject** when
  1. it is named in the title; or
  2. it is the target of an action anywhere in the text: an action word right before it ("sued Harris
     County", "subpoenas to New Jersey", "raids in Queens", "arrested 14 people in Rochester", "sent agents
     to Los Angeles", "jurisdictions like New York City"), or its own policy is the topic ("California's
     sanctuary law"); or
  3. it acts in the lead, the first paragraph ("Monroe County ended an agreement", "the Portland, Ore.,
     City Council voted"): later paragraphs are background, so "after Chicago sued" in paragraph six is not
     what the story is about; or
  4. it is named at least twice, each time in a sentence with an enforcement word (ICE, arrests, raids…).
Names joined by "and" or commas share a cue ("raids in Queens and the Bronx"). Otherwise it is
**mentioned**. Regions ("upstate New York", "Bay Area") and state courts ("the California Supreme Court")
never make a subject.
"""
from __future__ import annotations

import re
from typing import Final

from feeds.analysis.chars import is_ascii
from feeds.analysis.mentions import PlaceMention
from feeds.analysis.terms import ANY, UPPER, Term, TermHit, first_hit_from
from feeds.analysis.text import TITLE


CATEGORY: Final = "role"
SUBJECT: Final = "subject"
MENTIONED: Final = "mentioned"
# Cue kinds (Term.value)
DIRECT: Final = "direct"  # the action word stands right before the name: "sued Harris County"
LOCATED: Final = "located"  # an action, a few words, then in/to/at: "arrested 14 people in Rochester"
ACTOR: Final = "actor"  # after the name, in the lead: "Monroe County ended an agreement"
ENFORCEMENT: Final = "enforcement"  # an enforcement word in the same sentence

CUE_BEFORE_CHARS: Final = 80  # how far before a name a target cue may start
ACTOR_AFTER_CHARS: Final = 70  # how far after a name an actor verb may stand
ENFORCEMENT_WINDOW: Final = 100  # how far from a name an enforcement word may stand (same sentence)
MIN_ENFORCEMENT_MENTIONS: Final = 2

_LIST_NOUNS: Final = "jurisdictions cities states counties places localities municipalities communities governments areas".split()
_LIST_WORDS: Final = ["like", "including", "such as", "among them", "include", "includes"]


def _t(kind: str, words: str, case: int = ANY) -> list[tuple[str, Term]]:
    return [(w.strip(), Term(CATEGORY, kind, 1.0, case)) for w in words.split("|") if w.strip()]


TERMS: Final[list[tuple[str, Term]]] = [
    *_t(DIRECT, "sued|sues|suing|sue|lawsuit against|suit against|against|targets|targeted|targeting|target|"
        "aimed at|pressure on|pressured|threatened|threatens|warned|subpoenaed|subpoenas to|subpoena to|"
        "subpoenas for|placed|listed|designated|planned for|planned in|headed to|coming to|punish|punishing|defund|defunding|investigating|"
        "investigated|investigate|grants for|grants to|funding for|funding to|money from|funds from"),
    *((f"{noun}{sep}{word}", Term(CATEGORY, DIRECT)) for noun in _LIST_NOUNS for sep in (" ", ", ") for word in _LIST_WORDS),
    *_t(LOCATED, "raid|raids|raided|raiding|arrests|arrested|arrest|arresting|detained|detaining|detentions|"
        "operation|operations|sweep|sweeps|crackdown|surge|surged|surging|enforcement action|enforcement actions|"
        "deployed|deploying|deployment|deploy|sent|send|sending|dispatched|troops|National Guard"),
    *_t(ACTOR, "voted|votes|passed|passes|approved|approves|adopted|adopts|enacted|enacts|ended|ends|repealed|"
        "repeals|rescinded|rescinds|signed|signs|banned|bans|declared|declares|joined|joins|filed|files|sued|sues|"
        "agreed|agrees|reaffirmed|reaffirms|refused|refuses|rejected|rejects|expanded|expands|strengthened|"
        "strengthens|tightened|tightens|loosened|weakened|stopped|stops|halted|halts|terminated|terminates|"
        "withdrew|withdraws|ordered|will stop|will no longer|would no longer"),
    *_t(ENFORCEMENT, "raid|raids|raided|arrest|arrests|arrested|detain|detained|detaining|detention|deport|"
        "deported|deporting|deportation|deportations|operation|operations|sweep|sweeps|crackdown|surge|agents|"
        "troops|National Guard|law enforcement|immigration enforcement|Border Patrol|detainer|detainers|"
        "Immigration and Customs Enforcement"),
    *_t(ENFORCEMENT, "ICE", UPPER),
]

# Between a direct cue and the name: nothing but "the" or "the city of".
_DIRECT_GAP: Final = re.compile(r"[ \t]+(?:the[ \t]+)?(?:(?:city|state|county|town|village)[ \t]+of[ \t]+)?")
# Between a located cue and the name: a few words, then a preposition.
_LOCATED_GAP: Final = re.compile(
    r"(?:[ \t]+[^\s.!?;:]+){0,8}?[ \t]+(?:in|into|across|at|near|outside|throughout|around|to|on)[ \t]+"
    r"(?:the[ \t]+)?(?:(?:city|state|county|town|village|streets|suburbs|outskirts)[ \t]+of[ \t]+)?"
)
# After a name: its own policy is the topic ("New York City's sanctuary laws").
_POSSESSIVE_POLICY: Final = re.compile(
    r"(?:'s|\u2019s)[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:polic(?:y|ies)|ordinances?|laws?|rules|directive|act|stance|"
    r"limits|program|agreement|status)\b",
    re.IGNORECASE,
)
# After a name: it is the target or a party ("California will be the target of the initial operation",
# "Illinois and Cook County are also defendants").
_TARGET_AFTER: Final = re.compile(
    r"[ \t]+(?:will|would|could|is|was|are|were|has|have|had|became|becomes|may|might)[ \t]+(?:be[ \t]+|been[ \t]+)?"
    r"(?:also[ \t]+|now[ \t]+|named[ \t]+as[ \t]+)?(?:the[ \t]+|a[ \t]+)?"
    r"(?:first[ \t]+|initial[ \t]+|next[ \t]+|main[ \t]+|latest[ \t]+)?"
    r"(?:targets?|targeted|defendants?|plaintiffs?|part(?:y|ies)[ \t]+to)\b"
)
# Between two names that share a cue: "Queens and the Bronx", "Escondido, Calif., Waukegan".
_CONJUNCT_GAP: Final = re.compile(r"\s*(?:,|/|,?\s+(?:and|or|as well as|&))?\s*(?:the\s+)?(?:(?:city|state|county)\s+of\s+)?")
_NOT_ACTOR_BEFORE: Final = frozenset({"in", "at", "near", "from", "to", "outside", "inside", "across", "around", "into",
                               "throughout", "within", "toward", "towards"})
_REPORTED_SPEECH: Final = re.compile(r"\b(?:said|says|told|according)\b")

_NO_HITS: Final[list[TermHit]] = []  # read, never written

# Cheap tests that rule out a regex above before running it (each is implied by the regex matching):
_DIRECT_GAP_CHARS: Final = " \tthecitystatecountytownvillageof"  # every character _DIRECT_GAP can match
# The word right before a name whose gap _LOCATED_GAP matches.
_LOCATED_LAST_WORDS: Final = frozenset(
    "in into across at near outside throughout around to on the of".split()
)
# The first word after a name that _TARGET_AFTER matches.
_TARGET_AFTER_FIRST: Final = frozenset(
    "will would could is was are were has have had became becomes may might".split()
)
# Every ASCII character _CONJUNCT_GAP can match: whitespace, separators, and the letters of its words.
_CONJUNCT_GAP_CHARS: Final = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f,/&" + "andorswelthcityuf"


def assign(mentions: list[PlaceMention], cues: dict[str, dict[str, list[TermHit]]]) -> dict[int, str]:
    """Role per jurisdiction id. ``cues[field][kind]`` lists cue hits (start, end, ...), sorted."""
    n = len(mentions)
    subject_ids: set[int] = set()
    counts: dict[int, int] = {}
    # linked[i]: mention i follows mention i - 1 in a list ("X, Y and Z"); None until asked (see _linked).
    linked: list[bool | None] = [None] * n
    strong = [False] * n
    any_strong = False
    no_cues: dict[str, list[TermHit]] = {}
    for i, m in enumerate(mentions):
        j = m.jurisdiction_id
        counts[j] = counts.get(j, 0) + 1
        if m.no_subject:
            continue
        field = m.field
        if field.name == TITLE:
            subject_ids.add(j)
            continue
        if j in subject_ids and not _linked(mentions, linked, i) and not (i + 1 < n and _linked(mentions, linked, i + 1)):
            continue  # already a subject, and a cue here would reach no other name
        field_cues = cues.get(field.name, no_cues)
        text = field.text
        end = text[m.end : m.end + 1]
        if ((end == "'" or end == "\u2019") and _POSSESSIVE_POLICY.match(text, m.end)
                or m.next_word in _TARGET_AFTER_FIRST and _TARGET_AFTER.match(text, m.context_end)
                or _targeted(m, text, field_cues)
                or (field.in_lead(m.start) and _acts(m, field_cues))):
            strong[i] = any_strong = True
            subject_ids.add(j)
    if any_strong:
        # A cue on one name of "X, Y and Z" holds for all three, forwards and backwards.
        # (Only pairs with a strong side are asked whether they are linked.)
        for i in range(1, n):
            if strong[i - 1] and not strong[i] and _linked(mentions, linked, i):
                strong[i] = True
                subject_ids.add(mentions[i].jurisdiction_id)
        for i in range(n - 1, 0, -1):
            if strong[i] and not strong[i - 1] and _linked(mentions, linked, i):
                strong[i - 1] = True
                subject_ids.add(mentions[i - 1].jurisdiction_id)
    if len(counts) < n:  # some name is said twice or more
        enforced: dict[int, int] = {}
        for m in mentions:
            # Rule 4 only matters for names said twice or more that no other rule made subjects.
            j = m.jurisdiction_id
            if m.no_subject or j in subject_ids or counts[j] < MIN_ENFORCEMENT_MENTIONS:
                continue
            if _near_enforcement(m, cues.get(m.field.name, no_cues).get(ENFORCEMENT, _NO_HITS)):
                enforced[j] = enforced.get(j, 0) + 1
                if enforced[j] >= MIN_ENFORCEMENT_MENTIONS:
                    subject_ids.add(j)
    return {j: SUBJECT if j in subject_ids else MENTIONED for j in counts}


def _from(hits: list[TermHit], position: int) -> int:
    """The index of the first hit starting at or after ``position``."""
    return first_hit_from(hits, position)


def _targeted(m: PlaceMention, text: str, field_cues: dict[str, list[TermHit]]) -> bool:
    start = m.start
    lo = start - CUE_BEFORE_CHARS if start > CUE_BEFORE_CHARS else 0
    hits = field_cues.get(DIRECT)
    if hits:
        for i in range(_from(hits, lo), len(hits)):
            cue_start, end = hits[i][0], hits[i][1]
            if cue_start >= start:
                break
            if end == start:
                return True
            # The gap holds only blanks, "the" and "city of": test its characters before the regex.
            if not text[end:start].strip(_DIRECT_GAP_CHARS) and _DIRECT_GAP.fullmatch(text, end, start):
                return True
    # A located cue's gap ends with a preposition, "the" or "of": the word before the name says whether one can.
    if m.preceded_by is not None and m.preceded_by not in _LOCATED_LAST_WORDS:
        return False
    hits = field_cues.get(LOCATED)
    if hits:
        for i in range(_from(hits, lo), len(hits)):
            cue_start, end = hits[i][0], hits[i][1]
            if cue_start >= start:
                break
            if _LOCATED_GAP.fullmatch(text, end, start):
                return True
    return False


def _acts(m: PlaceMention, field_cues: dict[str, list[TermHit]]) -> bool:
    if (m.preceded_by or "").lower() in _NOT_ACTOR_BEFORE:
        return False  # "a judge in Vermont ordered": Vermont is where, not who
    hits = field_cues.get(ACTOR)
    if not hits:
        return False
    after = m.context_end
    until = after + ACTOR_AFTER_CHARS
    field = m.field
    for i in range(_from(hits, after), len(hits)):
        start = hits[i][0]
        if start >= until:
            break
        if field.same_sentence(after, start) and not _REPORTED_SPEECH.search(field.text, after, start):
            return True
    return False


def _near_enforcement(m: PlaceMention, hits: list[TermHit]) -> bool:
    field = m.field
    until = m.end + ENFORCEMENT_WINDOW
    for i in range(_from(hits, max(0, m.start - ENFORCEMENT_WINDOW)), len(hits)):
        start, end = hits[i][0], hits[i][1]
        if start >= until:
            break
        if end <= m.start:
            if field.same_sentence(end, m.start):
                return True
        elif start >= m.end:
            if field.same_sentence(m.end, start):
                return True
    return False


def _linked(mentions: list[PlaceMention], linked: list[bool | None], i: int) -> bool:
    """Whether mention i follows mention i - 1 in a list ("X, Y and Z"), worked out once when first asked."""
    found = linked[i]
    if found is None:
        found = False
        a, b = mentions[i - 1] if i else None, mentions[i]
        if a is not None and a.field is b.field and not b.no_subject and b.start >= a.context_end:
            text = a.field.text
            # A character no conjunction has, in the first few of the gap, rules it out without the regex (the
            # usual gap between two sentences); the regex matches only such characters.
            head = text[a.context_end : min(b.start, a.context_end + 24)]
            if not (is_ascii(head) and head.strip(_CONJUNCT_GAP_CHARS)):
                found = _CONJUNCT_GAP.fullmatch(text, a.context_end, b.start) is not None
        linked[i] = found
    return found
