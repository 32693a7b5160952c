import pytest

from events.models import Case, CaseParty
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db


def test_a_draft_is_404_for_the_public(client):
    draft = make_event(sources=1)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_published_event_shows_its_sources_and_jurisdictions(client):
    place = make_jurisdiction(name="Gotham", state="NJ", slug="gotham")
    event = make_event(status="published", sources=1, jurisdictions=[place])
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Test Gazette" in html
    assert 'href="https://example.org/' in html
    assert 'href="/jurisdictions/nj/gotham/"' in html


def test_a_wrong_slug_redirects_to_the_canonical_url(client):
    event = make_event(status="published", sources=1)
    response = client.get(f"/events/{event.pk}-old-title/")
    assert response.status_code == 301
    assert response["Location"] == event.get_absolute_url()


def test_a_retracted_event_keeps_its_page_with_the_notice(client):
    event = make_event(status="retracted", sources=1, retraction_note="The report was withdrawn.")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Retracted on" in html and "The report was withdrawn." in html


def test_jurisdiction_page_lists_its_public_events_only(client):
    place = make_jurisdiction(name="Gotham", state="NJ", slug="gotham")
    make_event(title="Public one", status="published", sources=1, jurisdictions=[place])
    make_event(title="Hidden draft", jurisdictions=[place])
    html = client.get("/jurisdictions/nj/gotham/").content.decode()
    assert "Public one" in html and "Hidden draft" not in html


def test_case_page_shows_parties_and_only_public_events(client):
    place = make_jurisdiction(name="Gotham", state="NJ", slug="gotham")
    case = Case.objects.create(caption="Gotham v. Sessions", slug="gotham-v-sessions", court="D.N.J.")
    CaseParty.objects.create(case=case, role="plaintiff", jurisdiction=place)
    CaseParty.objects.create(case=case, role="defendant", federal_party="Attorney General")
    make_event(title="Ruling for Gotham", kind="court_ruling", status="published", sources=1, case=case)
    make_event(title="Draft ruling", kind="court_ruling", case=case)
    html = client.get(case.get_absolute_url()).content.decode()
    assert "Gotham" in html and "Attorney General" in html
    assert "Ruling for Gotham" in html and "Draft ruling" not in html
