import socket

import pytest

from feeds.models import Heartbeat
from feeds.tasks import record_heartbeat
from tests.integration.worker import require_real_services, running_worker


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_consumes_a_task_from_redis_and_writes_to_postgres():
    require_real_services()
    assert not Heartbeat.objects.exists()
    with running_worker() as queue:
        result = record_heartbeat.apply_async(queue=queue)
        stamped = result.get(timeout=60)
    beat = Heartbeat.objects.get()
    assert beat.worker == socket.gethostname()
    assert beat.last_seen.isoformat() == stamped
