"""The load benchmark's client counts what a server answers: successes, throttled 429s apart, and errors
(5xx and dropped connections), with latency percentiles over the answered requests only."""
from bench.load import hammer
from tests.feeds.fetch.server import FeedServer, Reply


def test_hammer_counts_ok_throttled_and_errors_apart():
    server = FeedServer()
    try:
        server.serve("/ok", Reply(200, b"fine"))
        server.serve("/limited", Reply(429, b"slow down", headers={"Retry-After": "1"}))
        server.serve("/broken", Reply(500, b"oops"))
        rows = hammer(server.port, [("ok", "/ok"), ("limited", "/limited"), ("broken", "/broken")],
                      duration=1.0, connections=3)
    finally:
        server.close()
    assert rows["ok"]["ok"] == rows["ok"]["requests"] > 0 and rows["ok"]["errors"] == 0
    assert rows["limited"]["throttled"] == rows["limited"]["requests"] and rows["limited"]["errors"] == 0
    assert rows["broken"]["errors"] == rows["broken"]["requests"] and rows["broken"]["ok"] == 0
    assert rows["ok"]["p50_ms"] is not None and rows["ok"]["p99_ms"] >= rows["ok"]["p50_ms"]
    assert rows["broken"]["p50_ms"] is None  # errors are not timed as answers
