"""Events app models, split by concern."""
from events.models.case import Case, CaseParty
from events.models.details import CourtRuling, EnforcementOperation, FederalAction, PolicyChange
from events.models.event import Event, EventJurisdiction, EventQuerySet
from events.models.record import RecordEntry
from events.models.source import Correction, Source
from events.models.tally import (
    DayTally, JurisdictionTally, JurisdictionTotalTally, MoneyTally, MonthTally, PolicyTally, StateDayTally,
    StateMonthTally, StatePairTally, StatePlaceKindTally, StatePlaceTally, StatePlaceTotalTally, StateTally,
    TallyMember, TallyVersion,
)

__all__ = [
    "Case",
    "CaseParty",
    "Correction",
    "CourtRuling",
    "DayTally",
    "EnforcementOperation",
    "Event",
    "EventJurisdiction",
    "EventQuerySet",
    "FederalAction",
    "JurisdictionTally",
    "JurisdictionTotalTally",
    "MoneyTally",
    "MonthTally",
    "PolicyChange",
    "PolicyTally",
    "RecordEntry",
    "Source",
    "StateDayTally",
    "StateMonthTally",
    "StatePairTally",
    "StatePlaceKindTally",
    "StatePlaceTally",
    "StatePlaceTotalTally",
    "StateTally",
    "TallyMember",
    "TallyVersion",
]
