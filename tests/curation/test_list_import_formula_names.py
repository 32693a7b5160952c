"""Names that a spreadsheet would run as formulas are stored as plain text, shown escaped, and
neutralised when written to CSV (tracker.csvsafe)."""
import csv
import datetime
import io

import pytest

from jurisdictions.listimport import preview_upload, save_snapshot
from jurisdictions.models import Listing
from tests.curation.test_list_import_helpers import (  # noqa: F401
    CONFIRM_URL,
    csv_bytes,
    list_editor,
    official_list,
    upload,
)
from tracker.csvsafe import csv_lines

pytestmark = pytest.mark.django_db
FORMULA = "=cmd|' /C calc'!A0"
HYPERLINK = '=HYPERLINK("http://evil.example","Chicago")'


def test_formula_name_is_unresolved_not_evaluated(gazetteer):
    preview = preview_upload(csv_bytes([(FORMULA, "IL", "place")]))
    [result] = preview.unresolved
    assert result.row.name == FORMULA and FORMULA in result.reason


def test_formula_names_are_stored_verbatim_and_neutralised_on_export(client, list_editor, official_list, gazetteer):
    client.force_login(list_editor)
    response = upload(client, official_list, csv_bytes([(FORMULA, "IL", "place"), (HYPERLINK, "IL", "city"), ("+1", "IL", "")]))
    assert [r.row.line for r in response.context["preview"].unresolved] == [2, 3, 4]
    # The editor says which jurisdictions these rows are; the printed text is kept as printed.
    client.post(CONFIRM_URL, {
        "token": response.context["token"], "action": "save",
        "fixid-2": "geonames:4887398", "fixid-3": "fips:17031", "fixid-4": "fips:17",
    })
    stored = dict(Listing.objects.values_list("jurisdiction__uid", "name_as_listed"))
    assert stored == {"geonames:4887398": FORMULA, "fips:17031": HYPERLINK, "fips:17": "+1"}

    text = "".join(csv_lines(["name_as_listed", "id"], Listing.objects.order_by("pk").values_list("name_as_listed", "jurisdiction__uid")))
    cells = [row[0] for row in csv.reader(io.StringIO(text))][1:]
    assert cells == ["'" + FORMULA, "'" + HYPERLINK, "'+1"]


def test_markup_in_names_is_escaped_on_the_preview(client, list_editor, official_list, gazetteer):
    client.force_login(list_editor)
    response = upload(client, official_list, csv_bytes([('<script src="/x.js"></script>Chicago', "IL", "city")]))
    html = response.content.decode()
    assert "<script src=\"/x.js\">" not in html and "&lt;script src=&quot;/x.js&quot;&gt;" in html


def test_name_printed_with_formula_is_kept_through_save_snapshot(gazetteer, official_list):
    preview = preview_upload(csv_bytes([("@Chicago", "IL", "city")]), fixes={2: "geonames:4887398"})
    snapshot = save_snapshot(official_list, preview, published=datetime.date(2025, 8, 5), source_url="https://example.org/v")
    assert snapshot.listings.get().name_as_listed == "@Chicago"
