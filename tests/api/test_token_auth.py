"""Staff authenticate with a token (or their session); a wrong token is refused, not ignored."""
import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db


def test_valid_token_authenticates_as_staff(api, editor, settings):
    # Staff get their own allowance: with the public rate at 1/min, a token holder still gets through.
    settings.API_PUBLIC_RATE = "1/min"
    token = Token.objects.create(user=editor)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert [api.get("/api/v1/lists/").status_code for _ in range(3)] == [200, 200, 200]
    api.credentials()
    assert [api.get("/api/v1/lists/").status_code for _ in range(2)] == [200, 429]


def test_wrong_token_is_401(api, db):
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = api.get("/api/v1/events/")
    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid token."}
    assert response["WWW-Authenticate"] == "Token"


def test_session_of_a_signed_in_editor_works(client, editor):
    client.force_login(editor)
    assert client.get("/api/v1/events/").status_code == 200


def test_manage_py_creates_tokens(editor):
    call_command("drf_create_token", "editor", stdout=open("/dev/null", "w"))
    assert Token.objects.filter(user=editor).exists()
