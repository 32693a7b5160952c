"""Events app models, split by concern."""
from events.models.case import Case, CaseParty
from events.models.details import CourtRuling, EnforcementOperation, FederalAction, PolicyChange
from events.models.event import Event, EventJurisdiction, EventQuerySet
from events.models.record import RecordEntry
from events.models.source import Correction, Source

__all__ = [
    "Case",
    "CaseParty",
    "Correction",
    "CourtRuling",
    "EnforcementOperation",
    "Event",
    "EventJurisdiction",
    "EventQuerySet",
    "FederalAction",
    "PolicyChange",
    "RecordEntry",
    "Source",
]
