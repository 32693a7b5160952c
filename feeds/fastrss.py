"""A fast reader for the plainest and commonest feed: well-formed RSS 2.0 whose items hold only text
elements. It reads a document with ElementTree (expat, in C) in a tenth of feedparser's time and gives what
feedparser would give for it, field for field, in feedparser's own shapes (``title_detail``, ``content``,
``published_parsed``...), so ``parsing.entry_from`` treats both alike.

feedparser stays the parser of record. ``read`` returns None, and the document goes to feedparser, for
anything outside the narrow shape below; within it, every rule feedparser applies to these fields is applied
here with feedparser's own helpers (its date parser, its HTML sniffing, its cp1252 table). The tests check
both paths give the same entries on the whole feedparser corpus and on generated feeds.

Accepted: ``<rss version="2.0">`` with one ``<channel>``; no DOCTYPE and no base URI attributes; one channel
``<title>`` at most; items that are direct children of the channel, without attributes, whose
children are only ``title``, ``link``, ``guid`` (``isPermaLink``), ``pubDate``, ``description``,
``author``, ``content:encoded``, ``dc:creator`` (each at most once, and not both bylines), and any number of
``category``, ``comments``, ``enclosure``, ``source``, ``media:content``, ``media:thumbnail``, none holding
elements.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from feedparser.datetimes import _parse_date
from feedparser.html import _cp1252
from feedparser.mixin import _FeedParserMixin
from feedparser.urls import _urljoin

CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
# Media RSS pictures and files, common in news feeds: feedparser keeps their attributes apart from the fields
# read here (as long as they hold no elements: a <media:title> inside would become the entry's title).
MEDIA = frozenset({"{http://search.yahoo.com/mrss/}content", "{http://search.yahoo.com/mrss/}thumbnail"})
_ONCE = frozenset({"title", "link", "guid", "pubDate", "description", "author", CONTENT, CREATOR})
_MANY = frozenset({"category", "comments", "enclosure", "source"}) | MEDIA
# Attributes the accepted elements may carry without changing any field read here.
_ATTRIBUTES = {"category": frozenset({"domain"}), "enclosure": frozenset({"url", "length", "type"}),
               "source": frozenset({"url"})}
# Elements feedparser treats as structure wherever they stand (a new entry, a new feed...): only where
# RSS 2.0 puts them. (Checked on the lower-cased local name, as feedparser matches names.)
_STRUCTURAL = frozenset({"rss", "channel", "item", "entry", "feed", "rdf", "svg", "math"})
# Namespaces from which feedparser may take the document's version before it reads <rss version>.
_VERSION_NAMESPACES = frozenset({"http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/"})
# The children feedparser keeps reading as part of an <image> or a <textInput> (its rule for both).
_OWN_PARTS = {"image": frozenset({"title", "link", "description", "url", "width", "height"}),
              "textInput": frozenset({"title", "link", "description", "name"})}
_QUERY_ENTITY = re.compile("&([A-Za-z0-9_]+);")
_looks_like_html = _FeedParserMixin.looks_like_html


class NotSimple(Exception):
    """The document is outside the shape this reader takes: feedparser reads it."""


# The document is fed to the parser this much at a time, and the items completed so far are read and dropped
# from the tree after each slice: the tree never holds more than a slice's worth of items beside the entries
# made from them (a whole tree of a 1 MB feed beside its entries was 3-7x the document).
_SLICE = 1 << 16


def read(data: bytes) -> tuple[str, str, list[dict]] | None:
    """(feed title, title type, entries as feedparser gives them) of a simple RSS 2.0 document (UTF-8, as
    ``feedparser.encodings.convert_to_utf8`` leaves it), or None for anything else."""
    if b"<!DOCTYPE" in data or b"<!doctype" in data or b"base=" in data:
        return None  # DOCTYPEs and base URIs: feedparser's rules
    channel = _Channel()
    parser = ET.XMLPullParser(events=("start", "start-ns"))
    try:
        for start in range(0, len(data), _SLICE):
            parser.feed(data[start:start + _SLICE])
            if not channel.read(parser.read_events()):
                return None
        parser.close()
        if not channel.read(parser.read_events(), final=True):
            return None
        return channel.title or "", channel.title_type, channel.entries
    except (ET.ParseError, NotSimple, ValueError):
        return None


class _Channel:
    """The document read as the parser completes it: ``<rss version="2.0">`` holding one ``<channel>``, whose
    children are read in order (items become entries) once the next one has begun, and then dropped."""

    def __init__(self) -> None:
        self.root: ET.Element | None = None
        self.channel: ET.Element | None = None
        self.title: str | None = None
        self.title_type = "text/plain"
        self.entries: list[dict] = []

    def read(self, events, final: bool = False) -> bool:
        """Read what the parser completed; False when a namespace makes the document feedparser's."""
        for event, value in events:
            if event == "start-ns":
                uri = value[1].lower()
                if uri in _VERSION_NAMESPACES or "backend.userland.com/rss" in uri:
                    return False  # feedparser may take the version, or element names, from this namespace
            elif self.root is None:
                self.root = value
                if value.tag != "rss" or value.attrib != {"version": "2.0"}:
                    raise NotSimple
        root = self.root
        if root is None or not len(root):
            if final:
                raise NotSimple
            return True
        if self.channel is None:
            channel = root[0]
            if channel.tag != "channel" or channel.attrib:
                raise NotSimple
            self.channel = channel
        if final and len(root) != 1:
            raise NotSimple
        children = self.channel
        complete = len(children) if final else len(children) - 1  # the last may still be open
        for i in range(complete):
            self._child(children[i])
        if complete > 0:
            del children[:complete]
        return True

    def _child(self, child: ET.Element) -> None:
        tag = child.tag
        if tag == "item":
            self.entries.append(_entry(child))
        elif tag == "title":
            if self.title is not None or len(child) or child.attrib:
                raise NotSimple
            self.title, self.title_type = _plain_or_html(child.text)
        else:
            _check_channel_element(child)


