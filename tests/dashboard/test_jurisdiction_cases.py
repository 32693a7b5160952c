"""A jurisdiction party to many cases: its page shows the first ten (still running first, then the newest
filed) with the number of all of them and a link; a reader following the link sees every public case,
in the same order, fifty to a page, and none that is not public."""
from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Case, CaseParty, Event
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db


@pytest.fixture
def town():
    return make_jurisdiction(name="Casetown", state="OR", slug="casetown")


def add_cases(town, n: int, start: int = 0) -> list[Case]:
    """Cases filed one a month; every third decided (so not "still running")."""
    made = []
    for i in range(start, start + n):
        case = Case.objects.create(
            caption=f"Casetown v. Number {i:03d}", slug=f"casetown-{i:03d}", court="D. Or.",
            filed=datetime.date(2015, 1, 1) + datetime.timedelta(days=31 * i),
            status="decided" if i % 3 == 0 else "open",
        )
        CaseParty.objects.create(case=case, role="plaintiff", jurisdiction=town)
        made.append(case)
    return made


def captions(html: str) -> list[str]:
    return re.findall(r'<a href="/cases/casetown-\d+/">(Casetown v\. Number \d+)</a>', html)


def expected_order(cases: list[Case]) -> list[str]:
    running = [c for c in cases if c.status == "open"]
    finished = [c for c in cases if c.status != "open"]
    by_newest = lambda cs: sorted(cs, key=lambda c: c.filed, reverse=True)  # noqa: E731
    return [c.caption for c in (*by_newest(running), *by_newest(finished))]


def test_the_page_shows_ten_cases_with_the_count_and_the_link_leads_to_all_of_them(client, town):
    cases = add_cases(town, 64)
    hidden = Case.objects.create(caption="Casetown v. Hiddenmark", slug="casetown-hidden", court="D. Or.",
                                 is_public=False)
    CaseParty.objects.create(case=hidden, role="defendant", jurisdiction=town)
    draft_only = Case.objects.create(caption="Casetown v. Draftmark", slug="casetown-draft", court="D. Or.")
    CaseParty.objects.create(case=draft_only, role="defendant", jurisdiction=town)
    Event.objects.filter(pk=make_event(status="draft").pk).update(case=draft_only)
    order = expected_order(cases)

    page = client.get(town.get_absolute_url()).content.decode()
    assert captions(page) == order[:10]  # still running first, newest filed first
    assert "Party to 64 cases" in page
    link = re.search(r'<a href="([^"]+)">All 64 cases Casetown is party to', page)
    assert link, "the page links to the rest"

    seen = []
    url = link.group(1)
    while url:
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "64 cases" in html
        assert "Hiddenmark" not in html and "Draftmark" not in html
        seen += captions(html)
        following = re.search(r'<a rel="next" href="([^"]+)">', html)
        url = link.group(1) + following.group(1) if following else None
    assert seen == order  # every public case once, in the page's order, over two pages


def test_a_few_cases_are_all_shown_without_a_link(client, town):
    cases = add_cases(town, 3)
    page = client.get(town.get_absolute_url()).content.decode()
    assert captions(page) == expected_order(cases)
    assert "All 3 cases" not in page and "Party to" not in page


def test_the_cases_page_of_a_place_with_none_says_so_and_an_upper_case_state_redirects(client, town):
    assert "Not a party to any case recorded here." in client.get("/jurisdictions/or/casetown/cases/").content.decode()
    response = client.get("/jurisdictions/OR/casetown/cases/")
    assert response.status_code == 301 and response["Location"] == "/jurisdictions/or/casetown/cases/"
    assert client.get("/jurisdictions/or/nowhere/cases/").status_code == 404


def test_queries_and_rows_shown_do_not_grow_with_the_cases(client, town):
    def measure(url):
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url).content.decode()
        return len(queries), len(captions(html))

    add_cases(town, 12)
    few = (measure(town.get_absolute_url()), measure("/jurisdictions/or/casetown/cases/"))
    add_cases(town, 150, start=12)
    many = (measure(town.get_absolute_url()), measure("/jurisdictions/or/casetown/cases/"))
    assert [q for q, _ in many] == [q for q, _ in few]
    assert few[0][1] == many[0][1] == 10 and many[1][1] == 50
