"""Embeds: framable by other sites (only they), readable filters errors, links back to the list."""
import datetime

import pytest

from tests.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/embed/timeline/", "/embed/map/", "/embed/timeline/?kind=court_ruling"])
def test_embeds_may_be_framed_by_any_site(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "X-Frame-Options" not in response.headers
    assert "frame-ancestors *" in response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" not in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("url", ["/", "/events/", "/about/", "/embed/timeline.json"])
def test_other_pages_still_refuse_framing(client, url):
    response = client.get(url)
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_embed_shows_the_chart_table_and_a_link_back_to_the_filtered_list(client):
    make_event(status="published", sources=1, kind="court_ruling", date=datetime.date(2025, 5, 5))
    make_event(status="draft", kind="court_ruling", date=datetime.date(2025, 6, 5))
    html = client.get("/embed/timeline/", {"kind": "court_ruling", "page": "4"}).content.decode()
    assert '<a href="http://testserver/events/?kind=court_ruling" target="_top">' in html
    assert '<div class="chart__plot" id="embed-chart"' in html
    assert 'data-live-url="/embed/timeline.json?kind=court_ruling"' in html
    assert "June 2025" not in html and "May 2025" in html
    assert 'target="_top">May 2025</a>' in html  # table links leave the frame too
    assert 'data-link-target="_top"' in html  # chart clicks too (charts.js)
    assert "/static/js/embed-live.js" in html
    assert 'class="site-header"' not in html
    assert 'name="viewport"' in html


def test_embed_with_bad_filters_is_400_with_a_readable_message(client):
    response = client.get("/embed/map/", {"date_from": "someday", "kind": "nonsense"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "From: Enter a valid date." in html
    assert "Kind: Select a valid choice." in html
    assert "frame-ancestors *" in response.headers["Content-Security-Policy"]  # the message shows in the frame


def test_an_unknown_chart_is_404(client):
    assert client.get("/embed/pie/").status_code == 404
