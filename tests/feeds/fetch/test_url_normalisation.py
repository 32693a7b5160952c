import pytest

from feeds.urlnorm import normalize_feed_url, normalize_url


@pytest.mark.parametrize(
    ("link", "identity"),
    [
        ("HTTPS://Example.COM/News/1", "https://example.com/News/1"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com/a?utm_source=rss&utm_medium=feed&utm_campaign=x", "https://example.com/a"),
        ("https://example.com/a?id=7&fbclid=abc&gclid=def&mc_cid=1&mc_eid=2", "https://example.com/a?id=7"),
        ("https://example.com/a?UTM_Source=x&msclkid=y&_ga=z&id=7", "https://example.com/a?id=7"),
        ("https://example.com/a?b=2&a=1&c=3", "https://example.com/a?a=1&b=2&c=3"),
        # Repeated names keep their order (sorted-stable).
        ("https://example.com/a?tag=z&id=1&tag=a", "https://example.com/a?id=1&tag=z&tag=a"),
        ("https://example.com/%7euser/a%2fb", "https://example.com/~user/a%2Fb"),
        ("https://example.com/a/./b/../c", "https://example.com/a/c"),
        ("https://example.com/caf\u00e9", "https://example.com/caf%C3%A9"),
        ("https://\u00fcber.example/x", "https://xn--ber-goa.example/x"),
        ("  https://example.com/a  ", "https://example.com/a"),
    ],
)
def test_links_that_name_the_same_article_normalise_alike(link, identity):
    assert normalize_url(link) == identity


def test_parameter_order_and_tracking_do_not_change_identity():
    a = normalize_url("https://News.example/story?id=1&page=2&utm_source=tw#top")
    b = normalize_url("https://news.example/story?page=2&fbclid=x&id=1")
    assert a == b == "https://news.example/story?id=1&page=2"


@pytest.mark.parametrize(
    "link",
    ["javascript:alert(1)", "data:text/html,<script>", "ftp://example.com/a", "mailto:a@example.com",
     "/relative/path", "", "http://", "https://example.com:99999/"],
)
def test_only_http_links_have_an_identity(link):
    assert normalize_url(link) is None


def test_a_feed_url_keeps_its_query_but_loses_case_and_fragment():
    assert normalize_feed_url("HTTPS://Feeds.Example.COM:443/rss?utm_source=x#a") == "https://feeds.example.com/rss?utm_source=x"


@pytest.mark.parametrize("url", ["ftp://example.com/feed", "file:///etc/passwd", "https://user:pw@example.com/", "nonsense"])
def test_a_feed_url_must_be_http(url):
    with pytest.raises(ValueError):
        normalize_feed_url(url)
