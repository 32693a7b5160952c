"""Anonymous callers are throttled at API_PUBLIC_RATE; staff with a token at the much higher API_STAFF_RATE."""
import pytest
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_rates(settings):
    settings.API_PUBLIC_RATE = "3/min"
    settings.API_STAFF_RATE = "10/min"


def test_anonymous_requests_get_429_past_the_rate(api, low_rates):
    codes = [api.get("/api/v1/policies/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    last = api.get("/api/v1/policies/")
    assert last.status_code == 429 and int(last["Retry-After"]) > 0
    assert "throttled" in last.json()["detail"].lower()


def test_each_address_has_its_own_allowance(api, low_rates):
    for _ in range(3):
        api.get("/api/v1/policies/", REMOTE_ADDR="10.0.0.1")
    assert api.get("/api/v1/policies/", REMOTE_ADDR="10.0.0.1").status_code == 429
    assert api.get("/api/v1/policies/", REMOTE_ADDR="10.0.0.2").status_code == 200


def test_forged_forwarded_for_does_not_reset_the_count(api, low_rates):
    for i in range(3):
        api.get("/api/v1/policies/", HTTP_X_FORWARDED_FOR=f"192.0.2.{i}")
    assert api.get("/api/v1/policies/", HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_staff_with_a_token_are_not_held_to_the_anonymous_rate(api, editor, low_rates):
    token = Token.objects.create(user=editor)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    codes = [api.get("/api/v1/policies/").status_code for _ in range(10)]
    assert codes == [200] * 10
    # Staff have a ceiling too.
    assert api.get("/api/v1/policies/").status_code == 429


def test_signed_in_non_staff_users_get_the_public_rate(api, django_user_model, low_rates):
    reader = django_user_model.objects.create_user("reader", password="reader-password-123")
    api.force_authenticate(reader)
    codes = [api.get("/api/v1/policies/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
