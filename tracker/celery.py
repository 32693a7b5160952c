"""The Celery application. Configuration comes from Django settings (the ``CELERY_`` namespace)."""
import ctypes
import importlib
import os

from celery import Celery, bootsteps
from celery.signals import worker_init
from celery.utils.log import get_logger

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
# Celery's Django fix-up runs Django's system checks when a worker or beat starts, and ignores what they
# report; the URL checks import every URLconf and so every view of the web site (DRF, drf-spectacular,
# Plotly, the review queue...), which a worker never serves: 22 MB in the worker's main process, inherited by
# each pool child (bench/RESULTS.md, "The worker's memory, light and flat"). The checks run where the site
# starts instead: `manage.py migrate` runs all of them and stops on an error (docker-compose.yml's web
# service, `make setup`), and CI runs `manage.py check --deploy` (tests/tracker/test_settings_deploy_check.py).
# Celery skips them when this variable is non-empty; set it to the empty string to have a worker run them.
os.environ.setdefault("CELERY_SKIP_CHECKS", "1")

# What the tasks import when they first run (feeds/tasks.py imports them lazily, so that the web site does
# not load the fetching pipeline to queue a task). A prefork worker imports them before it forks, so the
# children share these modules instead of each importing its own copy on its first task.
TASK_MODULES = ("feeds.fetching", "feeds.scheduling", "feeds.analysis.store")

logger = get_logger(__name__)

app = Celery("tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def _is_prefork(worker) -> bool:
    pool = getattr(worker, "pool_cls", None)
    pool_name = pool if isinstance(pool, str) else getattr(pool, "__module__", "")
    return "prefork" in str(pool_name)


@worker_init.connect
def load_gazetteer_before_fork(sender=None, **kwargs) -> None:
    """Build the analyser's gazetteer index in the worker's main process, before the prefork pool forks its
    children, so that they start with it instead of each building its own (1.2 s and some 45 MB each;
    bench/memory.py, bench/RESULTS.md); the modules the tasks import lazily too (``TASK_MODULES``).
    ``get_index`` freezes what lives then out of the garbage collector's sight, so the children's
    collections do not write to those pages either. The database connection the build opened is closed
    before the fork (a connection must not be shared by processes); a child opens its own. A solo or thread
    pool runs the tasks in this process: it builds it on first use."""
    if not _is_prefork(sender):
        return
    from django.db import connections

    from feeds.analysis.gazetteer_index import get_index

    for module in TASK_MODULES:
        importlib.import_module(module)
    try:
        get_index()
    finally:
        connections.close_all()
    release_free_heap()


def release_free_heap() -> bool:
    """Give the C heap's free pages back to the system (glibc's ``malloc_trim``), in the main process
    before it forks. Building the index frees its temporaries (rows as the database returned them, its
    working dicts) in the middle of the heap, where glibc keeps them resident: 2.5 MB that every child forked
    after would have in its page table too, counted again in its resident set. Returns whether there was
    such a function (not on musl or macOS: nothing to do there)."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return False
    trim(0)
    return True


def refresh_gazetteer_before_forks() -> bool:
    """Rebuild the main process's index if the Jurisdiction table changed since it was built (one query), so
    that the children forked after (one per task: CELERY_WORKER_MAX_TASKS_PER_CHILD) start with the current
    gazetteer; left stale, each of them would find it changed and build its own on its first fetch. Returns
    whether it was rebuilt."""
    from django.db import DatabaseError, connections

    from feeds.analysis import refresh_if_changed
    from feeds.analysis.gazetteer_index import get_index

    try:
        changed = refresh_if_changed()
        get_index()
        if changed:
            release_free_heap()
        return changed
    except DatabaseError:
        logger.warning("Could not check the gazetteer for changes; the next check tries again.", exc_info=True)
        return False
    finally:
        connections.close_all()


class KeepGazetteerCurrent(bootsteps.StartStopStep):
    """In a prefork worker, checks the gazetteer every ``WORKER_GAZETTEER_CHECK_SECONDS`` (settings) from the
    main process's event loop: the thread that also forks the pool's children, so no child is forked in the
    middle of a rebuild."""

    label = "Gazetteer"
    requires = ("celery.worker.components:Pool",)

    def include_if(self, worker) -> bool:
        return bool(worker.use_eventloop) and _is_prefork(worker)

    def register_with_event_loop(self, worker, hub) -> None:
        from django.conf import settings

        hub.call_repeatedly(settings.WORKER_GAZETTEER_CHECK_SECONDS, refresh_gazetteer_before_forks)


app.steps["worker"].add(KeepGazetteerCurrent)
