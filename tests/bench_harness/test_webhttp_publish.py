"""The HTTP benchmark's "first request after a publish": it takes a published event back to draft and
publishes it again the way editors do, so every run ends with the data it started from."""
import pytest

from bench import webhttp
from events.choices import EventStatus
from events.models import Event
from events.services import publish_event
from events.tallies import rebuild_tallies, recount, stored

pytestmark = pytest.mark.django_db


def test_an_unpublished_and_republished_event_leaves_the_data_and_the_summary_as_they_were(synthetic):
    rebuild_tallies()  # generate() writes in bulk, without the signals that keep the summary
    published_before = set(Event.objects.published().values_list("pk", flat=True))
    summary_before = stored()
    event = webhttp.unpublish_an_event(0)
    assert Event.objects.get(pk=event.pk).status == EventStatus.DRAFT
    assert event.pk in published_before
    assert stored() != summary_before  # the draft left the summary

    publish_event(event)

    assert set(Event.objects.published().values_list("pk", flat=True)) == published_before
    assert stored() == summary_before == recount()


def test_each_change_picks_one_of_five_events_in_turn(synthetic):
    picked = []
    for n in range(6):
        event = webhttp.unpublish_an_event(n)
        picked.append(event.pk)
        publish_event(event)
    assert len(set(picked[:5])) == 5 and picked[5] == picked[0]


def test_the_report_divides_the_first_requests_by_the_warm_p50_and_by_the_paused_control(capsys):
    row = {"url": "/x/", "status": 200, "bytes": 10, "p50_ms": 3.0, "p95_ms": 4.0, "after_change_ms": 6.0,
           "after_publish_ms": 6.6, "after_pause_ms": 5.5, "pause_ms": 30.0}
    webhttp.report({"server": "gunicorn", "events": 10, "all_events": 12, "pages": {"lists": row}})
    line = next(line for line in capsys.readouterr().out.splitlines() if line.strip().startswith("lists"))
    # 6.6 / 3.0 = 2.20 against the warm p50; 6.6 / 5.5 = 1.20 against the same pause with nothing changed.
    assert line.split()[1:8] == ["3.0", "4.0", "6.0", "6.6", "5.5", "2.20", "1.20"]
