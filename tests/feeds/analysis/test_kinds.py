"""Event kinds from cue phrases, weighted towards the title and the lead."""
import pytest

RELEVANT = " ICE agents and immigration officers were involved, deportation cases rose."


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        ("Judge blocks sanctuary grant conditions", "A federal judge issued an injunction on Friday." + RELEVANT,
         "court_ruling"),
        ("Council votes to limit ICE detainers", "The city council voted to adopt an ordinance." + RELEVANT,
         "policy_change"),
        ("ICE raids meatpacking plant", "Agents raided the plant and arrested 70 workers in an operation." + RELEVANT,
         "enforcement_operation"),
        ("DOJ subpoenas sanctuary cities", "The Justice Department issued subpoenas under an executive order." + RELEVANT,
         "federal_action"),
    ],
)
def test_the_main_kind_is_found(analyse, title, text, kind):
    result = analyse(title, text)
    assert result.relevant
    assert kind in result.kinds
