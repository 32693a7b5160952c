"""Choices for the feeds app."""
from django.db import models


class FetchOutcome(models.TextChoices):
    RUNNING = "running", "Running"
    OK = "ok", "Fetched"
    NOT_MODIFIED = "not_modified", "Not modified (304)"
    HTTP_ERROR = "http_error", "HTTP error"
    TOO_LARGE = "too_large", "Response too large"
    TIMEOUT = "timeout", "Timed out"
    REFUSED = "refused", "Refused (unsafe address or document)"
    PARSE_ERROR = "parse_error", "Not a readable feed"
    NETWORK_ERROR = "network_error", "Network error"
    LOST = "lost", "Lost (the worker stopped)"


class ReviewStatus(models.TextChoices):
    NEW = "new", "New"
    PROMOTED = "promoted", "Promoted to an event"
    ATTACHED = "attached", "Attached to an event as a source"
    DISMISSED = "dismissed", "Dismissed"
    DUPLICATE = "duplicate", "Duplicate"


class MatchRole(models.TextChoices):
    SUBJECT = "subject", "Subject"
    MENTIONED = "mentioned", "Mentioned"
