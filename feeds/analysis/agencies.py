"""Which federal agencies take part in the article's events: DOJ, DHS, ICE, CBP, USCIS, FBI, White House.

Names and acronyms only (acronyms must be upper case: "ICE", never "ice"). An attorney general counts for
the DOJ unless a state stands right before the title ("Texas Attorney General Ken Paxton").

Naming an agency is not enough: "ICE did not respond", "cooperation with ICE" and "limits what police share
with ICE" refer to it; the article's events do not involve it. Each mention gets a role (``agency_role``):
it **acts** when the agency, its officers or its head are the subject of an action or speech verb ("ICE
officers arrested", "the Justice Department on Thursday sued", "Homeland Security Secretary Kristi Noem
said"), the agent of a passive ("detained by ICE"), the source ("according to ICE"), a party ("sued the
Justice Department", "the Justice Department's argument", "a Justice Department lawsuit"), or the sender ("letters from the Justice Department"); otherwise it is **named**. An executive order,
or the President acting, is the White House; "the administration sued" is the DOJ; "the agency said" is
the agency named last before it. Only acting agencies are suggested; every mention, with its role, is
kept as evidence for the editor.
"""
from __future__ import annotations

import re
from typing import Final

from feeds.analysis.chars import is_alpha, upper_at
from feeds.analysis.terms import ANY, CAPITAL, UPPER, Term

CATEGORY: Final = "agency"
ORDER: Final = ("DOJ", "DHS", "ICE", "CBP", "USCIS", "FBI", "White House")
ATTORNEY_GENERAL: Final = "DOJ?"  # the DOJ, unless a state's
ANAPHOR: Final = "the agency"  # "the agency said": the agency named last
PRESIDENT: Final = "President"  # the White House when he acts
ADMINISTRATION: Final = "administration"  # the DOJ when it sues
ORDER_ISSUED: Final = "White House!"  # an executive order: the White House issued the order at issue
ACTS: Final = "acts"
NAMED: Final = "named"
ANAPHOR_REACH: Final = 400  # how far back (characters) "the agency" looks for its agency


def _t(agency: str, words: str, case: int = ANY) -> list[tuple[str, Term]]:
    return [(w.strip(), Term(CATEGORY, agency, 1.0, case)) for w in words.split("|") if w.strip()]


TERMS: Final[list[tuple[str, Term]]] = [
    *_t("DOJ", "Justice Department|Department of Justice|Justice Dept.|U.S. Attorney|U.S. Attorney's Office|"
        "US Attorney|U.S. attorney|federal prosecutors|Bureau of Prisons", CAPITAL),
    *_t("DOJ", "DOJ", UPPER),
    *_t(ATTORNEY_GENERAL, "Attorney General|attorney general|Deputy Attorney General"),
    *_t("DHS", "Department of Homeland Security|Homeland Security|Homeland Security Department|"
        "Homeland Security Secretary"),
    *_t("DHS", "DHS", UPPER),
    *_t("ICE", "Immigration and Customs Enforcement|Enforcement and Removal Operations"),
    *_t("ICE", "ICE|ERO", UPPER),
    *_t("CBP", "Customs and Border Protection|Border Patrol|border patrol"),
    *_t("CBP", "CBP", UPPER),
    *_t("USCIS", "Citizenship and Immigration Services"),
    *_t("USCIS", "USCIS", UPPER),
    *_t("FBI", "Federal Bureau of Investigation"),
    *_t("FBI", "FBI", UPPER),
    *_t("White House", "White House", CAPITAL),
    *_t(ORDER_ISSUED, "executive order|executive orders|Executive Order|Executive Orders|presidential proclamation|"
        "presidential memorandum"),
    *_t(PRESIDENT, "President Trump|President Donald Trump|President Donald J. Trump|President Biden|"
        "President Joe Biden|President Obama|President Barack Obama|Trump", CAPITAL),
    *_t(ADMINISTRATION, "administration|Administration"),
    *_t(ANAPHOR, "the agency|The agency|the department|The department|the agency's|The agency's"),
]

