"""Request rate limits for the API.

The rates are read from settings on every request (not when the class is defined, as DRF's own
throttles do), so a deployment's environment and a test's ``override_settings`` both take effect.
Counters live in Django's default cache: per process with the local-memory cache, shared across web
processes only with a shared cache (Redis) configured.
"""
from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class PublicRateThrottle(SimpleRateThrottle):
    """Everyone but staff: anonymous callers by address, signed-in non-staff users by account."""

    scope = "public"

    def get_rate(self) -> str:
        return settings.API_PUBLIC_RATE

    def get_cache_key(self, request, view) -> str | None:
        user = request.user
        if user and user.is_authenticated and user.is_staff:
            return None
        ident = f"user-{user.pk}" if user and user.is_authenticated else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class StaffRateThrottle(SimpleRateThrottle):
    """Staff (token or session), by account: a much higher ceiling that still stops a runaway script."""

    scope = "staff"

    def get_rate(self) -> str:
        return settings.API_STAFF_RATE

    def get_cache_key(self, request, view) -> str | None:
        user = request.user
        if not (user and user.is_authenticated and user.is_staff):
            return None
        return self.cache_format % {"scope": self.scope, "ident": user.pk}
