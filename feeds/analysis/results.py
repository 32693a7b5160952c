"""What the analyser returns: plain data, with the exact line format of ``analyze_articles``."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple


class Mention(NamedTuple):
    """Where a jurisdiction is named: field ("title" or "text"), character offsets [start, end), the text.
    (A named tuple rather than a frozen dataclass: an article makes one per mention, and a frozen dataclass
    costs several times as much to make.)"""

    field: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict:
        return {"field": self.field, "start": self.start, "end": self.end, "text": self.text}


@dataclass
class JurisdictionMatch:
    """A jurisdiction found in the article, its role, and every mention of it."""

    jurisdiction_id: int
    uid: str
    name: str
    kind: str
    state: str
    role: str  # "subject" | "mentioned"
    evidence: list[Mention] = field(default_factory=list)


class AgencyMention(NamedTuple):
    """A federal agency named in the article: which, whether it acts there or is only named, and where."""

    agency: str
    role: str  # "acts" | "named"
    field: str
    start: int
    end: int
    text: str
    context: str  # the words around it, for the editor

    def as_dict(self) -> dict:
        return {"agency": self.agency, "role": self.role, "field": self.field, "start": self.start,
                "end": self.end, "text": self.text, "context": self.context}


@dataclass
class Analysis:
    """Everything the analyser says about one article."""

    relevant: bool
    score: float
    jurisdictions: list[JurisdictionMatch]
    kinds: list[str]
    agencies: list[str]
    event_date: datetime.date | None
    agency_evidence: list[AgencyMention] = field(default_factory=list)

    def as_json(self, item_id) -> dict:
        """One line of ``manage.py analyze_articles`` output (keep this format stable: quality is measured on it)."""
        return {
            "id": item_id,
            "relevant": self.relevant,
            "score": round(self.score, 4),
            "jurisdictions": [
                {"name": j.name, "kind": j.kind, "state": j.state, "id": j.uid, "role": j.role}
                for j in self.jurisdictions
            ],
            "kinds": list(self.kinds),
            "agencies": list(self.agencies),
            "event_date": self.event_date.isoformat() if self.event_date else None,
        }
