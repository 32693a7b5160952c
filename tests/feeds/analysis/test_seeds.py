"""All five seed articles are about sanctuary jurisdictions and enforcement; spot checks of what each names."""
import pytest

from tests.feeds.analysis.conftest import CALIFORNIA, CHICAGO, NYC, found
from tests.feeds.analysis.test_seed_2018_article import read_seed

SEEDS = ["000_7830a400163d6a6d.txt", "001_6e26120b966727e1.txt", "002_7e04b65d3752a108.txt",
         "003_df35bbd63d484e4c.txt", "004_4295ae625116deb8.txt"]


@pytest.mark.parametrize("name", SEEDS)
def test_every_seed_is_relevant(analyse, name):
    assert analyse(*read_seed(name)).relevant


def test_washington_is_the_federal_government_and_the_washington_times_a_paper(analyse):
    # 001 says "a shift in attitude from Washington" and quotes The Washington Times: no jurisdiction.
    assert analyse(*read_seed("001_6e26120b966727e1.txt")).jurisdictions == []


def test_sanctuary_jurisdictions_like_new_york_city(analyse):
    roles = found(analyse(*read_seed("000_7830a400163d6a6d.txt")))
    assert roles[NYC] == "subject"
    assert "fips:36" in roles and roles["fips:36"] == "mentioned"  # "upstate New York", "New York state"


def test_the_target_of_the_operation(analyse):
    roles = found(analyse(*read_seed("003_df35bbd63d484e4c.txt")))
    assert roles[CALIFORNIA] == "subject"  # "California will be the target of the initial operation"
    assert roles["fips:08031"] in ("subject", "mentioned")  # Denver, Colo. (not Denver, Pa.)
    assert "geonames:5186794" not in roles


def test_chicago_in_the_2025_memo_story(analyse):
    assert found(analyse(*read_seed("004_4295ae625116deb8.txt"))) == {CHICAGO: "subject"}
