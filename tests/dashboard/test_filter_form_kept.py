"""The blank events filter form is rendered once per process and kept (tracker/templatetags/filter_form.py):
the dashboard and an unfiltered list show exactly the form they would render, a filtered or invalid
request gets its own, and a changed setting drops the kept one."""
from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.signals import template_rendered

from events.filters import filter_events
from tracker.templatetags import filter_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _nothing_kept():
    filter_form._forget()
    yield
    filter_form._forget()


class Rendered:
    """The names of the templates rendered while it listens."""

    def __enter__(self):
        self.names = []
        template_rendered.connect(self._seen)
        return self

    def _seen(self, sender, template, context, **kwargs):
        self.names.append(template.name)

    def __exit__(self, *exc):
        template_rendered.disconnect(self._seen)


def form_html(html: str) -> str:
    start = html.index('<form class="filters"')
    return html[start:html.index("</form>", start) + len("</form>")]


def test_the_kept_blank_form_is_the_form_the_page_would_render(client):
    fresh = render_to_string(filter_form.TEMPLATE, {"filters": filter_events({}), "request": RequestFactory().get("/")})
    with Rendered() as first:
        home = client.get("/").content.decode()
    with Rendered() as second:
        again = client.get("/").content.decode()
        listing = client.get("/events/").content.decode()
    assert filter_form.TEMPLATE in first.names and filter_form.TEMPLATE not in second.names
    assert form_html(home) == form_html(again) == form_html(listing) == form_html(fresh)


def test_a_filtered_or_invalid_request_gets_its_own_form(client):
    client.get("/")  # the blank form is kept
    with Rendered() as seen:
        chosen = client.get("/events/?state=CA&kind=court_ruling").content.decode()
    assert filter_form.TEMPLATE in seen.names
    form = form_html(chosen)
    assert '<option value="CA" selected>' in form and 'value="court_ruling"' in form and "checked" in form
    invalid = form_html(client.get("/events/?date_from=not-a-date").content.decode())
    assert "Some filters could not be applied." in invalid
    # The blank form kept meanwhile is still the blank one.
    assert "selected>" not in form_html(client.get("/").content.decode()).replace('<option value="" selected>', "")


def test_a_changed_setting_drops_the_kept_form(client, settings):
    client.get("/")
    assert filter_form._blank is not None
    settings.STATIC_URL = "/other-static/"
    assert filter_form._blank is None
    # The form's script is rendered again with the new setting, not served as kept.
    assert 'src="/other-static/js/autocomplete.js"' in client.get("/").content.decode()
