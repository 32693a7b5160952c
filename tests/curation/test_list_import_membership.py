"""memberships_over_time: for a jurisdiction's page, each list's versions and whether it was on each,
in a constant number of queries."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jurisdictions.listimport import create_snapshot
from jurisdictions.membership import memberships_over_time
from jurisdictions.models import Jurisdiction
from tests.curation.test_list_import_helpers import make_list
from tests.factories import make_jurisdiction

pytestmark = pytest.mark.django_db


def test_on_then_off_then_on_again(db):
    city, other = make_jurisdiction(name="Alpha"), make_jurisdiction(name="Beta")
    doj = make_list()
    days = [datetime.date(2025, 5, 29), datetime.date(2025, 6, 20), datetime.date(2025, 8, 5)]
    create_snapshot(doj, [(city, "City of Alpha"), (other, "Beta")], published=days[0], source_url="https://example.org/1")
    create_snapshot(doj, [(other, "Beta")], published=days[2], source_url="https://example.org/3")
    create_snapshot(doj, [(city, "Alpha")], published=days[1], source_url="https://example.org/2")

    [membership] = memberships_over_time(city)
    assert membership.official_list == doj
    assert [(v.published, v.listed, v.name_as_listed) for v in membership.versions] == [
        (days[0], True, "City of Alpha"), (days[1], True, "Alpha"), (days[2], False, ""),
    ]
    assert membership.ever_listed and not membership.on_latest_version


def test_lists_that_never_named_it_are_left_out_unless_asked(db):
    city, other = make_jurisdiction(), make_jurisdiction()
    create_snapshot(make_list(), [(other, "x")], published=datetime.date(2025, 1, 1), source_url="https://example.org/1")
    assert memberships_over_time(city) == []
    [membership] = memberships_over_time(city, only_listed=False)
    assert not membership.ever_listed and [v.listed for v in membership.versions] == [False]


def test_query_count_does_not_grow(db):
    city = make_jurisdiction()
    others = [make_jurisdiction() for _ in range(20)]

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            result = memberships_over_time(Jurisdiction.objects.get(pk=city.pk))
            [v.snapshot.official_list.name for m in result for v in m.versions]
        return len(ctx.captured_queries)

    def add_list(n: int, versions: int) -> None:
        official_list = make_list(name=f"List {n}", slug=f"list-{n}")
        for day in range(1, versions + 1):
            create_snapshot(official_list, [(city, "c"), *[(o, "o") for o in others]],
                            published=datetime.date(2025, 1, day), source_url="https://example.org/v")

    add_list(1, 1)
    small = count()
    for n in range(2, 6):
        add_list(n, 10)
    assert count() == small == 3  # the jurisdiction, the snapshots with their lists, the listings
