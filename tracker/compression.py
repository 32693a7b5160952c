"""Responses gzip-compressed on the way out, where compression cannot leak a secret.

BREACH recovers a secret from an HTTPS page by watching the compressed size change as the attacker's
input, reflected in the same page, comes to match it. A reader's pages (no session) hold no secret:
the only token in them is the CSRF token of the filter and search forms, which Django masks afresh for
every response, and Django's GZipMiddleware (4.2+) also pads each response with a random number of
bytes in the gzip header. A signed-in editor's pages carry their session's data, so requests with a
session cookie or credentials (an Authorization header), and anything but GET or HEAD, are sent
uncompressed: editors are few, readers many.

Static files are not this middleware's: whitenoise serves the gzip and brotli copies made at
``collectstatic`` and answers before the request gets here.

Django turns a strong ETag into a weak one (W/"…") when it compresses; conditional GETs compare
ETags weakly, so the live embeds' If-None-Match polls still get their 304s.
"""
from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.middleware.gzip import GZipMiddleware


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if (request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES
                or "HTTP_AUTHORIZATION" in request.META):
            return response
        return super().process_response(request, response)
