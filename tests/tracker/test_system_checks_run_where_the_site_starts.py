"""Django's system checks run where the site starts, not in the worker: `manage.py migrate` (docker-compose.yml's
web service and `make setup` run it before anything serves) stops on a failing check, while the Celery worker
and beat skip them (they would import every URLconf and view of the site, which a worker never serves:
bench/RESULTS.md). tests/tracker/test_settings_deploy_check.py runs `manage.py check --deploy` on CI."""
import os
import subprocess
import sys

from tests.tracker.settings_env import PRODUCTION_ENV, ROOT, run_manage
from tests.tracker.test_compose_file import command_of, compose  # noqa: F401 (the fixture)

FAILING = {**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": "tests.tracker.settings_failing_check",
           "DATABASE_URL": "sqlite:////tmp/tracker-failing-check-test.sqlite3"}

# What Celery's Django fix-up does when a worker or beat starts: django.setup(), then the checks unless
# CELERY_SKIP_CHECKS is set, then the task modules.
CELERY_START = "from tracker.celery import app; app.loader.import_default_modules(); print('started')"


def celery_start(env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    return subprocess.run([sys.executable, "-c", CELERY_START], cwd=ROOT, env={**base, **env},
                          capture_output=True, text=True, timeout=120)


def test_migrate_stops_on_a_failing_check():
    result = run_manage("migrate", "--noinput", env=FAILING)
    assert result.returncode != 0
    assert "tests.E001" in result.stderr


def test_the_web_service_migrates_before_it_serves(compose):
    web = command_of(compose["services"]["web"])
    assert "manage.py migrate" in web and "--skip-checks" not in web
    # Each step must succeed for the next to run: a failing check keeps gunicorn from starting.
    assert "&& exec gunicorn" in web and web.index("migrate") < web.index("gunicorn")


def test_the_worker_skips_the_checks():
    result = celery_start(FAILING)
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout
    assert "the failing check ran" not in result.stderr


def test_a_worker_told_to_runs_them_and_ignores_what_they_find():
    # Celery's fix-up only ever ran the checks for their imports: it does not look at what they report.
    result = celery_start({**FAILING, "CELERY_SKIP_CHECKS": ""})
    assert "the failing check ran" in result.stderr
    assert result.returncode == 0 and "started" in result.stdout
