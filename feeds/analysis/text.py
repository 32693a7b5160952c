"""One field of an article (title or text) as the rules read it: the original, its lower-cased twin with
the same offsets, where the lead ends, and small look-arounds that cost one anchored regex each."""
from __future__ import annotations

import re
from typing import Final

from feeds.analysis.chars import is_alpha, is_ascii_alpha, upper_at
from feeds.analysis.keys import scan_text

TITLE: Final = "title"
TEXT: Final = "text"

# The lead is the first paragraph that is not a byline or a dateline: where news says what happened.
LEAD_MIN_CHARS: Final = 80
_BYLINE: Final = re.compile(r"\s*(?:By\b|Updated\b|Published\b|Posted\b|\(?[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\)?\s*$)")
# A sentence ends at . ! or ? followed by space and a capital or an opening quote, except after a single
# capital ("U.S. Attorney", "D.C. Circuit") or a common abbreviation.
SENTENCE_BREAK: Final = re.compile(
    r"(?<![A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bGen)"
    r"(?<!\bLt)(?<!\bJan)(?<!\bFeb)(?<!\bAug)(?<!\bSept)(?<!\bOct)(?<!\bNov)(?<!\bDec)(?<!\bNo)(?<!\bvs)"
    r"[.!?][\"\u201d\u2019')]*\s+(?=[\"\u201c\u2018'(]?[A-Z0-9])|\n"
)
_CLAUSE_END: Final = frozenset(",;:)]}\"\u201d\u2019!?")
_MAYBE_BREAK: Final = re.compile(r"[.!?\n]")
# The words after a name: the first (after a possessive 's, if any), then the second; a word is as long as it
# can be, so matching them one at a time finds the same words as one pattern for both.
_NEXT_WORD: Final = re.compile(r"(?:'s|\u2019s)?[ \t]+([A-Za-z0-9][\w'\u2019&.-]*)")
_WORD_AFTER: Final = re.compile(r"[ \t]+([A-Za-z0-9][\w'\u2019&.-]*)")
_OPENERS: Final = frozenset(".!?:;\"\u201c\u201d\u2018'(\u2014\u2013\n")


class FieldText:
    """The title or the text of an article."""

    __slots__ = ("name", "text", "scanned", "lead_start", "lead_end", "_title_case")

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text or ""
        self.scanned = scan_text(self.text)  # what the automaton reads; offsets + 1
        self.lead_start, self.lead_end = (0, len(self.text)) if name == TITLE else _lead(self.text)
        self._title_case: bool | None = None if name == TITLE else False

    @property
    def title_case(self) -> bool:
        """Whether this is a Title Case headline (worked out when a rule first asks)."""
        found = self._title_case
        if found is None:
            found = self._title_case = _is_title_case(self.text)
        return found

    def in_lead(self, position: int) -> bool:
        return self.lead_start <= position < self.lead_end

    def previous_word(self, start: int, span: int = 40) -> str | None:
        """The word just before ``start`` on the same line, as written (without an opening bracket or
        quote), or None."""
        text = self.text
        if start == 0 or text[start - 1] not in " \t":
            return None  # "(Chicago", "anti-ICE": no word stands right before
        lo = start - span if start > span else 0
        space = text.rfind(" ", lo, start - 1)
        if space >= 0:
            # The usual case, without splitting: letters between two blanks, with a word before them (or the
            # text's start within reach) so the window cannot have cut the word off.
            word = text[space + 1 : start - 1]
            if is_alpha(word) and (start <= span or (space > lo and not text[space - 1].isspace())):
                return word
        # The last one or two whitespace-separated words of the ``span`` characters before (rsplit stops
        # early; a lone word may be cut off by the window, so it does not count unless the text starts there).
        words = text[lo:start].rsplit(None, 1)
        if not words or (len(words) == 1 and start > span):
            return None
        word = words[-1]
        if word[-1] in _CLAUSE_END:
            return None  # "Philadelphia, Boston": a list or a new clause, not one longer name
        word = word.lstrip("(\"'\u201c\u2018[")
        return word if is_alpha(word[:1]) else None

    def next_words(self, end: int) -> tuple[str | None, str | None]:
        """The two words after ``end`` (skipping a possessive 's), as written."""
        first, first_end = self.next_word(end)
        return first, self.word_after(first_end)

    def next_word(self, end: int) -> tuple[str | None, int]:
        """The word after ``end`` (skipping a possessive 's), as written, and where it ends in the text (-1 if
        there is none): ``word_after`` of that offset is the second word."""
        text = self.text
        after = text[end : end + 1]
        if after == " ":
            space = text.find(" ", end + 1, end + 40)
            if space > end + 1:
                word = text[end + 1 : space]
                if is_ascii_alpha(word):
                    return word, space  # the usual "Chicago said": plain letters, no regex needed
        elif after != "\t" and after != "'" and after != "\u2019":
            return None, -1  # "Chicago," or "Chicago."
        m = _NEXT_WORD.match(text, end)
        if not m:
            return None, -1
        # A full stop ends "Gov." but also "Nuggets."; keep it only where it belongs to an abbreviation.
        return _trim(m.group(1)), m.end()

    def word_after(self, position: int) -> str | None:
        """The word after the blanks at ``position`` (None if ``position`` is -1)."""
        if position < 0:
            return None
        m = _WORD_AFTER.match(self.text, position)
        return _trim(m.group(1)) if m else None

    def starts_sentence(self, start: int) -> bool:
        """Whether a word at ``start`` opens a sentence, so its capital letter proves nothing."""
        j = start - 1
        text = self.text
        while j >= 0 and text[j] in " \t":
            j -= 1
        return j < 0 or text[j] in _OPENERS

    def weak_capital(self, start: int) -> bool:
        """Capitalisation says nothing here: a Title Case headline or a sentence opener."""
        return self.title_case or self.starts_sentence(start)

    def same_sentence(self, a: int, b: int) -> bool:
        """Whether nothing between offsets a < b ends a sentence."""
        if _MAYBE_BREAK.search(self.text, a, b) is None:
            return True  # the common case, decided by one quick scan
        return SENTENCE_BREAK.search(self.text, a, b) is None


_ABBREVIATIONS: Final = frozenset({"Gov.", "Lt.", "Sen.", "Rep.", "Co.", "Inc.", "Corp.", "Dept.", "St.", "N.Y.", "D.C."})


def _trim(word: str | None) -> str | None:
    if word is None or word[-1] != "." or word in _ABBREVIATIONS:
        return word
    return word.rstrip(".") or word


def _lead(text: str) -> tuple[int, int]:
    """Offsets of the lead paragraph (the whole text if no paragraph qualifies)."""
    position, size = 0, len(text)
    while True:
        end = text.find("\n", position)
        if end < 0:
            end = size
        stripped = text[position:end].strip()
        if len(stripped) >= LEAD_MIN_CHARS and not _BYLINE.match(stripped):
            return position, end
        if end == size:
            return 0, size
        position = end + 1


def _is_title_case(title: str) -> bool:
    words = [w for w in title.split() if len(w) > 3 and is_alpha(w[0])]
    return bool(words) and sum(upper_at(w, 0) for w in words) >= 0.8 * len(words)
