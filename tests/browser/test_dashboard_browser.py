"""The dashboard's charts in a real browser: drawn, from this site's own files, clickable, embeddable."""
from __future__ import annotations

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def dashboard_data():
    """Two states with a city each; events over three months. Test rows, not the 20,000-row gazetteer:
    transactional tests empty the tables afterwards, and the map only needs state codes and points."""
    illinois = _state(name="Illinois", state="IL", uid="test:il", fips="97", latitude=40.0, longitude=-89.2)
    chicago = make_jurisdiction(name="Chicago", state="IL", parent=illinois, slug="chicago-test",
                                latitude=41.85, longitude=-87.65, population=2_700_000)
    california = _state(name="California", state="CA", uid="test:ca", fips="98", latitude=37.2, longitude=-119.5)
    oakland = make_jurisdiction(name="Oakland", state="CA", parent=california, slug="oakland-test",
                                latitude=37.8, longitude=-122.27, population=430_000)
    for i, (kind, place, month) in enumerate([
        ("federal_action", chicago, 1), ("court_ruling", chicago, 2), ("enforcement_operation", oakland, 2),
        ("policy_change", california, 3), ("federal_action", oakland, 3),
    ]):
        make_event(title=f"Event {i}", kind=kind, status="published", sources=1, jurisdictions=[place],
                   date=datetime.date(2025, month, 10))


def _state(**fields):
    # The first transactional test still sees the session's gazetteer; one state row per code, as in life.
    from jurisdictions.models import Jurisdiction

    existing = Jurisdiction.objects.filter(kind="state", state=fields["state"]).first()
    return existing or make_jurisdiction(kind="state", slug=f"{fields['state'].lower()}-test", **fields)


def _topojson_requests(probe) -> list[str]:
    return [url for url in probe.requests if "/static/vendor/topojson/" in url]


def test_home_draws_the_timeline_and_the_map_from_local_files(browse, dashboard_data):
    probe = browse("/")
    page = probe.page
    page.wait_for_selector("#timeline .main-svg")
    page.wait_for_selector("#map .geo path")
    assert page.locator("#timeline .bars path").count() >= 5  # one per month and kind with events
    # The state outlines come from the topojson this site serves.
    assert page.locator("#map .choroplethlocation").count() >= 2
    figure = page.evaluate("JSON.parse(document.getElementById('map-data').textContent)")
    shaded = [trace for trace in figure["data"] if trace["type"] == "choropleth"][0]
    assert sorted(shaded["locations"]) == ["CA", "IL"]
    assert page.locator("#map .scattergeo .point").count() == 2
    assert _topojson_requests(probe) and all(u.startswith(probe.page.url.split("/", 3)[0]) for u in _topojson_requests(probe))
    assert any("/static/vendor/plotly/plotly.min.js" in url for url in probe.requests)
    probe.screenshot("home")
    probe.assert_clean()


def test_clicking_a_timeline_bar_opens_that_months_events(browse, dashboard_data):
    probe = browse("/")
    page = probe.page
    page.wait_for_selector("#timeline .bars path")
    bar = page.locator("#timeline .bars path").first
    box = bar.bounding_box()
    with page.expect_navigation():
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    query = parse_qs(urlsplit(page.url).query)
    assert urlsplit(page.url).path == "/events/"
    assert query["date_from"][0].startswith("2025-0") and query["date_to"][0].startswith("2025-0")
    assert page.locator(".event__title").count() >= 1
    probe.assert_clean()


def test_a_filter_changes_the_charts_too(browse, dashboard_data):
    probe = browse("/events/")
    page = probe.page
    page.wait_for_selector("#events-map .geo path")
    assert page.locator("#events-map .choroplethlocation").count() >= 2
    page.get_by_label("State", exact=True).select_option("CA")
    with page.expect_navigation():
        page.get_by_role("button", name="Show events").click()
    page.wait_for_selector("#events-map .geo path")
    assert parse_qs(urlsplit(page.url).query)["state"] == ["CA"]
    assert page.locator(".event__title").count() == 3
    figure = page.evaluate("JSON.parse(document.getElementById('events-map-data').textContent)")
    assert [t["locations"] for t in figure["data"] if t["type"] == "choropleth"] == [["CA"]]
    probe.assert_clean()


@pytest.mark.parametrize("name", ["timeline", "map"])
def test_an_embed_renders_at_375_pixels(browse, dashboard_data, name):
    probe = browse(f"/embed/{name}/?state=IL", width=375, height=600)
    page = probe.page
    page.wait_for_selector(".chart__plot .main-svg")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    probe.screenshot(f"embed-{name}-375")
    assert overflow <= 0
    probe.assert_clean()


def test_at_375_pixels_the_map_toolbar_does_not_cover_its_legend(browse, dashboard_data):
    # A county point as well as the places, so the map has a legend (counties and places).
    illinois = _state(name="Illinois", state="IL", uid="test:il", fips="97")
    cook = make_jurisdiction(name="Cook County", kind="county", state="IL", parent=illinois, fips="97031",
                             slug="cook-test", latitude=41.8, longitude=-87.8)
    make_event(title="County event", kind="court_ruling", status="published", sources=1, jurisdictions=[cook],
               date=datetime.date(2025, 2, 1))
    probe = browse("/", width=375, height=800)
    page = probe.page
    page.wait_for_selector("#map .geo path")
    page.hover("#map .main-svg")  # the toolbar shows on hover (a tap on a phone)
    boxes = page.evaluate("""() => {
        const box = (sel) => { const el = document.querySelector(sel); if (!el) return null;
                               const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
        return {toolbar: box('#map .modebar'), legend: box('#map .legend')};
    }""")
    toolbar, legend = boxes["toolbar"], boxes["legend"]
    assert toolbar and legend
    overlap = not (toolbar[2] <= legend[0] or legend[2] <= toolbar[0] or toolbar[3] <= legend[1] or legend[3] <= toolbar[1])
    probe.screenshot("home-map-375")
    assert not overlap, boxes
    probe.assert_clean()
