import datetime

import pytest
from django.utils import timezone

from feeds import heartbeat


@pytest.mark.django_db
def test_health_reports_database_and_no_worker_yet(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "worker_alive": False, "last_seen": None}


@pytest.mark.django_db
def test_health_reports_a_recent_worker_alive_and_an_old_one_dead(client):
    heartbeat.record("worker-1", now=timezone.now())
    assert client.get("/healthz/").json()["worker_alive"] is True
    heartbeat.record("worker-1", now=timezone.now() - datetime.timedelta(minutes=10))
    assert client.get("/healthz/").json()["worker_alive"] is False


@pytest.mark.django_db
def test_prune_forgets_workers_unseen_for_a_day():
    heartbeat.record("gone", now=timezone.now() - datetime.timedelta(days=2))
    heartbeat.record("here")
    assert heartbeat.prune() == 1
    assert heartbeat.status()["worker_alive"] is True
