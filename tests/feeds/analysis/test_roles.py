"""Subject or mentioned, by rules a reader can check."""
from tests.feeds.analysis.conftest import BOSTON, CHICAGO, LOS_ANGELES, SEATTLE, found

FILLER = "\n\n" + "Background paragraph with nothing in it. " * 3 + "\n\n"


def test_a_name_in_the_title_is_a_subject(analyse):
    assert found(analyse("Judge in Chicago blocks grant conditions", "The ruling came Friday.")) == {CHICAGO: "subject"}


def test_the_target_of_an_action_is_a_subject_anywhere(analyse):
    text = "The department acted on Monday." + FILLER + "It also sued Harris County over its jail policy."
    assert found(analyse("", text))["fips:48201"] == "subject"


def test_a_place_where_agents_arrest_people_is_a_subject(analyse):
    text = "ICE said on Tuesday that it arrested 14 people in Rochester, N.Y., last week."
    assert found(analyse("", text)) == {"geonames:5134086": "subject"}


def test_a_list_of_jurisdictions_shares_the_cue(analyse):
    text = "The memo targets sanctuary jurisdictions, including Philadelphia, Boston and Seattle."
    roles = found(analyse("", text))
    assert roles[BOSTON] == roles[SEATTLE] == roles["fips:42101"] == "subject"


def test_a_jurisdiction_acting_in_the_lead_is_a_subject(analyse):
    text = "Monroe County ended an agreement with ICE on Tuesday, officials said, after months of debate."
    assert found(analyse("", text)) == {"fips:36055": "subject"}


def test_a_jurisdiction_acting_in_background_paragraphs_is_mentioned(analyse):
    text = "The Justice Department threatened subpoenas on Wednesday to two dozen cities." + FILLER + (
        "Last fall a judge ruled after Chicago sued the attorney general."
    )
    assert found(analyse("", text)) == {CHICAGO: "mentioned"}


def test_a_jurisdictions_own_policy_is_the_topic(analyse):
    assert found(analyse("", "Nothing new today." + FILLER + "California's sanctuary law stands."))["fips:06"] == "subject"


def test_sent_agents_to_a_city(analyse):
    text = "The department sent about 200 Border Patrol agents to Los Angeles on Saturday."
    assert found(analyse("", text)) == {LOS_ANGELES: "subject"}


def test_a_place_only_named_is_mentioned(analyse):
    text = "Forecasters expect heat in the region this week, with cooling centers open." + FILLER + (
        "Officials in Tucson urged workers to take breaks."
    )
    assert found(analyse("", text)) == {"geonames:5318313": "mentioned"}
