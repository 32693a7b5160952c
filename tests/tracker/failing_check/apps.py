import sys

from django.apps import AppConfig
from django.core import checks


def always_fails(app_configs, **kwargs):
    print("the failing check ran", file=sys.stderr)
    return [checks.Error("a system check that always fails (tests)", id="tests.E001")]


class FailingCheckConfig(AppConfig):
    name = "tests.tracker.failing_check"
    label = "failing_check"

    def ready(self) -> None:
        checks.register(always_fails)
