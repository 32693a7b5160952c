"""An editor, in a real browser, from a new article in the review queue to a published event the public sees."""
from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from events.roles import EDITOR, apply_roles
from tests.curation.review_helpers import analysed

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "walkthrough-password-123"


@pytest.fixture
def editor_and_article(gazetteer):
    apply_roles()  # transactional tests empty the tables the roles migration filled
    editor = get_user_model().objects.create_user("walker", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR))
    article = analysed(
        "Justice Department sues Chicago over sanctuary ordinance",
        "The Justice Department sued Chicago on Thursday, saying the city's Welcoming City Ordinance "
        "obstructs immigration enforcement. ICE officials welcomed the lawsuit.",
        publisher="Example News",
    )
    return editor, article


def test_an_editor_turns_an_article_into_a_published_event(browse, editor_and_article):
    editor, article = editor_and_article
    probe = browse("/admin/login/?next=/staff/review/")
    page = probe.page
    page.get_by_label("Username").fill("walker")
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Log in").click()
    assert page.url.endswith("/staff/review/")

    # The queue shows the article with the analyser's suggestion; tick it and create an event.
    row = page.locator("tr", has_text=article.title)
    assert "Chicago" in row.inner_text()
    page.locator(f"#pick-{article.pk}").check()
    page.locator("select[name=action]").select_option("create_event")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply").click()

    # The form comes prefilled from the analysis; the editor writes the summary in the tracker's words.
    assert "/staff/review/" in page.url and page.locator("h1").inner_text().startswith("New event"), page.url
    assert page.locator("input[name=title]").input_value()
    page.locator("input[name=title]").fill("Justice Department sues Chicago over its ordinance")
    page.locator("textarea[name=summary]").fill("The Justice Department sued Chicago over its Welcoming City Ordinance.")
    page.locator("select[name=kind]").select_option("federal_action")
    page.locator("select[name=agency]").select_option("DOJ")
    page.locator("select[name=action_type]").select_option("lawsuit")
    with page.expect_navigation():
        page.get_by_role("button", name="Create draft event").click()

    # A draft is not public yet.
    public = browse("/events/?q=ordinance")
    assert "Justice Department sues Chicago over its ordinance" not in public.page.content()

    # Publish from the event editor, through its confirmation page.
    assert "/admin/events/event/" in page.url, page.url
    with page.expect_navigation():
        page.get_by_role("link", name="Publish…").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Yes, publish").click()

    public = browse("/events/")
    titles = public.page.locator(".event__title").all_inner_texts()
    assert "Justice Department sues Chicago over its ordinance" in titles
    with public.page.expect_navigation():
        public.page.get_by_role("link", name="Justice Department sues Chicago over its ordinance").click()
    html = public.page.content()
    assert "Example News" in html and "Chicago" in html
    public.screenshot("walkthrough-published-event")

    # The editor corrects a fact of the public event, with a note, and saves through the change form
    # (this save used to answer 500 for every event made from the queue: it has a creator).
    assert "/admin/events/event/" in page.url, page.url
    page.locator("input[name=title]").fill("Justice Department sues Chicago over its Welcoming City Ordinance")
    page.locator("textarea[name=correction_note]").fill("The title now names the ordinance the suit is about.")
    with page.expect_navigation():
        page.locator("input[name=_continue]").click()
    assert page.locator(".errornote").count() == 0, page.content()
    assert "was changed successfully" in page.locator(".messagelist").inner_text()

    corrected = browse("/events/")
    with corrected.page.expect_navigation():
        corrected.page.get_by_role("link", name="Justice Department sues Chicago over its Welcoming City Ordinance").click()
    text = corrected.page.locator("main").inner_text()
    assert "The title now names the ordinance the suit is about." in text
    corrected.screenshot("walkthrough-corrected-event")
    corrected.assert_clean()
    public.assert_clean()
    assert probe.foreign_requests == []
