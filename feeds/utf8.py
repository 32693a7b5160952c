"""A feed's bytes as feedparser's ``convert_to_utf8`` gives them, without its copies when they are UTF-8 already.

``convert_to_utf8`` decodes the whole document to a ``str``, puts a new XML declaration in front of it and
encodes it back: three copies of the document, and a ``str`` of text with any character beyond Latin-1 takes
two or four bytes a character. For the benchmark's 1.3 MB feed that was 7.7 MB at its peak, the largest
moment of a whole fetch, and 8-10 ms. Most feeds are UTF-8 already; for them the answer is the same bytes with
the declaration replaced, made with one copy.

Which encoding applies is never decided here: feedparser decides it, on the document's head (the bytes its
own declaration pattern matches: everything that decision reads besides the HTTP headers and the first
four bytes). When it would read the whole document as UTF-8 (the first encoding it tries, by the headers
and the declaration, with no override) and the document is valid UTF-8 (checked in slices, without
decoding it whole), or as an ASCII-compatible encoding and the document is ASCII, the bytes are built here;
anything else (byte order marks, other encodings, invalid bytes) goes through ``convert_to_utf8``. The tests
compare both on the feedparser corpus and on every combination of headers, declarations and contents.
"""
from __future__ import annotations

import codecs
import re

from feedparser.encodings import (
    EBCDIC_MARKER,
    RE_XML_PI_ENCODING,
    UTF16BE_MARKER,
    UTF16LE_MARKER,
    UTF32BE_MARKER,
    UTF32LE_MARKER,
    convert_to_utf8,
)
from feedparser.exceptions import CharacterEncodingOverride

# What feedparser puts in place of the document's declaration (feedparser.encodings), and its pattern for
# that declaration, on bytes: ``[^>]`` spans the same text in UTF-8 bytes as in characters, since no byte of
# a multi-byte character is ">".
NEW_DECLARATION = b"<?xml version='1.0' encoding='utf-8'?>"
_DECLARATION = re.compile(rb"^<\?xml[^>]*?>")
# The first bytes that make feedparser sniff an encoding (a byte order mark, or "<?xm" in UTF-16/32 or EBCDIC).
_MARKS_4 = (codecs.BOM_UTF32_BE, codecs.BOM_UTF32_LE, EBCDIC_MARKER, UTF16BE_MARKER, UTF16LE_MARKER,
            UTF32BE_MARKER, UTF32LE_MARKER)
_MARKS_2 = (codecs.BOM_UTF16_BE, codecs.BOM_UTF16_LE)
# Encodings that read ASCII bytes as the same characters as UTF-8 does.
_ASCII_READS_THE_SAME = frozenset({"ascii", "utf-8", "iso8859-1", "cp1252"})
_SLICE = 1 << 16


def as_utf8(http_headers: dict, data: bytes) -> bytes:
    """``feedparser.encodings.convert_to_utf8(http_headers, data, {})``, byte for byte."""
    if data[:4] in _MARKS_4 or data[:2] in _MARKS_2 or data[:3] == codecs.BOM_UTF8:
        return convert_to_utf8(http_headers, data, {})
    encoding = _first_choice(http_headers, data)
    if encoding is None or not (
        (encoding == "utf-8" and is_utf8(data)) or (encoding in _ASCII_READS_THE_SAME and data.isascii())
    ):
        return convert_to_utf8(http_headers, data, {})
    declaration = _DECLARATION.match(data)
    # One copy of the document: join reads the rest of it in place.
    if declaration is None:
        return b"".join((NEW_DECLARATION, b"\n", data))
    return b"".join((NEW_DECLARATION, memoryview(data)[declaration.end():]))


def _first_choice(http_headers: dict, data: bytes) -> str | None:
    """The encoding feedparser tries first for this document (the one the headers and the declaration name),
    by Python's name for it, if it reads the document's head; else None."""
    declaration = RE_XML_PI_ENCODING.match(data)
    probe: dict = {}
    convert_to_utf8(http_headers, data[:declaration.end()] if declaration else b"", probe)
    chosen = probe.get("encoding")
    if not chosen or isinstance(probe.get("bozo_exception"), CharacterEncodingOverride):
        return None  # nothing read it, or not the encoding tried first
    try:
        return codecs.lookup(chosen).name
    except LookupError:
        return None


def is_utf8(data: bytes) -> bool:
    """Whether ``data`` is valid UTF-8 (as ``data.decode("utf-8")`` judges), decoded a slice at a time."""
    if data.isascii():
        return True
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for start in range(0, len(data), _SLICE):
            decoder.decode(view[start:start + _SLICE])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True
