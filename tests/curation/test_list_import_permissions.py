"""Who may reach the import pages: anonymous users and non-staff go to the login page, staff without
the add-snapshot permission get 403, and every POST needs a CSRF token."""
import pytest
from django.test import Client

from jurisdictions.models import ListSnapshot
from tests.curation.test_list_import_helpers import (  # noqa: F401
    CONFIRM_URL,
    GOOD_ROWS,
    UPLOAD_URL,
    csv_bytes,
    list_editor,
    make_list,
    upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls(db):
    from tests.factories import make_jurisdiction
    from jurisdictions.listimport import create_snapshot
    import datetime

    snapshot = create_snapshot(make_list(), [(make_jurisdiction(), "Testville")], published=datetime.date(2025, 1, 1),
                               source_url="https://example.org/v")
    return [
        ("get", UPLOAD_URL),
        ("post", UPLOAD_URL),
        ("post", CONFIRM_URL),
        ("get", f"/admin/jurisdictions/officiallist/import/done/{snapshot.pk}/"),
    ]


def call(client, method, url):
    return client.get(url) if method == "get" else client.post(url, {"token": "x", "action": "save"})


def test_anonymous_goes_to_login(client, urls):
    for method, url in urls:
        response = call(client, method, url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


def test_non_staff_goes_to_login(client, urls, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", password="reader-password-12"))
    for method, url in urls:
        response = call(client, method, url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), url


def test_staff_without_permission_is_forbidden(client, urls, editor):
    client.force_login(editor)  # staff, no permissions
    for method, url in urls:
        assert call(client, method, url).status_code == 403, url


def test_staff_with_only_view_permissions_is_forbidden(client, urls, editor):
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(*Permission.objects.filter(codename__in=["view_officiallist", "view_listsnapshot", "change_officiallist"]))
    client.force_login(editor)
    for method, url in urls:
        assert call(client, method, url).status_code == 403, url


def test_csrf_is_enforced_on_upload_and_confirm(list_editor, gazetteer):
    official_list = make_list()
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(list_editor)
    assert upload(csrf_client, official_list, csv_bytes(GOOD_ROWS)).status_code == 403

    # With the token from the form, the same requests go through.
    form = csrf_client.get(UPLOAD_URL)
    token = form.cookies["csrftoken"].value
    preview = upload(csrf_client, official_list, csv_bytes(GOOD_ROWS), csrfmiddlewaretoken=token)
    assert preview.status_code == 200
    signed = preview.context["token"]
    assert csrf_client.post(CONFIRM_URL, {"token": signed, "action": "save"}).status_code == 403
    assert ListSnapshot.objects.count() == 0
    response = csrf_client.post(CONFIRM_URL, {"token": signed, "action": "save", "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and ListSnapshot.objects.count() == 1


def test_get_is_not_allowed_on_confirm(client, list_editor):
    client.force_login(list_editor)
    assert client.get(CONFIRM_URL).status_code == 405
