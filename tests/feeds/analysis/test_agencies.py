"""Agencies by name or upper-case acronym; an attorney general is the DOJ's unless a state stands before it."""
import pytest


@pytest.mark.parametrize(
    ("sentence", "agencies"),
    [
        ("The Justice Department and the FBI opened an inquiry.", ["DOJ", "FBI"]),
        ("Immigration and Customs Enforcement and the Border Patrol made arrests.", ["ICE", "CBP"]),
        ("DHS said USCIS would pause the program; the White House agreed.", ["DHS", "USCIS", "White House"]),
        ("Attorney General Jeff Sessions said so.", ["DOJ"]),
        ("Texas Attorney General Ken Paxton sued the county.", []),
        ("The state's attorney general disagreed.", []),
        ("Roads were slick with ice after the storm.", []),
    ],
)
def test_agencies(analyse, sentence, agencies):
    assert analyse("", sentence).agencies == agencies


def test_white_house_is_the_presidents_not_the_town(analyse):
    result = analyse("", "The White House ordered a review of grants to sanctuary cities.")
    assert result.agencies == ["White House"] and result.jurisdictions == []
