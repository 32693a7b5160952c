"""Feed documents for tests, written here (never copied from the corpus)."""
from __future__ import annotations

from xml.sax.saxutils import escape


def rss(items: list[dict], *, title: str = "Test Gazette", extra_channel: str = "") -> bytes:
    """An RSS 2.0 document. Each item: title, link, guid, description, pubDate, content (any may be absent)."""
    parts = []
    for item in items:
        fields = []
        if "title" in item:
            fields.append(f"<title>{escape(item['title'])}</title>")
        if "link" in item:
            fields.append(f"<link>{escape(item['link'])}</link>")
        if "guid" in item:
            permalink = "true" if item.get("guid_is_link") else "false"
            fields.append(f'<guid isPermaLink="{permalink}">{escape(item["guid"])}</guid>')
        if "description" in item:
            fields.append(f"<description>{escape(item['description'])}</description>")
        if "content" in item:
            fields.append(f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>")
        fields.append(f"<pubDate>{item.get('pubDate', 'Tue, 21 Jan 2025 15:00:00 GMT')}</pubDate>")
        parts.append("<item>" + "".join(fields) + "</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(title)}</title><link>https://gazette.example/</link><description>News</description>"
        f"{extra_channel}{''.join(parts)}</channel></rss>"
    ).encode("utf-8")


def numbered_items(count: int, *, host: str = "https://gazette.example", start: int = 0) -> list[dict]:
    return [
        {
            "title": f"Story number {i}",
            "link": f"{host}/news/{i}?utm_source=rss&utm_medium=feed",
            "guid": f"{host}/news/{i}",
            "description": f"<p>Paragraph about story {i}.</p>",
        }
        for i in range(start, start + count)
    ]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>https://laughs.example/1</link></item></channel></rss>
"""


def single_large_entity(size: int = 100_000, references: int = 5_000) -> bytes:
    """One big entity referenced many times: 100 KB x 5,000 = 500 MB if expanded. Malformed on purpose
    (an unclosed element) so that a strict parser gives up and a lenient one would take over."""
    refs = "&big;" * references
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY big "' + "A" * size + '">\n]>\n'
        '<rss version="2.0"><channel><title>t</title><item><title>x</title>'
        f"<description>{refs}</description><link>https://big.example/1</link></item>"
        "<item><title>unclosed</channel></rss>"
    ).encode("ascii")


HTML_PAGE = b"""<!DOCTYPE html>
<html lang="en"><head><title>Gazette - home</title></head>
<body><h1>Welcome</h1><p>Our feed has moved.</p><a href="/news">News</a></body></html>
"""
