"""A walk over every public page, feed, export, embed and API endpoint with unpublished things present: a
draft event, a case that only a draft event belongs to, a policy only a draft event changes, a case, a
policy and a list version an editor has not published, and a retracted event. None of them may appear
anywhere, except the retracted event on its own page (with its notice) and in the corrections log."""
from __future__ import annotations

import datetime
import json

import pytest
from django.urls import reverse

from events.models import Case, CaseParty, Event, PolicyChange
from events.services import retract_event
from jurisdictions.models import Jurisdiction, Listing, ListSnapshot, OfficialList, Policy
from tests.factories import make_event

pytestmark = pytest.mark.django_db

MARKERS = ("draftmark", "hiddenmark", "retractmark")  # searched for; a page may echo the query itself
NEVER_SHOWN = (  # lower-cased: titles, captions, slugs and addresses of what is not published
    "draftmark event", "draftmark summary", "draftmark county", "draftmark-v-trump", "draftmark detainer",
    "hiddenmark v. sessions", "hiddenmark-v-sessions", "hiddenmark ordinance", "hiddenmark list",
    "hiddenmark-list", "example.gov/hiddenmark",
)
RETRACTED_MAY_APPEAR_ON = {"/corrections/", "/corrections/feed/", "/api/v1/corrections/"}


@pytest.fixture
def world(gazetteer):
    cook = Jurisdiction.objects.get(uid="fips:17031")
    shown = make_event(status="published", sources=1, jurisdictions=[cook], title="Publicmark ruling in Cook County")
    public_case = Case.objects.create(caption="Publicmark v. United States", slug="publicmark-v-us", court="N.D. Ill.")
    CaseParty.objects.create(case=public_case, role="plaintiff", jurisdiction=cook)
    Event.objects.filter(pk=shown.pk).update(case=public_case)

    draft = make_event(status="draft", sources=1, jurisdictions=[cook], kind="policy_change",
                       title="Draftmark event about Cook County", summary="Draftmark summary.")
    draft_case = Case.objects.create(caption="Draftmark County v. Trump", slug="draftmark-v-trump", court="N.D. Ill.")
    CaseParty.objects.create(case=draft_case, role="plaintiff", jurisdiction=cook)
    Event.objects.filter(pk=draft.pk).update(case=draft_case)
    draft_policy = Policy.objects.create(jurisdiction=cook, title="Draftmark detainer rule", category="detainer_limits",
                                         stance="limits", adopted=datetime.date(2019, 1, 1))
    PolicyChange.objects.create(event=draft, policy=draft_policy, change="adopted")

    # Published events, but an editor has not published the case, policy or list version they concern.
    hidden_case = Case.objects.create(caption="Hiddenmark v. Sessions", slug="hiddenmark-v-sessions", court="N.D. Ill.",
                                      is_public=False)
    CaseParty.objects.create(case=hidden_case, role="plaintiff", jurisdiction=cook)
    in_hidden_case = make_event(status="published", sources=1, jurisdictions=[cook], title="A ruling in a suit")
    Event.objects.filter(pk=in_hidden_case.pk).update(case=hidden_case)
    Policy.objects.create(jurisdiction=cook, title="Hiddenmark ordinance", category="jail_access", stance="limits",
                          adopted=datetime.date(2020, 1, 1), is_public=False)
    hidden_list = OfficialList.objects.create(name="Hiddenmark list", slug="hiddenmark-list", publisher="DOJ")
    snapshot = ListSnapshot.objects.create(official_list=hidden_list, published=datetime.date(2025, 8, 5),
                                           source_url="https://example.gov/hiddenmark", is_public=False)
    Listing.objects.create(snapshot=snapshot, jurisdiction=cook)

    retracted = make_event(status="published", sources=1, jurisdictions=[cook], title="Retractmark raid in Cook County")
    retract_event(retracted, "The source withdrew the report.")
    return {"cook": cook, "shown": shown, "draft": draft, "retracted": Event.objects.get(pk=retracted.pk),
            "in_hidden_case": in_hidden_case, "hidden_list": hidden_list}


