"""Article identity: the link an entry points to, without what varies between copies of the same link.

Two links name the same article when they differ only in scheme or host case, a default port, the fragment,
the order of query parameters, escaping of unreserved characters, dot segments, or tracking parameters
(``utm_*``, ``fbclid``, ``gclid``, ``mc_cid`` …). Everything else is kept: a query parameter is often the
article id.
"""
from __future__ import annotations

import re
from urllib.parse import quote, unquote_plus, urlencode, urlsplit, urlunsplit

# Exact names (compared case-insensitively) of query parameters that only track the click.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
        "li_fat_id", "igshid", "mc_cid", "mc_eid", "mkt_tok", "_hsenc", "_hsmi", "__hssc", "__hstc",
        "__hsfp", "hsctatracking", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "rb_clickid",
        "s_cid", "_ga", "_gl", "ncid", "cmpid", "spm", "wt.mc_id", "at_medium", "at_campaign",
        "ref_src", "ref_url", "sr_share", "cmp", "soc_src", "soc_trk", "dicbo",
    }
)
# Prefixes of tracking parameter names.
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hmb_", "ga_", "itm_")

MAX_LENGTH = 2000
_DEFAULT_PORTS = {"http": 80, "https": 443}
_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# Characters kept as they are in a path; everything else is percent-encoded (UTF-8).
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"


def is_tracking_parameter(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def normalize_url(url: str) -> str | None:
    """The identity of an http(s) link, or None when the link is not an http(s) URL this can read."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.rstrip(".")
    try:
        host.encode("ascii")
    except UnicodeEncodeError:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    host = host.lower()
    if ":" in host:
        host = f"[{host}]"  # an IPv6 literal
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = _normalize_path(parts.path)
    query = _normalize_query(parts.query)
    normalized = urlunsplit((scheme, netloc, path, query, ""))
    return normalized if len(normalized) <= MAX_LENGTH else None


def _normalize_escapes(text: str, safe: str) -> str:
    """Percent-escapes in upper case, unreserved characters unescaped, everything unsafe escaped."""

    def fix(match: re.Match) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else "%" + match.group(1).upper()

    return quote(_PERCENT.sub(fix, text), safe=safe)


def _normalize_path(path: str) -> str:
    path = _normalize_escapes(path, _PATH_SAFE) or "/"
    if "." not in path:
        return path
    # RFC 3986 section 5.2.4: remove dot segments.
    output: list[str] = []
    segments = path.split("/")
    for i, segment in enumerate(segments):
        if segment == ".":
            if i == len(segments) - 1:
                output.append("")
        elif segment == "..":
            if len(output) > 1:
                output.pop()
            if i == len(segments) - 1:
                output.append("")
        else:
            output.append(segment)
    result = "/".join(output)
    return result if result.startswith("/") else "/" + result


def _normalize_query(query: str) -> str:
    if not query:
        return ""
    pairs = [
        (unquote_plus(name), unquote_plus(value))
        for name, value in (
            pair.split("=", 1) if "=" in pair else (pair, "")
            for pair in query.replace(";", "&").split("&") if pair
        )
    ]
    kept = [(name, value) for name, value in pairs if name and not is_tracking_parameter(name)]
    # Sorted by name only: a stable sort keeps repeated names in their original order, which can matter.
    kept.sort(key=lambda pair: pair[0])
    return urlencode(kept, quote_via=quote, safe="-._~")


def normalize_feed_url(url: str) -> str:
    """A feed's address as stored: scheme and host in lower case, no default port, no fragment. The query
    is kept as given (a feed's query string is part of what selects it). Raises ValueError when the URL is
    not an http(s) URL with a host."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"{url!r} is not a valid URL ({exc}).") from None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise ValueError(f"{url!r} is not an http:// or https:// address.")
    if not parts.hostname:
        raise ValueError(f"{url!r} has no host name.")
    if parts.username is not None or parts.password is not None:
        raise ValueError("Feed addresses with a user name or password are not supported.")
    host = parts.hostname.rstrip(".").lower()
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
