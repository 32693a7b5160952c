"""The staff pages: upload -> preview -> fix -> save -> diff, walked with the test client."""
import datetime
import re

import pytest
from django.contrib.admin.models import LogEntry

from jurisdictions.listimport import PendingImport, Row
from jurisdictions.models import Listing, ListSnapshot
from tests.curation.test_list_import_helpers import (  # noqa: F401
    CONFIRM_URL,
    GOOD_ROWS,
    GOOD_UIDS,
    UPLOAD_URL,
    csv_bytes,
    list_editor,
    official_list,
    upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, list_editor):
    client.force_login(list_editor)
    return client


def token_of(response) -> str:
    return response.context["token"]


def test_upload_form_preselects_the_list(staff_client, official_list):
    response = staff_client.get(UPLOAD_URL + f"?list={official_list.pk}")
    assert response.status_code == 200
    assert response.context["form"]["official_list"].value() == str(official_list.pk)
    assert 'enctype="multipart/form-data"' in response.content.decode()


def test_good_file_previews_then_saves_and_shows_diff(staff_client, official_list, gazetteer, list_editor):
    response = upload(staff_client, official_list, csv_bytes(GOOD_ROWS))
    assert response.status_code == 200
    assert response.context["preview"].ready
    page = response.content.decode()
    assert "City and County of San Francisco" in page and 'value="save"' in page
    assert ListSnapshot.objects.count() == 0  # the preview saves nothing

    response = staff_client.post(CONFIRM_URL, {"token": token_of(response), "action": "save"})
    snapshot = ListSnapshot.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/import/done/{snapshot.pk}/")
    assert set(snapshot.listings.values_list("jurisdiction__uid", flat=True)) == GOOD_UIDS
    assert snapshot.published == datetime.date(2025, 8, 5) and snapshot.source_title == "Test list version"
    entry = LogEntry.objects.get(object_id=str(snapshot.pk))
    assert entry.user == list_editor and "6 jurisdictions" in entry.get_change_message()

    done = staff_client.get(response["Location"])
    assert done.status_code == 200 and "First recorded version" in done.content.decode()


def test_second_import_page_lists_added_and_removed(staff_client, official_list, gazetteer):
    for day, rows in ((datetime.date(2025, 5, 29), GOOD_ROWS[:3]), (datetime.date(2025, 8, 5), GOOD_ROWS[1:4])):
        preview = upload(staff_client, official_list, csv_bytes(rows), published=day)
        saved = staff_client.post(CONFIRM_URL, {"token": token_of(preview), "action": "save"})
    done = staff_client.get(saved["Location"])
    added = [j.uid for j in done.context["diff"]["added"]]
    removed = [j.uid for j in done.context["diff"]["removed"]]
    assert added == ["fips:06075"] and removed == ["geonames:4887398"]
    html = done.content.decode()
    assert "Changes since the version of May 29, 2025" in html
    assert re.search(r'id="diff-added">.*San Francisco', html, re.S)
    assert re.search(r'id="diff-removed">.*Chicago', html, re.S)


def test_ambiguous_row_is_fixed_on_the_preview(staff_client, official_list, gazetteer):
    rows = [*GOOD_ROWS, ("Washington County", "", "county"), ("Portland", "", "place")]
    response = upload(staff_client, official_list, csv_bytes(rows))
    preview = response.context["preview"]
    assert not preview.ready and [r.row.line for r in preview.ambiguous] == [8, 9]
    page = response.content.decode()
    assert 'name="fix-8"' in page and 'name="fixid-9"' in page and 'value="save"' not in page

    # Trying to save anyway saves nothing.
    staff_client.post(CONFIRM_URL, {"token": token_of(response), "action": "save"})
    assert ListSnapshot.objects.count() == 0

    # One chosen from the candidates, one typed; then checked again, then saved.
    checked = staff_client.post(
        CONFIRM_URL,
        {"token": token_of(response), "action": "check", "fix-8": "fips:41067", "fixid-9": " geonames:5746545 "},
    )
    assert checked.status_code == 200 and checked.context["preview"].ready
    assert ListSnapshot.objects.count() == 0
    staff_client.post(CONFIRM_URL, {"token": token_of(checked), "action": "save"})
    snapshot = ListSnapshot.objects.get()
    names = dict(snapshot.listings.values_list("jurisdiction__uid", "name_as_listed"))
    assert names["fips:41067"] == "Washington County" and names["geonames:5746545"] == "Portland"
    assert len(names) == 8


