"""The public corrections log (/corrections/), its Atom feed and the API list: what an editor corrects or
retracts in the admin shows there with its date, the event, what changed and the note; nothing about an
event the public cannot see does; and each answers in as many queries for one entry as for thirty."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from events.models import Correction
from tests.curation.staff import admin_form_data, make_editor
from tests.factories import make_event

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def editor(client):
    client.force_login(make_editor())
    return client


def correct_title(editor, event, title: str, note: str):
    url = reverse("admin:events_event_change", args=[event.pk])
    data = admin_form_data(editor.get(url))
    data.update(title=title, correction_note=note)
    response = editor.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors


def retract(editor, event, note: str):
    response = editor.post(reverse("admin:events_event_retract", args=[event.pk]), {"note": note})
    assert response.status_code == 302


def test_a_correction_made_in_the_admin_is_logged_with_date_event_change_and_note(editor, client):
    event = make_event(status="published", sources=1, title="ICE arrests 12 in Charlotte")
    correct_title(editor, event, "ICE arrests 21 in Charlotte", "The count was transposed; ICE's release says 21.")

    page = client.get(reverse("corrections"))
    html = page.content.decode()
    correction = Correction.objects.get(event=event)
    assert correction.changes == ["title"]
    assert "ICE arrests 21 in Charlotte" in html
    assert f'href="{event.get_absolute_url()}#correction-{correction.pk}"' in html
    assert "Corrected</strong> (title)" in html
    assert "The count was transposed; ICE&#x27;s release says 21." in html
    assert format_date(timezone.localtime(correction.created), "F j, Y") in html


def test_a_retraction_is_logged_and_the_event_page_keeps_it_as_its_notice(editor, client):
    event = make_event(status="published", sources=1, title="Raid that did not happen")
    retract(editor, event, "The only source withdrew its report.")

    log = client.get(reverse("corrections")).content.decode()
    assert "Retracted:</strong>" in log and "Raid that did not happen" in log
    assert "The only source withdrew its report." in log
    page = client.get(event.get_absolute_url()).content.decode()
    # The notice says it once; the page's list of corrections does not repeat the retraction.
    assert page.count("The only source withdrew its report.") == 1


def test_newest_first_and_nothing_about_events_the_public_cannot_see(editor, client):
    older = make_event(status="published", sources=1, title="First corrected")
    correct_title(editor, older, "First corrected, fixed", "Fixed the first.")
    newer = make_event(status="published", sources=1, title="Second corrected")
    correct_title(editor, newer, "Second corrected, fixed", "Fixed the second.")
    draft = make_event(status="draft", sources=1, title="Secret draft")
    Correction.objects.create(event=draft, note="A note on a draft, never public.")

    log = client.get(reverse("corrections")).content.decode()
    assert log.index("Second corrected, fixed") < log.index("First corrected, fixed")
    assert "Secret draft" not in log and "never public" not in log

    feed = client.get(reverse("corrections_feed")).content.decode()
    assert "Secret draft" not in feed and "never public" not in feed
    api = client.get("/api/v1/corrections/").json()
    assert [entry["event_title"] for entry in api["results"]] == ["Second corrected, fixed", "First corrected, fixed"]


def test_the_feed_is_valid_atom_with_escaped_notes(editor, client):
    event = make_event(status="published", sources=1, title="Operation in Denver")
    correct_title(editor, event, "Operation in Denver County", 'Named the county. <script>alert("x")</script>')
    retract(editor, make_event(status="published", sources=1, title="Withdrawn story"), "Withdrawn by the outlet.")

    response = client.get(reverse("corrections_feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    entries = root.findall(f"{ATOM}entry")
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert titles == ["Retracted: Withdrawn story", "Corrected (title): Operation in Denver County"]
    assert b"<script>" not in response.content
    summary = entries[1].find(f"{ATOM}summary").text
    assert summary == 'Named the county. <script>alert("x")</script>'  # escaped in the XML, text once parsed
    assert entries[1].find(f"{ATOM}link").get("href").endswith(f"{event.get_absolute_url()}#correction-{Correction.objects.get(event=event).pk}")


def test_the_api_lists_corrections_and_retractions_with_what_changed(editor, client):
    event = make_event(status="published", sources=1, title="Suit filed")
    correct_title(editor, event, "Suit filed in Chicago", "Added the court's city.")
    retract(editor, event, "Duplicate of another event.")

    body = client.get("/api/v1/corrections/").json()
    kinds = [(e["kind"], e["changes"], e["note"]) for e in body["results"]]
    assert kinds == [("retraction", ["status"], "Duplicate of another event."),
                     ("correction", ["title"], "Added the court's city.")]
    assert body["results"][0]["event"] == event.pk
    assert body["results"][0]["page_url"].endswith(f"#correction-{body['results'][0]['id']}")


def test_the_footer_and_the_about_page_link_to_the_log(client):
    for url in (reverse("home"), reverse("about")):
        assert f'href="{reverse("corrections")}"' in client.get(url).content.decode()


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/corrections/", "/corrections/feed/", "/api/v1/corrections/"])
def test_constant_queries_whatever_the_number_of_entries(client, url):
    def add(n):
        for i in range(n):
            event = make_event(status="published", sources=1)
            Correction.objects.create(event=event, note=f"Note {i}", changes=["date"])

    add(1)
    few = queries(client, url)
    add(29)
    assert queries(client, url) == few