def public_urls(world) -> list[str]:
    cook = world["cook"]
    events = [world["shown"], world["in_hidden_case"]]
    urls = [
        "/", "/about/", "/events/", "/events/?jurisdiction=fips:17031", "/events/export.csv", "/events/export.json",
        "/events/timelinejs.json", "/events/feed/", cook.get_absolute_url(), reverse("jurisdiction_feed", kwargs={
            "state": cook.state.lower(), "slug": cook.slug}),
        reverse("jurisdiction_cases", kwargs={"state": cook.state.lower(), "slug": cook.slug}),
        "/jurisdictions/", "/jurisdictions/?q=cook", "/embed/timeline/", "/embed/map/", "/corrections/",
        "/corrections/feed/", "/cases/publicmark-v-us/", "/embed/cases/publicmark-v-us/", "/embed/embed.js",
        f"/embed/jurisdictions/{cook.state.lower()}/{cook.slug}/",
        "/api/v1/events/", "/api/v1/cases/", "/api/v1/policies/", "/api/v1/lists/", "/api/v1/corrections/",
        "/api/v1/jurisdictions/fips:17031/", "/api/v1/cases/publicmark-v-us/",
    ]
    urls += [e.get_absolute_url() for e in events] + [f"/api/v1/events/{e.pk}/" for e in events]
    urls += [f"/events/?q={marker}" for marker in MARKERS] + [f"/api/v1/events/?q={marker}" for marker in MARKERS]
    urls += [f"/events/export.csv?q={marker}" for marker in MARKERS]
    return urls


def body(response) -> str:
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_every_public_url_hides_what_is_not_published(client, world):
    seen_public = False
    for url in public_urls(world):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        text = body(response).lower()
        seen_public = seen_public or "publicmark" in text
        for leak in NEVER_SHOWN:
            assert leak not in text, (url, leak)
        if url not in RETRACTED_MAY_APPEAR_ON:
            assert "retractmark raid" not in text, url
    assert seen_public  # the walk does see what is published


def test_the_retracted_event_keeps_its_page_and_is_in_the_corrections_log(client, world):
    retracted = world["retracted"]
    page = body(client.get(retracted.get_absolute_url()))
    assert "Retractmark raid" in page and "The source withdrew the report." in page
    assert "Retractmark raid" in body(client.get("/corrections/"))
    assert client.get(f"/api/v1/events/{retracted.pk}/").status_code == 404


@pytest.mark.parametrize("path", [
    "/cases/draftmark-v-trump/", "/cases/hiddenmark-v-sessions/", "/embed/cases/draftmark-v-trump/",
    "/embed/cases/hiddenmark-v-sessions/", "/api/v1/cases/draftmark-v-trump/",
    "/api/v1/cases/hiddenmark-v-sessions/", "/api/v1/lists/hiddenmark-list/",
])
def test_unpublished_details_are_not_found(client, world, path):
    assert client.get(path).status_code == 404


def test_drafts_and_unpublished_policies_and_lists_answer_404(client, world):
    draft = world["draft"]
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"/api/v1/events/{draft.pk}/").status_code == 404
    for policy in Policy.objects.filter(title__in=["Draftmark detainer rule", "Hiddenmark ordinance"]):
        assert client.get(f"/api/v1/policies/{policy.pk}/").status_code == 404
    assert client.get(world["hidden_list"].get_absolute_url()).status_code == 404


def test_a_published_event_does_not_name_an_unpublished_case(client, world):
    event = world["in_hidden_case"]
    assert client.get(f"/api/v1/events/{event.pk}/").json()["case"] is None
    exported = json.loads(body(client.get("/events/export.json")))
    record = next(r for r in (exported["events"] if isinstance(exported, dict) else exported) if r["id"] == event.pk)
    assert record["case"] is None


def test_publishing_the_draft_makes_its_case_and_policy_public(client, world):
    from events.services import publish_event

    publish_event(world["draft"])
    assert client.get("/cases/draftmark-v-trump/").status_code == 200
    titles = [p["title"] for p in client.get("/api/v1/policies/?jurisdiction=fips:17031").json()["results"]]
    assert "Draftmark detainer rule" in titles and "Hiddenmark ordinance" not in titles


def test_what_an_editor_adds_in_the_admin_starts_unpublished(admin_client):
    for model in ("case", "policy"):
        app = "events" if model == "case" else "jurisdictions"
        form = admin_client.get(reverse(f"admin:{app}_{model}_add")).context["adminform"].form
        assert form.initial["is_public"] is False
    form = admin_client.get(reverse("admin:jurisdictions_listsnapshot_add")).context["adminform"].form
    assert form.initial["is_public"] is False
