"""Start a real Celery worker process against the test database and the real Redis broker."""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.conftest import require_service

ROOT = Path(__file__).resolve().parents[2]


def require_real_services() -> None:
    """Integration tests need PostgreSQL (a worker cannot share SQLite's in-memory test database)
    and a Redis broker; CI provides both."""
    require_service("Redis", "127.0.0.1", 6379)
    if not settings.CELERY_BROKER_URL or connection.vendor != "postgresql":
        message = "integration tests need DATABASE_URL=postgres://… and CELERY_BROKER_URL=redis://…"
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(message)
        pytest.skip(message)


def database_url_for_workers() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def spawn_worker(queue: str, extra_env: dict[str, str] | None = None) -> subprocess.Popen:
    """A worker process consuming only ``queue``; ``extra_env`` overrides settings (time limits…)."""
    env = {**os.environ, "DATABASE_URL": database_url_for_workers(), "SECRET_KEY": settings.SECRET_KEY, "DEBUG": "0",
           **(extra_env or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "tracker", "worker", "--pool=solo", "--concurrency=1",
         "-Q", queue, "--without-gossip", "--without-mingle", "--loglevel=WARNING"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def stop_worker(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        output, _ = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    if process.returncode not in (0, -15, -9):
        print(output)


def new_queue() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"


@contextlib.contextmanager
def running_worker(extra_env: dict[str, str] | None = None):
    """Yields the name of a queue only this worker consumes, so no stray worker takes the tasks."""
    queue = new_queue()
    process = spawn_worker(queue, extra_env)
    try:
        yield queue
    finally:
        stop_worker(process)
