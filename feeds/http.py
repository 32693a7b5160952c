"""Every outbound HTTP request of the tracker goes through this module, so its limits live in one place.

Built on ``http.client`` rather than a client library so that each limit is ours to enforce:

- Only http(s) URLs without credentials. Each hop's host is resolved once, every address it resolves to is
  checked (private, loopback, link-local, multicast and other non-global ranges are refused unless
  ``FEED_ALLOW_PRIVATE_ADDRESSES`` allows them), and the socket connects to an address that was checked:
  there is no second DNS lookup for a rebinding attacker to answer differently.
- Redirects are followed here, by hand, at most ``FEED_MAX_REDIRECTS`` of them, each hop checked like the first.
- A connect timeout, a timeout on every read, and a deadline for the whole exchange (a server that drips one
  byte a second cannot hold a worker; a watchdog shuts the socket when the deadline passes).
- The body is read in chunks and reading stops past ``FEED_MAX_BYTES``, counted after decompression too
  (a small gzip bomb cannot expand past the cap).

Tests replace :func:`get` (or serve real responses from 127.0.0.1, which they allow).
"""
from __future__ import annotations

import datetime
import email.utils
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin, urlsplit

from django.conf import settings

from feeds.choices import FetchOutcome

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECT_STATUSES = frozenset({301, 308})
CHUNK_SIZE = 64 * 1024
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1"
)
# Characters left alone when re-quoting a path or query: RFC 3986 reserved and unreserved, plus "%".
_SAFE_PATH = "/%:@!$&'()*+,;=-._~"
_SAFE_QUERY = _SAFE_PATH + "?"
# NAT64 addresses carry an IPv4 address in their last 32 bits; check that one.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


# --- Errors ---------------------------------------------------------------------------------------------

