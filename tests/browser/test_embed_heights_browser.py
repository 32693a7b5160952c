"""Embeds on another site: a host page on a different origin (its own server, its own strict CSP)
pastes the embed code the site offers for each kind of embed, in 320 px and 800 px columns. The
loader sizes every iframe to its content: no scrollbar inside, no blank space below."""
from __future__ import annotations

import datetime
import html
import re
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from events.models import Case, CourtRuling
from jurisdictions.models import Jurisdiction, Listing, ListSnapshot, OfficialList, Policy
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = (320, 800)
HEIGHT = "sanctuary-tracker:height"


def _state(**fields):
    # The first transactional test still sees the session's gazetteer; one state row per code, as in life.
    existing = Jurisdiction.objects.filter(kind="state", state=fields["state"]).first()
    return existing or make_jurisdiction(kind="state", slug=f"{fields['state'].lower()}-test", **fields)


@pytest.fixture
def story_data():
    illinois = _state(name="Illinois", state="IL", uid="test:il", fips="97", latitude=40.0, longitude=-89.2)
    chicago = make_jurisdiction(name="Chicago", state="IL", parent=illinois, slug="chicago-test",
                                latitude=41.85, longitude=-87.65, population=2_700_000)
    cook = make_jurisdiction(kind="county", name="Cook County", state="IL", parent=illinois, slug="cook-test",
                             fips="97031", latitude=41.8, longitude=-87.9)
    oakland = make_jurisdiction(name="Oakland", state="CA", slug="oakland-test", latitude=37.8,
                                longitude=-122.27, population=430_000)
    Policy.objects.create(jurisdiction=chicago, title="Welcoming City Ordinance (test)", category="detainer_limits",
                          stance="limits", adopted=datetime.date(2012, 9, 12))
    official = OfficialList.objects.create(name="Test list", slug="test-list", publisher="Test agency")
    for day, listed in ((datetime.date(2025, 5, 29), True), (datetime.date(2025, 8, 5), False)):
        snapshot = ListSnapshot.objects.create(official_list=official, published=day, source_url="https://l.example/")
        if listed:
            Listing.objects.create(snapshot=snapshot, jurisdiction=chicago)
    case = Case.objects.create(caption="Chicago v. Test <Agency>", slug="chicago-v-test", court="N.D. Ill.",
                               docket_number="1:25-cv-0001", status="open", filed=datetime.date(2025, 2, 7))
    for i, (kind, place, month) in enumerate([
        ("federal_action", chicago, 1), ("court_ruling", chicago, 2), ("federal_action", cook, 1), ("enforcement_operation", oakland, 2),
        ("court_ruling", chicago, 3), ("federal_action", oakland, 3), ("policy_change", chicago, 4),
    ]):
        event = make_event(title=f"Event {i} with a longish title, as headlines are", kind=kind, status="published",
                           sources=1, jurisdictions=[place], date=datetime.date(2025, month, 10),
                           case=case if kind == "court_ruling" else None)
        if kind == "court_ruling":
            CourtRuling.objects.create(event=event, court="N.D. Ill.", ruling_type="preliminary_injunction",
                                       outcome="for_jurisdiction")
    return {"chicago": chicago, "case": case}


def _snippets(url: str) -> list[str]:
    """The embed code a page offers, as a reader would copy it from the textarea."""
    with urllib.request.urlopen(url) as response:
        page = response.read().decode()
    return [html.unescape(code) for code in re.findall(r"<textarea id=\"embed-code-[^\"]+\"[^>]*>(.*?)</textarea>", page, re.S)]


