"""Rows that name several jurisdictions, or none, or whose id contradicts the row: shown with candidates
or a reason, never guessed."""
import pytest

from jurisdictions.listimport import AMBIGUOUS, UNRESOLVED, preview_upload
from tests.curation.test_list_import_helpers import csv_bytes

pytestmark = pytest.mark.django_db


def only(preview):
    [result] = preview.results
    return result


def test_county_name_without_state_is_ambiguous(gazetteer):
    result = only(preview_upload(csv_bytes([("Washington County", "", "county")])))
    assert result.status == AMBIGUOUS and result.jurisdiction is None
    states = {j.state for j in result.candidates}
    assert len(result.candidates) >= 25 and {"OR", "PA", "MN"} <= states
    assert all(j.name == "Washington County" for j in result.candidates)
    assert "add the state" in result.reason


def test_place_without_state_is_ambiguous_with_biggest_first(gazetteer):
    result = only(preview_upload(csv_bytes([("Portland", "", "place")])))
    assert result.status == AMBIGUOUS
    assert [str(j) for j in result.candidates[:2]] == ["Portland, OR", "Portland, ME"]
    assert all(j.kind == "place" for j in result.candidates)


def test_the_state_settles_it(gazetteer):
    result = only(preview_upload(csv_bytes([("Portland", "OR", "place")])))
    assert result.status == "resolved" and result.jurisdiction.uid == "geonames:5746545"


def test_a_file_with_an_ambiguous_row_is_not_ready(gazetteer):
    preview = preview_upload(csv_bytes([("Chicago", "IL", "city"), ("Washington County", "", "")]))
    assert len(preview.resolved) == 1 and len(preview.ambiguous) == 1
    assert not preview.ready


def test_unknown_name_is_unresolved_with_suggestions(gazetteer):
    result = only(preview_upload(csv_bytes([("Chicag", "IL", "city")])))
    assert result.status == UNRESOLVED and "No city or place called “Chicag” in IL" in result.reason
    assert "geonames:4887398" in {j.uid for j in result.candidates}
    assert all(j.state == "IL" for j in result.candidates)


def test_unknown_state_and_kind_are_reasons(gazetteer):
    preview = preview_upload(csv_bytes([("Chicago", "ZZ", "city"), ("Chicago", "IL", "metropolis")]))
    assert [r.status for r in preview.results] == [UNRESOLVED, UNRESOLVED]
    assert "Unknown state “ZZ”" in preview.results[0].reason
    assert "Unknown kind “metropolis”" in preview.results[1].reason


def test_wrong_kind_finds_nothing(gazetteer):
    # Chicago is a city, not a county; the import does not silently take the city.
    result = only(preview_upload(csv_bytes([("Chicago", "IL", "county")])))
    assert result.status == UNRESOLVED


def test_id_wins_when_it_agrees(gazetteer):
    data = csv_bytes([("Portland", "OR", "city", "geonames:5746545")], header=("name", "state", "kind", "id"))
    result = only(preview_upload(data))
    assert result.status == "resolved" and result.jurisdiction.uid == "geonames:5746545"


def test_id_must_agree_with_name_and_state(gazetteer):
    data = csv_bytes(
        [("Chicago", "IL", "city", "fips:17031"), ("Cook County", "MN", "county", "fips:17031")],
        header=("name", "state", "kind", "id"),
    )
    preview = preview_upload(data)
    assert [r.status for r in preview.results] == [UNRESOLVED, UNRESOLVED]
    assert "called Cook County" in preview.results[0].reason
    assert "the state is IL" in preview.results[1].reason
    assert not preview.ready


def test_unknown_id_is_unresolved(gazetteer):
    data = csv_bytes([("Chicago", "IL", "city", "geonames:1")], header=("name", "state", "kind", "id"))
    result = only(preview_upload(data))
    assert result.status == UNRESOLVED and "No jurisdiction has the id “geonames:1”" in result.reason


def test_editor_fix_resolves_an_ambiguous_row(gazetteer):
    data = csv_bytes([("Chicago", "IL", "city"), ("Washington County", "", "county")])
    preview = preview_upload(data, fixes={3: "fips:41067"})
    assert preview.ready
    fixed = preview.resolved[1]
    assert fixed.jurisdiction.uid == "fips:41067" and fixed.fixed_by_editor


def test_editor_fix_with_unknown_id_stays_unresolved(gazetteer):
    preview = preview_upload(csv_bytes([("Washington County", "", "county")]), fixes={2: "fips:99999"})
    assert not preview.ready and "No jurisdiction has the id “fips:99999”" in preview.unresolved[0].reason
