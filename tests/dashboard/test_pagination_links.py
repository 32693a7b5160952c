"""The previous/next links every paginated page draws from one partial (templates/partials/pagination.html):
they change only the page number and keep the reader's filters, say Newer/Older where the newest come
first, carry the page's fragment, and are not drawn for a single page."""
from __future__ import annotations

import datetime
import re

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory

from events.choices import EventKind
from tests.factories import make_event, make_jurisdiction


def nav(page, query: str = "", **options) -> str:
    request = RequestFactory().get("/somewhere/" + query)
    return render_to_string("partials/pagination.html", {"page": page, **options}, request=request)


def links(html: str) -> dict[str, str]:
    return {rel: href.replace("&amp;", "&") for rel, href in re.findall(r'<a rel="(prev|next)" href="([^"]*)"', html)}


def test_the_links_keep_the_filters_and_change_only_the_page():
    page = Paginator(range(120), 50).get_page(2)
    html = nav(page, "?kind=lawsuit&state=CA&page=2&sort=date")
    assert links(html) == {"prev": "?kind=lawsuit&state=CA&sort=date&page=1",
                           "next": "?kind=lawsuit&state=CA&sort=date&page=3"}
    assert 'aria-label="Pages"' in html and "Page 2 of 3" in html
    assert "← Previous" in html and "Next →" in html


def test_newest_first_pages_say_newer_and_older_and_keep_their_fragment():
    html = nav(Paginator(range(120), 50).get_page(2), newest_first=True, fragment="#events", label="Pages of events")
    assert links(html) == {"prev": "?page=1#events", "next": "?page=3#events"}
    assert "← Newer" in html and "Older →" in html and 'aria-label="Pages of events"' in html


def test_first_and_last_pages_link_one_way_and_a_single_page_draws_nothing():
    assert set(links(nav(Paginator(range(120), 50).get_page(1)))) == {"next"}
    assert set(links(nav(Paginator(range(120), 50).get_page(3)))) == {"prev"}
    assert nav(Paginator(range(50), 50).get_page(1)).strip() == ""


def test_page_counts_over_a_thousand_are_written_with_commas():
    assert "Page 1 of 1,200" in nav(Paginator(range(60_000), 50).get_page(1))


def test_hostile_query_values_are_escaped_in_the_links():
    html = nav(Paginator(range(120), 50).get_page(1), '?q="><script>alert(1)</script>')
    assert "<script>" not in html
    assert links(html)["next"] == "?q=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&page=2"


@pytest.mark.django_db
def test_a_reader_pages_through_a_filtered_events_list_without_losing_the_filter(client):
    place = make_jurisdiction(name="Pageville", state="ZZ", slug="pageville")
    start = datetime.date(2025, 1, 1)
    for n in range(55):
        for kind in (EventKind.COURT_RULING, EventKind.ENFORCEMENT_OPERATION):
            make_event(status="published", sources=1, jurisdictions=[place], kind=kind,
                       title=f"{kind.label} number {n:02d}", date=start + datetime.timedelta(days=n))
    first = client.get(f"/events/?kind={EventKind.COURT_RULING.value}").content.decode()
    assert "Page 1 of 2" in first  # 55 rulings, 50 to a page (110 events in all would be 3 pages)
    following = links(first)["next"]
    assert following == f"?kind={EventKind.COURT_RULING.value}&page=2"
    second = client.get("/events/" + following).content.decode()
    assert "Page 2 of 2" in second
    listed = re.findall(r"(Court ruling|Enforcement operation) number (\d\d)", second)
    assert listed and {kind for kind, _n in listed} == {"Court ruling"}
    assert links(second) == {"prev": f"?kind={EventKind.COURT_RULING.value}&page=1"}
