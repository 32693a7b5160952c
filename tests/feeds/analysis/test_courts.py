"""Court names describe a court's territory: the state is not a party, and a state court makes no subject."""
import pytest

from tests.feeds.analysis.conftest import CALIFORNIA, found


@pytest.mark.parametrize(
    "sentence",
    [
        "A federal judge in the Northern District of Illinois blocked the conditions.",
        "The U.S. Attorney for the Western District of New York charged him.",
        "The case is pending in the U.S. District Court for the District of Columbia.",
        "The 9th Circuit heard arguments. A lawsuit is before the D.C. Circuit.",
        "A judge in the Southern District of Texas ruled.",
    ],
)
def test_federal_court_districts_name_no_jurisdiction(analyse, sentence):
    assert found(analyse("", sentence)) == {}


def test_a_state_court_mentions_the_state_but_does_not_make_it_a_subject(analyse):
    result = analyse("California Supreme Court rules on sanctuary law", "The court ruled on Monday.")
    assert found(result) == {CALIFORNIA: "mentioned"}
