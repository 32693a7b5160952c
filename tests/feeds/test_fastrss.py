"""The fast RSS reader (feeds/fastrss.py) gives exactly what feedparser gives, or steps aside.

Checked three ways: on every document of the feedparser corpus it accepts, on feeds generated to hit every
rule it copies (HTML sniffing of titles, permalink GUIDs, mis-decoded UTF-8, cp1252 code points, element
order...), and on the shapes it must refuse. Where it accepts, the entries after sanitising are compared,
so a difference anywhere in the fields the pipeline stores fails the test.
"""
from __future__ import annotations

import random
from xml.sax.saxutils import escape

import pytest
from feedparser.encodings import convert_to_utf8
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feeds.parsing import DocumentRefused, entry_from, read_simple_rss, read_with_feedparser, refuse_entity_declarations

from .fetch.corpus import corpus_files, label

BASE = "https://news.example/feed.xml"


def utf8(body: bytes) -> bytes:
    return convert_to_utf8({}, body, {})


def both(data: bytes):
    """(fast, feedparser) as the pipeline reads them: feed title, version, warning and stored entries; the
    fast side is None where the fast reader steps aside."""
    fast = read_simple_rss(data)
    slow = read_with_feedparser(data)

    def outcome(document):
        return (document.version, document.title, document.title_type, document.bozo,
                [entry_from(e, base=BASE) for e in document.entries])

    return (outcome(fast) if fast else None), outcome(slow)


def test_the_fast_reader_agrees_with_feedparser_on_the_whole_corpus():
    accepted = []
    for path in corpus_files("wellformed", "illformed"):
        data = utf8(path.read_bytes())
        try:
            refuse_entity_declarations(data)
        except DocumentRefused:
            continue
        fast, slow = both(data)
        if fast is not None:
            assert fast == slow, label(path)
            accepted.append(label(path))
    # It takes a real share of the corpus's RSS 2.0 documents, so the comparison means something.
    assert len(accepted) >= 100, len(accepted)
    assert any(name.startswith("wellformed/rss/") for name in accepted)


# --- Generated feeds ----------------------------------------------------------------------------------------

# Any text XML can carry (C1 controls included: feedparser maps them as cp1252), and cases chosen by hand.
XML_CHARACTERS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufffe\uffff") \
    .filter(lambda c: c >= " " or c in "\t\n")
TEXTS = st.one_of(
    st.text(XML_CHARACTERS, max_size=40),
    st.sampled_from([
        "", "  padded  ", "Plain title", "A &amp; B", "<b>bold</b> title", "Tom &amp; Jerry &lt;3",
        "Caf\u00c3\u00a9 owners", "\u0093smart quotes\u0094", "5 &lt; 6", "&#169; 2025", "</p>unbalanced",
        "<script>alert(1)</script>", "<p>para</p><p>two</p>", "x &nbsp; y", "&amp;copy;", "\u20ac\u0080\u009f",
        "https://news.example/a?x=1&amp;y=2", "/relative/path", "http:////extra.slashes/x", "mailto:a@b.example",
        "Jane Doe (jane@example.org)", "Mon, 02 Jun 2025 10:00:00 GMT", "2025-06-02T10:00:00Z", "not a date",
    ]),
)


def _element(tag: str, text: str, cdata: bool, attrs: str = "") -> str:
    body = f"<![CDATA[{text}]]>" if cdata and "]]>" not in text else escape(text)
    return f"<{tag}{attrs}>{body}</{tag}>"


@st.composite
def items(draw):
    parts = []
    for tag in ("title", "link", "guid", "pubDate", "description", "author", "content:encoded", "dc:creator",
                "category", "comments"):
        if draw(st.booleans()):
            attrs = ""
            if tag == "guid":
                attrs = draw(st.sampled_from(["", ' isPermaLink="true"', ' isPermaLink="false"', ' isPermaLink="True"',
                                              ' ispermalink="false"']))
            parts.append(_element(tag, draw(TEXTS), draw(st.booleans()), attrs))
    if draw(st.booleans()):
        parts.append('<enclosure url="https://cdn.example/a.mp3" length="1" type="audio/mpeg"/>')
    if draw(st.booleans()):
        parts.append(f'<media:thumbnail url="https://cdn.example/a.jpg">{escape(draw(TEXTS))}</media:thumbnail>')
    random.Random(draw(st.integers(0, 1000))).shuffle(parts)
    return "<item>" + "".join(parts) + "</item>"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXTS, entries=st.lists(items(), max_size=4))
def test_the_fast_reader_agrees_with_feedparser_on_generated_feeds(title, entries):
    document = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel>'
        f"{_element('title', title, False)}<link>https://news.example/</link>{''.join(entries)}</channel></rss>"
    ).encode("utf-8")
    fast, slow = both(utf8(document))
    if any("<author>" in item and "<dc:creator>" in item for item in entries):
        assert fast is None  # two bylines: left to feedparser
    else:
        assert fast is not None
        assert fast == slow


def test_a_typical_news_feed_takes_the_fast_path():
    document = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Example News</title>'
        '<link>https://news.example/</link><description>News</description><language>en-us</language>'
        '<atom:link href="https://news.example/feed.xml" rel="self" type="application/rss+xml"/>'
        '<image><url>https://news.example/logo.png</url><title>Example News</title><link>https://news.example/</link></image>'
        '<item><title>ICE arrests 14 in Rochester</title><link>https://news.example/a?utm_source=rss</link>'
        '<guid isPermaLink="false">a-1</guid><pubDate>Tue, 03 Jun 2025 14:00:00 -0400</pubDate>'
        '<description><![CDATA[<p>Federal agents arrested 14 people.</p>]]></description>'
        '<category>Immigration</category><source url="https://wire.example/rss">Wire</source>'
        '<media:content url="https://news.example/a.jpg" medium="image" width="800"/>'
        '<media:thumbnail url="https://news.example/a-small.jpg"/></item>'
        '</channel></rss>'
    ).encode()
    fast, slow = both(utf8(document))
    assert fast is not None and fast == slow
    assert fast[4][0].link == "https://news.example/a?utm_source=rss" and fast[4][0].guid == "a-1"


