"""Shared builders for the list-import tests (no tests here): lists, users with the import permission,
CSV bytes, and the admin URLs of the import pages."""
from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission

from jurisdictions.models import OfficialList

UPLOAD_URL = "/admin/jurisdictions/officiallist/import/"
CONFIRM_URL = "/admin/jurisdictions/officiallist/import/confirm/"
GOOD_ROWS = [
    # name, state, kind — written the way the DOJ list writes them.
    ("City of Chicago", "IL", "city"),
    ("Cook County", "IL", "county"),
    ("State of Illinois", "IL", "state"),
    ("City and County of San Francisco", "CA", "city-county"),
    ("New York City", "NY", "city"),
    ("City and County of Denver", "CO", ""),
]
GOOD_UIDS = {"geonames:4887398", "fips:17031", "fips:17", "fips:06075", "geonames:5128581", "fips:08031"}


def csv_bytes(rows, header=("name", "state", "kind"), encoding="utf-8") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def make_list(name="Sanctuary Jurisdiction List (test)", slug="test-list") -> OfficialList:
    return OfficialList.objects.create(
        name=name, slug=slug, publisher="U.S. Department of Justice", authority="Executive Order 14287"
    )


@pytest.fixture
def official_list(db):
    return make_list()


@pytest.fixture
def list_editor(django_user_model):
    """Staff with the permission to import snapshots (what the Editor group will carry)."""
    user = django_user_model.objects.create_user("list-editor", password="list-editor-password-1", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="add_listsnapshot", content_type__app_label="jurisdictions")
    )
    return user


def upload(client, official_list, data: bytes, *, published=datetime.date(2025, 8, 5), filename="list.csv", **extra):
    fields = {
        "official_list": official_list.pk,
        "published": published.isoformat(),
        "source_url": "https://example.org/test-list-version.pdf",
        "source_title": "Test list version",
        "notes": "",
        "file": _named(data, filename),
        **extra,
    }
    return client.post(UPLOAD_URL, fields)


def _named(data: bytes, filename: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(filename, data, content_type="text/csv")
