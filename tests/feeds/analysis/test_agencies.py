"""Agencies by name or upper-case acronym; an attorney general is the DOJ's unless a state stands before it."""
import pytest


@pytest.mark.parametrize(
    ("sentence", "agencies"),
    [
        ("The Justice Department and the FBI opened an inquiry.", ["DOJ", "FBI"]),
        ("Immigration and Customs Enforcement and the Border Patrol made arrests.", ["ICE", "CBP"]),
        ("DHS said USCIS would pause the program; the White House agreed.", ["DHS", "USCIS", "White House"]),
        ("Attorney General Jeff Sessions said so.", ["DOJ"]),
        ("Texas Attorney General Ken Paxton sued the county.", []),
        ("The state's attorney general disagreed.", []),
        ("Roads were slick with ice after the storm.", []),
    ],
)
def test_agencies(analyse, sentence, agencies):
    assert analyse("", sentence).agencies == agencies


def test_white_house_is_the_presidents_not_the_town(analyse):
    result = analyse("", "The White House ordered a review of grants to sanctuary cities.")
    assert result.agencies == ["White House"] and result.jurisdictions == []


@pytest.mark.parametrize(
    ("sentence", "agencies", "named_only"),
    [
        # Named, not acting: a reference, a request for comment, the object of a policy.
        ("ICE did not respond to a request for comment.", [], ["ICE"]),
        ("The county limits cooperation with ICE at its jail.", [], ["ICE"]),
        ("The ordinance limits what police share with Immigration and Customs Enforcement.", [], ["ICE"]),
        ("The sheriff signed a 287(g) agreement with ICE on Tuesday.", [], ["ICE"]),
        ("A spokesperson for ICE declined to comment.", [], ["ICE"]),
        # Acting: subject of a verb, with its people and a date between; passive agent; source; party; sender.
        ("ICE officers on Tuesday arrested 14 people.", ["ICE"], []),
        ("Homeland Security Secretary Kristi Noem said the list would be updated.", ["DHS"], []),
        ("The student was detained by Immigration and Customs Enforcement near her home.", ["ICE"], []),
        ("Ten people were arrested, according to ICE.", ["ICE"], []),
        ("The judge blocked the Justice Department from attaching the conditions.", ["DOJ"], []),
        ("Cities received letters from the Justice Department this week.", ["DOJ"], []),
        ("Katie Waldman, a spokeswoman for the Department of Homeland Security, said it was irresponsible.", ["DHS"], []),
        # The White House: an executive order at issue, the President acting; the administration suing is the DOJ.
        ("A judge halted the executive order President Trump signed in January.", ["White House"], []),
        ("The Trump administration sued the city on Thursday.", ["DOJ"], []),
        # "the agency said": the agency named last.
        ("Senators wrote to ICE about the deaths. The agency said it provides care to everyone in custody.", ["ICE"], []),
        # Another ICE altogether.
        ("Intercontinental Exchange (ICE) said its revenue rose.", [], []),
    ],
)
def test_agency_roles(analyse, sentence, agencies, named_only):
    result = analyse("", sentence)
    assert result.agencies == agencies
    named = sorted({m.agency for m in result.agency_evidence if m.role == "named"} - set(agencies))
    assert named == named_only
    for mention in result.agency_evidence:
        assert sentence[mention.start:mention.end] == mention.text and mention.text in mention.context


def test_a_mayors_executive_order_is_not_the_white_house(analyse):
    result = analyse("", "Hoboken became a welcoming city through an executive order of the mayor and a police general order.")
    assert "White House" not in result.agencies
