"""Which federal agencies the article names: DOJ, DHS, ICE, CBP, USCIS, FBI, White House.

Names and acronyms only (acronyms must be upper case: "ICE", never "ice"). An attorney general counts for
the DOJ unless a state stands right before the title ("Texas Attorney General Ken Paxton").
"""
from __future__ import annotations

from feeds.analysis.terms import ANY, CAPITAL, UPPER, Term

CATEGORY = "agency"
ORDER = ("DOJ", "DHS", "ICE", "CBP", "USCIS", "FBI", "White House")
ATTORNEY_GENERAL = "DOJ?"  # the DOJ, unless a state's


def _t(agency: str, words: str, case: int = ANY) -> list[tuple[str, Term]]:
    return [(w.strip(), Term(CATEGORY, agency, 1.0, case)) for w in words.split("|") if w.strip()]


TERMS: list[tuple[str, Term]] = [
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
]


def ordered(found: set[str]) -> list[str]:
    return [a for a in ORDER if a in found]
