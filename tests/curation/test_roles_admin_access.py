"""Permission matrix by role on the staff pages: anonymous, signed-in non-staff, staff without a role,
Editor, Admin."""
import pytest
from django.urls import reverse

from feeds.models import Feed
from tests.curation.staff import make_admin, make_editor, make_user
from tests.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return make_event(status="published", sources=1)


@pytest.fixture
def feed():
    return Feed.objects.create(url="https://news.example.org/feed.xml", name="Example News")


def staff_urls(event, feed) -> list[str]:
    """Every staff page this matrix covers."""
    names = [
        "admin:index",
        "admin:events_event_changelist", "admin:events_event_add", "admin:events_case_changelist",
        "admin:events_source_changelist", "admin:events_correction_changelist",
        "admin:jurisdictions_policy_changelist", "admin:jurisdictions_officiallist_changelist",
        "admin:jurisdictions_listsnapshot_changelist", "admin:jurisdictions_listing_changelist",
        "admin:feeds_article_changelist", "admin:feeds_storycluster_changelist", "admin:feeds_feed_changelist",
        "admin:feeds_feed_add", "admin:auth_user_changelist", "admin:auth_group_changelist",
    ]
    urls = [reverse(name) for name in names]
    urls += [
        reverse("admin:events_event_change", args=[event.pk]),
        reverse("admin:events_event_history", args=[event.pk]),
        reverse("admin:events_event_delete", args=[event.pk]),
        reverse("admin:events_event_publish", args=[event.pk]),
        reverse("admin:events_event_retract", args=[event.pk]),
        reverse("admin:events_event_simple_history", args=[event.pk, event.history.latest().history_id]),
        reverse("admin:feeds_feed_change", args=[feed.pk]),
    ]
    return urls


def test_anonymous_visitors_are_sent_to_sign_in_from_every_staff_page(client, event, feed):
    for url in staff_urls(event, feed):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url


def test_signed_in_non_staff_users_are_sent_to_sign_in(client, event, feed):
    client.force_login(make_user("reader", is_staff=False))
    for url in staff_urls(event, feed):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url


def test_staff_without_a_role_see_no_model_page(client, event, feed):
    client.force_login(make_user("intern"))
    for url in staff_urls(event, feed)[1:]:
        assert client.get(url).status_code == 403, url


def test_editor_reaches_the_curation_pages(client, event, feed):
    client.force_login(make_editor())
    for name in (
        "admin:events_event_changelist", "admin:events_event_add", "admin:events_case_changelist",
        "admin:events_case_add", "admin:events_correction_changelist", "admin:jurisdictions_policy_add",
        "admin:jurisdictions_officiallist_add", "admin:jurisdictions_listsnapshot_changelist",
        "admin:feeds_article_changelist", "admin:feeds_storycluster_changelist", "admin:feeds_feed_changelist",
    ):
        assert client.get(reverse(name)).status_code == 200, name
    assert client.get(reverse("admin:events_event_change", args=[event.pk])).status_code == 200
    assert client.get(reverse("admin:events_event_history", args=[event.pk])).status_code == 200


def test_editor_cannot_reach_user_or_group_admin(client):
    client.force_login(make_editor())
    for name in ("admin:auth_user_changelist", "admin:auth_user_add", "admin:auth_group_changelist"):
        assert client.get(reverse(name)).status_code == 403, name


def test_editor_may_look_at_feeds_but_not_add_change_or_fetch_them(client, feed):
    client.force_login(make_editor())
    assert client.get(reverse("admin:feeds_feed_add")).status_code == 403
    change_url = reverse("admin:feeds_feed_change", args=[feed.pk])
    page = client.get(change_url)
    assert page.status_code == 200 and page.context["has_change_permission"] is False
    assert client.post(change_url, {"name": "Renamed", "url": feed.url, "fetch_interval": 5}).status_code == 403
    assert client.post(reverse("admin:feeds_feed_fetch", args=[feed.pk])).status_code == 403
    assert client.get(reverse("admin:feeds_feed_delete", args=[feed.pk])).status_code == 403
    feed.refresh_from_db()
    assert feed.name == "Example News"


def test_editor_cannot_delete_events_or_history(client, event):
    client.force_login(make_editor())
    assert client.get(reverse("admin:events_event_delete", args=[event.pk])).status_code == 403
    assert client.post(reverse("admin:events_event_delete", args=[event.pk]), {"post": "yes"}).status_code == 403
    assert event.history.exists()
    # History models are not in the admin at all: there is no page to delete a record from.
    assert client.get("/admin/events/historicalevent/").status_code == 404


def test_admin_group_reaches_everything(client, event, feed):
    client.force_login(make_admin())
    for url in staff_urls(event, feed):
        assert client.get(url).status_code == 200, url
