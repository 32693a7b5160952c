import socket

import pytest

from feeds import http
from tests.feeds.fetch.server import Reply


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
     "224.0.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1",
     "2002:a00:1::1"],
)
def test_private_loopback_and_link_local_addresses_are_refused(address):
    with pytest.raises(http.UnsafeURL, match="public internet"):
        http.AddressPolicy().check("feed.example", [address])


def test_public_addresses_pass():
    http.AddressPolicy().check("feed.example", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"])


def test_one_private_address_among_public_ones_is_enough_to_refuse():
    with pytest.raises(http.UnsafeURL):
        http.AddressPolicy().check("feed.example", ["93.184.215.14", "10.0.0.1"])


def test_the_allow_list_takes_networks_and_host_names():
    policy = http.AddressPolicy(["10.0.0.0/8", "feeds.internal"])
    policy.check("intranet.example", ["10.20.30.40"])
    policy.check("feeds.internal", ["192.168.0.9"])
    with pytest.raises(http.UnsafeURL):
        policy.check("intranet.example", ["192.168.0.9"])


def test_a_feed_on_a_private_address_is_refused_without_connecting(feed_server, settings):
    settings.FEED_ALLOW_PRIVATE_ADDRESSES = []
    url = feed_server.serve("/feed.xml", Reply(200, b"<rss/>"))
    with pytest.raises(http.UnsafeURL, match="127.0.0.1, a loopback address"):
        http.get(url)
    assert feed_server.requests == []


@pytest.mark.parametrize(
    "url",
    ["ftp://example.com/feed", "file:///etc/passwd", "gopher://example.com/", "javascript:alert(1)",
     "https://user:secret@example.com/feed", "http:///nohost", "http://example.com:0/"],
)
def test_only_plain_http_urls_are_fetched(url):
    with pytest.raises(http.UnsafeURL):
        http.get(url)


def test_the_connection_goes_to_the_address_that_was_checked(feed_server, monkeypatch):
    """A rebinding resolver answers a safe address once, then a private one: only one lookup happens
    per hop, and the socket connects to the address that was checked."""
    url = feed_server.serve("/feed.xml", Reply(200, b"<rss version='2.0'><channel/></rss>"))
    answers = ["127.0.0.1", "10.9.9.9"]
    lookups = []
    real = socket.getaddrinfo

    def rebinding(host, port, *args, **kwargs):
        if host == "rebind.test":
            lookups.append(host)
            return real(answers.pop(0), port, *args, **kwargs)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    response = http.get(url.replace("127.0.0.1", "rebind.test"))

    assert response.status == 200
    assert lookups == ["rebind.test"]
    assert feed_server.requests[0].headers["host"] == f"rebind.test:{feed_server.port}"
