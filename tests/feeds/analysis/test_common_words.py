"""Place names that are ordinary words (measured against a dictionary) need a state or a big city's weight."""
import pytest

from feeds.analysis.common_words import common_words
from tests.feeds.analysis.conftest import MOBILE_AL, found


def test_the_measured_list_has_the_words_that_bite():
    words = common_words()
    for word in ("commerce", "justice", "mission", "enterprise", "liberty", "independence", "union", "mobile",
                 "reading", "surprise", "march"):
        assert word in words


@pytest.mark.parametrize(
    "sentence",
    [
        "The Commerce Department revised its figures.",
        "The Justice Department sued. The Department of Homeland Security agreed.",
        "Thousands watched the Independence Day parade on Main Street.",
        "Union members marched beside the Liberty Bell replica.",
        "Mission officials said parking would be free. Enterprise Rent-A-Car sponsored a tent.",
        "Reading the memo, officials were surprised.",
        "Consumer spending was strong in March.",
        "The Justice said the ruling would stand.",
    ],
)
def test_common_words_are_not_places(analyse, sentence):
    assert found(analyse("", sentence)) == {}


def test_a_common_word_with_its_state_is_the_place(analyse):
    assert MOBILE_AL in found(analyse("", "The sheriff in Mobile, Ala., signed the agreement."))


def test_a_common_word_in_a_state_the_article_names(analyse):
    roles = found(analyse("", "Alabama requires cooperation. Officials in Mobile said the program starts soon."))
    assert MOBILE_AL in roles


def test_a_common_word_in_a_title_case_headline_needs_its_state(analyse):
    assert found(analyse("Union Leaders Rally Against Detention", "Workers rallied on Saturday.")) == {}
