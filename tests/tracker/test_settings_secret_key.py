from tests.tracker.settings_env import PRODUCTION_ENV, run_manage


def test_debug_off_without_secret_key_refuses_to_start():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_on_without_secret_key_starts_for_local_development():
    result = run_manage("check", env={"DEBUG": "1"})
    assert result.returncode == 0, result.stderr
