""""New York" is the city or the state by context; the boroughs are the gazetteer's own places."""
import pytest

from tests.feeds.analysis.conftest import NEW_YORK_STATE, NYC, found


@pytest.mark.parametrize(
    "sentence",
    ["New York state lawmakers passed the bill.", "New York Gov. Kathy Hochul signed it.",
     "Police across the state of New York must comply.", "New York lawmakers passed it in June."],
)
def test_the_state(analyse, sentence):
    assert set(found(analyse("", sentence))) == {NEW_YORK_STATE}


@pytest.mark.parametrize(
    "sentence",
    ["New York City limits cooperation.", "The NYC council voted.", "New York police will not help.",
     "Oil prices slipped in New York trading."],
)
def test_the_city(analyse, sentence):
    assert set(found(analyse("", sentence))) == {NYC}


def test_bare_new_york_follows_the_state_when_only_the_state_is_named(analyse):
    roles = found(analyse("", "New York state passed a law. Advocates in New York cheered."))
    assert set(roles) == {NEW_YORK_STATE}


def test_the_boroughs_are_places_of_their_own(analyse):
    roles = found(analyse("", "Raids in Queens and the Bronx. Protests in Manhattan and Brooklyn."))
    assert set(roles) == {"geonames:5133273", "geonames:5110266", "geonames:5125771", "geonames:5110302"}
