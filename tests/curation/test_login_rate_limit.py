"""Sign-in is locked for a username from an address after repeated failures (django-axes)."""
import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.curation.staff import PASSWORD, make_editor
from tests.tracker.settings_env import PRODUCTION_ENV, run_manage

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")


def sign_in(client: Client, username: str, password: str, address: str = "203.0.113.7"):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address
    )


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def fail(client: Client, username: str, times: int, address: str = "203.0.113.7") -> list[int]:
    """Status of each failed attempt: the form again (200) until the limit, then the lockout page (429)."""
    return [sign_in(client, username, "wrong-password", address).status_code for _ in range(times)]


def test_the_limit_is_five_failures_for_fifteen_minutes():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == datetime.timedelta(minutes=15)


def test_after_five_failures_the_right_password_is_refused_with_a_clear_message(client):
    make_editor("ed")
    # The fifth failure is the one that locks: it is answered with the lockout page.
    assert fail(client, "ed", 5) == [200, 200, 200, 200, 429]
    response = sign_in(client, "ed", PASSWORD)
    assert response.status_code == 429
    text = response.content.decode()
    assert "Sign-in temporarily locked" in text
    assert "locked for\n    15 minutes" in text or "locked for 15 minutes" in " ".join(text.split())
    assert not signed_in(client)


def test_four_failures_do_not_lock(client):
    make_editor("ed")
    assert fail(client, "ed", 4) == [200] * 4
    assert sign_in(client, "ed", PASSWORD).status_code == 302
    assert signed_in(client)


def test_the_lock_holds_only_for_that_username_from_that_address():
    make_editor("ed")
    make_editor("other")
    fail(Client(), "ed", 5)
    other_user = Client()
    assert sign_in(other_user, "other", PASSWORD).status_code == 302 and signed_in(other_user)
    elsewhere = Client()
    assert sign_in(elsewhere, "ed", PASSWORD, address="198.51.100.4").status_code == 302 and signed_in(elsewhere)


def test_the_lock_ends_after_the_cool_off(client):
    make_editor("ed")
    fail(client, "ed", 5)
    assert sign_in(client, "ed", PASSWORD).status_code == 429
    # Move the failures back past the cool-off instead of waiting.
    AccessAttempt.objects.update(attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16))
    assert sign_in(client, "ed", PASSWORD).status_code == 302
    assert signed_in(client)


def test_bad_limits_in_the_environment_stop_start_up():
    result = run_manage("check", env={**PRODUCTION_ENV, "LOGIN_FAILURE_LIMIT": "0"})
    assert result.returncode != 0
    assert "LOGIN_FAILURE_LIMIT=0 must be at least 1" in result.stderr
    result = run_manage("check", env={**PRODUCTION_ENV, "LOGIN_LOCKOUT_MINUTES": "soon"})
    assert "LOGIN_LOCKOUT_MINUTES='soon' is not a whole number" in result.stderr
