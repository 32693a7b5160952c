"""The 2018 seed article: the DOJ threatens 23 jurisdictions; the issue says who is subject and who is mentioned."""
import datetime

from tests.conftest import shared_path
from tests.feeds.analysis.conftest import (
    CALIFORNIA, CHICAGO, DC, ILLINOIS, LOS_ANGELES, NEW_ORLEANS, NYC, SAN_FRANCISCO, SANTA_CLARA_COUNTY, found,
)


def read_seed(name: str) -> tuple[str, str]:
    title, _, text = shared_path("seeds", name).read_text(encoding="utf-8").partition("\n")
    return title, text


def test_subjects_and_mentions_are_as_the_issue_says(analyse):
    title, text = read_seed("002_7e04b65d3752a108.txt")
    result = analyse(title, text, datetime.date(2018, 1, 25))
    roles = found(result)
    subjects = {uid for uid, role in roles.items() if role == "subject"}
    mentioned = {uid for uid, role in roles.items() if role == "mentioned"}
    assert subjects == {CALIFORNIA, ILLINOIS, NYC, LOS_ANGELES}
    assert {CHICAGO, SAN_FRANCISCO, SANTA_CLARA_COUNTY, NEW_ORLEANS} <= mentioned
    # "in Washington D.C. for the U.S. Conference of Mayors" names the District; nothing else is found
    # (not the Washington Post, not the Chicago Tribune).
    assert mentioned - {CHICAGO, SAN_FRANCISCO, SANTA_CLARA_COUNTY, NEW_ORLEANS} == {DC}


def test_is_relevant_with_the_dojs_threat_dated_wednesday(analyse):
    title, text = read_seed("002_7e04b65d3752a108.txt")
    result = analyse(title, text, datetime.date(2018, 1, 25))
    assert result.relevant and result.score >= 0.5
    assert result.event_date == datetime.date(2018, 1, 24)  # "on Wednesday (January 24)", not the byline's Jan 25
    assert "federal_action" in result.kinds
    assert result.agencies == ["DOJ", "ICE"]
