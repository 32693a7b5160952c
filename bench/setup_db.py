"""The benchmark database: PostgreSQL by default, migrated and holding the real gazetteer."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/sanctuary_bench"


def configure() -> None:
    """Point Django at the benchmark database (never the development one) and start it."""
    os.environ.setdefault("DATABASE_URL", os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    os.environ.pop("CELERY_BROKER_URL", None)  # tasks in-process: the benchmark times the work, not a queue
    os.environ["FEED_ALLOW_PRIVATE_ADDRESSES"] = "127.0.0.1"  # the local feed server
    sys.path.insert(0, str(ROOT))
    _create_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    _prepare()


@contextmanager
def use_database(url: str) -> Iterator[None]:
    """Switch this process (and the servers it starts, through DATABASE_URL) to another database on
    the same server, created, migrated and given the gazetteer if new; switch back after. A benchmark
    keeps one database per data size, so each size is generated once and reused by later runs."""
    from django.db import connections

    previous_url = os.environ["DATABASE_URL"]
    settings_dict = connections["default"].settings_dict
    previous_name = settings_dict["NAME"]
    _create_database(url)
    connections.close_all()
    settings_dict["NAME"] = url.rsplit("/", 1)[1]
    os.environ["DATABASE_URL"] = url
    try:
        _prepare()
        yield
    finally:
        connections.close_all()
        settings_dict["NAME"] = previous_name
        os.environ["DATABASE_URL"] = previous_url


def _prepare() -> None:
    from django.core.management import call_command

    from jurisdictions.models import Jurisdiction

    call_command("migrate", verbosity=0)
    if not Jurisdiction.objects.exists():
        call_command("load_jurisdictions", stdout=StringIO())


def _create_database(url: str) -> None:
    if not url.startswith("postgres"):
        return
    import psycopg2
    from psycopg2 import sql

    base, name = url.rsplit("/", 1)
    conn = psycopg2.connect(base + "/postgres")
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cur.fetchone():
            cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    conn.close()