_WORD: Final = re.compile(r"[A-Za-z0-9][\w'\u2019.()-]*|[,;:\"\u201c\u201d\u2014\u2013]")  # administration_sues
_PLACE_NOUN: Final = re.compile(r"\s+(?:center|centers|centre|facility|facilities|office|offices|building)\b", re.IGNORECASE)
_SPAN: Final = 90  # how far after a mention its verb may stand

# After the agency: who in it ("ICE officers", "ICE acting Director Todd Lyons"), when ("on Thursday"), and
# auxiliaries ("has", "will") may stand before the verb.
_PEOPLE: Final = frozenset(
    "officer officers agent agents official officials spokesperson spokesman spokeswoman spokespeople director "
    "acting deputy secretary chief head commissioner deputies personnel leaders leader lawyers lawyer attorneys "
    "attorney prosecutors prosecutor teams team units unit field office offices administrator assistant "
    "special general for of the".split()
)
_WHEN: Final = frozenset(
    "on last this early late monday tuesday wednesday thursday friday saturday sunday week month year morning "
    "afternoon evening night jan jan. feb feb. march april may june july aug aug. sept sept. oct oct. nov nov. "
    "dec. january february august september october november december also has have is was were are will "
    "would then again now recently already quickly later formally officially publicly separately reportedly "
    "jointly both itself and in a statement".split()
)
_VERBS: Final = frozenset(
    "arrested arrests arrest arresting detained detains detain detaining raided raids raid raiding sued sues "
    "sue suing filed files file charged charges charge indicted indicts issued issues issue sent sends send "
    "deployed deploys deploy dispatched announced announces announce said says say told tells stated states "
    "released releases published publishes placed places added adds named names threatened threatens "
    "threaten warned warns demanded demands asked asks subpoenaed subpoenas ordered orders signed signs "
    "launched launches began begins conducted conducts carried took takes apprehended apprehends removed "
    "removes deported deports flew moved transferred agreed agrees opened opens served serves urged urges "
    "pressed presses accused accuses alleged alleges argued argues appealed appeals called calls confirmed "
    "confirms responded disputed disputes denied denies defended defends wrote writes notified notifies "
    "requested sought seeks plans planned wants cut cuts withheld withholds froze freezes "
    "targeted targets targeting expanded expands ended ends rescinded rescinds stepped surged surges "
    "began arrived arrive arrives detailed details identified identifies investigated investigates "
    "investigating rejected rejects blamed blames criticized criticizes praised praises insisted insists "
    "acknowledged acknowledges declared declares designated designates listed lists unveiled unveils "
    "proposed proposes terminated terminates revoked revokes canceled cancels paused pauses "
    "moving seeking planning suing asking using used uses found finds run runs ran running surge assisting "
    "assists assisted helping helped made makes making pulls pulled posted posts took deleted supported supports "
    "backed backs joined led leads certified certifies".split()
)
# Right after the agency, a noun of its own doing: "a Justice Department lawsuit", "ICE raids".
_DOINGS: Final = frozenset(
    "lawsuit lawsuits suit suits complaint memo memos memorandum directive directives order orders letter letters "
    "subpoena subpoenas list lists plan plans raid raids arrests operation operations sweep sweeps crackdown "
    "surge deployment investigation inquiry probe warning warnings demand demands policy policies rule rules "
    "announcement statement report reports guidance conditions argument arguments appeal decision move effort "
    "attempt program initiative detention detentions deportations".split()
)
# Before the agency: "detained by", "according to", "sued", "against", "letters from", "agreement with".
_PASSIVE: Final = frozenset(
    "arrested detained taken picked held filed issued brought sued sent deported targeted questioned announced "
    "signed released ordered launched conducted apprehended removed charged placed named listed published "
    "designated seized raided stopped transferred".split()
)
_PARTY_BEFORE: Final = frozenset(
    "against sued sue sues suing blocked blocks barred bars enjoined enjoins ordered orders told directed "
    "directs allowed allows rebuked sided said says ruled".split()
)
_FROM_NOUNS: Final = frozenset(
    "letter letters subpoena subpoenas pressure demand demands warning warnings order orders memo directive "
    "lawsuit suit officers agents officials threat threats request notice".split()
)
_NEGATIONS: Final = frozenset("not never n't no declined refused failed".split())
_SUE: Final = frozenset("sued sues sue suing".split())


