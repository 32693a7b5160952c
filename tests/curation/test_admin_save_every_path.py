"""Saving an event through the real admin change form works whichever way the event was made.

Every event made from the review queue has a creator; saving one used to answer 500 (the workflow
fields were copied back as ids onto the foreign-key attribute). Walk each path an event is made by (review queue, admin add, record loader), as
Editor and as Admin, published and draft, with and without a correction note.
"""
from __future__ import annotations

import pytest
from django.urls import reverse

from events.models import Correction, Event
from events.record import load_record
from events.services import publish_event
from tests.curation.review_helpers import make_article
from tests.curation.staff import admin_form_data, make_admin, make_editor
from tests.record.conftest import MINIMAL

pytestmark = pytest.mark.django_db


def made_from_review_queue(client, user) -> Event:
    article = make_article(title="Justice Department sues a county")
    response = client.post(reverse("review:create_event"), {
        "ids": str(article.pk), "sources": [article.pk], "kind": "federal_action",
        "title": "Justice Department sues a county", "date": "2025-03-06", "date_precision": "day",
        "summary": "The department sued, the article says.", "agency": "DOJ", "action_type": "lawsuit",
    })
    assert response.status_code == 302, getattr(response, "context", None) and response.context["form"].errors
    return Event.objects.get(title="Justice Department sues a county")


def made_in_admin_add(client, user) -> Event:
    page = client.get(reverse("admin:events_event_add"))
    data = admin_form_data(page)
    data.update({
        "kind": "court_ruling", "title": "Judge blocks the grant condition", "summary": "A judge ruled.",
        "date": "2025-04-24", "date_precision": "day",
        "sources-TOTAL_FORMS": "1", "sources-0-publisher": "Example News", "sources-0-title": "Judge rules",
        "sources-0-url": "https://news.example/judge-rules", "sources-0-published": "2025-04-24",
    })
    response = client.post(reverse("admin:events_event_add"), data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    return Event.objects.get(title="Judge blocks the grant condition")


def made_by_the_record_loader(client, user, tmp_path) -> Event:
    path = tmp_path / "one.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    load_record([path])
    return Event.objects.get(title="Judge blocks the example funding cut")


PATHS = {"review queue": made_from_review_queue, "admin add": made_in_admin_add, "record loader": made_by_the_record_loader}
ROLES = {"Editor": make_editor, "Admin": make_admin}
# The record loader publishes what it loads: it makes no drafts.
CASES = [
    (path, published) for path in PATHS for published in (False, True) if published or path != "record loader"
]


@pytest.mark.parametrize(("path", "published"), CASES, ids=[f"{p}-{'published' if pub else 'draft'}" for p, pub in CASES])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("note", [False, True], ids=["no-note", "note"])
def test_the_change_form_saves(client, gazetteer, tmp_path, path, role, published, note):
    user = ROLES[role]()
    client.force_login(user)
    maker = PATHS[path]
    event = maker(client, user, tmp_path) if path == "record loader" else maker(client, user)
    creator = None if path == "record loader" else user
    assert event.created_by == creator
    if published:
        publish_event(event, user=user)
    url = reverse("admin:events_event_change", args=[event.pk])
    data = admin_form_data(client.get(url))
    data["title"] = event.title + " (corrected)"
    if note:
        data["correction_note"] = "The headline now names the court."

    response = client.post(url, data)

    if published and not note:
        # The form refuses, with its reason, and keeps the stored event.
        assert response.status_code == 200
        assert "say what changed (title) and why" in response.context["adminform"].form.errors["correction_note"][0]
        event.refresh_from_db()
        assert not event.title.endswith("(corrected)")
        return
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title.endswith("(corrected)")
    assert event.created_by == creator and event.updated_by == user
    assert event.status == ("published" if published else "draft")
    assert Correction.objects.filter(event=event).count() == (1 if published and note else 0)
    if published and note:
        page = client.get(event.get_absolute_url()).content.decode()
        assert "The headline now names the court." in page
