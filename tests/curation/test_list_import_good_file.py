"""A good file: every row resolves against the real gazetteer, however the list styles its names,
and saving writes the snapshot with the names exactly as printed."""
import codecs
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jurisdictions.listimport import preview_upload, save_snapshot
from jurisdictions.models import Listing, ListSnapshot
from tests.curation.test_list_import_helpers import GOOD_ROWS, GOOD_UIDS, csv_bytes, official_list  # noqa: F401

pytestmark = pytest.mark.django_db


def resolved_uids(preview):
    return {r.jurisdiction.uid for r in preview.resolved}


def test_doj_style_names_resolve(gazetteer):
    preview = preview_upload(csv_bytes(GOOD_ROWS))
    assert preview.errors == [] and preview.problems == []
    assert resolved_uids(preview) == GOOD_UIDS
    assert preview.ready


def test_plain_names_resolve_too(gazetteer):
    rows = [("Chicago", "IL", "city"), ("Cook County", "IL", "county"), ("Illinois", "IL", "state"),
            ("San Francisco", "CA", "city"), ("New York City", "NY", "city"), ("Denver", "CO", "city")]
    assert resolved_uids(preview_upload(csv_bytes(rows))) == GOOD_UIDS


def test_kind_tells_los_angeles_city_from_county(gazetteer):
    preview = preview_upload(csv_bytes([("Los Angeles", "CA", "city"), ("Los Angeles", "CA", "county")]))
    assert [r.jurisdiction.uid for r in preview.resolved] == ["geonames:5368361", "fips:06037"]


def test_printed_name_is_preferred_over_restyled_one(gazetteer):
    # "Baltimore County" must not become Baltimore city; "Baltimore City" is the independent city.
    preview = preview_upload(csv_bytes([("Baltimore County", "MD", ""), ("Baltimore City", "MD", "")]))
    assert [r.jurisdiction.uid for r in preview.resolved] == ["fips:24005", "fips:24510"]


def test_state_may_be_written_out(gazetteer):
    preview = preview_upload(csv_bytes([("Multnomah County", "Oregon", "county")]))
    assert [r.jurisdiction.uid for r in preview.resolved] == ["fips:41051"]


def test_headers_any_case_any_order_with_id_column_and_bom(gazetteer):
    data = codecs.BOM_UTF8 + csv_bytes(
        [("IL", "Chicago", "geonames:4887398", "City"), ("CA", "San Francisco", "", "")],
        header=("State", "NAME", "Id", "Kind"),
    )
    preview = preview_upload(data)
    assert preview.errors == [] and resolved_uids(preview) == {"geonames:4887398", "fips:06075"}


def test_windows_1252_file_is_read_with_a_warning(gazetteer):
    data = csv_bytes([("Doña Ana County", "NM", "county")], encoding="cp1252")
    preview = preview_upload(data)
    assert resolved_uids(preview) == {"fips:35013"}
    assert preview.resolved[0].row.name == "Doña Ana County"
    assert any("Windows-1252" in w for w in preview.warnings)


def test_utf8_file_has_no_encoding_warning(gazetteer):
    preview = preview_upload(csv_bytes([("Doña Ana County", "NM", "county")]))
    assert resolved_uids(preview) == {"fips:35013"} and preview.warnings == []


def test_duplicates_are_reported_and_saved_once(gazetteer, official_list):
    preview = preview_upload(csv_bytes([*GOOD_ROWS, ("Chicago", "IL", "city")]))
    assert preview.ready
    [duplicate] = preview.duplicates
    assert duplicate.row.line == 8 and duplicate.duplicate_of == 2
    snapshot = save_snapshot(official_list, preview, published=datetime.date(2025, 8, 5), source_url="https://example.org/v1")
    assert snapshot.listings.count() == len(GOOD_UIDS)


def test_save_keeps_names_as_printed(gazetteer, official_list):
    preview = preview_upload(csv_bytes(GOOD_ROWS))
    snapshot = save_snapshot(
        official_list, preview, published=datetime.date(2025, 8, 5), source_url="https://example.org/v1",
        source_title="Version 1",
    )
    assert ListSnapshot.objects.get() == snapshot
    stored = dict(Listing.objects.values_list("jurisdiction__uid", "name_as_listed"))
    assert stored["geonames:4887398"] == "City of Chicago"
    assert stored["fips:06075"] == "City and County of San Francisco"
    assert set(stored) == GOOD_UIDS


def test_resolution_queries_do_not_grow_with_rows(gazetteer):
    def queries(rows) -> int:
        with CaptureQueriesContext(connection) as ctx:
            preview = preview_upload(csv_bytes(rows))
        assert preview.ready
        return len(ctx.captured_queries)

    many = GOOD_ROWS * 40  # 240 rows, all resolving (duplicates after the first six)
    assert queries(GOOD_ROWS) == queries(many)
