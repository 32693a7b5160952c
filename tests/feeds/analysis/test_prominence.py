"""A bare ambiguous name: a candidate in a state the article names, else a clearly dominant big one, else none."""
from tests.feeds.analysis.conftest import DENVER, PORTLAND_ME, PORTLAND_OR, SPRINGFIELD_OH, found


def test_bare_portland_is_the_big_one(analyse):
    assert PORTLAND_OR in found(analyse("", "Protesters gathered outside the ICE office in Portland on Saturday."))


def test_bare_portland_in_a_story_about_maine_is_portland_maine(analyse):
    roles = found(analyse("", "Maine officials met on Monday. The council in Portland debated an ordinance."))
    assert PORTLAND_ME in roles and PORTLAND_OR not in roles


def test_springfield_alone_is_too_ambiguous(analyse):
    # Springfield, Mo., Mass., Ill. and Ohio are all of a size: without a state, none is chosen.
    assert found(analyse("", "Immigrant families in Springfield said they were afraid.")) == {}


def test_springfield_beside_ohio_is_springfield_ohio(analyse):
    roles = found(analyse("", "Immigrant families in Springfield said they were afraid. Ohio's governor visited."))
    assert SPRINGFIELD_OH in roles


def test_a_tiny_namesake_in_a_named_state_does_not_beat_a_big_city(analyse):
    # Philadelphia names Pennsylvania, and Denver, Pa. exists (3,900 people); Denver is still Denver, Colo.
    roles = found(analyse("", "Operations are planned for Philadelphia and Denver."))
    assert DENVER in roles and "geonames:5186794" not in roles


def test_small_places_need_a_state(analyse):
    # "Post" (Texas, 5,000 people) and "Arthur" (Ill.) are not places here.
    assert found(analyse("", "Sources told The Post that Arthur said the plan was legal.")) == {}
