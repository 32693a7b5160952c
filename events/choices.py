"""Choices for the events app."""
from django.db import models


class EventKind(models.TextChoices):
    FEDERAL_ACTION = "federal_action", "Federal action"
    COURT_RULING = "court_ruling", "Court ruling"
    POLICY_CHANGE = "policy_change", "Policy change"
    ENFORCEMENT_OPERATION = "enforcement_operation", "Enforcement operation"


class EventStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    RETRACTED = "retracted", "Retracted"


class CorrectionKind(models.TextChoices):
    CORRECTION = "correction", "Correction"
    RETRACTION = "retraction", "Retraction"


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    # The sources report the event but do not say when it happened; it is never placed on a timeline.
    UNKNOWN = "unknown", "Not stated in the sources"


class Agency(models.TextChoices):
    DOJ = "DOJ", "Department of Justice"
    DHS = "DHS", "Department of Homeland Security"
    ICE = "ICE", "Immigration and Customs Enforcement"
    CBP = "CBP", "Customs and Border Protection"
    USCIS = "USCIS", "U.S. Citizenship and Immigration Services"
    FBI = "FBI", "Federal Bureau of Investigation"
    WHITE_HOUSE = "White House", "White House"
    OTHER = "other", "Other federal body"


class ActionType(models.TextChoices):
    EXECUTIVE_ORDER = "executive_order", "Executive order"
    MEMO = "memo", "Memo or directive"
    LAWSUIT = "lawsuit", "Lawsuit"
    SUBPOENA = "subpoena", "Subpoena or demand for documents"
    GRANT_CONDITION = "grant_condition", "Grant condition or funding cut"
    PROSECUTION = "prosecution", "Prosecution or charges"
    THREAT = "threat", "Public warning or threat"
    LIST = "list", "Publication of a list"
    OTHER = "other", "Other"


class RulingOutcome(models.TextChoices):
    FOR_JURISDICTION = "for_jurisdiction", "For the jurisdiction"
    FOR_FEDERAL = "for_federal", "For the federal government"
    MIXED = "mixed", "Mixed"
    PROCEDURAL = "procedural", "Procedural"


class RulingType(models.TextChoices):
    TRO = "tro", "Temporary restraining order"
    PRELIMINARY_INJUNCTION = "preliminary_injunction", "Preliminary injunction"
    PERMANENT_INJUNCTION = "permanent_injunction", "Permanent injunction"
    SUMMARY_JUDGMENT = "summary_judgment", "Summary judgment"
    DISMISSAL = "dismissal", "Dismissal"
    APPEAL = "appeal", "Appellate decision"
    OTHER = "other", "Other"


class PolicyChangeType(models.TextChoices):
    ADOPTED = "adopted", "Adopted"
    AMENDED = "amended", "Amended"
    ENDED = "ended", "Repealed or ended"
    BLOCKED = "blocked", "Blocked by a court"
    REAFFIRMED = "reaffirmed", "Reaffirmed"


class InvolvementRole(models.TextChoices):
    SUBJECT = "subject", "Subject"
    MENTIONED = "mentioned", "Mentioned"


class CaseStatus(models.TextChoices):
    OPEN = "open", "Open"
    DECIDED = "decided", "Decided"
    ON_APPEAL = "on_appeal", "On appeal"
    CLOSED = "closed", "Closed"


class PartyRole(models.TextChoices):
    PLAINTIFF = "plaintiff", "Plaintiff"
    DEFENDANT = "defendant", "Defendant"
    INTERVENOR = "intervenor", "Intervenor"
    AMICUS = "amicus", "Amicus"
