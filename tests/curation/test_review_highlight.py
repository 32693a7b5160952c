"""The article page marks the analyser's evidence in the text, escaping everything else."""
import pytest
from django.urls import reverse

from feeds.models import ArticleJurisdiction
from feeds.review.highlight import Span, evidence_spans, highlight
from tests.curation.review_helpers import VIEW, analysed, make_article, make_staff
from tests.factories import make_jurisdiction

pytestmark = pytest.mark.django_db


def test_marks_wrap_the_spans_and_text_is_escaped():
    text = "<b>Chicago</b> & Denver"
    html = str(highlight(text, [Span(3, 10, 'Chicago, IL "subject"'), Span(17, 23, "Denver, CO")]))
    assert html == ('&lt;b&gt;<mark title="Chicago, IL &quot;subject&quot;">Chicago</mark>&lt;/b&gt; &amp; '
                    '<mark title="Denver, CO">Denver</mark>')


def test_overlapping_spans_keep_the_first():
    html = str(highlight("Cook County jail", [Span(5, 11, "county"), Span(0, 11, "Cook County"), Span(0, 4, "Cook")]))
    assert html == '<mark title="Cook County">Cook County</mark> jail'


def test_evidence_that_no_longer_fits_the_text_is_not_marked():
    article = make_article(title="Chicago news")
    place = make_jurisdiction(name="Chicago")
    match = ArticleJurisdiction(article=article, jurisdiction=place, role="subject", evidence=[
        {"field": "title", "start": 0, "end": 7, "text": "Chicago"},
        {"field": "title", "start": 8, "end": 12, "text": "Chicago"},  # the text changed since
        {"field": "title", "start": 5, "end": 99, "text": "x"},  # out of range
        {"field": "text", "start": 0, "end": 7, "text": "Chicago"},  # another field
    ])
    assert [(s.start, s.end) for s in evidence_spans([match], "title", article.title)] == [(0, 7)]


def test_article_page_escapes_hostile_text_and_marks_real_evidence(client, gazetteer):
    hostile = ("&lt;script&gt;alert('x')&lt;/script&gt; ICE agents arrested people in Chicago on Tuesday. "
               "&lt;img src=x onerror=alert(1)&gt; Officials in Chicago said so.")
    article = analysed("<i>ICE raids</i> in Chicago", hostile)
    assert article.matches.filter(jurisdiction__uid="geonames:4887398").exists()
    client.force_login(make_staff(*VIEW))
    html = client.get(reverse("review:article", args=[article.pk])).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html and "<i>ICE" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert html.count('<mark title="Chicago, IL (subject)">Chicago</mark>') == 3  # title and twice in the text
