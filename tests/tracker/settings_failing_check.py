"""The project's settings plus an app whose system check always fails."""
from tracker.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.tracker.failing_check"]  # noqa: F405
