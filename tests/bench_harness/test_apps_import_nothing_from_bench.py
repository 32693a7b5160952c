"""Dependencies go one way: bench imports the apps, the apps never import bench (synthetic data and
benchmark code stay out of what the site runs)."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ("events", "feeds", "jurisdictions", "tracker")


def bench_imports(source: str) -> list[str]:
    """The imports of ``bench`` (or a module under it) in a module's source, static or by name."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in
              ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)):
            names = [node.args[0].value]
        else:
            continue
        found.extend(name for name in names if name == "bench" or name.startswith("bench."))
    return found


def app_modules() -> list[Path]:
    return sorted(path for app in APPS for path in (ROOT / app).rglob("*.py"))


def test_the_walk_finds_every_kind_of_import_of_bench():
    source = ("import bench\nimport bench.web as w\nfrom bench.synthetic_events import generate\n"
              "from bench import load\nimport importlib\nimportlib.import_module('bench.peer')\n"
              "from events import bench_like\nimport benchmarks\nfrom . import bench\n")
    assert bench_imports(source) == ["bench", "bench.web", "bench.synthetic_events", "bench", "bench.peer"]


def test_the_walk_covers_the_apps_modules():
    names = {path.relative_to(ROOT).as_posix() for path in app_modules()}
    assert {"events/models/event.py", "feeds/models.py", "jurisdictions/models.py", "tracker/settings.py"} <= names
    assert not any(name.startswith("bench/") for name in names)


@pytest.mark.parametrize("app", APPS)
def test_no_app_module_imports_bench(app):
    offenders = {
        path.relative_to(ROOT).as_posix(): imports
        for path in sorted((ROOT / app).rglob("*.py"))
        if (imports := bench_imports(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}
