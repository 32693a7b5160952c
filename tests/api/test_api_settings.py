"""The API's settings come from the environment and fail loudly on a bad value."""
import pytest

from tests.tracker.settings_env import PRODUCTION_ENV, run_manage


@pytest.mark.parametrize(("variable", "value"), [("API_PUBLIC_RATE", "fast"), ("API_STAFF_RATE", "100/fortnight")])
def test_bad_rate_stops_start_up_naming_the_variable(variable, value):
    result = run_manage("check", env={**PRODUCTION_ENV, variable: value})
    assert result.returncode != 0
    assert f"{variable}={value!r} is not a rate" in result.stderr


def test_rates_are_read_from_the_environment():
    code = "from django.conf import settings; print(settings.API_PUBLIC_RATE, settings.API_STAFF_RATE)"
    result = run_manage("shell", "-c", code, env={**PRODUCTION_ENV, "API_PUBLIC_RATE": "30/min", "API_STAFF_RATE": "9/s"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("30/min 9/s")
