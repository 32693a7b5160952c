"""/jurisdictions/suggest.json and the script that turns the jurisdiction filter into a combobox."""
import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache

from events.filters import filter_events
from tests.factories import make_jurisdiction

pytestmark = pytest.mark.django_db
URL = "/jurisdictions/suggest.json"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_answers_id_label_and_kind_biggest_first(client, gazetteer):
    response = client.get(URL, {"q": "Chicag"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    first = response.json()[0]
    assert first == {"id": "geonames:4887398", "label": "Chicago, IL", "value": "Chicago, IL",
                     "kind": "City or other place"}


def test_a_state_with_its_code(client, gazetteer):
    labels = [a["label"] for a in client.get(URL, {"q": "Springfield, IL"}).json()]
    assert labels and all(label.endswith(", IL") for label in labels)


def test_too_short_a_query_answers_nothing(client, gazetteer):
    assert client.get(URL, {"q": "c"}).json() == []
    assert client.get(URL).json() == []


def test_every_suggested_value_is_accepted_by_the_events_filter(client, gazetteer):
    answers = client.get(URL, {"q": "Washington"}).json()
    assert len(answers) == 10
    for answer in answers:
        filterset = filter_events({"jurisdiction": answer["value"]})
        assert filterset.is_valid(), (answer, filterset.form.errors)
        assert filterset.form.cleaned_data["jurisdiction"].uid == answer["id"]


def test_a_label_naming_two_places_falls_back_to_the_id(client):
    one = make_jurisdiction(name="Twinton", state="ZZ")
    two = make_jurisdiction(name="Twinton", state="ZZ")
    answers = client.get(URL, {"q": "Twinton"}).json()
    assert sorted(a["value"] for a in answers) == sorted([one.uid, two.uid])


def test_answers_are_cached_briefly(client, gazetteer, django_assert_num_queries):
    first = client.get(URL, {"q": "Denv"})
    assert "max-age=300" in first["Cache-Control"]
    with django_assert_num_queries(0):
        again = client.get(URL, {"q": "denv"})
    assert again.json() == first.json()


def test_the_filter_form_loads_the_script_and_works_without_it(client, gazetteer):
    html = client.get("/events/").content.decode()
    assert '<script src="/static/js/autocomplete.js" data-suggest-url="/jurisdictions/suggest.json" defer>' in html
    assert 'id="id_jurisdiction"' in html
    # JavaScript off: the plain text field takes a name.
    assert client.get("/events/", {"jurisdiction": "Chicago, IL"}).status_code == 200


def test_the_script_builds_an_aria_combobox():
    path = finders.find("js/autocomplete.js")
    assert path, "the script is served from this site"
    source = open(path, encoding="utf-8").read()
    for needle in ('"combobox"', '"aria-expanded"', '"listbox"', '"aria-activedescendant"', '"ArrowDown"',
                   '"ArrowUp"', '"Enter"', '"Escape"', "textContent"):
        assert needle in source
    assert "innerHTML" not in source
