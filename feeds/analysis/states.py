"""State names and abbreviations, and the "Rochester, N.Y." pattern that pins a place to its state.

Built from the ``us`` package (AP-style abbreviations) and the gazetteer's own state-level rows, once per
index build.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import us

# Abbreviations older style guides and headlines still use, beside the ``us`` package's AP forms.
_EXTRA_ABBREVIATIONS: Final = {
    "Calif": "CA", "Cal.": "CA", "Tex.": "TX", "Penn.": "PA", "Penna.": "PA", "Oreg.": "OR", "Wisc.": "WI",
    "Mich": "MI", "Wash": "WA", "Ariz": "AZ", "Colo": "CO", "Conn": "CT", "Fla": "FL", "Ill": "IL",
    "Mass": "MA", "Minn": "MN", "Okla": "OK", "Tenn": "TN", "W. Va.": "WV", "D.C.": "DC", "N.Y.C.": "NY",
}


def state_abbreviations() -> dict[str, str]:
    """AP abbreviation -> USPS code ("Ore." -> "OR"), for the states that have one."""
    found = {s.ap_abbr: s.abbr for s in us.states.STATES_AND_TERRITORIES if s.ap_abbr and s.ap_abbr != s.name}
    found["D.C."] = "DC"
    found.update(_EXTRA_ABBREVIATIONS)
    return found


def state_context_pattern(state_names: Iterable[tuple[str, str]]) -> re.Pattern[str]:
    """A pattern to ``match`` right after a place name: ", N.Y." / ", New York" / ", NY" / " (Ore.)".

    Named groups give the code: ``name`` and ``abbr`` are looked up by the caller. Postal codes must be upper
    case and stand alone, so "Portland, OR" counts but "Portland, or" does not.
    """
    names = sorted({name for name, _ in state_names}, key=len, reverse=True)
    abbreviations = sorted(state_abbreviations(), key=len, reverse=True)
    postal = sorted({code for _, code in state_names})
    alternatives = "|".join(
        [*(re.escape(n) for n in names), *(re.escape(a) for a in abbreviations), *postal]
    )
    # The state ends at a non-letter; an abbreviation's own full stop may also end the sentence.
    return re.compile(rf"(?:,[ \t]*|[ \t]*\([ \t]*)(?P<state>{alternatives})(?![A-Za-z])")


class StateLookup:
    """Resolves what ``state_context_pattern`` matched to a USPS code."""

    def __init__(self, state_names: Iterable[tuple[str, str]]) -> None:
        pairs = list(state_names)
        self.by_text: dict[str, str] = {name: code for name, code in pairs}
        self.by_text.update({code: code for _, code in pairs})
        self.by_text.update(state_abbreviations())
        self.pattern = state_context_pattern(pairs)
        # "Texas Attorney General" is a state official; "Attorney General Jeff Sessions" is the DOJ's.
        self._state_words = {n for n in self.by_text if len(n) > 2} | {"state", "State"}

    def code(self, matched: str) -> str | None:
        return self.by_text.get(matched)

    def ends_with_state(self, text: str, position: int) -> bool:
        """Whether a state's name (or "state") stands right before ``position``: "Texas ", "New York's "."""
        words = text[max(0, position - 30) : position].split()
        for n in (1, 2, 3):
            if len(words) >= n:
                phrase = " ".join(words[-n:])
                for suffix in ("'s", "\u2019s"):
                    if phrase.endswith(suffix):
                        phrase = phrase[: -len(suffix)]
                if phrase in self._state_words:
                    return True
        return False
