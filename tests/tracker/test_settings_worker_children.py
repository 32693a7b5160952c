"""CELERY_WORKER_MAX_TASKS_PER_CHILD: a fresh pool child per task by default (the worker's memory stays flat,
bench/RESULTS.md); 0 keeps children for good; a bad value stops start-up naming the variable."""
import pytest

from tests.tracker.settings_env import PRODUCTION_ENV, run_manage

PRINT = "from django.conf import settings; print(repr(settings.CELERY_WORKER_MAX_TASKS_PER_CHILD))"


@pytest.mark.parametrize(("value", "expected"), [(None, "1"), ("5", "5"), ("0", "None")])
def test_max_tasks_per_child(value, expected):
    env = dict(PRODUCTION_ENV) if value is None else {**PRODUCTION_ENV, "CELERY_WORKER_MAX_TASKS_PER_CHILD": value}
    result = run_manage("shell", "-c", PRINT, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected


def test_a_negative_value_stops_start_up():
    result = run_manage("check", env={**PRODUCTION_ENV, "CELERY_WORKER_MAX_TASKS_PER_CHILD": "-1"})
    assert result.returncode != 0
    assert "CELERY_WORKER_MAX_TASKS_PER_CHILD=-1 must be at least 0" in result.stderr
