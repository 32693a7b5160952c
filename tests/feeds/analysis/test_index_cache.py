"""The automaton is built once per process and rebuilt only on reset() or when the gazetteer changed."""
from django.db import connection
from django.test.utils import CaptureQueriesContext

from feeds.analysis import gazetteer_index, reset
from feeds.analysis.gazetteer_index import get_index, refresh_if_changed


def test_built_once_and_analysis_makes_no_query(analyse):
    index = get_index()
    assert get_index() is index
    with CaptureQueriesContext(connection) as queries:
        analyse("ICE raids in Chicago", "Agents arrested 20 people in Chicago, Denver and Boston.")
    assert len(queries) == 0


def test_reset_rebuilds(analyse):
    before = get_index()
    reset()
    after = get_index()
    assert after is not before and after.keys == before.keys


def test_refresh_if_changed_notices_a_changed_gazetteer(analyse):
    from jurisdictions.models import Jurisdiction

    get_index()
    assert refresh_if_changed() is False
    chicago = Jurisdiction.objects.get(uid="geonames:4887398")
    chicago.aliases = [*chicago.aliases, "Windy City"]
    chicago.save()
    assert refresh_if_changed() is True
    assert [j.uid for j in analyse("", "Raids in the Windy City.").jurisdictions] == ["geonames:4887398"]
    reset()  # the next test sees the rolled-back rows


def test_refresh_if_changed_notices_a_deleted_jurisdiction_and_an_added_one(analyse):
    from jurisdictions.models import Jurisdiction
    from tests.factories import make_jurisdiction

    get_index()
    # Neither the newest change nor the highest id: only the count says the table changed.
    oldest = Jurisdiction.objects.filter(children__isnull=True).order_by("updated", "pk").first()
    assert oldest.pk != Jurisdiction.objects.order_by("-pk").first().pk
    oldest.delete()
    assert refresh_if_changed() is True
    get_index()
    assert refresh_if_changed() is False
    make_jurisdiction(name="Newtown")
    assert refresh_if_changed() is True
    reset()  # the next test sees the rolled-back rows


def test_county_totals_are_the_places_inside_each_county(gazetteer):
    """The database's two sums (places whose parent, or whose parent's parent, is a county) against the walk
    the index used to make over every row in Python."""
    from jurisdictions.choices import JurisdictionKind
    from jurisdictions.models import Jurisdiction

    rows = list(Jurisdiction.objects.values_list("id", "kind", "population", "parent_id"))
    kind_of = {r[0]: r[1] for r in rows}
    parent = {r[0]: r[3] for r in rows}
    expected: dict[int, int] = {}
    for jid, kind, population, _parent in rows:
        if kind != JurisdictionKind.PLACE:
            continue
        up = parent.get(jid)
        for _ in range(2):
            if up is None:
                break
            if kind_of.get(up) == JurisdictionKind.COUNTY:
                expected[up] = expected.get(up, 0) + (population or 0)
            up = parent.get(up)

    totals = gazetteer_index._county_totals()

    assert len(expected) > 1000
    assert {k: v for k, v in totals.items()} == expected