class _Host:
    """Another site: one page with the pasted embed code, under a CSP of its own that allows only
    itself, the tracker's script and the tracker's frames (no inline script or style anywhere)."""

    def __init__(self, tracker_origin: str, body: str):
        page = (
            "<!doctype html><html><head><meta charset=utf-8><title>A story</title>"
            '<link rel="stylesheet" href="/host.css"></head><body><h1>A story</h1>' + body + "</body></html>"
        ).encode()
        css = b"body{margin:8px;font:16px serif} .column{margin:0 0 40px} .w320{width:320px} .w800{width:800px}"
        csp = (f"default-src 'self'; script-src 'self' {tracker_origin}; frame-src {tracker_origin}; "
               "style-src 'self'; img-src 'self'")

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                body, kind = (css, "text/css") if self.path == "/host.css" else (page, "text/html; charset=utf-8")
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Security-Policy", csp)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def embed_codes(live_server, story_data):
    """The code for each kind of embed, copied from the page that offers it."""
    chicago, case = story_data["chicago"], story_data["case"]
    codes = (
        _snippets(live_server.url + "/events/?state=IL")  # the timeline and the map
        + _snippets(live_server.url + chicago.get_absolute_url())
        + _snippets(live_server.url + case.get_absolute_url())
    )
    assert len(codes) == 4
    return codes


@pytest.fixture
def serve_host(live_server):
    tracker = urlsplit(live_server.url)
    origin = f"{tracker.scheme}://{tracker.netloc}"
    hosts = []

    def serve(codes: list[str]) -> str:
        body = "".join(f'<div class="column w{width}">{code}</div>' for code in codes for width in WIDTHS)
        host = _Host(origin, body)
        hosts.append(host)
        assert urlsplit(host.url).netloc != tracker.netloc  # another origin
        return host.url

    yield serve
    for host in hosts:
        host.close()


@pytest.fixture
def host_page(serve_host, embed_codes, live_server):
    tracker = urlsplit(live_server.url)
    return serve_host(embed_codes), f"{tracker.scheme}://{tracker.netloc}"


def _frame_metrics(frame) -> dict:
    return frame.evaluate(
        """() => ({
            content: Math.ceil(document.documentElement.getBoundingClientRect().height),
            scrollHeight: document.documentElement.scrollHeight,
            clientHeight: document.documentElement.clientHeight,
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
        })"""
    )


def _open(chromium, url):
    context = chromium.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.goto(url, wait_until="load")
    return context, page, errors


def _wait_until_fitted(page, element):
    """Scrolls the frame into view (the code asks for loading="lazy"), waits for its content, then
    until the loader has given the frame its content's height; returns what was measured."""
    element.scroll_into_view_if_needed()
    handle = element.element_handle()
    frame = handle.content_frame()
    frame.wait_for_load_state("load")
    if frame.locator(".chart__plot").count():
        frame.wait_for_selector(".chart__plot .main-svg")
    # Fitted: the frame's height is its content's, and its document is as wide as the frame (after a
    # column narrows, the document inside reflows a moment later), three checks in a row 250 ms apart,
    # since a late redraw (Plotly, a narrow refit) changes the content once more. The content is read
    # again at every check: waiting for the height measured once timed out when it changed meanwhile
    # (a busy machine). Past the deadline the caller's assertions report what was measured.
    deadline = time.monotonic() + 30
    settled = 0
    while settled < 3 and time.monotonic() < deadline:
        metrics = _frame_metrics(frame)
        outer = handle.evaluate("el => ({height: el.clientHeight, width: el.clientWidth})")
        fitted = abs(outer["height"] - metrics["content"]) <= 2 and metrics["clientWidth"] <= outer["width"]
        settled = settled + 1 if fitted else 0
        page.wait_for_timeout(250)
    metrics = _frame_metrics(frame)
    outer = handle.evaluate("el => ({height: el.clientHeight, width: el.clientWidth})")
    return frame, outer, metrics


def _assert_fits(frame, outer, metrics):
    assert abs(outer["height"] - metrics["content"]) <= 2, (frame.url, outer, metrics)
    assert metrics["scrollHeight"] <= metrics["clientHeight"], (frame.url, metrics)  # no scrollbar
    assert metrics["scrollWidth"] <= metrics["clientWidth"], (frame.url, metrics)  # nothing cut off