_OBJECT_OF: Final = frozenset("for with to from about on at into toward towards over when if whenever unless".split())
_FOR_NOUNS: Final = frozenset("spokesman spokeswoman spokesperson lawyer lawyers attorney attorneys".split())


def agency_role(text: str, start: int, end: int) -> str:
    """ACTS or NAMED for the mention text[start:end] (see the module's docstring)."""
    before = _words_before(text, start)
    # "the center it runs for ICE, disputed": after a preposition the agency is not the verb's subject.
    subject = not before or (before[-1].lower() not in _OBJECT_OF
                             and not (before[-1].lower() == "the" and len(before) > 1 and before[-2].lower() in _OBJECT_OF))
    if (subject and _acts_after(text, end)) or (_acts_before(before) and not _declines(text, end)):
        return ACTS
    return NAMED


_OPENING: Final = "\"'\u201c\u2018([" 
_CLOSING: Final = "\"'\u201d\u2019)]:;"


def _words_before(text: str, start: int) -> list[str]:
    """The last few words before ``start``, as written, without quotes or brackets; a word that ends a clause
    (a comma after it) ends the list there, as a separate "," token."""
    # Split from the right, at most five pieces: with five, the fifth from the end (which holds the window's first
    # word, perhaps cut off) is never among the last four.
    chunk = text[start - 50 if start > 50 else 0:start].rsplit(None, 4)
    if len(chunk) == 5:
        chunk = chunk[1:]
    elif start > 50 and chunk:
        chunk = chunk[1:]  # the first may be cut off
    words: list[str] = []
    for raw in chunk[-4:]:
        word = raw.strip(_OPENING).rstrip(_CLOSING)
        if word.endswith(","):
            words.append(word[:-1])
            words.append(",")
        elif word:
            words.append(word)
    return words


_KEPT: Final = frozenset("kept keeps continued continues again then".split())
_ADMINISTRATION_DOINGS: Final = frozenset("lawsuit lawsuits suit suits argument arguments appeal appeals complaint".split())
_PRESIDENTIAL: Final = re.compile(r"President|Trump|Biden|Obama|White House|presidential|federal")


def administration_sues(text: str, end: int) -> bool:
    """'the administration sued …' (or 'has sued', 'kept suing', 'filed suit', 'the administration's
    lawsuit'): the DOJ acts."""
    tail = text[end:end + 2]
    if tail == "'s" or tail == "\u2019s":
        end += 2
    words = [w.lower() for w in _WORD.findall(text, end, end + 40)[:4]]
    for i, word in enumerate(words):
        if word in _SUE or word == "filed" or (i == 0 and word in _ADMINISTRATION_DOINGS):
            return True
        if word not in _WHEN and word not in _KEPT and word not in ("'s", ","):
            return False
    return False


def presidential_order(text: str, start: int, end: int) -> bool:
    """Whether an 'executive order' is the President's: a mayor's or a governor's is not the White House."""
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stop = text.find(". ", end)
    return _PRESIDENTIAL.search(text, lo, stop if stop >= 0 else len(text)) is not None


_ABBREVIATION_WORDS: Final = frozenset("mr mrs ms dr st sen rep gov gen lt jan feb aug sept oct nov dec no vs inc co corp dept".split())


