"""Real headless Chromium (Debian's, never a downloaded one) driven by Playwright against a live server.

Each page fixture records console errors and every request to a host other than the test server,
so tests can assert that nothing leaves the site. Screenshots go to test-artifacts/screenshots/.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def _require_chromium() -> None:
    if Path(CHROMIUM).exists() or shutil.which("chromium"):
        return
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail("Debian's chromium is not installed; .ci/run installs it")
    pytest.skip("chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="session", autouse=True)
def _plain_http_live_server():
    """The live server builds its middleware once, at start, so the HTTPS redirect (on by default
    with DEBUG off) must be off before it starts, not per test as for the test client."""
    from django.test.utils import override_settings

    with override_settings(SECURE_SSL_REDIRECT=False, SESSION_COOKIE_SECURE=False, CSRF_COOKIE_SECURE=False,
                           SECURE_HSTS_SECONDS=0):
        yield


@pytest.fixture(scope="session")
def chromium():
    _require_chromium()
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # between page actions are still synchronous, so Django's async guard must stand aside.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageProbe:
    """A page plus what it did: console errors, page errors, and requests that left the test server."""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base = urlsplit(base_url)
        self.console_errors: list[str] = []
        self.foreign_requests: list[str] = []
        self.requests: list[str] = []
        self.failed_responses: list[str] = []
        page.on("response", lambda r: self.failed_responses.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console_errors.append(f"pageerror: {error}"))
        page.on("request", self._on_request)

    def _on_console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def _on_request(self, request) -> None:
        self.requests.append(request.url)
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if (parts.hostname, parts.port) != (self.base.hostname, self.base.port):
            self.foreign_requests.append(request.url)

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def assert_clean(self) -> None:
        assert self.console_errors == [], (self.console_errors, self.failed_responses)
        assert self.foreign_requests == [], self.foreign_requests


@pytest.fixture
def browse(chromium, live_server):
    """Open pages at a given viewport; yields a function returning a PageProbe."""
    contexts = []

    def open_page(path: str = "/", *, width: int = 1280, height: int = 900) -> PageProbe:
        context = chromium.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        probe = PageProbe(context.new_page(), live_server.url)
        probe.page.goto(live_server.url + path, wait_until="networkidle")
        return probe

    yield open_page
    for context in contexts:
        context.close()