def test_each_embed_takes_its_contents_height_on_another_site(chromium, host_page):
    url, tracker_origin = host_page
    context, page, errors = _open(chromium, url)
    try:
        iframes = page.locator("iframe[data-sanctuary-tracker]")
        assert iframes.count() == 8
        heights = set()
        for i in range(iframes.count()):
            frame, outer, metrics = _wait_until_fitted(page, iframes.nth(i))
            _assert_fits(frame, outer, metrics)
            assert outer["width"] in WIDTHS
            heights.add(outer["height"])
            kind = urlsplit(frame.url).path.strip("/").split("/")[1]
            iframes.nth(i).screenshot(path=str(_screenshot(f"embed-on-host-{kind}-{outer['width']}")))
            if kind == "map" and outer["width"] == 320:
                # The legend, the colour bar and every point stay inside a 320 px frame.
                boxes = frame.evaluate("""() => Array.from(document.querySelectorAll(
                    '.legend, .colorbar, .scattergeo .point')).map(el => el.getBoundingClientRect())
                    .map(r => [r.left, r.right])""")
                assert len(boxes) == 4 and all(0 <= left and right <= 320 for left, right in boxes), boxes
        # The frames did change: the code's fixed heights are only a starting point.
        assert len(heights) > 4, heights
        # The loader ran under the host's CSP without a violation, as did the pages in the frames.
        assert [e for e in errors if "Content Security Policy" in e or "pageerror" in e] == []
    finally:
        context.close()


def test_a_frame_follows_its_column_when_it_narrows(chromium, host_page):
    url, _ = host_page
    context, page, _ = _open(chromium, url)
    try:
        for index in (5, 3):  # the jurisdiction at 800 px, the map at 800 px
            element = page.locator("iframe[data-sanctuary-tracker]").nth(index)
            frame, wide, _ = _wait_until_fitted(page, element)
            assert wide["width"] == 800
            # Playwright's own evaluation, not a page script: the host's CSP stays as it is.
            element.evaluate("el => { el.parentElement.className = 'column w320'; }")
            frame, narrow, metrics = _wait_until_fitted(page, element)
            assert narrow["width"] == 320 and narrow["height"] != wide["height"], (wide, narrow)
            _assert_fits(frame, narrow, metrics)
    finally:
        context.close()


def test_a_loader_arriving_after_the_frames_loaded_still_sizes_them(chromium, serve_host, embed_codes, live_server):
    frames_only = [re.sub(r"<script [^>]*></script>", "", code) for code in embed_codes]
    context, page, errors = _open(chromium, serve_host(frames_only))
    try:
        element = page.locator("iframe[data-sanctuary-tracker]").nth(6)  # the case at 320 px
        element.scroll_into_view_if_needed()
        frame = element.element_handle().content_frame()
        frame.wait_for_load_state("load")
        page.wait_for_timeout(300)
        assert element.evaluate("el => el.clientHeight") == 480  # the code's height: nobody listened
        page.evaluate("src => { const s = document.createElement('script'); s.src = src; document.body.append(s); }",
                      live_server.url + "/embed/embed.js")
        _assert_fits(*_wait_until_fitted(page, element))
        assert errors == []
    finally:
        context.close()


def test_only_the_embeds_own_frame_can_resize_it(chromium, host_page):
    """Messages from the host window itself, or from another frame, never resize an embed."""
    url, tracker_origin = host_page
    context, page, _ = _open(chromium, url)
    try:
        first = page.locator("iframe[data-sanctuary-tracker]").first
        handle = first.element_handle()
        frame = handle.content_frame()
        frame.wait_for_selector(".chart__plot .main-svg")
        page.wait_for_function("([el, h]) => Math.abs(el.clientHeight - h) <= 2",
                               arg=[handle, _frame_metrics(frame)["content"]])
        before = handle.evaluate("el => el.clientHeight")
        # The host page's own window (a script on it, or one in an ad) posing as the embed.
        page.evaluate(f"() => window.postMessage({{type: '{HEIGHT}', id: 'timeline', height: 7}}, '*')")
        page.wait_for_timeout(300)
        assert handle.evaluate("el => el.clientHeight") == before
        # For contrast, the same message from the embed's own window is obeyed.
        frame.evaluate(f"() => window.parent.postMessage({{type: '{HEIGHT}', id: 'x', height: 123}}, '*')")
        page.wait_for_function("el => el.clientHeight === 123", arg=handle)
    finally:
        context.close()


def _screenshot(name: str):
    from tests.browser.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}.png"
