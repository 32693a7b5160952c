"""The quick paths of the text every article goes through give exactly what the plain definitions give.

``html_to_text`` (the analyser's offsets point into its output), ``clean_string`` and the story fingerprint
skip work when they can tell it would change nothing; each is compared here with its plain definition, kept
in this file as the reference, on text made to hit every case: line breaks, tabs, Unicode spaces, doubled and
trailing spaces, controls, surrogates, noncharacters, entities that decode to whitespace, tags, apostrophes,
one- and two-letter words."""
from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from feeds import clustering, sanitize
from feeds.clustering import fingerprint, stored_fingerprint
from feeds.sanitize import clean_string, html_to_text


def reference_clean_string(value) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if sanitize._UNSTORABLE.search(text):
        text = sanitize._SURROGATE.sub("\ufffd", sanitize._CONTROL.sub("", text))
    return text


def reference_html_to_text(fragment) -> str:
    fragment = reference_clean_string(fragment)
    if not fragment:
        return ""
    if "<" in fragment:
        if sanitize._HIDDEN_START.search(fragment):
            fragment = sanitize._HIDDEN_BLOCK.sub("", fragment)
        fragment = sanitize._TAG.sub("", sanitize._BLOCK_END.sub("\n", fragment))
    lines = (" ".join(line.split()) for line in html.unescape(fragment).split("\n"))
    return "\n".join(line for line in lines if line)


_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def reference_fingerprint(title: str, text: str) -> frozenset[str]:
    lead = text.split(None, clustering.LEAD_WORDS)[:clustering.LEAD_WORDS]
    words = set(_WORD.findall(f"{title} {' '.join(lead)}".lower())) - clustering._STOPWORDS
    return frozenset(w for w in words if len(w) > 2)


PIECES = ["word", "Sanctuary", "ICE", "a", "of", "x1", "it's", "o’clock", "rock'n'roll", "'tis", "don’", "é", "日本",
          " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2028", "\u2029", "\u3000", "\u200b",
          "\x00", "\x07", "\x7f", "\ud800", "\udfff", "\ufffe", "\uffff", "\U0001F600",
          "&amp;", "&nbsp;", "&#9;", "&#10;", "&#x2028;", "&lt;", "&bogus;", "&", "<p>", "</p>", "<br>", "<b>",
          "</li>", "<script>x</script>", "<!-- c -->", "<a href='>'>", "<", ">"]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=40).map("".join)


@settings(max_examples=3000, deadline=None)
@given(texts)
def test_html_to_text_is_its_plain_definition(fragment):
    assert html_to_text(fragment) == reference_html_to_text(fragment)


@settings(max_examples=2000, deadline=None)
@given(texts)
def test_clean_string_is_its_plain_definition(value):
    assert clean_string(value) == reference_clean_string(value)


def test_the_usual_cases_take_the_quick_path_and_agree():
    for fragment in ["<p>Officials said ICE would stop.</p>", "<p>One  two</p>", "<p> lead space</p>", "plain",
                     "tab\there", "<p>a</p>\n<p>b</p>", "<p>x&nbsp;y</p>", None, "", 17]:
        assert html_to_text(fragment) == reference_html_to_text(fragment)
        assert clean_string(fragment) == reference_clean_string(fragment)


@settings(max_examples=2000, deadline=None)
@given(texts, texts)
def test_the_fingerprint_is_its_plain_definition(title, text):
    words = reference_fingerprint(title, text)
    assert fingerprint(title, text) == words
    assert stored_fingerprint(title, text) == " ".join(sorted(words))
