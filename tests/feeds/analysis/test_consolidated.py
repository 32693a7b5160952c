"""A consolidated city-county is one jurisdiction, whichever of its names the text uses."""
import pytest

from tests.feeds.analysis.conftest import DENVER, NEW_ORLEANS, SAN_FRANCISCO, found


@pytest.mark.parametrize(
    ("sentence", "uid"),
    [
        ("Officials of the City and County of Denver said no.", DENVER),
        ("Denver County officials said no.", DENVER),
        ("San Francisco County supervisors voted.", SAN_FRANCISCO),
        ("The City and County of San Francisco sued.", SAN_FRANCISCO),
        ("Orleans Parish officials said they would revisit the policy.", NEW_ORLEANS),
        ("The Metro Nashville Council voted.", "fips:47037"),
    ],
)
def test_county_names_of_a_consolidated_government_are_the_city(analyse, sentence, uid):
    assert list(found(analyse("", sentence))) == [uid]


def test_both_names_give_one_jurisdiction_with_two_mentions(analyse):
    result = analyse("", "New Orleans would revisit its policy, Orleans Parish officials said.")
    assert [j.uid for j in result.jurisdictions] == [NEW_ORLEANS]
    assert [m.text for m in result.jurisdictions[0].evidence] == ["New Orleans", "Orleans Parish"]
