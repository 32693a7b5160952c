"""A prefork worker builds the gazetteer index in its main process, before forking its pool, so the children
share one copy; other pools (solo, threads) run tasks in the main process and build it on first use."""
from types import SimpleNamespace

import pytest
from celery.concurrency.prefork import TaskPool as PreforkPool
from celery.concurrency.solo import TaskPool as SoloPool
from django.db import connection

from feeds.analysis import gazetteer_index
from tracker.celery import load_gazetteer_before_fork

# Transactional: the handler closes the database connection, as it must before a fork.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def no_index():
    gazetteer_index.reset()
    yield
    gazetteer_index.reset()


def test_a_prefork_worker_builds_the_index_and_closes_its_connection(gazetteer):
    load_gazetteer_before_fork(sender=SimpleNamespace(pool_cls=PreforkPool))

    assert gazetteer_index._index is not None
    if connection.vendor != "sqlite":  # Django keeps a test's in-memory SQLite database open on purpose
        assert connection.connection is None  # a child must never share the parent's connection


def test_a_solo_worker_leaves_it_to_the_first_task(gazetteer):
    load_gazetteer_before_fork(sender=SimpleNamespace(pool_cls=SoloPool))

    assert gazetteer_index._index is None


def test_the_main_process_rebuilds_its_index_when_the_gazetteer_changes(gazetteer):
    from django.utils import timezone

    from jurisdictions.models import Jurisdiction
    from tracker.celery import refresh_gazetteer_before_forks

    load_gazetteer_before_fork(sender=SimpleNamespace(pool_cls=PreforkPool))
    built = gazetteer_index._index
    assert refresh_gazetteer_before_forks() is False and gazetteer_index._index is built

    Jurisdiction.objects.filter(pk=Jurisdiction.objects.order_by("pk").values("pk")[:1]).update(
        updated=timezone.now() + timezone.timedelta(seconds=1))
    assert refresh_gazetteer_before_forks() is True
    assert gazetteer_index._index is not None and gazetteer_index._index is not built


def _anonymous_mb() -> float:
    for line in open("/proc/self/status"):
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no RssAnon in /proc/self/status")


def test_release_free_heap_gives_freed_heap_pages_back():
    """Blocks over 512 bytes come from glibc's heap; freed below one still in use, they stay resident until
    trimmed. (Reads /proc and needs glibc, as the workers have: Linux, Debian's image.)"""
    from tracker.celery import release_free_heap

    size = 2000  # a variable: `b"x" * 2000` would be folded into one constant, shared by every item
    blocks = [b"x" * size for _ in range(20_000)]  # 40 MB, written, so resident
    pinned = b"y" * size  # above them in the heap: glibc cannot shrink the heap's top past it
    held = _anonymous_mb()
    del blocks
    freed = _anonymous_mb()
    assert freed > held - 5  # freed, yet still resident

    assert release_free_heap() is True

    assert _anonymous_mb() < freed - 20
    assert pinned.startswith(b"y")
