"""The worker as docker-compose.yml runs it (prefork pool, its settings), on real Redis and PostgreSQL: it
does not import the web site (Celery's start-up system checks are skipped; they run where the site starts,
tests/tracker/test_system_checks_run_where_the_site_starts.py), yet runs every registered task; its pool
child has the task modules and the gazetteer index from the main process (loaded before the fork), and is
replaced by a fresh fork after each task (CELERY_WORKER_MAX_TASKS_PER_CHILD), which starts with the current
gazetteer: the main process rebuilds its index when the table changes. It is started as docker-compose.yml
starts it (``python -m tracker.worker``), so none of the ``celery`` command's other subcommands is loaded."""
from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.utils import timezone

from feeds.analysis import gazetteer_index
from feeds.models import Article, Feed, Heartbeat
from jurisdictions.models import Jurisdiction
from tests.feeds.fetch.feeds import numbered_items, rss
from tests.feeds.fetch.server import FeedServer, Reply
from tests.integration.worker import database_url_for_workers, require_real_services, stop_worker
from tracker.celery import TASK_MODULES
from tracker.celery import app as celery_app

ROOT = Path(__file__).resolve().parents[2]

# What the system checks imported into the worker before (the URLconfs, every view, the API and its schema,
# the charts): none of it serves a task.
SITE_MODULES = [
    "tracker.urls", "tracker.views", "events.views", "events.api.views", "events.api.schema", "events.charts",
    "feeds.review.views", "jurisdictions.views", "drf_spectacular.views", "rest_framework.viewsets", "plotly",
]
# What the `celery` command imports for its other subcommands (tracker/worker.py starts the worker without
# it): the amqp shell's REPL, the shell, multi.
CLI_MODULES = ["celery.bin.celery", "celery.bin.amqp", "celery.bin.shell", "celery.bin.multi", "click_repl",
               "prompt_toolkit"]
# Every task the project registers, and what running it by id returns here.
EVERY_TASK = {"feeds.tasks.record_heartbeat", "feeds.tasks.prune_heartbeats", "feeds.tasks.schedule_due_feeds",
              "feeds.tasks.fetch_feed"}


def compose_worker_command(queue: str) -> list[str]:
    command = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["worker"]["command"]
    command = shlex.split(command) if isinstance(command, str) else list(command)
    assert command[:3] == ["python", "-m", "tracker.worker"], command
    assert not any(arg.startswith(("--pool", "-P")) for arg in command), "production runs the prefork pool"
    return [sys.executable, *command[1:], "-Q", queue, "-n", f"{queue}@%h", "-I", "tests.integration.probe_tasks"]


@pytest.fixture
def production_worker(gazetteer):
    """Started once the gazetteer is loaded; its main process checks it for changes every second."""
    require_real_services()
    queue = f"test-{uuid.uuid4().hex[:12]}"
    env = {**os.environ, "DATABASE_URL": database_url_for_workers(), "SECRET_KEY": settings.SECRET_KEY, "DEBUG": "0",
           "FEED_ALLOW_PRIVATE_ADDRESSES": "127.0.0.1", "WORKER_GAZETTEER_CHECK_SECONDS": "1"}
    # As in production: the worker's own start-up decides on the checks, not this test process's environment.
    env.pop("CELERY_SKIP_CHECKS", None)
    env.pop("CELERY_WORKER_MAX_TASKS_PER_CHILD", None)
    process = subprocess.Popen(compose_worker_command(queue), cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    try:
        yield queue
    finally:
        stop_worker(process)


def probe(queue: str) -> dict:
    modules = SITE_MODULES + CLI_MODULES + list(TASK_MODULES)
    return celery_app.send_task("tests.probe.loaded", args=[modules], queue=queue).get(timeout=120)


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_the_production_worker_runs_every_task_without_the_web_site(production_worker):
    queue = production_worker
    server = FeedServer()
    try:
        first = probe(queue)
        node = f"{queue}@{socket.gethostname()}"
        registered = celery_app.control.inspect(destination=[node], timeout=10).registered()[node]
        assert set(registered) == EVERY_TASK | {"tests.probe.loaded"}
        # Before any task ran: the child came with the task modules and the index, and without the site.
        assert first["index_built"]
        assert set(TASK_MODULES) <= set(first["loaded"])
        assert not set(SITE_MODULES) & set(first["loaded"]), first["loaded"]
        assert not set(CLI_MODULES) & set(first["loaded"]), first["loaded"]

        def run(name: str, *args):
            return celery_app.send_task(name, args=list(args), queue=queue).get(timeout=120)

        stamped = run("feeds.tasks.record_heartbeat")
        assert Heartbeat.objects.get().last_seen.isoformat() == stamped
        assert run("feeds.tasks.prune_heartbeats") == 0
        assert run("feeds.tasks.schedule_due_feeds") == 0  # no feed yet: nothing queued elsewhere
        story = {"title": "Chicago sues Justice Department over withheld grants",
                 "link": "https://gazette.example/chicago-grants", "guid": "https://gazette.example/chicago-grants",
                 "description": "<p>Chicago sued the Justice Department over grants withheld because of its "
                                "sanctuary policy limiting cooperation with ICE.</p>"}
        feed = Feed.objects.create(url=server.serve("/feed.xml", Reply(200, rss(numbered_items(3) + [story]))),
                                   name="Gazette")
        fetched = run("feeds.tasks.fetch_feed", feed.pk)
        assert fetched["outcome"] == "ok" and fetched["entries_new"] == 4
        assert not Article.objects.filter(analyzed_at__isnull=True).exists()
        assert Article.objects.get(title=story["title"]).matches.filter(jurisdiction__uid="geonames:4887398").exists()

        last = probe(queue)
        assert last["pid"] != first["pid"], "a fresh child after each task"
        assert last["index_built"] and last["index_signature"] == first["index_signature"]
        assert not set(SITE_MODULES) & set(last["loaded"]), last["loaded"]
    finally:
        server.close()


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_new_children_start_with_the_current_gazetteer(production_worker):
    """The main process rebuilds its index when the gazetteer changes, so a fresh child does not have to."""
    queue = production_worker
    before = probe(queue)
    Jurisdiction.objects.filter(uid="geonames:4887398").update(updated=timezone.now())
    current = repr(gazetteer_index._table_signature())
    assert before["index_signature"] != current
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        time.sleep(1.5)
        after = probe(queue)  # each probe is a fresh child, forked from the main process as it is now
        if after["index_signature"] == current:
            break
    assert after["index_signature"] == current
