import pytest

from tests.tracker.settings_env import PRODUCTION_ENV, run_manage


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("FEED_MAX_BYTES", "10MB", "FEED_MAX_BYTES='10MB' is not a whole number"),
        ("FEED_MAX_BYTES", "100", "FEED_MAX_BYTES=100 must be at least 1024"),
        ("FEED_READ_TIMEOUT", "0", "FEED_READ_TIMEOUT=0 must be at least 1"),
        ("FEED_MAX_REDIRECTS", "-1", "FEED_MAX_REDIRECTS=-1 must be at least 0"),
        ("FEED_ALLOW_PRIVATE_ADDRESSES", "10.0.0.0/33", "FEED_ALLOW_PRIVATE_ADDRESSES entry '10.0.0.0/33'"),
        ("FEED_ALLOW_PRIVATE_ADDRESSES", "127.0.0.1,not a host", "entry 'not a host' is neither a network"),
        ("FEED_TOTAL_TIMEOUT", "500", "FEED_TOTAL_TIMEOUT must be below CELERY_TASK_SOFT_TIME_LIMIT"),
        ("FEED_DISABLE_AFTER_FAILURES", "0", "FEED_DISABLE_AFTER_FAILURES=0 must be at least 1"),
    ],
)
def test_a_bad_feed_setting_stops_start_up_naming_it(variable, value, message):
    result = run_manage("check", env={**PRODUCTION_ENV, variable: value})
    assert result.returncode != 0
    assert message in result.stderr


def test_good_feed_settings_start():
    env = {**PRODUCTION_ENV, "FEED_ALLOW_PRIVATE_ADDRESSES": "10.0.0.0/8, feeds.internal, ::1", "FEED_MAX_BYTES": "2048"}
    result = run_manage("check", env=env)
    assert result.returncode == 0, result.stderr
