"""People's names that are also places are people: after a first name or a title, and throughout the article."""
import pytest

from tests.feeds.analysis.conftest import JACKSON_MS, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Historians discussed Andrew Jackson and the removal of the Cherokee.",
        "Sen. Elizabeth Warren demanded answers. Warren said ICE had failed.",
        "Mayor Eric Adams spoke. Adams said the city would comply.",
        "Chicago Mayor Rahm Emanuel skipped the meeting. Said Emanuel: no.",
        "Seven years after Hurricane Florence, new maps were released.",
        "A statue of Abraham Lincoln stands outside.",
        "Acting director Thomas Homan spoke.",
    ],
)
def test_people_are_not_places(analyse, sentence):
    assert [uid for uid in found(analyse("", sentence)) if uid != "geonames:4887398"] == []


def test_a_person_named_once_is_a_person_later_too(analyse):
    assert found(analyse("", "Jackson said the plan was cruel. Historians mention Andrew Jackson often.")) == {}


def test_the_place_with_its_state_is_a_place(analyse):
    assert JACKSON_MS in found(analyse("", "Police in Jackson, Miss., said Monday they would not join sweeps."))
