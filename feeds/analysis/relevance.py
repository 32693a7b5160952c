"""Is the article about US immigration enforcement and local cooperation with it? A weighted keyword score.

Two sides must both be present: the immigration side (immigrants, asylum, visas…) and the enforcement or
cooperation side (ICE, detainers, raids, sanctuary policies…); some phrases are both ("deportation",
"287(g)"). Each phrase adds its weight once per occurrence, at most ``MAX_REPEATS`` times, doubled in the
title; the sum ``s`` becomes a score ``s / (s + HALF_SCORE_AT)``, halved when one side is missing. So an
article needs several strong phrases, not one stray "border", to pass ``THRESHOLD``.

Some names take the words away: with "Intercontinental Exchange" or "ICE trains" in the article, "ICE" is
not the agency; with "Second Amendment sanctuary", "sanctuary" is about guns.
"""
from __future__ import annotations

from typing import Final, cast

from feeds.analysis.terms import ANY, UPPER, Term, TermHit

CATEGORY: Final = "rel"
IMMIGRATION: Final = "I"
ENFORCEMENT: Final = "E"
BOTH: Final = "B"
NOT_THE_AGENCY: Final = "-ICE"
NOT_IMMIGRATION_SANCTUARY: Final = "-sanctuary"
THRESHOLD: Final = 0.35
HALF_SCORE_AT: Final = 8.0  # a raw sum this big scores 0.5
ONE_SIDED_FACTOR: Final = 0.5
MAX_REPEATS: Final = 3
TITLE_FACTOR: Final = 2.0
OTHER_SENSE_FACTOR: Final = 0.6
# The weight of the names of other senses, and of nothing else: the score's loops test the weight (a float)
# before comparing the side (a string).
VOID: Final = 0.0


def _t(words: str, weight: float, side: str, case: int = ANY) -> list[tuple[str, Term]]:
    return [(w.strip(), Term(CATEGORY, side, weight, case)) for w in words.split("|") if w.strip()]


TERMS: Final[list[tuple[str, Term]]] = [
    # the immigration side
    *_t("immigration|immigrant|immigrants|migrant|migrants|noncitizen|noncitizens|non-citizen|non-citizens", 1.5, IMMIGRATION),
    *_t("undocumented|unauthorized immigrants|illegal immigrant|illegal immigrants|illegal alien|illegal aliens|"
        "illegal immigration|immigration status|criminal alien|criminal aliens|aliens", 2.0, IMMIGRATION),
    *_t("asylum|asylum seeker|asylum seekers|refugee|refugees|visa|visas|green card|citizenship|naturalization",
        0.75, IMMIGRATION),
    *_t("Temporary Protected Status|deportee|deportees", 1.5, IMMIGRATION),
    *_t("TPS", 1.0, IMMIGRATION, UPPER),
    # the enforcement / cooperation side
    *_t("ICE|ERO", 3.0, BOTH, UPPER),
    *_t("Immigration and Customs Enforcement|immigration enforcement|deportation|deportations|deport|deported|"
        "deporting|detainer|detainers|287(g)|sanctuary city|sanctuary cities|sanctuary jurisdiction|"
        "sanctuary jurisdictions|sanctuary policy|sanctuary policies|sanctuary law|sanctuary laws|"
        "sanctuary state|sanctuary county|sanctuary counties|sanctuary ordinance|immigration agents|"
        "immigration officers|immigration officials|immigration authorities|federal immigration|"
        "immigration arrests|immigration detention|civil immigration|illegal reentry|immigration raids|"
        "immigration raid|mass deportation|border czar", 3.0, BOTH),
    *_t("immigration sweeps|immigration sweep|immigration conditions|grant conditions|Byrne JAG|Byrne Justice|"
        "share data|sharing information|sharing data|data sharing", 2.0, ENFORCEMENT),
    *_t("Border Patrol|Customs and Border Protection|Homan|Secure Communities|Trust Act|TRUST Act|Values Act|"
        "Welcoming City|welcoming city", 2.0, ENFORCEMENT),
    *_t("CBP|DHS", 1.5, ENFORCEMENT, UPPER),
    *_t("sanctuary|Homeland Security|detention|detention center|raid|raids|raided|cooperate|cooperation|"
        "deportation flight", 1.5, ENFORCEMENT),
    *_t("arrest|arrests|arrested|detained|border|removal|enforcement|agents|jail|jails|sheriff|warrant", 0.5, ENFORCEMENT),
    # names that change what "ICE" and "sanctuary" mean
    *_t("Intercontinental Exchange|NYSE: ICE|NYSE:ICE|Deutsche Bahn|InterCity Express|Intercity Express|"
        "Intercity-Express|ICE train|ICE trains|ICE high-speed|ICE Futures|ICE Clear|ICE Data", VOID, NOT_THE_AGENCY),
    *_t("Second Amendment sanctuary|Second Amendment sanctuaries|Second Amendment Sanctuary|gun sanctuary|"
        "gun-owner sanctuary|gun owner sanctuary|gun rights sanctuary|2A sanctuary|wildlife sanctuary|"
        "animal sanctuary|bird sanctuary|Animal Sanctuary|Wildlife Sanctuary|wolf sanctuary", VOID,
        NOT_IMMIGRATION_SANCTUARY),
]


def other_ice(title_hits: list[TermHit], text_hits: list[TermHit]) -> bool:
    """Whether the article names another ICE (Intercontinental Exchange, the German trains)."""
    for hits in (title_hits, text_hits):
        for hit in hits:
            term = hit[3]
            if term.weight == VOID and term.value == NOT_THE_AGENCY:
                return True
    return False


def score(title_hits: list[TermHit], text_hits: list[TermHit]) -> float:
    """Score from the relevance hits of the title and of the text, as (start, end, phrase, term)."""
    seen: dict[str, int] = {}
    immigration = enforcement = total = 0.0
    other_ice_named = other_sanctuary_named = False
    for hits in (title_hits, text_hits):
        for hit in hits:
            term = hit[3]
            if term.weight == VOID:
                if term.value == NOT_THE_AGENCY:
                    other_ice_named = True
                elif term.value == NOT_IMMIGRATION_SANCTUARY:
                    other_sanctuary_named = True
    voided = other_ice_named or other_sanctuary_named
    for hits, factor in ((title_hits, TITLE_FACTOR), (text_hits, 1.0)):
        for _start, _end, phrase, term in hits:
            if voided:
                if term.weight == VOID:
                    continue
                if other_ice_named and phrase == "ice":
                    continue
                if other_sanctuary_named and phrase.startswith("sanctuary"):
                    continue
            # Repeating "ICE" twenty times is still one topic.
            n = seen.get(phrase, 0)
            if n >= MAX_REPEATS:
                continue
            seen[phrase] = n + 1
            weight = term.weight * factor
            total += weight
            side = cast(str, term.value)
            if side != ENFORCEMENT:
                immigration += weight
            if side != IMMIGRATION:
                enforcement += weight
    if total <= 0:
        return 0.0
    value = total / (total + HALF_SCORE_AT)
    if not (immigration and enforcement):
        value *= ONE_SIDED_FACTOR
    if voided:
        value *= OTHER_SENSE_FACTOR  # an article about the other sense that mentions ours in passing
    return round(value, 4)


def is_relevant(value: float) -> bool:
    return value >= THRESHOLD