@pytest.mark.parametrize("document", [
    # The feed's title after the items; an empty one; none.
    b'<rss version="2.0"><channel><item><title>first</title></item><title>t</title></channel></rss>',
    b'<rss version="2.0"><channel><title> </title><item><title>first</title></item></channel></rss>',
    b'<rss version="2.0"><channel><image><title>logo</title></image><item><title>a</title></item></channel></rss>',
    # The body before the summary, or alone; the GUID before the link, or instead of it.
    b'<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title><item>'
    b'<content:encoded>&lt;p&gt;body&lt;/p&gt;</content:encoded><description>sum</description></item><item>'
    b'<content:encoded>only</content:encoded><guid>https://x.example/1</guid></item><item>'
    b'<guid>https://x.example/2</guid><link>https://x.example/2b</link></item></channel></rss>',
    # A known namespace under another prefix.
    b'<rss version="2.0" xmlns:c="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title><item>'
    b'<c:encoded>body</c:encoded></item></channel></rss>',
])
def test_simple_documents_in_unusual_order_read_the_same_both_ways(document):
    fast, slow = both(utf8(document))
    assert fast is not None and fast == slow


@pytest.mark.parametrize("document", [
    b'<rss version="0.91"><channel><title>t</title></channel></rss>',  # other RSS versions
    b'<rss version="2.0" xml:base="https://x.example/"><channel><title>t</title></channel></rss>',
    b'<rss version="2.0"><channel><title>t</title><item><media:title xmlns:media="http://search.yahoo.com/mrss/">'
    b'x</media:title></item></channel></rss>',  # an element outside the list
    b'<rss version="2.0"><channel><title>t</title><item/><title>u</title></channel></rss>',  # two feed titles
    # An image part feedparser does not expect: it would read the image's title as the feed's.
    b'<rss version="2.0"><channel><image><logo/><title>i</title></image><title>t</title></channel></rss>',
    b'<rss version="2.0"><channel><title>t</title><item><title>a</title><title>b</title></item></channel></rss>',
    b'<rss version="2.0"><channel><title>t</title><item><description type="text">x</description></item>'
    b'</channel></rss>',  # an attribute that would change the type
    b'<rss version="2.0"><channel><title>t</title><item><description><p>x</p></description></item></channel></rss>',
    b'<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title><item><media:content '
    b'url="https://x.example/v.mp4"><media:title>x</media:title></media:content></item></channel></rss>',
    b'<rss version="2.0"><channel><title>t</title><atom:title xmlns:atom="http://www.w3.org/2005/Atom">u'
    b'</atom:title></channel></rss>',  # feedparser would take it as the feed title
    b'<rss version="2.0" xmlns:rss="http://purl.org/rss/1.0/"><channel><title>t</title></channel></rss>',
    b'<rss version="2.0"><channel><title>t</title><item><title>unclosed</item></channel></rss>',  # not well-formed
    b'<?xml version="1.0"?><!DOCTYPE rss><rss version="2.0"><channel><title>t</title></channel></rss>',
    b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>',
])
def test_documents_outside_the_simple_shape_go_to_feedparser(document):
    assert read_simple_rss(utf8(document)) is None


# --- Documents read over many slices (fastrss reads 64 KiB at a time and drops the items it has read) -------

def _large_feed(items: int, *, body: int = 900, extra: bytes = b"", late: bytes = b"", tail: bytes = b"") -> bytes:
    parts = []
    for i in range(items):
        text = escape(f"<p>Story {i}: officials said ICE would stop \u2019honoring\u2019 detainers. " + "word " * (body // 5)
                      + "</p>")
        parts.append(f"<item><title>Story {i}</title><link>https://news.example/{i}</link><guid>g{i}</guid>"
                     f"<pubDate>Tue, 03 Jun 2025 12:00:00 GMT</pubDate><description>{text}</description></item>")
        if i == items // 2:
            parts.append(late.decode())
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Large</title>'
            + "".join(parts)).encode() + extra + b"</channel>" + tail + b"</rss>"


def test_a_feed_read_over_many_slices_agrees_with_feedparser():
    # ~600 KB of items, one of them larger than a slice, an image and a title of the channel after the items.
    document = _large_feed(600, extra=b"<image><title>logo</title><url>https://news.example/l.png</url></image>")
    huge = _large_feed(3, body=200_000)
    for data in (document, huge):
        assert len(data) > 3 * 65536
        fast, slow = both(utf8(data))
        assert fast is not None and fast == slow
        assert len(fast[4]) == len(slow[4])


@pytest.mark.parametrize("late, tail", [
    # What makes a document feedparser's, coming only after many slices of simple items were read and dropped.
    (b'<item><media:title xmlns:media="http://search.yahoo.com/mrss/">x</media:title></item>', b""),
    (b'<item xmlns:rss="http://purl.org/rss/1.0/"><title>x</title></item>', b""),
    (b"<title>a second feed title</title>", b""),
    (b"", b"<channel><title>a second channel</title></channel>"),
    (b"<item><title>unclosed</item>", b""),
])
def test_a_reason_to_leave_a_feed_to_feedparser_is_found_however_late_it_comes(late, tail):
    data = _large_feed(400, late=late, tail=tail)
    assert len(data) > 3 * 65536
    assert read_simple_rss(utf8(data)) is None
