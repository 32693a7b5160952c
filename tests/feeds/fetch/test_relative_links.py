"""Relative links in an entry's HTML resolve against the feed's address, or against xml:base where the
document sets one (parsing lets feedparser resolve links only then; nh3 resolves them otherwise)."""
from feeds.parsing import parse_document

FEED_URL = "https://feed.example/news/feed.xml"

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>a</title><link>/a</link>
<description>&lt;p&gt;&lt;a href="/x"&gt;x&lt;/a&gt; &lt;a href="y.html"&gt;y&lt;/a&gt;&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM_WITH_BASE = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://base.example/dir/">
<title>t</title><entry><title>a</title><link href="/a"/><id>1</id>
<content type="html">&lt;a href="y.html"&gt;y&lt;/a&gt;</content></entry></feed>"""


def test_relative_links_resolve_against_the_feed_address():
    entry = parse_document(RSS, url=FEED_URL).entries[0]
    assert entry.link == "https://feed.example/a"
    assert entry.summary_html == (
        '<p><a href="https://feed.example/x" rel="noopener noreferrer nofollow">x</a> '
        '<a href="https://feed.example/news/y.html" rel="noopener noreferrer nofollow">y</a></p>'
    )


def test_xml_base_in_the_document_applies_to_links_inside_html():
    entry = parse_document(ATOM_WITH_BASE, url=FEED_URL).entries[0]
    assert entry.link == "http://base.example/a"
    assert entry.summary_html == '<a href="http://base.example/dir/y.html" rel="noopener noreferrer nofollow">y</a>'
