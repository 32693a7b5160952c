"""When the reported event happened, when the text says so to the day.

The first day-precise expression in the title or the lead wins: an explicit date ("Jan. 24, 2018",
"January 24"), a weekday ("on Thursday", "last Monday", "Wednesday (January 24)"), or "yesterday"/"today".
Weekdays and words like "yesterday" need the publication date: a weekday means the most recent such day on
or before the publication day ("last" means strictly before), in the project's time zone. A date without a
year takes the publication year, or the year before if that would put it more than a week in the future.
Bylines and datelines are skipped; "next Monday" is a plan, not an event, and is skipped too. When the lead
names no day, the first day named in the next paragraphs (within ``FALLBACK_CHARS``) is taken.

Without a publication date (a feed or file that gives none), the article's own dateline or byline date
("By Staff, February 16, 2020", "WASHINGTON, Jan. 24, 2018 —", a line "August 5, 2025") stands in for it,
so "on Wednesday" still resolves.
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import Final

from feeds.analysis.terms import ANY, CAPITAL, Term

CATEGORY: Final = "date"
MONTH: Final = "month"
WEEKDAY: Final = "weekday"
RELATIVE: Final = "relative"
FUTURE_SLACK: Final = datetime.timedelta(days=7)

_MONTHS: Final = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS: Final = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_RELATIVE: Final = {"yesterday": -1, "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0}

TERMS: Final[list[tuple[str, Term]]] = [
    *((m, Term(CATEGORY, (MONTH, n), 1.0, CAPITAL)) for m, n in _MONTHS.items()),
    *((d, Term(CATEGORY, (WEEKDAY, n), 1.0, CAPITAL)) for d, n in _WEEKDAYS.items()),
    *((w, Term(CATEGORY, (RELATIVE, n), 1.0, ANY)) for w, n in _RELATIVE.items()),
]

# Matched right after a month name: the day, and maybe the year ("Jan. 24, 2018", "January 24th").
_DAY_YEAR: Final = re.compile(r"\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?(?![\d:])(?:,?[ \t]+((?:19|20)\d\d)(?!\d))?")
# Right after a weekday: an explicit date that pins it ("Wednesday (January 24)", "Monday, Jan. 22").
_WEEKDAY_DATE: Final = re.compile(
    r"[ \t]*(?:\(|,)[ \t]*(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?[ \t]+(\d{1,2})(?!\d)"
    r"(?:,?[ \t]+((?:19|20)\d\d))?"
)
_NUMERIC_DATE: Final = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")  # US order: 10/04/2025
DATELINE_CHARS: Final = 300  # where a byline or dateline date may stand
FALLBACK_CHARS: Final = 1200  # how far past the lead a day may be taken from when the lead names none
_BEFORE_WEEKDAY: Final = re.compile(r"\b(last|next|this|coming|until|by)[ \t]+$", re.IGNORECASE)


def publication_day(published: datetime.datetime | datetime.date | None) -> datetime.date | None:
    """The publication date in the project's time zone (feeds give UTC; US news days are local)."""
    if published is None:
        return None
    if isinstance(published, datetime.datetime):
        if published.tzinfo is not None:
            from django.utils import timezone

            return timezone.localtime(published).date()
        return published.date()
    return published


def dateline_day(text: str, hits: Iterable[tuple[int, int, Term]] = ()) -> datetime.date | None:
    """The date of a byline or dateline near the top of the text, if it gives one to the day. ``hits`` are
    the text's date-word hits (start, end, term): a month name there, then day and year, is the date."""
    for start, end, term in hits:
        if start >= DATELINE_CHARS:
            break
        kind, number = term.value
        if kind == MONTH:
            m = _DAY_YEAR.match(text, end)
            if m is not None and m.group(2):
                return _calendar(int(m.group(2)), number, int(m.group(1)), None)
    if "/" not in text[:DATELINE_CHARS]:
        return None
    n = _NUMERIC_DATE.search(text, 0, DATELINE_CHARS)
    if n is not None:
        return _calendar(int(n.group(3)), int(n.group(1)), int(n.group(2)), None)
    return None


def event_date(
    hits: Iterable[tuple[str, int, int, Term]], fields: dict, published: datetime.date | None
) -> datetime.date | None:
    """The event date from date-word hits as (field name, start, end, term), in reading order: the lead's
    first, else the first within reach after it."""
    later: list[tuple[str, int, int, Term]] = []
    for field_name, start, end, term in hits:
        field = fields[field_name]
        if not field.in_lead(start):
            if field.name != "title" and field.lead_end <= start < field.lead_end + FALLBACK_CHARS:
                later.append((field_name, start, end, term))
            continue
        found = _resolve(field.text, start, end, term.value, published)
        if found is not None:
            return found
    # After the lead, a day word ("on Tuesday") is the news; an explicit date there ("the April 5 raid") is
    # more often background, so day words are tried first.
    for wanted in (True, False):
        for field_name, start, end, term in later:
            if (term.value[0] != MONTH) == wanted:
                found = _resolve(fields[field_name].text, start, end, term.value, published)
                if found is not None:
                    return found
    return None


def _resolve(text: str, start: int, end: int, value: tuple[str, int], published: datetime.date | None
             ) -> datetime.date | None:
    kind, number = value
    if kind == MONTH:
        m = _DAY_YEAR.match(text, end)
        if not m:
            return None  # "in March": not to the day
        return _calendar(int(m.group(2)) if m.group(2) else None, number, int(m.group(1)), published)
    if kind == WEEKDAY:
        explicit = _WEEKDAY_DATE.match(text, end)
        if explicit:
            month = _MONTHS.get(explicit.group(1).lower().rstrip("."), _MONTHS.get(explicit.group(1).lower()[:3]))
            year = int(explicit.group(3)) if explicit.group(3) else None
            return _calendar(year, month, int(explicit.group(2)), published)
        if published is None:
            return None
        before = _BEFORE_WEEKDAY.search(text, max(0, start - 12), start)
        word = before.group(1).lower() if before else ""
        if word in ("next", "coming", "until", "by"):
            return None
        back = (published.weekday() - number) % 7
        if word == "last" and back == 0:
            back = 7
        return published - datetime.timedelta(days=back)
    if published is None:
        return None
    return published + datetime.timedelta(days=number)


def _calendar(year: int | None, month: int | None, day: int, published: datetime.date | None
              ) -> datetime.date | None:
    if month is None:
        return None
    if year is None:
        if published is None:
            return None
        year = published.year
        try:
            if datetime.date(year, month, day) > published + FUTURE_SLACK:
                year -= 1
        except ValueError:
            return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
