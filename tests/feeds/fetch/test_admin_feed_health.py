import pytest
from django.urls import reverse

from feeds.models import Article, Feed, FetchRun
from tests.feeds.fetch.feeds import numbered_items, rss
from tests.feeds.fetch.server import Reply

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client, admin_user):
    client.force_login(admin_user)
    return client


def test_the_feed_list_shows_each_feeds_health(admin_client_, feed_server, django_assert_max_num_queries):
    from feeds.fetching import fetch_feed_now

    good = Feed.objects.create(url=feed_server.serve("/ok.xml", Reply(200, rss(numbered_items(1)))), name="Good")
    bad = Feed.objects.create(url=feed_server.serve("/bad.xml", Reply(500)), name="Bad")
    for i in range(5):
        Feed.objects.create(url=f"https://f{i}.example/feed", name=f"Idle {i}")
    fetch_feed_now(good)
    fetch_feed_now(bad)

    with django_assert_max_num_queries(8):
        response = admin_client_.get(reverse("admin:feeds_feed_changelist"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Failing (1 in a row)" in html
    assert "Server error" not in html  # messages live on the run, the list shows the outcome
    assert "HTTP error" in html and "Fetched" in html and "Not fetched yet" in html


def test_the_change_page_lists_recent_fetches_and_offers_fetch_now(admin_client_, feed_server):
    feed = Feed.objects.create(url=feed_server.serve("/ok.xml", Reply(200, rss(numbered_items(2)))), name="Good")
    response = admin_client_.get(reverse("admin:feeds_feed_change", args=[feed.pk]))
    html = response.content.decode()
    assert "Fetch now" in html and reverse("admin:feeds_feed_fetch", args=[feed.pk]) in html
    assert "None yet." in html


def test_fetch_now_fetches_one_feed(admin_client_, feed_server):
    feed = Feed.objects.create(url=feed_server.serve("/ok.xml", Reply(200, rss(numbered_items(2)))), name="Good")

    response = admin_client_.post(reverse("admin:feeds_feed_fetch", args=[feed.pk]), follow=True)

    assert response.status_code == 200
    assert Article.objects.count() == 2
    assert "Good: Fetched, 2 new of 2 entries." in response.content.decode()
    assert "Recent fetches" in response.content.decode()
    assert FetchRun.objects.get().outcome == "ok"


def test_fetch_now_needs_a_post_and_the_right_to_change_feeds(client, editor, feed_server):
    feed = Feed.objects.create(url=feed_server.serve("/ok.xml", Reply(200, rss([]))), name="Good")
    url = reverse("admin:feeds_feed_fetch", args=[feed.pk])
    client.force_login(editor)  # staff, without feed permissions
    assert client.post(url).status_code == 403
    assert client.get(url).status_code in (403, 405)
    assert not FetchRun.objects.exists()


def test_the_fetch_now_action_fetches_the_selected_feeds(admin_client_, feed_server):
    one = Feed.objects.create(url=feed_server.serve("/one.xml", Reply(200, rss(numbered_items(1)))), name="One")
    two = Feed.objects.create(url=feed_server.serve("/two.xml", Reply(404)), name="Two")

    response = admin_client_.post(
        reverse("admin:feeds_feed_changelist"),
        {"action": "fetch_now", "_selected_action": [one.pk, two.pk]},
        follow=True,
    )

    html = response.content.decode()
    assert "One: Fetched, 1 new of 1 entries." in html
    assert "Two: HTTP error, 0 new of 0 entries. Not found (404)" in html


def test_the_admin_form_refuses_a_non_http_address(admin_client_):
    response = admin_client_.post(
        reverse("admin:feeds_feed_add"),
        {"url": "ftp://gazette.example/rss", "name": "G", "active": "on", "fetch_interval": 15},
    )
    assert response.status_code == 200
    assert "is not an http:// or https:// address" in response.content.decode()
    assert not Feed.objects.exists()
