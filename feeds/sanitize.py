"""What a feed's text may become on our pages: an allowlist of HTML, and plain text for titles and bylines.

feedparser sanitises HTML too, but its denylist-minded rules are not ours to maintain; every stored fragment
passes through nh3 (ammonia) with a short allowlist: structure and emphasis, links to http(s) and mailto
only, no images (tracking pixels), no style, class or id attributes, no event handlers, no forms, frames or
media. Relative links are resolved against the document's address when it is known, and dropped otherwise.
"""
from __future__ import annotations

import functools
import html
import re

import nh3

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dfn", "div", "dl", "dt",
        "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins", "kbd", "li", "mark",
        "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "time", "tr", "u", "ul",
    }
)
# Allowed on every tag.
GENERIC_ATTRIBUTES = frozenset({"title", "lang"})
ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})

_DROP_WITH_CONTENT = {"script", "style", "template", "noscript", "title", "textarea", "xmp", "noembed", "noframes"}


@functools.lru_cache(maxsize=256)
def _cleaner(base: str = "") -> nh3.Cleaner:
    """The allowlist cleaner; with a base URL, relative links are rewritten against it (one per feed)."""
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(_DROP_WITH_CONTENT),
        attributes={"*": set(GENERIC_ATTRIBUTES), **{tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()}},
        url_schemes=set(URL_SCHEMES),
        url_relative=("rewrite_with_base", base) if base.lower().startswith(("http://", "https://")) else "deny",
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


_TEXT_ONLY = nh3.Cleaner(tags=set(), clean_content_tags=set(_DROP_WITH_CONTENT), attributes={}, strip_comments=True)

# C0 controls other than tab, newline and carriage return; NUL cannot be stored in PostgreSQL at all.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_BLOCK_END = re.compile(
    r"<(?:br|hr)\b[^>]*>|</(?:p|div|li|dd|dt|h[1-6]|blockquote|pre|tr|table|figure|figcaption|ul|ol|dl)\s*>",
    re.IGNORECASE,
)
# A tag, with quoted attribute values that may contain ">".
_TAG = re.compile(r"""<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""")
_HIDDEN_START = re.compile(r"<(?:script|style|template|noscript|textarea)\b|<!--", re.IGNORECASE)
_HIDDEN_BLOCK = re.compile(
    r"<(script|style|template|noscript|textarea)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL
)
HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def clean_string(value: object) -> str:
    """Text safe to store anywhere: no control characters, no lone surrogates."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    # A printable text has none of these (controls, surrogates and the two noncharacters are not printable);
    # telling so is quicker than the search, which is left for the rest (text with line breaks, say).
    if not text.isprintable() and _UNSTORABLE.search(text):
        text = _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))
    return text


def sanitize_html(fragment: str, base: str = "") -> str:
    """An HTML fragment reduced to the allowlist; relative links resolved against ``base`` or dropped."""
    fragment = clean_string(fragment)
    if not fragment.strip():
        return ""
    return _cleaner(base).clean(fragment).strip()


def text_to_html(text: str) -> str:
    """Plain text as HTML: escaped, with paragraphs kept."""
    text = clean_string(text).strip()
    if not text:
        return ""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)


def content_to_html(value: str, content_type: str, base: str = "") -> str:
    """A feed text construct as sanitised HTML, whatever type the feed declared it as."""
    if is_html_type(content_type):
        return sanitize_html(value, base)
    return text_to_html(value)


def is_html_type(content_type: str) -> bool:
    return (content_type or "text/html").lower().startswith(HTML_TYPES)


def html_to_text(fragment: str) -> str:
    """The words of an HTML fragment: tags dropped, entities decoded, one line per block, spaces collapsed.

    The analyser's text offsets refer to this text, so it must stay deterministic. Meant for stored
    (sanitised) HTML, where a tag is exactly what the pattern matches; script, style and comments are
    dropped with their content in case it is given anything else.
    """
    # Usually the fragment is printable (no line breaks, tabs or controls): then it needs no cleaning, and its
    # lines, once tags are gone, are printable too unless an entity ("&#9;", "&nbsp;") puts a character in.
    printable = isinstance(fragment, str) and fragment.isprintable()
    if not printable:
        fragment = clean_string(fragment)
    if not fragment:
        return ""
    if "<" in fragment:
        if _HIDDEN_START.search(fragment):
            fragment = _HIDDEN_BLOCK.sub("", fragment)
        fragment = _TAG.sub("", _BLOCK_END.sub("\n", fragment))
    printable = printable and "&" not in fragment
    lines = (line if _collapsed(line, printable) else " ".join(line.split())
             for line in html.unescape(fragment).split("\n"))
    return "\n".join(line for line in lines if line)


def _collapsed(line: str, printable: bool) -> bool:
    """Whether ``" ".join(line.split())`` would give ``line`` back: words one space apart, no space at either
    end. Usually so for a paragraph of a feed, and known without splitting it into words (that took most of
    this function's time): no two spaces, and no whitespace but the space (``isprintable`` is false for every
    other whitespace character; ``printable`` when that is known already)."""
    return "  " not in line and line[:1] != " " and line[-1:] != " " and (printable or line.isprintable())


def plain_text(value: str, content_type: str = "text/html", *, max_length: int | None = None) -> str:
    """A title or byline as one line of plain text: tags stripped (for HTML), entities decoded, whitespace
    collapsed."""
    value = clean_string(value)
    if is_html_type(content_type) and ("<" in value or "&" in value):
        value = html.unescape(_TEXT_ONLY.clean(value))
    text = " ".join(value.split())
    if max_length is not None and len(text) > max_length:
        text = text[: max_length - 1].rstrip() + "…"
    return text
