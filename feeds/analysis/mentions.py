"""PlaceMention: a place-name hit on its way to a jurisdiction, shared by the rules that read it.

It sits below ``disambiguation`` (which makes mentions), ``choice`` (which picks a candidate for one) and
``roles`` (which reads them to tell subjects from places only mentioned), so none of those imports another
to know its shape.
"""
from __future__ import annotations

from feeds.analysis.entries import Candidate, Entry
from feeds.analysis.text import FieldText


class PlaceMention:
    """A hit that names a jurisdiction, or may, once the article's other names are known."""

    __slots__ = ("field", "start", "end", "entry", "context_state", "context_end", "preceded_by", "weak",
                 "locative", "forced", "region_derived", "no_subject", "new_york_open", "chosen", "jurisdiction_id",
                 "next_word")

    def __init__(self, field: FieldText, start: int, end: int, entry: Entry, preceded_by: str | None, weak: bool,
                 context_state: str | None, context_end: int, next_word: str | None) -> None:
        self.field = field
        self.start = start
        self.end = end
        self.entry = entry
        self.context_state = context_state
        self.context_end = context_end
        self.preceded_by = preceded_by
        self.weak = weak
        self.locative = False  # read for risky names only, so set for those only
        self.forced: Candidate | None = None
        self.region_derived = False
        self.no_subject = False
        self.new_york_open = False  # "New York" with nothing to say which
        self.chosen: Candidate | None = None
        self.jurisdiction_id = 0  # set once chosen; what the role rules group mentions by
        self.next_word = next_word  # the first word after the name (and its state), for the role rules
