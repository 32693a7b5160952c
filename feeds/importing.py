"""Local files into articles, through the same pipeline as feeds: for offline use and for the demo.

A file is one of: an RSS/Atom/RDF document (every entry becomes an article), an HTML page (one article:
its <title> or first <h1>, its sanitised body), or plain text (one article: the first line is the title,
the rest the text). Files never carry a trustworthy link, so an article from a page or a text file is
identified by its content: importing the same file twice adds nothing.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.dateparse import parse_datetime

from feeds.parsing import ParsedEntry, ParseError, parse_document
from feeds.sanitize import html_to_text, plain_text, sanitize_html, text_to_html

MAX_FILE_BYTES = 10 * 1024 * 1024
# A feed's root element comes within its first kilobyte, after any XML declaration, comments or DOCTYPE.
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<meta|<title)", re.I)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.S | re.I)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S | re.I)
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S | re.I)
_PUBLISHED_META = re.compile(
    r"<meta[^>]+(?:property|name)=[\"'](?:article:published_time|date|pubdate)[\"'][^>]*content=[\"']([^\"']+)",
    re.I,
)


class ImportError_(Exception):
    """A file that cannot be imported, with a message naming the file and the reason."""


@dataclass
class FileEntries:
    path: Path
    kind: str  # "feed" | "html" | "text"
    entries: list[ParsedEntry] = field(default_factory=list)


def read_file(path: Path) -> FileEntries:
    """Read one file into parsed entries. Raises ImportError_ with a readable reason."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportError_(f"{path}: cannot read it ({exc.strerror}).") from None
    if size > MAX_FILE_BYTES:
        raise ImportError_(f"{path}: {size:,} bytes is over the {MAX_FILE_BYTES:,}-byte limit.")
    data = path.read_bytes()
    if not data.strip():
        raise ImportError_(f"{path}: the file is empty.")
    if _FEED_ROOT.search(data[:1024]) or path.suffix.lower() in (".rss", ".atom", ".xml"):
        try:
            parsed = parse_document(data)
        except ParseError as exc:
            raise ImportError_(f"{path}: {exc}") from None
        return FileEntries(path, "feed", parsed.entries)
    text = data.decode("utf-8", errors="replace")
    if _HTML_START.match(data) or path.suffix.lower() in (".html", ".htm"):
        return FileEntries(path, "html", [entry_from_html(text)])
    return FileEntries(path, "text", [entry_from_text(text)])


def entry_from_text(text: str) -> ParsedEntry:
    lines = text.strip().splitlines()
    title = plain_text(lines[0], "text/plain", max_length=1000) if lines else ""
    body_html = text_to_html("\n".join(lines[1:]))
    return ParsedEntry(
        link="", guid="", title=title, author="", published=None,
        summary_html=body_html, body_html="", text=html_to_text(body_html),
    )


def entry_from_html(page: str) -> ParsedEntry:
    title_match = _TITLE.search(page) or _H1.search(page)
    title = plain_text(title_match.group(1), "text/html", max_length=1000) if title_match else ""
    body = _BODY.search(page)
    body_html = sanitize_html(body.group(1) if body else page)
    published = None
    meta = _PUBLISHED_META.search(page)
    if meta:
        published = _aware(parse_datetime(meta.group(1).strip()))
    return ParsedEntry(
        link="", guid="", title=title, author="", published=published,
        summary_html=body_html, body_html="", text=html_to_text(body_html),
    )


def _aware(value: datetime.datetime | None) -> datetime.datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=datetime.timezone.utc)
    return value


def collect_paths(paths: list[str]) -> list[Path]:
    """Files named, and the files inside folders named (sorted, hidden files skipped)."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")))
        else:
            found.append(path)
    return found
