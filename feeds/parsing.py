"""From the bytes a feed sent to plain entries: refuse dangerous documents, parse, sanitise.

The one danger feedparser does not guard against is entity expansion: when its strict (expat) parser gives
up on a document, the lenient fallback expands entities declared in the DOCTYPE without any limit, so a
115 KB feed declaring one large entity can take 500 MB. Feeds have no business declaring entities, so a
document that declares any is refused before parsing. The check runs on the document as feedparser will
see it (after its own decoding to UTF-8), so no character encoding can smuggle a declaration past it.
"""
from __future__ import annotations

import calendar
import datetime
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import urljoin

import feedparser

from feeds import fastrss
from feeds.choices import FetchOutcome
from feeds.sanitize import clean_string, content_to_html, html_to_text, is_html_type, plain_text
from feeds.utf8 import as_utf8

T = TypeVar("T")
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(rb"<!\s*ENTITY", re.IGNORECASE)
# An HTML page, after the XML declaration feedparser's decoding puts in front and any comments.
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
    re.IGNORECASE | re.DOTALL,
)


class ParseError(Exception):
    """The document is not something to ingest. ``outcome`` is the FetchRun outcome to record."""

    outcome: str = FetchOutcome.PARSE_ERROR

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DocumentRefused(ParseError):
    outcome = FetchOutcome.REFUSED


@dataclass
class ParsedEntry:
    """One entry, already reduced to what may be stored: sanitised HTML and plain text."""

    link: str
    guid: str
    title: str
    author: str
    published: datetime.datetime | None
    summary_html: str
    body_html: str
    text: str = ""

    @property
    def content_hash(self) -> str:
        """SHA-256 of the normalised words of title and text: the same story text, whatever its markup."""
        normalised = " ".join(f"{self.title}\n{self.text}".casefold().split())
        return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass
class ParsedFeed:
    title: str
    version: str
    entries: list[ParsedEntry] = field(default_factory=list)
    # Why the document was not well-formed, when feedparser had to read it leniently.
    warning: str = ""


def handed_over(entries: list[T]) -> Iterator[T]:
    """The items of a list, each let go of by the list as it is taken, so that a list of entries does not keep
    every one alive while what they become is built (raw entries while they are converted; parsed entries,
    and the plain text they alone hold once it is analysed, while the articles are written). The list is
    empty afterwards."""
    entries.reverse()
    while entries:
        yield entries.pop()


def refuse_entity_declarations(data: bytes) -> None:
    """Raise DocumentRefused when a DOCTYPE declares entities (billion laughs, one huge entity, external
    entities). ``data`` is the document as the parsers will read it (UTF-8)."""
    doctype = _DOCTYPE.search(data)
    if doctype and _ENTITY.search(data, doctype.start()):
        raise DocumentRefused(
            "Refused: the document declares XML entities in a DOCTYPE. Expanding them can exhaust memory "
            "(a \"billion laughs\" attack), and no genuine feed needs them."
        )


@dataclass
class RawDocument:
    """A parsed document as feedparser shapes it: entries are feedparser entries (or ``fastrss``'s copies)."""

    version: str
    title: str
    title_type: str
    entries: list
    problem: str = ""  # why the strict parser gave up, if it did
    bozo: bool = False  # read leniently


def parse_document(body: bytes, *, url: str = "", content_type: str = "") -> ParsedFeed:
    """Parse a feed document. Raises ParseError (or DocumentRefused) when there is nothing to ingest."""
    if not body or not body.strip():
        raise ParseError("The response was empty.")
    headers = {"content-type": content_type} if content_type else {}
    try:
        data = as_utf8(headers, body)  # what feedparser's convert_to_utf8 gives, with fewer copies (feeds/utf8.py)
    except UnicodeDecodeError:
        # feedparser reads the encoding's name in the XML declaration as UTF-8 and gives up on other bytes.
        raise ParseError("Not a readable feed: the XML declaration names its encoding in bytes that are not "
                         "text.") from None
    refuse_entity_declarations(data)
    document = read_simple_rss(data) or read_with_feedparser(data)
    if not document.version and not document.entries:
        if _looks_like_html(data, content_type):
            raise ParseError(
                "The address returned a web page (HTML), not a feed. The feed may have moved; "
                "look for its new address on the site."
            )
        reason = document.problem or "no RSS, Atom or RDF document found"
        raise ParseError(f"Not a readable feed: {reason}.")
    del data  # the entries hold all that is kept; each raw entry is let go of once it is converted
    return ParsedFeed(
        title=plain_text(document.title, document.title_type or "text/plain", max_length=200),
        version=document.version,
        entries=[entry_from(e, base=url) for e in handed_over(document.entries)],
        warning=document.problem if document.bozo else "",
    )


