from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from feeds.models import Feed
from tests.feeds.fetch.feeds import numbered_items, rss
from tests.feeds.fetch.server import Reply

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_add_feed_stores_a_normalised_address():
    out, _ = run("add_feed", "HTTPS://Gazette.Example/rss#x", "--name", "Gazette", "--interval", "30")
    feed = Feed.objects.get()
    assert (feed.url, feed.name, feed.fetch_interval, feed.active) == ("https://gazette.example/rss", "Gazette", 30, True)
    assert "Added Gazette <https://gazette.example/rss>" in out


def test_add_feed_names_a_feed_after_its_host_by_default():
    run("add_feed", "https://gazette.example/rss")
    assert Feed.objects.get().name == "gazette.example"


def test_add_feed_twice_changes_nothing():
    run("add_feed", "https://gazette.example/rss", "--name", "Gazette")
    out, _ = run("add_feed", "https://GAZETTE.example/rss", "--name", "Other")
    assert "Already there" in out
    assert list(Feed.objects.values_list("name", flat=True)) == ["Gazette"]


@pytest.mark.parametrize("url", ["ftp://gazette.example/rss", "gazette.example/rss", "file:///etc/passwd"])
def test_add_feed_refuses_what_is_not_http(url):
    with pytest.raises(CommandError):
        run("add_feed", url)
    assert not Feed.objects.exists()


def test_fetch_feeds_prints_one_line_per_feed(feed_server):
    ok = Feed.objects.create(url=feed_server.serve("/ok.xml", Reply(200, rss(numbered_items(3)))), name="Good")
    Feed.objects.create(url=feed_server.serve("/gone.xml", Reply(410)), name="Gone")

    out, err = run("fetch_feeds", "--all")

    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"Good <{ok.url}>: ok HTTP 200, 3 entries (3 new, 0 seen before), ")
    assert lines[0].endswith(" s")
    assert " bytes, " in lines[0]
    assert lines[1].startswith("Gone <") and ": http_error HTTP 410, 0 entries" in lines[1]
    assert lines[1].endswith("Gone (410): the publisher removed this feed.")
    assert "1 of 2 feeds failed" in err

    out, _ = run("fetch_feeds", str(ok.pk))
    assert "3 entries (0 new, 3 seen before)" in out


def test_fetch_feeds_takes_urls_and_ids(feed_server):
    feed = Feed.objects.create(url=feed_server.serve("/ok.xml", Reply(200, rss(numbered_items(1)))), name="Good")
    out, _ = run("fetch_feeds", feed.url)
    assert out.startswith("Good <")
    with pytest.raises(CommandError, match="No feed"):
        run("fetch_feeds", "9999")


def test_fetch_feeds_without_arguments_fetches_the_due_feeds(feed_server):
    Feed.objects.create(url=feed_server.serve("/ok.xml", Reply(200, rss([]))), name="Due")
    out, _ = run("fetch_feeds")
    assert out.startswith("Due <")
    out, _ = run("fetch_feeds")
    assert out == "No feeds to fetch.\n"