def _sentence_end(text: str, start: int, limit: int) -> int:
    """Where the sentence running at ``start`` ends, if before ``limit`` (else ``limit``): a newline, or ". ",
    "? ", "! " (also '." ' and a full stop before a closing curly quote) not after an abbreviation ("U.S.
    Attorney", "Gov. Newsom"). The full stops and marks are looked for one character at a time (a fast
    search), then the characters after them checked."""
    stop = text.find("\n", start, limit)
    if stop >= 0:
        limit = stop
    for mark in ".?!":
        at = text.find(mark, start, limit - 1) if limit - 1 > start else -1
        while at >= 0:
            after = text[at + 1]
            if after == " ":
                if mark != "." or not _abbreviation_before(text, at):
                    limit = at
                    break
            elif mark == "." and (after == '"' or after == "\u201d") and at + 2 < limit and text[at + 2] == " ":
                limit = at
                break
            at = text.find(mark, at + 1, limit - 1)
    return limit


def _abbreviation_before(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation: a single capital ("U.S.") or a known word."""
    if dot > 0 and upper_at(text, dot - 1) and (dot < 2 or not is_alpha(text[dot - 2])):
        return True
    space = text.rfind(" ", 0, dot)
    return text[space + 1:dot].lower() in _ABBREVIATION_WORDS


def _acts_after(text: str, end: int) -> bool:
    tail = text[end:end + 2]
    if tail == "'s" or tail == "\u2019s":
        end += 2
    names = 0
    first = True
    limit = end + _SPAN
    if limit > len(text):
        limit = len(text)
    limit = _sentence_end(text, end, limit)
    # The window's first 12 words, split in two steps: most mentions are decided by their first few words, so
    # the rest of the window (the fifth piece) is split only when those decided nothing.
    words = text[end:limit].split(None, 4)
    rest = len(words) == 5  # the fifth piece is the rest of the window, still to split
    i = 0
    while i < len(words):
        raw = words[i]
        i += 1
        if rest and i == 5:
            words = raw.split(None, 8)
            rest = False
            i = 0
            continue
        word = raw.strip(_OPENING).rstrip(_CLOSING)
        if word.endswith(","):
            word = word[:-1]
        if not word:
            continue  # a dash, a bracket, a comma alone
        lower = word.lower().rstrip(".")
        if lower in _VERBS:
            return True
        if first and lower in _DOINGS:
            # "ICE detention of a worker", not "an ICE detention center"
            at = text.find(raw, end, limit)
            return _PLACE_NOUN.match(text, at + len(raw) if at >= 0 else limit) is None
        first = False
        if lower in _NEGATIONS or lower == "had" or lower == "did" or lower == "could":
            return False  # "ICE did not respond", "ICE had asked" (background)
        if lower in _PEOPLE or lower in _WHEN or lower.isdigit():
            continue
        if upper_at(word, 0) and names < 5:
            names += 1  # the person's name: "Secretary Kristi Noem said"
            continue
        if word[0] in "\u2014\u2013-":
            continue
        return False
    return False


_DECLINES: Final = re.compile(r"[\s,]+(?:\w+[\s,]+){0,2}?(?:declined|declines|did not|didn't|could not|would not|refused)\b")


def _declines(text: str, end: int) -> bool:
    """'A spokesperson for ICE declined to comment': the source says nothing."""
    return _DECLINES.match(text, end, end + 60) is not None


def _acts_before(words: list[str]) -> bool:
    if not words:
        return False
    i = len(words) - 1
    if words[i].lower() == "the":
        i -= 1
    if i < 0:
        return False
    prev = words[i].lower()
    before = words[i - 1].lower() if i > 0 else ""
    if prev == "by":
        return before in _PASSIVE
    if prev == "to":
        return before == "according"
    if prev == "for":
        return before in _FOR_NOUNS  # "a spokeswoman for the Department of Homeland Security"
    if prev == "from":
        return before in _FROM_NOUNS and (words[i - 2].lower() if i > 1 else "") != "no"
    return prev in _PARTY_BEFORE


def ordered(found: set[str]) -> list[str]:
    return [a for a in ORDER if a in found]
