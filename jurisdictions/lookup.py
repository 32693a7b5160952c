"""Find one jurisdiction from what a reader typed: its stable id, or its name with or without a state."""
from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import F, Q

from jurisdictions.models import Jurisdiction

# "Chicago, IL", "Chicago IL", "Cook County, IL" end in a two-letter state code.
_TRAILING_STATE = re.compile(r"^(?P<name>.+?)[,\s]+(?P<state>[A-Za-z]{2})\.?$")
MAX_SUGGESTIONS = 8


@dataclass(frozen=True)
class Lookup:
    jurisdiction: Jurisdiction | None
    error: str = ""


def find_jurisdiction(text: str) -> Lookup:
    """Resolve a uid ('geonames:4887398', 'fips:17031') or a name ('Chicago, IL', 'Cook County, IL',
    'Illinois'). A name matching several jurisdictions is an error that lists them, never a guess."""
    text = " ".join(text.split())
    if not text:
        return Lookup(None, "Give a jurisdiction.")
    if ":" in text:
        found = Jurisdiction.objects.filter(uid=text).first()
        return Lookup(found) if found else Lookup(None, f"No jurisdiction has the id “{text}”.")
    candidates = list(_by_name(text)[: MAX_SUGGESTIONS + 1])
    if len(candidates) == 1:
        return Lookup(candidates[0])
    # A bare state name means the state ("Washington", "New York"); its towns need their state code.
    tops = [j for j in candidates if j.parent_id is None]
    if len(tops) == 1 and not _TRAILING_STATE.match(text):
        return Lookup(tops[0])
    if not candidates:
        return Lookup(None, f"No jurisdiction is called “{text}”. Try the name with its state, e.g. “Chicago, IL”.")
    shown = "; ".join(f"{j} ({j.get_kind_display().lower()}, id {j.uid})" for j in candidates[:MAX_SUGGESTIONS])
    return Lookup(None, f"“{text}” could be several jurisdictions: {shown}. Add the state or use the id.")


def _by_name(text: str):
    match = _TRAILING_STATE.match(text)
    exact = Jurisdiction.objects.filter(name__iexact=text)
    if match and not exact.exists():
        exact = Jurisdiction.objects.filter(name__iexact=match["name"], state=match["state"].upper())
    return exact.order_by(F("parent").asc(nulls_first=True), F("population").desc(nulls_last=True))


def suggest(text: str, limit: int = 10) -> list[Jurisdiction]:
    """Jurisdictions whose name starts with the text, biggest first: the autocomplete's answers."""
    text = " ".join(text.split())
    if len(text) < 2:
        return []
    match = _TRAILING_STATE.match(text)
    query = Q(name__istartswith=text)
    if match:
        query |= Q(name__istartswith=match["name"], state=match["state"].upper())
    return list(
        Jurisdiction.objects.filter(query).order_by(F("population").desc(nulls_last=True), "name")[:limit]
    )
