"""Typed readers for environment variables.

Settings are read from the environment in exactly one place (``tracker/settings.py``) through these
helpers, so that a bad value fails loudly at start-up with the variable's name in the message instead of
surfacing later as a confusing runtime error.
"""
from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class Env:
    """Reads variables from a mapping (``os.environ`` by default) with validation."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        self.environ = os.environ if environ is None else environ

    def str(self, name: str, default: str | None = None) -> str | None:
        value = self.environ.get(name)
        if value is None:
            return default
        return value.strip()

    def bool(self, name: str, default: bool) -> bool:
        raw = self.environ.get(name)
        if raw is None:
            return default
        value = raw.strip().lower()
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not a boolean; use one of 1/0, true/false, yes/no, on/off."
        )

    def int(self, name: str, default: int, *, minimum: int | None = None) -> int:
        raw = self.environ.get(name)
        if raw is None or raw.strip() == "":
            return default
        try:
            value = int(raw.strip())
        except ValueError:
            raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
        if minimum is not None and value < minimum:
            raise ImproperlyConfigured(f"{name}={value} must be at least {minimum}.")
        return value

    def list(self, name: str, default: list[str] | None = None) -> list[str]:
        raw = self.environ.get(name)
        if raw is None:
            return list(default or [])
        return [item.strip() for item in raw.split(",") if item.strip()]

    def origins(self, name: str) -> list[str]:
        """A comma-separated list of origins, each with an http(s) scheme as Django requires."""
        values = self.list(name)
        for value in values:
            if not value.startswith(("http://", "https://")):
                raise ImproperlyConfigured(
                    f"{name} entry {value!r} must start with http:// or https:// "
                    "(for example https://tracker.example.org)."
                )
        return values

    def networks_or_hosts(self, name: str) -> list[str]:
        """A comma-separated list of networks (10.0.0.0/8), addresses (127.0.0.1) or host names."""
        values = self.list(name)
        for value in values:
            try:
                ipaddress.ip_network(value, strict=False)
            except ValueError:
                if not _HOST.fullmatch(value) or value.replace(".", "").isdigit():
                    raise ImproperlyConfigured(
                        f"{name} entry {value!r} is neither a network (10.0.0.0/8, 127.0.0.1) nor a host name."
                    ) from None
        return values


_HOST = re.compile(r"[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")
