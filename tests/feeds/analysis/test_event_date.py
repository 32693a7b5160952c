"""The event date: explicit dates, weekdays relative to publication, yesterday/today; None when undeterminable."""
import datetime

import pytest

RELEVANT = " The sanctuary city limits cooperation with ICE on immigration detainers and deportation."
THURSDAY = datetime.date(2025, 3, 13)


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("Agents made arrests on Thursday.", THURSDAY, "2025-03-13"),
        ("Agents made arrests on Tuesday.", THURSDAY, "2025-03-11"),
        ("Agents made arrests last Thursday.", THURSDAY, "2025-03-06"),
        ("Agents made arrests yesterday.", THURSDAY, "2025-03-12"),
        ("The DOJ on Wednesday (January 24) escalated pressure.", datetime.date(2018, 1, 25), "2018-01-24"),
        ("The order was signed Jan. 24, 2018, in the capital.", None, "2018-01-24"),
        ("The order was signed January 24 in the capital.", THURSDAY, "2025-01-24"),
        ("The order was signed December 30 in the capital.", datetime.date(2025, 1, 3), "2024-12-30"),
        ("Agents made arrests on Tuesday.", None, None),
        ("Agents will return next Monday.", THURSDAY, None),
        ("Arrests rose in March.", THURSDAY, None),
    ],
)
def test_event_date(analyse, sentence, published, expected):
    result = analyse("", sentence + RELEVANT, published)
    assert result.relevant
    assert (result.event_date.isoformat() if result.event_date else None) == expected


def test_a_byline_date_is_not_the_event(analyse):
    text = "By A. Reporter Jan 25, 2018\n\nThe DOJ on Wednesday threatened subpoenas." + RELEVANT
    assert analyse("", text, datetime.date(2018, 1, 25)).event_date == datetime.date(2018, 1, 24)


def test_an_aware_publication_time_counts_in_the_projects_time_zone(analyse):
    # 02:00 UTC on Friday is still Thursday evening in New York.
    published = datetime.datetime(2025, 3, 14, 2, 0, tzinfo=datetime.timezone.utc)
    assert analyse("", "Agents made arrests today." + RELEVANT, published).event_date == THURSDAY
