"""`python -m tracker.worker` is Celery's own `worker` command given this project's app (tracker/worker.py):
the same options, the same errors, without the `celery` command's other subcommands. That it runs every
task as docker-compose.yml starts it: tests/integration/test_production_worker.py."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def worker(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DEBUG": "1"}
    return subprocess.run([sys.executable, "-m", "tracker.worker", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def test_it_takes_the_options_of_celery_worker():
    done = worker("--help")

    assert done.returncode == 0, done.stderr
    for option in ("--concurrency", "--max-tasks-per-child", "--queues", "--hostname", "--loglevel", "--include"):
        assert option in done.stdout
    assert "python -m tracker.worker" in done.stdout


def test_an_unknown_option_is_refused_as_celery_refuses_it():
    done = worker("--no-such-option")

    assert done.returncode == 2
    assert "No such option '--no-such-option'" in done.stderr
