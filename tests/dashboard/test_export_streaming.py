"""Exports stream, and their query count depends on the number of chunks, never on the rows."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events import exports
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db

EXPORTS = ["/events/export.csv", "/events/export.json", "/events/timelinejs.json"]


def add_events(count: int) -> None:
    place = make_jurisdiction()
    for _ in range(count):
        make_event(status="published", sources=2, jurisdictions=[place])


def queries_to_download(client, url: str) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert response.streaming is True
        body = b"".join(response.streaming_content)
    return len(captured), body


@pytest.mark.parametrize("url", EXPORTS)
def test_10_and_200_events_run_the_same_queries(client, url):
    add_events(10)
    few, body = queries_to_download(client, url)
    assert body.count(b"/events/") >= 10
    add_events(190)
    many, body = queries_to_download(client, url)
    assert body.count(b"/events/") >= 200
    assert many == few


@pytest.mark.parametrize("url", [url for url in EXPORTS if not url.endswith(".csv")])
def test_queries_grow_with_chunks_not_rows(client, url, monkeypatch):
    # 200 rows in chunks of 50: four chunks, each with one prefetch of places and one of sources.
    # (The CSV reads plain values in one query whatever the chunks: test_export_csv_one_query.py.)
    monkeypatch.setattr(exports, "CHUNK_SIZE", 50)
    add_events(10)
    one_chunk, _ = queries_to_download(client, url)
    add_events(190)
    four_chunks, _ = queries_to_download(client, url)
    assert four_chunks - one_chunk == 3 * 2


@pytest.mark.parametrize("url", EXPORTS)
def test_nothing_is_read_before_the_body_is(client, url):
    add_events(3)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    # Validating an empty filter needs no query; the events are read only while streaming.
    assert not any("events_event" in q["sql"] for q in captured.captured_queries)
    assert b"".join(response.streaming_content)
