"""Run Django start-up in a child process with a chosen environment (settings are read at import)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "x" * 20 + "production-grade-secret-key-for-tests-" + "y" * 20,
    "ALLOWED_HOSTS": "tracker.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://tracker.example.org",
    "DATABASE_URL": "sqlite:////tmp/tracker-settings-test.sqlite3",
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "PYTHONPATH")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=120,
    )