def test_broken_file_shows_the_form_again_and_saves_nothing(staff_client, official_list):
    response = upload(staff_client, official_list, b"name,state\nChicago,IL\n")
    assert response.status_code == 400
    assert "Missing: kind" in response.content.decode()
    assert ListSnapshot.objects.count() == 0


def test_date_already_recorded_is_refused(staff_client, official_list, gazetteer):
    first = upload(staff_client, official_list, csv_bytes(GOOD_ROWS))
    staff_client.post(CONFIRM_URL, {"token": token_of(first), "action": "save"})
    again = upload(staff_client, official_list, csv_bytes(GOOD_ROWS))
    assert again.status_code == 400 and "already has a version published on 2025-08-05" in again.content.decode()
    assert ListSnapshot.objects.count() == 1


def test_same_date_saved_meanwhile_is_reported_not_crashed(staff_client, official_list, gazetteer):
    one = upload(staff_client, official_list, csv_bytes(GOOD_ROWS))
    two = upload(staff_client, official_list, csv_bytes(GOOD_ROWS[:2]))
    staff_client.post(CONFIRM_URL, {"token": token_of(one), "action": "save"})
    response = staff_client.post(CONFIRM_URL, {"token": token_of(two), "action": "save"})
    assert response.status_code == 200 and "Nothing was saved" in response.content.decode()
    assert ListSnapshot.objects.count() == 1 and Listing.objects.count() == len(GOOD_ROWS)


def test_tampered_token_is_refused(staff_client, official_list, gazetteer):
    token = token_of(upload(staff_client, official_list, csv_bytes(GOOD_ROWS)))
    response = staff_client.post(CONFIRM_URL, {"token": token[:-3] + "AAA", "action": "save"})
    assert response.status_code == 400 and "could not be verified" in response.content.decode()
    assert ListSnapshot.objects.count() == 0


def test_token_of_another_user_is_refused(staff_client, official_list, gazetteer, list_editor):
    pending = PendingImport(
        official_list_id=official_list.pk, published=datetime.date(2025, 8, 5), source_url="https://example.org/x",
        source_title="", notes="", rows=[Row(2, "Chicago", "IL", "city")],
    )
    response = staff_client.post(CONFIRM_URL, {"token": pending.sign(list_editor.pk + 1), "action": "save"})
    assert response.status_code == 400 and "another user" in response.content.decode()
    assert ListSnapshot.objects.count() == 0


def test_editor_group_may_import(client, official_list, gazetteer):
    from tests.curation.staff import make_editor

    client.force_login(make_editor("list-ed"))
    response = upload(client, official_list, csv_bytes(GOOD_ROWS))
    client.post(CONFIRM_URL, {"token": token_of(response), "action": "save"})
    assert ListSnapshot.objects.count() == 1


def test_changelist_links_to_the_import(staff_client, list_editor, official_list):
    from django.contrib.auth.models import Permission

    list_editor.user_permissions.add(Permission.objects.get(codename="view_officiallist"))
    html = staff_client.get("/admin/jurisdictions/officiallist/").content.decode()
    assert 'href="/admin/jurisdictions/officiallist/import/"' in html


def test_oversized_upload_is_refused_before_reading(staff_client, official_list):
    from jurisdictions.listimport import MAX_UPLOAD_BYTES

    response = upload(staff_client, official_list, b"name,state,kind\n" + b"x" * MAX_UPLOAD_BYTES)
    assert response.status_code == 400 and "larger than 2 MB" in response.content.decode()
    assert ListSnapshot.objects.count() == 0


def test_import_is_recorded_in_the_history_with_its_author(staff_client, official_list, gazetteer, list_editor):
    response = upload(staff_client, official_list, csv_bytes(GOOD_ROWS))
    staff_client.post(CONFIRM_URL, {"token": token_of(response), "action": "save"})
    snapshot = ListSnapshot.objects.get()
    assert snapshot.history.get().history_user == list_editor
    listing_history = Listing.history.filter(snapshot_id=snapshot.pk)
    assert listing_history.count() == len(GOOD_ROWS)
    assert {h.history_user for h in listing_history} == {list_editor}
