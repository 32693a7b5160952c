"""Regions: no jurisdiction of their own; a region inside one state names that state, never as a subject."""
import pytest

from tests.feeds.analysis.conftest import CALIFORNIA, NEW_YORK_STATE, found


@pytest.mark.parametrize(
    "sentence",
    ["Snow fell across the Midwest.", "Storms hit New England.", "Crews worked along the Gulf Coast.",
     "Farms in the Pacific Northwest need workers."],
)
def test_multi_state_regions_name_nothing(analyse, sentence):
    assert found(analyse("", sentence)) == {}


def test_upstate_new_york_is_the_state_mentioned(analyse):
    result = analyse("ICE arrests rise in upstate New York", "Agents arrested 30 people in upstate New York.")
    assert found(result) == {NEW_YORK_STATE: "mentioned"}


def test_the_bay_area_is_in_california(analyse):
    assert found(analyse("", "ICE plans to surge agents to the Bay Area.")) == {CALIFORNIA: "mentioned"}


def test_southern_california_is_california(analyse):
    assert found(analyse("", "Raids spread across Southern California.")) == {CALIFORNIA: "mentioned"}
