"""The events list in a real browser: filters by keyboard and mouse, permalinks, narrow screens."""
from __future__ import annotations

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.factories import make_event

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def some_events():
    for i in range(3):
        make_event(title=f"Grant conditions {i}", kind="federal_action", status="published", sources=1,
                   date=datetime.date(2025, 1 + i, 10))
    make_event(title="Judge blocks the conditions", kind="court_ruling", status="published", sources=1,
               date=datetime.date(2025, 4, 2))


def test_changing_a_filter_updates_the_list_and_the_url(browse, some_events):
    probe = browse("/events/")
    page = probe.page
    assert page.locator(".event__title").count() == 4
    page.get_by_role("checkbox", name="Court ruling").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Show events").click()
    assert parse_qs(urlsplit(page.url).query)["kind"] == ["court_ruling"]
    assert page.locator(".event__title").all_inner_texts() == ["Judge blocks the conditions"]
    assert "1 event" in page.locator("#results-heading").inner_text()
    # The URL is a permalink: opening it again shows the same state of the form and list.
    again = browse(urlsplit(page.url).path + "?" + urlsplit(page.url).query)
    assert again.page.get_by_role("checkbox", name="Court ruling").is_checked()
    assert again.page.locator(".event__title").count() == 1
    probe.screenshot("events-filtered")
    probe.assert_clean()
    again.assert_clean()


def test_a_bad_filter_value_shows_a_message_in_the_browser(browse, some_events):
    probe = browse("/events/?date_from=2025-02-30")
    alert = probe.page.get_by_role("alert")
    assert "Enter a valid date" in alert.inner_text()
    # A 400 answer is logged by the browser as a failed resource; nothing else may be.
    assert all("400" in e for e in probe.console_errors), probe.console_errors
    assert probe.foreign_requests == []


def test_the_list_fits_a_phone_screen(browse, some_events):
    probe = browse("/events/", width=375, height=800)
    overflow = probe.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    probe.screenshot("events-375")
    assert overflow <= 0
    probe.assert_clean()


def test_the_filters_work_by_keyboard(browse, some_events):
    probe = browse("/events/")
    page = probe.page
    page.get_by_label("Search").focus()
    page.keyboard.type("Judge")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert parse_qs(urlsplit(page.url).query).get("q") == ["Judge"], page.url
    assert page.locator(".event__title").all_inner_texts() == ["Judge blocks the conditions"]
    probe.assert_clean()
