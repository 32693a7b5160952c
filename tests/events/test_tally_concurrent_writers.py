"""Two editors at once on the same summary row: one unpublishes the only event of a day (its rows reach
zero and are deleted), the other publishes another event of that day before the first commits. The
second waits for the first's row locks and the summary ends equal to a recount, with the day counted once."""
import datetime
import threading

import pytest
from django.db import connection, transaction

from events.choices import EventStatus
from events.models import DayTally, Event, MonthTally
from events.services import publish_event
from events.tallies import recount, stored
from tests.factories import make_event
from tests.feeds.fetch.conftest import require_postgres

pytestmark = pytest.mark.django_db(transaction=True)
DAY = datetime.date(2024, 7, 9)


def test_a_row_emptied_by_one_writer_and_refilled_by_another_ends_counted_once():
    require_postgres()
    only = make_event(status="published", sources=1, kind="court_ruling", date=DAY)
    other = make_event(status="draft", sources=1, kind="court_ruling", date=DAY)
    assert DayTally.objects.get(kind="court_ruling", day=DAY, date_precision="day").n == 1

    emptied, go_on, errors = threading.Event(), threading.Event(), []

    def unpublish():
        try:
            with transaction.atomic():
                event = Event.objects.get(pk=only.pk)
                event.status = EventStatus.DRAFT
                event.published_at = None
                event.save()  # the day's and month's rows reach zero and are deleted, locked until commit
                emptied.set()
                go_on.wait(10)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    def publish():
        try:
            emptied.wait(10)
            publish_event(Event.objects.get(pk=other.pk))  # waits for the first writer's locks
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    first, second = threading.Thread(target=unpublish), threading.Thread(target=publish)
    first.start()
    second.start()
    assert emptied.wait(10)
    second.join(1.0)
    assert second.is_alive(), "the second writer went past the first one's locks"
    go_on.set()
    first.join(30)
    second.join(30)
    assert not errors, errors
    assert DayTally.objects.get(kind="court_ruling", day=DAY, date_precision="day").n == 1
    assert MonthTally.objects.get(kind="court_ruling", month=DAY.replace(day=1), date_precision="day").n == 1
    assert stored() == recount()
