"""A state after a place name decides which place it is, in AP style, in full or as a postal code."""
import pytest

from tests.feeds.analysis.conftest import PORTLAND_ME, PORTLAND_OR, ROCHESTER_MN, ROCHESTER_NY, found


@pytest.mark.parametrize(
    ("sentence", "uid"),
    [
        ("Agents made arrests in Rochester, N.Y., on Tuesday.", ROCHESTER_NY),
        ("Agents made arrests in Rochester, New York, on Tuesday.", ROCHESTER_NY),
        ("Agents made arrests in Rochester, Minn., on Tuesday.", ROCHESTER_MN),
        ("Agents made arrests in Rochester, MN on Tuesday.", ROCHESTER_MN),
        ("The council in Portland, Ore., voted.", PORTLAND_OR),
        ("The council in Portland, Maine, voted.", PORTLAND_ME),
        ("Arrests in Escondido, Calif., rose.", "geonames:5346827"),
        ("Arrests in Waukegan, Ill., rose.", "geonames:4915734"),
        ("Arrests in Chelsea, Mass., rose.", "geonames:4932879"),
        ("Advocates in Charlotte, N.C., spoke.", "geonames:4460243"),
    ],
)
def test_state_after_the_name_picks_the_place(analyse, sentence, uid):
    roles = found(analyse("", sentence))
    assert uid in roles


def test_the_state_in_an_address_is_not_a_mention_of_its_own(analyse):
    roles = found(analyse("", "Two men were stopped in Tonawanda, New York, driving a truck."))
    assert roles == {"geonames:5141175": "mentioned"}
