import pytest

from feeds.sanitize import html_to_text, plain_text, sanitize_html


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ('<p onclick="steal()">Hi</p>', "<p>Hi</p>"),
        ("<script>alert(1)</script><p>ok</p>", "<p>ok</p>"),
        ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'),
        ('<a href="https://example.org/a" target="_blank">x</a>',
         '<a href="https://example.org/a" rel="noopener noreferrer nofollow">x</a>'),
        ('<p style="background:url(javascript:alert(1))">x</p>', "<p>x</p>"),
        ("<style>body{display:none}</style><p>x</p>", "<p>x</p>"),
        ('<img src="https://tracker.example/pixel.gif" onerror="x()">', ""),
        ('<iframe src="https://evil.example/"></iframe><p>x</p>', "<p>x</p>"),
        ('<svg><script>alert(1)</script></svg>', ""),
        ("<p>a<!-- hidden --> b</p>", "<p>a b</p>"),
        ("<p>nul\x00byte</p>", "<p>nulbyte</p>"),
    ],
)
def test_html_is_reduced_to_the_allowlist(dirty, clean):
    assert sanitize_html(dirty) == clean


def test_titles_are_one_line_of_plain_text():
    assert plain_text("  <b>Sanctuary</b> &amp; the\n\n  <i>courts</i> <script>x()</script>") == "Sanctuary & the courts"
    assert plain_text("1 &lt; 2", "text/html") == "1 < 2"
    assert plain_text("A <b> is not a tag here", "text/plain") == "A <b> is not a tag here"


def test_text_of_html_keeps_block_boundaries():
    assert html_to_text("<p>One&nbsp;two</p><p>three<br>four</p><ul><li>a</li><li>b</li></ul>") == "One two\nthree\nfour\na\nb"
