"""What goes over the wire compressed: static files as brotli or gzip (made at collectstatic), public
pages and JSON as gzip; never a signed-in editor's page; and live embeds' 304s survive the weak ETag."""
import datetime
import gzip
from pathlib import Path

import brotli
import pytest
from django.core.management import call_command
from django.test import Client

from tests.factories import make_event

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def collected_static(settings, tmp_path):
    """charts.js collected as production does (hashed, with .gz and .br copies), and a fresh client,
    whose whitenoise reads the new STATIC_ROOT."""
    source = tmp_path / "src" / "js"
    source.mkdir(parents=True)
    (source / "charts.js").write_bytes((ROOT / "static" / "js" / "charts.js").read_bytes())
    settings.STATICFILES_DIRS = [tmp_path / "src"]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATIC_ROOT = tmp_path / "collected"
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
    call_command("collectstatic", "--noinput", verbosity=0)
    from django.contrib.staticfiles.storage import staticfiles_storage

    return Client(), staticfiles_storage.url("js/charts.js")


def test_static_js_is_brotli_for_br_and_gzip_for_gzip(collected_static):
    client, url = collected_static
    original = (ROOT / "static" / "js" / "charts.js").read_bytes()
    br = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert br.status_code == 200 and br["Content-Encoding"] == "br"
    assert brotli.decompress(b"".join(br.streaming_content)) == original
    gz = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert gz["Content-Encoding"] == "gzip"
    assert gzip.decompress(b"".join(gz.streaming_content)) == original
    plain = client.get(url)
    assert not plain.has_header("Content-Encoding") and b"".join(plain.streaming_content) == original


@pytest.mark.django_db
def test_public_html_is_gzipped_and_varies_on_accept_encoding(client):
    make_event(status="published", sources=1)
    response = client.get("/", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert "<html" in html and "</html>" in html


@pytest.mark.django_db
def test_a_request_with_a_session_credentials_or_a_post_is_not_compressed(client, settings):
    client.cookies[settings.SESSION_COOKIE_NAME] = "anything"
    assert not client.get("/", headers={"Accept-Encoding": "gzip"}).has_header("Content-Encoding")
    anonymous = Client()
    response = anonymous.post("/events/", headers={"Accept-Encoding": "gzip"})
    assert not response.has_header("Content-Encoding")
    with_credentials = anonymous.get("/about/", headers={"Accept-Encoding": "gzip", "Authorization": "Basic eDp4"})
    assert with_credentials.status_code == 200 and not with_credentials.has_header("Content-Encoding")
    assert anonymous.get("/about/", headers={"Accept-Encoding": "gzip"})["Content-Encoding"] == "gzip"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["timeline", "map"])
def test_live_embed_polls_still_get_304_through_gzip(client, name):
    make_event(status="published", sources=1, date=datetime.date(2025, 5, 5))
    first = client.get(f"/embed/{name}.json", headers={"Accept-Encoding": "gzip"})
    assert first["Content-Encoding"] == "gzip"
    weak = first["ETag"]
    assert weak.startswith('W/"')
    # The poll sends back what the browser saw (weak), or, first, the strong tag the page was built with.
    again = client.get(f"/embed/{name}.json", headers={"Accept-Encoding": "gzip", "If-None-Match": weak})
    assert again.status_code == 304 and again.content == b""
    page = client.get(f"/embed/{name}/", headers={"Accept-Encoding": "gzip"})
    strong = gzip.decompress(page.content).decode().split('data-etag="', 1)[1].split('"', 1)[0]
    strong = strong.replace("&quot;", '"')
    assert weak == "W/" + strong
    assert client.get(f"/embed/{name}.json", headers={"Accept-Encoding": "gzip", "If-None-Match": strong}).status_code == 304
