"""feedparser's ~750 hostile-HTML feeds, parsed and stored: nothing hostile survives in the stored HTML."""
import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from feeds.ingest import ingest_entries
from feeds.models import Article, Feed
from feeds.parsing import ParseError, parse_document
from feeds.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, GENERIC_ATTRIBUTES, URL_SCHEMES
from tests.feeds.fetch.corpus import corpus_files, label

pytestmark = pytest.mark.django_db

_INVISIBLE = re.compile(r"[\s\x00-\x1f]+")
_DANGEROUS = re.compile(r"javascript:|vbscript:|data:|livescript:|expression\(|-moz-binding|behavior:", re.I)


class Inspector(HTMLParser):
    """Lists every way a fragment breaks the allowlist."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        allowed = GENERIC_ATTRIBUTES | ALLOWED_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
        for name, value in attrs:
            value = value or ""
            if name not in allowed:
                self.problems.append(f"attribute {name} on <{tag}>")
            squashed = _INVISIBLE.sub("", html.unescape(value))
            if _DANGEROUS.search(squashed):
                self.problems.append(f"dangerous value {value!r}")
            if name == "href":
                scheme = urlsplit(squashed).scheme.lower()
                if scheme not in URL_SCHEMES:
                    self.problems.append(f"href scheme {scheme!r}")

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.problems.append("comment")

    def handle_decl(self, decl):
        self.problems.append(f"declaration {decl}")

    def handle_pi(self, data):
        self.problems.append(f"processing instruction {data}")


def problems_in(fragment: str) -> list[str]:
    inspector = Inspector()
    inspector.feed(fragment)
    inspector.close()
    lowered = fragment.lower()
    for marker in ("<script", "<style", "<iframe", "<object", "<embed", "<svg", "<math", "<form", "<meta", "<link"):
        if marker in lowered:
            inspector.problems.append(marker)
    return inspector.problems


def test_no_hostile_html_is_stored_from_the_sanitize_corpus():
    files = corpus_files("wellformed/sanitize")
    feeds = Feed.objects.bulk_create(Feed(url=f"http://sanitize.test/{i}", name=label(p)[:200]) for i, p in enumerate(files))
    checked = 0
    found: dict[str, list[str]] = {}
    for feed, path in zip(feeds, files):
        try:
            parsed = parse_document(path.read_bytes(), url="http://sanitize.test/feed.xml")
        except ParseError:
            continue
        # Every entry's HTML as it would be stored, including entries ingest skips for having no
        # link, id, title or words (many corpus entries are a lone hostile element).
        for entry in parsed.entries:
            checked += bool(entry.summary_html or entry.body_html)
            if issues := problems_in(entry.summary_html) + problems_in(entry.body_html):
                found[label(path)] = issues
        ingest_entries(feed, parsed.entries)

    stored = list(Article.objects.values_list("feed__name", "summary_html", "body_html"))
    for name, summary, body in stored:
        if issues := problems_in(summary) + problems_in(body):
            found[name] = issues
    assert checked > 350 and len(stored) > 190, "the corpus should leave HTML to inspect"
    assert not found, f"{len(found)} feeds left hostile HTML, e.g. {list(found.items())[:5]}"


def test_the_inspector_catches_what_it_looks_for():
    assert problems_in('<a href=" java&#x09;script:alert(1)">x</a>')
    assert problems_in('<p style="x">x</p>')
    assert problems_in('<img src="x" onerror="y">')
    assert problems_in("<script>x</script>")
    assert not problems_in('<p><a href="https://e.example/" rel="noopener noreferrer nofollow">x</a></p>')
