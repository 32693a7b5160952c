"""A real HTTP server on 127.0.0.1 serving scripted responses, for fetch tests.

Each path is given a Reply (or a list of them, served in turn, the last one repeating, or a function of the
request). Replies can stall, drip slowly, stream a huge generated body, redirect, or answer 304 to a matching
If-None-Match.
"""
from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes | Callable[[], Iterable[bytes]] = b""
    headers: dict[str, str] = field(default_factory=dict)
    # Seconds to wait before the status line.
    delay: float = 0.0
    # After the headers (and any body sent so far), hang until the server shuts down.
    stall_after: int | None = None
    # Seconds to wait between body chunks (a slow drip).
    chunk_delay: float = 0.0
    chunk_size: int = 64 * 1024
    # Send Content-Length for bytes bodies (generated bodies are close-delimited).
    content_length: bool = True
    chunked: bool = False


@dataclass
class Request:
    path: str
    headers: dict[str, str]


def huge_body(total: int, chunk: bytes = b"<!-- padding -->" * 4096) -> Callable[[], Iterable[bytes]]:
    def generate():
        sent = 0
        while sent < total:
            piece = chunk[: total - sent]
            sent += len(piece)
            yield piece
    return generate


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9)


class FeedServer:
    def __init__(self, tls=None) -> None:
        """``tls``: an ssl.SSLContext (server side) to serve https instead of http."""
        self.routes: dict[str, list[Reply] | Callable[[Request], Reply]] = {}
        self.requests: list[Request] = []
        self.stop = threading.Event()
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802
                request = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
                with server._lock:
                    server.requests.append(request)
                reply = server._reply_for(request)
                try:
                    server._send(self, reply)
                except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError):
                    pass  # the client stopped reading: exactly what a cap or timeout does
                self.close_connection = True

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.scheme = "https" if tls else "http"
        if tls:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    # --- scripting ---

    def url(self, path: str = "/feed.xml") -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}{path}"

    def serve(self, path: str, *replies: Reply | Callable[[Request], Reply]) -> str:
        """Script a path. Returns its URL."""
        if len(replies) == 1 and callable(replies[0]) and not isinstance(replies[0], Reply):
            self.routes[path] = replies[0]
        else:
            self.routes[path] = list(replies)
        return self.url(path)

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    def reset(self) -> None:
        self.routes.clear()
        self.requests.clear()
        # Wake the handlers still stalling for the previous test.
        previous, self.stop = self.stop, threading.Event()
        previous.set()

    def close(self) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    # --- serving ---

    def _reply_for(self, request: Request) -> Reply:
        with self._lock:
            route = self.routes.get(request.path)
            if route is None:
                return Reply(404, b"no such path")
            if callable(route):
                return route(request)
            return route.pop(0) if len(route) > 1 else route[0]

    def _send(self, handler: BaseHTTPRequestHandler, reply: Reply) -> None:
        stop = self.stop
        if reply.delay and stop.wait(reply.delay):
            return
        handler.send_response(reply.status)
        headers = dict(reply.headers)
        body = reply.body
        if reply.chunked:
            headers["Transfer-Encoding"] = "chunked"
        elif isinstance(body, bytes) and reply.content_length:
            headers.setdefault("Content-Length", str(len(body)))
        headers.setdefault("Connection", "close")
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        chunks = _chunks(body, reply.chunk_size) if isinstance(body, bytes) else body()
        sent = 0
        for chunk in chunks:
            if reply.stall_after is not None and sent >= reply.stall_after:
                break
            if reply.chunked:
                handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            else:
                handler.wfile.write(chunk)
            handler.wfile.flush()
            sent += len(chunk)
            if reply.chunk_delay and stop.wait(reply.chunk_delay):
                return
        if reply.stall_after is not None:
            stop.wait(60)
            return
        if reply.chunked:
            handler.wfile.write(b"0\r\n\r\n")


def _chunks(body: bytes, size: int):
    for start in range(0, len(body), size):
        yield body[start:start + size]


def etag_reply(body: bytes, etag: str, *, content_type: str = "application/rss+xml") -> Callable[[Request], Reply]:
    """A feed that answers 304 when the client already holds this ETag."""

    def reply(request: Request) -> Reply:
        if request.headers.get("if-none-match") == etag:
            return Reply(304, headers={"ETag": etag})
        return Reply(200, body, headers={"ETag": etag, "Content-Type": content_type})

    return reply


def redirect(status: int, location: str) -> Reply:
    return Reply(status, headers={"Location": location})


def wait_for(predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.01)
    return False
