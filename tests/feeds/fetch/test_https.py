"""https goes through the same pinned connection, with the certificate checked against the host name."""
import os
import shutil
import ssl
import subprocess

import pytest

from feeds import http
from tests.feeds.fetch.server import FeedServer, Reply


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    if not shutil.which("openssl"):
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail("openssl is needed to make a test certificate")
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
        check=True, capture_output=True,
    )
    return folder / "cert.pem", folder / "key.pem"


@pytest.fixture(scope="module")
def tls_server(certificate):
    cert, key = certificate
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = FeedServer(tls=context)
    yield server
    server.close()


def test_a_certificate_nobody_vouches_for_is_refused(tls_server):
    url = tls_server.serve("/feed.xml", Reply(200, b"<rss/>"))
    with pytest.raises(http.NetworkError, match="TLS error talking to 127.0.0.1: .*certificate"):
        http.get(url)


def test_a_trusted_certificate_is_read_over_the_pinned_connection(tls_server, certificate, monkeypatch):
    trusting = ssl.create_default_context(cafile=str(certificate[0]))
    monkeypatch.setattr(http, "_tls_context", lambda: trusting)
    url = tls_server.serve("/feed.xml", Reply(200, b"<rss version='2.0'><channel/></rss>"))

    response = http.get(url)

    assert response.status == 200 and response.body.startswith(b"<rss")
    assert tls_server.requests[-1].headers["host"] == f"127.0.0.1:{tls_server.port}"
