"""docker-compose.yml: the services exist, run what they should, and share one image and environment."""
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def command_of(service) -> str:
    command = service["command"]
    return command if isinstance(command, str) else " ".join(command)


def test_all_services_are_defined(compose):
    assert set(compose["services"]) == {"db", "redis", "web", "worker", "beat"}
    assert compose["services"]["db"]["image"].startswith("postgres:16")
    assert compose["services"]["redis"]["image"].startswith("redis:7")


def test_app_services_share_one_image_and_environment(compose):
    apps = [compose["services"][name] for name in ("web", "worker", "beat")]
    assert len({s["image"] for s in apps}) == 1
    assert all(s["environment"] == apps[0]["environment"] for s in apps)
    env = apps[0]["environment"]
    assert env["DEBUG"] == "0"
    assert env["DATABASE_URL"].startswith("postgres://") and "@db:5432/" in env["DATABASE_URL"]
    assert env["CELERY_BROKER_URL"] == "redis://redis:6379/0"


def test_each_app_service_runs_its_own_process(compose):
    services = compose["services"]
    web = command_of(services["web"])
    assert "migrate" in web and "gunicorn tracker.wsgi" in web
    assert web.index("migrate") < web.index("gunicorn")
    # The sourced record loads before the site serves, as in `make run`.
    assert web.index("load_jurisdictions") < web.index("load_record") < web.index("gunicorn")
    assert command_of(services["worker"]).startswith("python -m tracker.worker ")
    assert "celery -A tracker beat" in command_of(services["beat"])


def test_services_wait_for_healthy_dependencies(compose):
    services = compose["services"]
    for name in ("db", "redis", "web", "worker"):
        assert "healthcheck" in services[name], name
    for name in ("web", "worker", "beat"):
        assert services[name]["depends_on"] == {
            "db": {"condition": "service_healthy"},
            "redis": {"condition": "service_healthy"},
        }


def test_database_and_broker_keep_their_data_in_volumes(compose):
    assert set(compose["volumes"]) == {"postgres-data", "redis-data"}
    assert any(v.startswith("postgres-data:") for v in compose["services"]["db"]["volumes"])


def test_every_variable_the_settings_read_is_documented():
    import re

    settings_text = (ROOT / "tracker" / "settings.py").read_text()
    documented = (ROOT / ".env.example").read_text()
    read = set(re.findall(r'env\.\w+\("([A-Z_]+)"', settings_text))
    assert read, "no variables found"
    missing = sorted(v for v in read if f"\n{v}=" not in documented)
    assert not missing, f"undocumented in .env.example: {missing}"
