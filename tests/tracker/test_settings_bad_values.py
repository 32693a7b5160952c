import pytest

from tests.tracker.settings_env import PRODUCTION_ENV, run_manage


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DEBUG", "maybe", "DEBUG='maybe' is not a boolean"),
        ("CSRF_TRUSTED_ORIGINS", "tracker.example.org", "must start with http:// or https://"),
        ("DATABASE_URL", "mysql://root@localhost/tracker", "only postgres:// and sqlite:// are supported"),
        ("DATABASE_URL", "not a url", "DATABASE_URL"),
        ("CELERY_BROKER_URL", "amqp://guest@localhost//", "must be a redis:// URL"),
        ("CELERY_TASK_TIME_LIMIT", "soon", "CELERY_TASK_TIME_LIMIT='soon' is not a whole number"),
        ("SECURE_HSTS_SECONDS", "-5", "SECURE_HSTS_SECONDS=-5 must be at least 0"),
        ("LOG_LEVEL", "LOUD", "LOG_LEVEL='LOUD' is not a logging level"),
    ],
)
def test_bad_value_stops_start_up_naming_the_variable(variable, value, message):
    result = run_manage("check", env={**PRODUCTION_ENV, variable: value})
    assert result.returncode != 0
    assert message in result.stderr
