"""Only published events leave the site: drafts and retracted events are in no export or feed."""
import pytest

from tests.factories import make_event

pytestmark = pytest.mark.django_db

URLS = ["/events/export.csv", "/events/export.json", "/events/timelinejs.json", "/events/feed/"]


@pytest.mark.parametrize("url", URLS)
def test_drafts_and_retracted_events_are_never_exported(client, url):
    make_event(status="published", title="Visible ruling", sources=1)
    make_event(status="draft", title="Unpublished draft", sources=1)
    make_event(status="retracted", title="Withdrawn report", sources=1)
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"Visible ruling" in body
    assert b"Unpublished draft" not in body
    assert b"Withdrawn report" not in body
