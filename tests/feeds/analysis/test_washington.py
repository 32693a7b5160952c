""""Washington" is the federal government unless the text names the state; "Washington, D.C." is the District."""
import pytest

from tests.feeds.analysis.conftest import DC, SEATTLE, WASHINGTON_STATE, found


@pytest.mark.parametrize(
    "sentence",
    [
        "With a shift in attitude from Washington, agents were freed from limits.",
        "Officials in Washington called the lawsuit a stunt.",
        "Lawmakers in Washington have not acted.",
    ],
)
def test_washington_alone_is_the_federal_government(analyse, sentence):
    assert found(analyse("", sentence)) == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "Washington state sued the federal government on Thursday.",
        "Washington Gov. Bob Ferguson refused the request.",
        "Washington Attorney General Nick Brown said the center broke the law.",
        "The state of Washington sued on Thursday.",
    ],
)
def test_washington_the_state_when_the_text_says_so(analyse, sentence):
    assert WASHINGTON_STATE in found(analyse("", sentence))


@pytest.mark.parametrize(
    "sentence",
    ["Mayors met in Washington, D.C., on Monday.", "Mayors met in Washington D.C. on Monday.",
     "Mayors met in Washington, DC on Monday.", "D.C. police will not make immigration arrests."],
)
def test_washington_dc_is_the_district_of_columbia(analyse, sentence):
    assert found(analyse("", sentence)) == {DC: "mentioned"}


def test_seattle_washington_names_seattle_not_the_state(analyse):
    assert found(analyse("", "Mayors from Seattle, Washington, traveled to the capital.")) == {SEATTLE: "mentioned"}
