"""Shared fixtures: users by role, the gazetteer, service availability, the shared/ folder."""
from __future__ import annotations

import os
import socket
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def require_service(name: str, host: str, port: int) -> None:
    """Skip when a service is not running here (a laptop); fail on CI, where REQUIRE_SERVICES=1."""
    try:
        with socket.create_connection((host, port), timeout=1):
            return
    except OSError:
        message = f"{name} is not reachable on {host}:{port}"
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(message + " (REQUIRE_SERVICES=1)")
        pytest.skip(message)


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test where that folder is absent (a user's laptop)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(f"{path} is missing; CI runs with ../shared beside the project")
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture(autouse=True)
def _plain_http(settings):
    # Production settings redirect to HTTPS and mark cookies secure; the test client speaks plain HTTP.
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    # The hashed-manifest storage needs `collectstatic` first; tests serve static files as they are.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (cached charts, throttle counters, autocomplete)."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _tasks_in_process(request):
    """Unit tests run tasks in-process even where a broker is configured (CI); integration tests
    marked ``integration`` use the real broker and worker."""
    from tracker.celery import app

    if request.node.get_closest_marker("integration"):
        yield
        return
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def gazetteer(db):
    """The real gazetteer. Loaded once; reloaded only if a transactional test emptied the tables."""
    from jurisdictions.models import Jurisdiction

    if not Jurisdiction.objects.exists():
        call_command("load_jurisdictions", stdout=StringIO())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from jurisdictions.models import Jurisdiction

    with django_db_blocker.unblock():
        if not Jurisdiction.objects.exists():
            call_command("load_jurisdictions", stdout=StringIO())


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", password="editor-password-123", is_staff=True)


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("boss", password="admin-password-123")