class FetchError(Exception):
    """A fetch that did not produce a usable response. ``outcome`` is the FetchRun outcome to record."""

    outcome: str = FetchOutcome.NETWORK_ERROR

    def __init__(self, message: str, *, status: int | None = None, bytes_received: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.bytes_received = bytes_received


class UnsafeURL(FetchError):
    """Not an http(s) URL, or its host resolves to an address the tracker must not contact."""

    outcome = FetchOutcome.REFUSED


class TooLarge(FetchError):
    outcome = FetchOutcome.TOO_LARGE


class Timeout(FetchError):
    outcome = FetchOutcome.TIMEOUT


class NetworkError(FetchError):
    outcome = FetchOutcome.NETWORK_ERROR


class TooManyRedirects(FetchError):
    outcome = FetchOutcome.HTTP_ERROR


# --- Limits and the address policy ------------------------------------------------------------------------

class AddressPolicy:
    """Which non-public addresses may be contacted anyway: networks (CIDR or single addresses) and host names."""

    def __init__(self, allowed: Iterable[str] = ()) -> None:
        self.networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
        self.hosts: set[str] = set()
        for item in allowed:
            item = item.strip().lower()
            if not item:
                continue
            try:
                self.networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                self.hosts.add(item.rstrip("."))

    def check(self, host: str, addresses: Iterable[str]) -> None:
        """Raise UnsafeURL unless every address is public or allowed. All must pass, not just one: the
        connection may go to any of them."""
        if host.lower().rstrip(".") in self.hosts:
            return
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
            reason = _non_public_reason(ip)
            if reason and not any(ip.version == net.version and ip in net for net in self.networks):
                raise UnsafeURL(
                    f"{host} resolves to {ip}, a {reason} address; feeds must be on the public internet "
                    "(FEED_ALLOW_PRIVATE_ADDRESSES lists exceptions)."
                )


def _non_public_reason(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """Why an address is not a public unicast address, or '' when it is."""
    if ip.version == 6:
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return _non_public_reason(embedded)
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_private:
        return "private"
    if not ip.is_global:
        return "reserved"
    return ""


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    connect_timeout: float
    read_timeout: float
    total_timeout: float
    max_redirects: int
    user_agent: str
    policy: AddressPolicy = field(compare=False)

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(
            max_bytes=int(settings.FEED_MAX_BYTES),
            connect_timeout=float(settings.FEED_CONNECT_TIMEOUT),
            read_timeout=float(settings.FEED_READ_TIMEOUT),
            total_timeout=float(settings.FEED_TOTAL_TIMEOUT),
            max_redirects=int(settings.FEED_MAX_REDIRECTS),
            user_agent=settings.FEED_USER_AGENT,
            policy=AddressPolicy(settings.FEED_ALLOW_PRIVATE_ADDRESSES),
        )


# --- URLs -----------------------------------------------------------------------------------------------

def validate_url(url: str) -> str:
    """The URL, checked to be something this module will fetch: http(s), a host, no credentials, a valid
    port. Raises UnsafeURL with a message an editor can act on. Addresses are checked at fetch time."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeURL(f"{url!r} is not a valid URL ({exc}).") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise UnsafeURL(f"{url!r} is not an http:// or https:// address.")
    if not parts.hostname:
        raise UnsafeURL(f"{url!r} has no host name.")
    if parts.username is not None or parts.password is not None:
        raise UnsafeURL("Feed addresses with a user name or password are not supported.")
    if port == 0:
        raise UnsafeURL(f"{url!r} has an invalid port.")
    try:
        _ascii_host(parts.hostname)
    except UnicodeError:
        raise UnsafeURL(f"{url!r} has a host name that cannot be encoded.") from None
    return url


def _ascii_host(host: str) -> str:
    host = host.rstrip(".")
    try:
        host.encode("ascii")
        return host.lower()
    except UnicodeEncodeError:
        return host.encode("idna").decode("ascii").lower()


def _request_target(parts) -> str:
    path = quote(parts.path or "/", safe=_SAFE_PATH)
    if parts.query:
        path += "?" + quote(parts.query, safe=_SAFE_QUERY)
    return path


# --- The response ---------------------------------------------------------------------------------------

@dataclass
class Response:
    """What a GET came back with, after any redirects."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes = b""
    bytes_received: int = 0
    # (status, location) for each redirect followed.
    redirects: list[tuple[int, str]] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def permanent_url(self) -> str | None:
        """Where the resource lives now, when every redirect on the way was permanent (301/308)."""
        if self.redirects and all(status in PERMANENT_REDIRECT_STATUSES for status, _ in self.redirects):
            return self.url
        return None

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    def retry_after(self, now: datetime.datetime) -> datetime.datetime | None:
        return parse_retry_after(self.headers.get("retry-after", ""), now)


def parse_retry_after(value: str, now: datetime.datetime) -> datetime.datetime | None:
    """Retry-After as a moment: either seconds from now or an HTTP date."""
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        return now + datetime.timedelta(seconds=min(int(value), 10**8))
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.timezone.utc)
    return when


# --- The request ----------------------------------------------------------------------------------------

def get(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    limits: Limits | None = None,
) -> Response:
    """GET a URL within the limits, following redirects. Conditional when validators are given.

    Returns the final response for any status (the body is read only for 2xx); raises FetchError (one of
    its subclasses) when there is no usable response.
    """
    limits = limits or Limits.from_settings()
    started = time.monotonic()
    deadline = started + limits.total_timeout
    headers = {
        "User-Agent": limits.user_agent,
        "Accept": ACCEPT,
        "Accept-Encoding": "gzip, deflate",
        "Connection": "close",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    redirects: list[tuple[int, str]] = []
    while True:
        response = _get_once(url, headers, limits, deadline)
        location = response.headers.get("location", "")
        if response.status in REDIRECT_STATUSES and location:
            if len(redirects) >= limits.max_redirects:
                raise TooManyRedirects(
                    f"More than {limits.max_redirects} redirects (the last one to {location}).",
                    status=response.status,
                )
            redirects.append((response.status, location))
            url = urljoin(url, location.strip())
            continue
        response.redirects = redirects
        response.elapsed = time.monotonic() - started
        return response


_TLS_CONTEXT: ssl.SSLContext | None = None


def _tls_context() -> ssl.SSLContext:
    """One verifying context for the process (loading the CA bundle costs milliseconds)."""
    global _TLS_CONTEXT
    if _TLS_CONTEXT is None:
        _TLS_CONTEXT = ssl.create_default_context()
    return _TLS_CONTEXT


class _Watchdog:
    """Shuts a connection's socket when the deadline passes, interrupting a read that is still waiting."""

    def __init__(self, seconds: float) -> None:
        self.fired = False
        # The socket itself: http.client lets go of it (connection.sock = None) once a response that
        # closes the connection has started, but the response keeps reading from it.
        self.sock: socket.socket | None = None
        self._timer = threading.Timer(max(seconds, 0.0), self._fire)
        self._timer.daemon = True

    def _fire(self) -> None:
        self.fired = True
        sock = self.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()


def _get_once(url: str, headers: dict[str, str], limits: Limits, deadline: float) -> Response:
    validate_url(url)
    parts = urlsplit(url)
    https = parts.scheme.lower() == "https"
    host = _ascii_host(parts.hostname)
    port = parts.port or (443 if https else 80)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise Timeout(f"Gave up after {limits.total_timeout:g} s in total.")
    sockaddrs = _resolve(host, port, limits.policy)
    if https:
        connection: http.client.HTTPConnection = _PinnedHTTPSConnection(
            host, port, sockaddrs=sockaddrs, timeout=limits.connect_timeout, context=_tls_context()
        )
    else:
        connection = _PinnedHTTPConnection(host, port, sockaddrs=sockaddrs, timeout=limits.connect_timeout)
    received = 0
    with _Watchdog(remaining) as watchdog:
        try:
            connection.connect()
            watchdog.sock = connection.sock
            if watchdog.fired:  # the deadline passed while connecting
                raise Timeout(f"Gave up after {limits.total_timeout:g} s in total.")
            connection.sock.settimeout(limits.read_timeout)
            connection.request("GET", _request_target(parts), headers=headers)
            raw = connection.getresponse()
            response_headers = _header_dict(raw.getheaders())
            status = raw.status
            if not 200 <= status < 300:
                return Response(url=url, status=status, headers=response_headers)
            body, received = _read_body(raw, response_headers, limits, watchdog)
            return Response(url=url, status=status, headers=response_headers, body=body, bytes_received=received)
        except FetchError:
            raise
        except socket.timeout:
            if watchdog.fired:
                raise Timeout(f"Gave up after {limits.total_timeout:g} s in total.", bytes_received=received)
            raise Timeout(
                f"{host} stopped responding (no data for {limits.read_timeout:g} s).", bytes_received=received
            ) from None
        except ssl.SSLError as exc:
            detail = getattr(exc, "verify_message", None) or exc.reason or str(exc)
            raise NetworkError(f"TLS error talking to {host}: {detail}") from None
        except (OSError, ValueError, http.client.HTTPException) as exc:
            if watchdog.fired:
                raise Timeout(f"Gave up after {limits.total_timeout:g} s in total.", bytes_received=received)
            raise NetworkError(f"Network error talking to {host}: {_describe(exc)}") from None
        finally:
            connection.close()


def _describe(exc: BaseException) -> str:
    if isinstance(exc, http.client.IncompleteRead):
        return "the connection closed before the end of the response"
    if isinstance(exc, http.client.RemoteDisconnected):
        return "the server closed the connection without responding"
    text = str(exc) or type(exc).__name__
    return text[:300]


def _header_dict(pairs: list[tuple[str, str]]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in pairs:
        name = name.lower()
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


def _resolve(host: str, port: int, policy: AddressPolicy) -> list[tuple]:
    """Resolve once and check every address; the connection is made to these sockaddrs only."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise NetworkError(f"Could not resolve {host}: {exc}") from None
    if not infos:
        raise NetworkError(f"{host} has no address.")
    policy.check(host, [info[4][0] for info in infos])
    return [(info[0], info[4]) for info in infos]


def _connect_any(sockaddrs: list[tuple], timeout: float) -> socket.socket:
    last_error: OSError | None = None
    for family, sockaddr in sockaddrs:
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.settimeout(timeout)
            sock.connect(sockaddr)
            return sock
        except socket.timeout:
            sock.close()
            last_error = Timeout(f"Connecting to {sockaddr[0]} timed out after {timeout:g} s.")
        except OSError as exc:
            sock.close()
            last_error = exc
    if isinstance(last_error, Timeout):
        raise last_error
    raise NetworkError(f"Could not connect: {last_error}")


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the checked address; the Host header still names the host."""

    def __init__(self, host: str, port: int, *, sockaddrs: list[tuple], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._sockaddrs = sockaddrs

    def connect(self) -> None:
        self.sock = _connect_any(self._sockaddrs, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, *, sockaddrs: list[tuple], timeout: float, context) -> None:
        super().__init__(host, port, timeout=timeout, context=context)
        self._sockaddrs = sockaddrs

    def connect(self) -> None:
        sock = _connect_any(self._sockaddrs, self.timeout)
        # Certificate and host name are verified against the name, not the address.
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


class _Decoder:
    """Undoes Content-Encoding chunk by chunk, never producing more than ``limit`` bytes at once."""

    def __init__(self, encoding: str) -> None:
        encoding = encoding.strip().lower()
        self._first = True
        # "deflate" is raw deflate on some servers, zlib-wrapped on others: try zlib, fall back to raw.
        self._raw_deflate_fallback = encoding == "deflate"
        if encoding in ("", "identity"):
            self._zlib = None
        elif encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            raise NetworkError(f"The server used a content encoding this reader does not support ({encoding}).")

    def decode(self, chunk: bytes, limit: int) -> tuple[bytes, bool]:
        """(decoded bytes, whether more output was pending beyond ``limit``)."""
        if self._zlib is None:
            return chunk, False
        try:
            out = self._zlib.decompress(chunk, limit)
        except zlib.error:
            if self._first and self._raw_deflate_fallback:
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                self._first = False
                return self.decode(chunk, limit)
            raise NetworkError("The compressed response is corrupt.") from None
        self._first = False
        return out, bool(self._zlib.unconsumed_tail)


def _read_body(raw: http.client.HTTPResponse, headers: dict[str, str], limits: Limits, watchdog: _Watchdog):
    cap = limits.max_bytes
    length = headers.get("content-length", "").strip()
    if length.isdigit() and int(length) > cap:
        raise TooLarge(
            f"The response is {int(length):,} bytes; the limit is {cap:,} (FEED_MAX_BYTES).",
            status=raw.status,
        )
    decoder = _Decoder(headers.get("content-encoding", ""))
    parts: list[bytes] = []
    size = received = 0
    while True:
        chunk = raw.read1(CHUNK_SIZE)
        if not chunk:
            if watchdog.fired:
                raise Timeout(f"Gave up after {limits.total_timeout:g} s in total.", bytes_received=received)
            break
        received += len(chunk)
        decoded, pending = decoder.decode(chunk, cap - size + 1)
        size += len(decoded)
        if size > cap or pending or received > cap:
            raise TooLarge(
                f"Stopped reading at {cap:,} bytes (FEED_MAX_BYTES); the response is larger.",
                status=raw.status,
                bytes_received=received,
            )
        parts.append(decoded)
    return b"".join(parts), received
