"""The Celery application. Configuration comes from Django settings (the ``CELERY_`` namespace)."""
import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

app = Celery("tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def load_gazetteer_before_fork(sender=None, **kwargs) -> None:
    """Build the analyser's gazetteer index in the worker's main process, before the prefork pool forks its
    children, so that they share one copy of it (copy-on-write) instead of each building its own, some 45 MB
    each (bench/memory.py, bench/RESULTS.md). ``get_index`` freezes what lives then out of the garbage
    collector's sight, so the children's collections do not write to those pages either. The database
    connection the build opened is closed before the fork (a connection must not be shared by processes);
    a child opens its own. A solo or thread pool runs the tasks in this process: it builds it on first use."""
    pool = getattr(sender, "pool_cls", None)
    pool_name = pool if isinstance(pool, str) else getattr(pool, "__module__", "")
    if "prefork" not in str(pool_name):
        return
    from django.db import connections

    from feeds.analysis.gazetteer_index import get_index

    try:
        get_index()
    finally:
        connections.close_all()
