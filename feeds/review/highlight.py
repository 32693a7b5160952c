"""The analyser's evidence shown in the article: each mention of a jurisdiction wrapped in <mark>.

The evidence offsets refer to the plain text the analyser read (``feeds.ingest.plain_text_of`` and the
title), so highlighting works on that text: every piece of it is escaped, and the only markup is the <mark>
elements built here. The stored HTML is never edited as a string.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from feeds.models import ArticleJurisdiction


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str  # what the mark says when pointed at, e.g. "Chicago, IL (subject)"


def evidence_spans(matches: Iterable[ArticleJurisdiction], field: str, text: str) -> list[Span]:
    """The mentions in one field ("title" or "text") that still point at the words they name. A mention
    whose offsets no longer fit the text (the article changed after the analysis) is left unmarked rather
    than marking the wrong words."""
    spans = []
    for match in matches:
        label = f"{match.jurisdiction} ({match.get_role_display().lower()})"
        for mention in match.evidence or []:
            if not isinstance(mention, dict) or mention.get("field") != field:
                continue
            start, end = mention.get("start"), mention.get("end")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                continue
            if "text" in mention and text[start:end] != mention["text"]:
                continue
            spans.append(Span(start, end, label))
    return spans


def highlight(text: str, spans: Iterable[Span]) -> SafeString:
    """``text`` escaped, with each span in a <mark>. Overlapping spans keep the one that starts first
    (the longer one when two start together)."""
    pieces: list[tuple[str, str]] = []  # (format, value) pairs for format_html_join
    position = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start < position:
            continue
        pieces.append(("{}", text[position:span.start]))
        pieces.append(("mark", span))
        position = span.end
    pieces.append(("{}", text[position:]))
    return format_html_join("", "{}", ((_piece(kind, value, text),) for kind, value in pieces))


def _piece(kind: str, value, text: str):
    if kind == "mark":
        return format_html('<mark title="{}">{}</mark>', value.label, text[value.start:value.end])
    return value  # plain text: format_html_join escapes it
