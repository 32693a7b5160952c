"""Fixtures for fetch and ingest tests: a local feed server and fetch limits fit for tests. Fetches run the
real analyser and story clustering on what they store."""
from __future__ import annotations

import os

import pytest
from django.db import connection

from feeds.models import Feed
from tests.feeds.fetch.server import FeedServer


@pytest.fixture(scope="session")
def _server():
    server = FeedServer()
    yield server
    server.close()


@pytest.fixture
def feed_server(_server):
    _server.reset()
    yield _server
    _server.reset()


@pytest.fixture(autouse=True)
def fetch_settings(settings):
    """The test server lives on 127.0.0.1, which production refuses; short timeouts keep failures quick."""
    settings.FEED_ALLOW_PRIVATE_ADDRESSES = ["127.0.0.1"]
    settings.FEED_CONNECT_TIMEOUT = 2
    settings.FEED_READ_TIMEOUT = 2
    settings.FEED_TOTAL_TIMEOUT = 10
    settings.FEED_MAX_BYTES = 10 * 1024 * 1024
    settings.FEED_MAX_REDIRECTS = 5
    settings.FEED_DISABLE_AFTER_FAILURES = 3
    return settings


@pytest.fixture
def make_feed(db):
    def make(url: str, **fields) -> Feed:
        fields.setdefault("name", "Test Gazette")
        return Feed.objects.create(url=url, **fields)
    return make


def require_postgres() -> None:
    """Real concurrency needs PostgreSQL (SQLite serialises writers). Skip on a laptop, fail on CI."""
    if connection.vendor != "postgresql":
        message = "needs PostgreSQL (DATABASE_URL=postgres://…)"
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(message + " (REQUIRE_SERVICES=1)")
        pytest.skip(message)
