"""/embed/embed.js, the loader a host page includes, and the embed code that includes it."""
import html
import re

import pytest

from events.models import Case
from tests.factories import make_jurisdiction

pytestmark = pytest.mark.django_db


def test_the_loader_is_javascript_cacheable_and_loadable_from_any_site(client):
    response = client.get("/embed/embed.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"  # so the content type must be right
    assert "public" in response["Cache-Control"] and "max-age=3600" in response["Cache-Control"]
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    body = response.content.decode()
    assert "sanctuary-tracker:height" in body and "event.origin" in body and "event.source" in body
    again = client.get("/embed/embed.js", headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304


def test_the_loader_is_the_static_file(client, settings):
    from django.contrib.staticfiles import finders

    with open(finders.find("js/embed-loader.js"), "rb") as handle:
        assert client.get("/embed/embed.js").content == handle.read()


def test_only_get_and_head(client):
    assert client.post("/embed/embed.js").status_code == 405
    assert client.head("/embed/embed.js").status_code == 200


def _codes(page: str) -> list[str]:
    return [html.unescape(c) for c in re.findall(r'<textarea id="embed-code-[^"]+"[^>]*>(.*?)</textarea>', page, re.S)]


def test_the_events_page_offers_code_with_the_loader_and_the_marker(client):
    codes = _codes(client.get("/events/", {"kind": "court_ruling", "q": '"><script>x</script>'}).content.decode())
    assert len(codes) == 2
    for code in codes:
        assert " data-sanctuary-tracker " in code
        assert code.endswith('<script src="http://testserver/embed/embed.js" async></script>')
        # The query string is escaped inside the snippet's own HTML too.
        assert "<script>x" not in code and "%3Cscript%3Ex" in code


def test_jurisdiction_and_case_pages_offer_their_embed_code(client):
    place = make_jurisdiction(name='Quote "Town" <b>', state="ZZ", slug="quote-town")
    case = Case.objects.create(caption='People v. <script>"X"</script>', slug="people-v-x", court="Ct.")
    (code,) = _codes(client.get(place.get_absolute_url()).content.decode())
    assert code.startswith('<iframe src="http://testserver/embed/jurisdictions/zz/quote-town/" ')
    assert 'title="Sanctuary Tracker: Quote &quot;Town&quot; &lt;b&gt;, ZZ: policies' in code
    assert "/embed/embed.js" in code and "data-sanctuary-tracker" in code
    (code,) = _codes(client.get(case.get_absolute_url()).content.decode())
    assert code.startswith('<iframe src="http://testserver/embed/cases/people-v-x/" ')
    assert "&lt;script&gt;&quot;X&quot;&lt;/script&gt;" in code and "<script>\"X\"" not in code
    # And the page escapes the code again: no live markup from it.
    page = client.get(case.get_absolute_url()).content.decode()
    assert '<iframe src="http://testserver/embed/cases' not in page


def test_within_carries_into_the_jurisdiction_embed_code(client):
    state = make_jurisdiction(kind="state", name="Zedland", state="ZZ", slug="zedland-embed", uid="test:zz-embed",
                               fips="99")
    (code,) = _codes(client.get(state.get_absolute_url() + "?within=1").content.decode())
    assert 'src="http://testserver/embed/jurisdictions/zz/zedland-embed/?within=1"' in code
