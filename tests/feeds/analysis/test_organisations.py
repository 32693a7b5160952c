"""A place inside an organisation's name is not the jurisdiction: papers, teams, universities."""
import pytest

from tests.feeds.analysis.conftest import CHICAGO, found


@pytest.mark.parametrize(
    "sentence",
    [
        "The Washington Post reported the plan.",
        "According to the Chicago Tribune, the mayor skipped the meeting.",
        "The San Francisco 49ers signed a linebacker.",
        "The New York Times and the Los Angeles Times reported the raids.",
        "The Boston Globe ran the story.",
        "He played for the Dallas Cowboys and the Denver Nuggets.",
        "Researchers at the University of California studied it.",
        "Shares rose on the New York Stock Exchange.",
        "She studied at Tufts University.",
    ],
)
def test_organisation_names_are_not_jurisdictions(analyse, sentence):
    assert found(analyse("", sentence)) == {}


def test_the_citys_own_police_are_still_the_city(analyse):
    assert CHICAGO in found(analyse("", "The Chicago Police Department will not help ICE."))