def read_simple_rss(data: bytes) -> RawDocument | None:
    """The commonest feeds, plain RSS 2.0, read in a tenth of the time (``feeds/fastrss.py``); None for any
    other document."""
    found = fastrss.read(data)
    if found is None:
        return None
    title, title_type, entries = found
    return RawDocument(version="rss20", title=title, title_type=title_type, entries=entries)


def read_with_feedparser(data: bytes) -> RawDocument:
    """Any document feedparser can read, however ill-formed."""
    # A BytesIO, never bytes: feedparser treats a bytes argument as a possible file name or URL.
    # feedparser's own sanitiser is off: every fragment goes through nh3's stricter allowlist anyway
    # (feeds/sanitize.py), and sanitising twice would double the cost of parsing. The document's address
    # is not given to feedparser either (joining it to every element costs a third of a parse): links are
    # resolved against it here, and links inside HTML by nh3. feedparser's own pass over every HTML
    # fragment to resolve relative links (a fifth of a parse) then only matters where the document sets
    # xml:base, which it applies; without one, nh3 resolves the same links against the same address.
    parsed = feedparser.parse(
        io.BytesIO(data),
        response_headers={"content-type": "application/xml; charset=utf-8"},
        sanitize_html=False,
        resolve_relative_uris=b"xml:base" in data,
    )
    feed_info = parsed.get("feed") or {}
    title_detail = feed_info.get("title_detail") or {}
    return RawDocument(
        version=parsed.get("version") or "",
        title=feed_info.get("title", ""),
        title_type=title_detail.get("type", "text/plain"),
        entries=parsed.get("entries") or [],
        problem=_bozo_message(parsed),
        bozo=bool(parsed.get("bozo")),
    )


def _looks_like_html(data: bytes, content_type: str) -> bool:
    if content_type.split(";")[0].strip().lower() in ("text/html", "application/xhtml+xml"):
        return True
    return bool(_HTML_START.match(data[:4096]))


def _bozo_message(parsed) -> str:
    exc = parsed.get("bozo_exception")
    if exc is None:
        return ""
    text = " ".join(str(exc).split())[:300]
    return text or type(exc).__name__


def _text(entry, key: str) -> tuple[str, str]:
    """(value, type) of a text construct, or ('', '')."""
    value = entry.get(key)
    if not value or not isinstance(value, str):
        return "", ""
    detail = entry.get(f"{key}_detail") or {}
    return value, detail.get("type", "text/html") if isinstance(detail, dict) else "text/html"


def _published(entry) -> datetime.datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if not value:
            continue
        try:
            return datetime.datetime.fromtimestamp(calendar.timegm(value), tz=datetime.timezone.utc)
        except (TypeError, ValueError, OverflowError, OSError):
            continue
    return None


def _best_content(entry) -> tuple[str, str]:
    """The fullest HTML body an entry carries (content:encoded, atom:content), preferring HTML to text."""
    contents = [c for c in (entry.get("content") or []) if isinstance(c, dict) and c.get("value")]
    if not contents:
        return "", ""
    contents.sort(key=lambda c: (not is_html_type(c.get("type", "")), -len(c.get("value", ""))))
    best = contents[0]
    return best.get("value", ""), best.get("type", "text/html")


def entry_from(entry, base: str = "") -> ParsedEntry:
    """Reduce a feedparser entry to a ParsedEntry: plain-text title and byline, sanitised HTML. Relative
    links are resolved against ``base``, the document's address."""
    title, title_type = _text(entry, "title")
    summary, summary_type = _text(entry, "summary")
    body, body_type = _best_content(entry)
    summary_html = content_to_html(summary, summary_type, base) if summary else ""
    body_html = content_to_html(body, body_type, base) if body else ""
    if body_html == summary_html:
        body_html = ""
    author = entry.get("author") if isinstance(entry.get("author"), str) else ""
    link = clean_string(entry.get("link") if isinstance(entry.get("link"), str) else "").strip()
    if link and base and "://" not in link[:12]:
        try:
            link = urljoin(base, link)
        except ValueError:
            pass
    guid = entry.get("id") if isinstance(entry.get("id"), str) else ""
    return ParsedEntry(
        link=link,
        guid=clean_string(guid).strip(),
        title=plain_text(title, title_type or "text/html"),
        author=plain_text(author, "text/html", max_length=300),
        published=_published(entry),
        summary_html=summary_html,
        body_html=body_html,
        text=html_to_text(body_html or summary_html),
    )