def _check_channel_element(element: ET.Element) -> None:
    """Channel elements other than the title and the items change nothing read here, unless feedparser
    would take one for structure or for the feed's title (an ``atom:title``, an ``item`` in an odd place).
    An image or a text input may hold a title of its own, with the few plain parts that keep feedparser
    reading them as the image's or the input's (any other part and it reads the next title as the feed's)."""
    parts = _OWN_PARTS.get(element.tag)
    if parts is not None:
        if element.attrib or any(child.tag not in parts or len(child) for child in element):
            raise NotSimple
        return
    for inner in element.iter():
        tag = inner.tag
        if not isinstance(tag, str):
            raise NotSimple
        local = tag.rsplit("}", 1)[-1].lower()
        if local in _STRUCTURAL or local == "title":
            raise NotSimple


def _entry(item: ET.Element) -> dict:
    if item.attrib:
        raise NotSimple
    seen: set[str] = set()
    entry: dict = {}
    guid_is_link = False
    for child in item:
        tag = child.tag
        if len(child) or not isinstance(tag, str):
            raise NotSimple
        if tag in _ONCE:
            if tag in seen:
                raise NotSimple
            seen.add(tag)
        elif tag not in _MANY:
            raise NotSimple
        attributes = child.attrib
        if tag == "guid":
            if any(name.lower() != "ispermalink" for name in attributes):
                raise NotSimple
        elif attributes and tag not in MEDIA and not set(attributes) <= _ATTRIBUTES.get(tag, frozenset()):
            raise NotSimple
        text = child.text
        if tag == "title":
            entry["title"], kind = _plain_or_html(text)
            entry["title_detail"] = {"type": kind}
        elif tag == "link":
            link = _text(text, uri=True).replace("&amp;", "&")
            entry["link"] = _QUERY_ENTITY.sub(r"&\g<1>", link)
        elif tag == "guid":
            guid_is_link = next(iter(attributes.values()), "true") == "true"
            entry["id"] = _text(text, uri=guid_is_link)
        elif tag == "pubDate":
            entry["published_parsed"] = _parse_date(_text(text))
        elif tag == "description":
            entry["summary"] = _text(text)
            entry["summary_detail"] = {"type": "text/html"}
        elif tag == CONTENT:
            entry["content"] = [{"type": "text/html", "value": _text(text)}]
        elif tag == "author" or tag == CREATOR:
            if "author" in entry:
                raise NotSimple  # two bylines: feedparser keeps one by rules of depth and order
            entry["author"] = _text(text)
    if "summary" not in entry and "content" in entry:
        entry["summary"] = entry["content"][0]["value"]  # feedparser copies the body to a missing summary
    if guid_is_link and "link" not in entry:
        entry["link"] = entry["id"]  # a permalink GUID is the link of an item without one
    return entry


def _text(text: str | None, uri: bool = False) -> str:
    """An element's text as feedparser's ``pop`` leaves it: stripped, a URI joined to no base, text that was
    UTF-8 read as Latin-1 decoded again, cp1252 code points mapped."""
    output = (text or "").strip()
    if uri and output:
        output = _urljoin("", output)
    if output.isascii():
        return output  # what follows changes no ASCII text
    try:
        output = output.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return output.translate(_cp1252)


def _plain_or_html(text: str | None) -> tuple[str, str]:
    """A title: RSS says plain text, feedparser sniffs for HTML (after the clean-up ``pop`` does)."""
    output = (text or "").strip()
    kind = "text/html" if output and _looks_like_html(output) else "text/plain"
    return _text(text), kind
