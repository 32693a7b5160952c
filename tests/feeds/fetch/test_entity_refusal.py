import time

import pytest

from feeds.choices import FetchOutcome
from feeds.fetching import fetch_feed_now
from feeds.models import Article
from feeds.parsing import DocumentRefused, parse_document
from tests.feeds.fetch.feeds import BILLION_LAUGHS, single_large_entity
from tests.feeds.fetch.server import Reply


@pytest.mark.parametrize("body", [BILLION_LAUGHS, single_large_entity()], ids=["billion-laughs", "one-large-entity"])
def test_entity_bombs_are_refused_within_a_second_and_recorded(feed_server, make_feed, body):
    url = feed_server.serve("/bomb.xml", Reply(200, body, {"Content-Type": "application/rss+xml"}))
    feed = make_feed(url)

    started = time.monotonic()
    run = fetch_feed_now(feed)

    assert time.monotonic() - started < 1
    assert run.outcome == FetchOutcome.REFUSED
    assert "declares XML entities" in run.error_message
    assert "billion laughs" in run.error_message
    assert run.bytes_received == len(body)
    assert not Article.objects.exists()
    feed.refresh_from_db()
    assert feed.consecutive_failures == 1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_declarations_in_other_encodings_are_refused(encoding):
    body = BILLION_LAUGHS.decode("ascii").replace('<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{encoding}"?>')
    with pytest.raises(DocumentRefused):
        parse_document(body.encode(encoding))


def test_a_plain_doctype_is_fine():
    body = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel><title>t</title>'
        b"<item><title>One</title><link>https://e.example/1</link></item></channel></rss>"
    )
    parsed = parse_document(body)
    assert [e.title for e in parsed.entries] == ["One"]


def test_an_external_entity_is_refused():
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b"<rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>"
    )
    with pytest.raises(DocumentRefused):
        parse_document(body)


def test_an_encoding_name_that_is_not_text_is_a_clear_parse_error(feed_server, make_feed):
    # feedparser's own conversion raises UnicodeDecodeError on such a declaration; the run says what is wrong.
    body = b'<?xml version="1.0" encoding="\xff\xfe"?><rss version="2.0"><channel><title>t</title></channel></rss>'
    url = feed_server.serve("/odd.xml", Reply(200, body, {"Content-Type": "application/rss+xml"}))
    run = fetch_feed_now(make_feed(url))
    assert run.outcome == FetchOutcome.PARSE_ERROR
    assert run.error_message == "Not a readable feed: the XML declaration names its encoding in bytes that are not text."
    assert not Article.objects.exists()
