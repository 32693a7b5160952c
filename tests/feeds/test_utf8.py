"""A feed's bytes as UTF-8 (feeds/utf8.py): byte for byte what feedparser's ``convert_to_utf8`` gives, for every
document, with one copy of the document instead of several where it is UTF-8 already.

Compared on the feedparser corpus under every kind of Content-Type, on a grid of declarations, byte order
marks, contents and headers (including the documents feedparser reads in another encoding than the one
declared), and on random bytes."""
from __future__ import annotations

import codecs
import itertools
import tracemalloc

import pytest
from feedparser.encodings import convert_to_utf8
from hypothesis import given, settings
from hypothesis import strategies as st

from feeds.utf8 import as_utf8, is_utf8

from .fetch.corpus import corpus_files, label

HEADERS = [
    {},
    {"content-type": "application/xml"},
    {"content-type": "application/rss+xml; charset=utf-8"},
    {"content-type": "application/atom+xml; charset=windows-1252"},
    {"content-type": "text/xml"},
    {"content-type": "text/xml; charset=iso-8859-1"},
    {"content-type": "text/html; charset=UTF-8"},
    {"content-type": "text/plain"},
    {"content-type": "application/json"},
    {"content-length": "10"},  # headers without a Content-Type: feedparser's "iso-8859-1" default
]


def expected(headers: dict, data: bytes) -> bytes:
    return convert_to_utf8(headers, data, {})


def test_every_corpus_document_under_every_content_type_converts_as_feedparser_converts_it():
    files = corpus_files("wellformed", "illformed")
    compared = 0
    for path in files:
        data = path.read_bytes()
        for headers in HEADERS:
            assert as_utf8(headers, data) == expected(headers, data), (label(path), headers)
            compared += 1
    assert compared >= 10 * 1500


DECLARATIONS = [
    "",
    "<?xml version='1.0'?>",
    '<?xml version="1.0" encoding="utf-8"?>',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    "<?xml version='1.0' encoding='utf8'?>",
    '<?xml version="1.0" encoding="iso-8859-1"?>',
    '<?xml version="1.0" encoding="windows-1252"?>',
    '<?xml version="1.0" encoding="us-ascii"?>',
    '<?xml version="1.0" encoding="utf-16"?>',
    '<?xml version="1.0" encoding="shift_jis"?>',
    '<?xml version="1.0" encoding="gb2312"?>',
    '<?xml version="1.0" encoding="no-such-encoding"?>',
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '  <?xml version="1.0" encoding="utf-8"?>',  # not at the very start: feedparser's patterns do not see it
]
BODIES = [
    "<rss version='2.0'><channel><title>Plain</title></channel></rss>".encode(),
    "<rss version='2.0'><channel><title>Caf\u00e9 \u2019quoted\u2019 \U0001F600</title></channel></rss>".encode(),
    "<rss version='2.0'><channel><title>Caf\u00e9</title></channel></rss>".encode("latin-1"),  # not UTF-8
    "<rss version='2.0'><channel><title>\u2019</title></channel></rss>".encode("cp1252"),
    b"<rss version='2.0'><channel><title>cut \xe2\x80</title></channel></rss>",  # a truncated character
    b"<rss version='2.0'><channel><title>\xed\xa0\x80 surrogate</title></channel></rss>",
    b"<rss>\x00 a NUL</rss>",
    # The declaration pattern is greedy on a line without newlines: a later "encoding=" on the first line wins.
    b"<rss><title>x encoding='iso-8859-1' y ?></title><d>\xc3\xa9</d></rss>",
    "<rss><t>\u65e5\u672c</t></rss>".encode("shift_jis"),
    # After the 39 bytes of the UTF-16 declaration: the head alone has an odd length and does not read as
    # UTF-16, the whole document does, so feedparser reads it as UTF-16 (not the UTF-8 the head reads as).
    b"\x00",
]
BOMS = [b"", codecs.BOM_UTF8]


@pytest.mark.parametrize("headers", HEADERS, ids=lambda h: h.get("content-type", "no type" if h else "none"))
def test_declarations_byte_order_marks_and_contents_convert_as_feedparser_converts_them(headers):
    for declaration, body, bom in itertools.product(DECLARATIONS, BODIES, BOMS):
        data = bom + declaration.encode("ascii") + body
        assert as_utf8(headers, data) == expected(headers, data), (declaration, body, bom)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp037"])
def test_documents_in_other_encodings_and_their_marks_convert_as_feedparser_converts_them(encoding):
    text = "<?xml version='1.0' encoding='%s'?><rss><title>Caf\u00e9</title></rss>" % encoding
    for headers in HEADERS:
        data = text.encode(encoding)
        assert as_utf8(headers, data) == expected(headers, data), headers


@settings(max_examples=300, deadline=None)
@given(
    declaration=st.sampled_from(DECLARATIONS),
    body=st.binary(max_size=200) | st.text(max_size=80).map(lambda t: t.encode("utf-8", "surrogatepass")),
    headers=st.sampled_from(HEADERS),
)
def test_random_bytes_convert_as_feedparser_converts_them(declaration, body, headers):
    data = declaration.encode("ascii") + body
    assert as_utf8(headers, data) == expected(headers, data)


def test_validity_is_judged_as_decode_judges_it_across_the_slices_it_reads():
    # Multi-byte characters (2, 3 and 4 bytes) straddling the 64 KiB slices, valid and cut.
    for char in ("\u00e9", "\u2019", "\U0001F600"):
        encoded = char.encode("utf-8")
        for shift in range(len(encoded) + 1):
            valid = b"a" * (65536 - shift) + encoded * 3
            assert is_utf8(valid) is True
            cut = b"a" * (65536 - shift) + encoded[:-1] + b"b"
            assert is_utf8(cut) is False
    assert is_utf8(b"") is True
    assert is_utf8(b"x" * 65536 + b"\xff") is False


def test_a_utf8_feed_costs_one_copy_of_itself_where_feedparser_made_several():
    item = "<item><title>Caf\u00e9 \u2019sanctuary\u2019 policy</title><description>%s</description></item>"
    data = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            + "".join(item % ("word " * 200) for _ in range(500)) + "</channel></rss>").encode("utf-8")
    assert len(data) > 500_000

    def peak(convert) -> int:
        tracemalloc.start()
        try:
            result = convert()
            return tracemalloc.get_traced_memory()[1], result
        finally:
            tracemalloc.stop()

    ours, ours_result = peak(lambda: as_utf8({}, data))
    theirs, theirs_result = peak(lambda: expected({}, data))
    assert ours_result == theirs_result
    assert ours < 1.2 * len(data) < 3 * len(data) < theirs
