"""Loading again changes nothing; a changed file row updates its row, unless an editor changed it since."""
from __future__ import annotations

import pytest
from django.urls import reverse

from events.models import Case, Event, RecordEntry
from events.record import load_record
from tests.curation.staff import admin_form_data, make_editor
from tests.record.conftest import MINIMAL

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        "events": sorted(Event.objects.values_list("id", "title", "summary", "status", "updated")),
        "cases": sorted(Case.objects.values_list("id", "caption", "updated")),
        "entries": sorted(RecordEntry.objects.values_list("model", "key", "digest", "loaded_at")),
    }


def test_the_whole_record_loads_and_a_second_run_changes_nothing(record):
    assert record.changed and Event.objects.published().count() == Event.objects.count() > 0
    before = snapshot()
    again = load_record()
    assert not again.changed
    assert all(counts["created"] == counts["updated"] == 0 for counts in again.counts.values())
    assert snapshot() == before


def test_a_changed_file_row_updates_its_row(gazetteer, write_record):
    path = write_record(MINIMAL)
    load_record([path])
    event = Event.objects.get()
    write_record(MINIMAL.replace("A judge blocked it, the report says.", "A judge blocked the cut, the report says."))
    report = load_record([path])
    assert report.counts["event"]["updated"] == 1 and report.counts["case"]["unchanged"] == 1
    event.refresh_from_db()
    assert event.summary == "A judge blocked the cut, the report says." and event.status == "published"
    assert Event.objects.count() == 1 and event.sources.count() == 1


def test_an_editors_correction_in_the_admin_is_never_overwritten(gazetteer, write_record, client):
    path = write_record(MINIMAL)
    load_record([path])
    event = Event.objects.get()
    client.force_login(make_editor())
    url = reverse("admin:events_event_change", args=[event.pk])
    data = admin_form_data(client.get(url))
    data.update(title="Judge temporarily blocks the example funding cut", correction_note="It was a preliminary order.")
    assert client.post(url, data).status_code == 302

    write_record(MINIMAL.replace("A judge blocked it, the report says.", "The file's new wording."))
    report = load_record([path])

    event.refresh_from_db()
    assert event.title == "Judge temporarily blocks the example funding cut"
    assert event.summary == "A judge blocked it, the report says."
    assert report.counts["event"]["kept"] == 1
    assert any("judge-blocks-example" in line and "changed in the admin" in line for line in report.kept)
    # ... and an unchanged file leaves it alone too, without complaint.
    write_record(MINIMAL)
    assert not load_record([path]).changed


def test_a_row_an_editor_deleted_is_not_recreated(gazetteer, write_record):
    path = write_record(MINIMAL)
    load_record([path])
    Event.objects.all().delete()
    write_record(MINIMAL.replace("A judge blocked it, the report says.", "New words."))
    report = load_record([path])
    assert not Event.objects.exists()
    assert any("deleted in the admin" in line for line in report.kept)


def test_check_writes_nothing(gazetteer, write_record):
    report = load_record([write_record(MINIMAL)], dry_run=True)
    assert report.counts["event"]["created"] == 1
    assert not Event.objects.exists() and not RecordEntry.objects.exists()
