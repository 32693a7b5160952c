"""`make run` on an empty database: migrate, load the gazetteer and the demo, create the admin, serve /."""
from io import StringIO

import pytest
from django.core.management import call_command

from events.demo import records


@pytest.mark.django_db
def test_setup_steps_end_with_the_demo_events_on_the_home_page(client, gazetteer):
    call_command("load_demo", stdout=StringIO())
    out = StringIO()
    call_command("create_local_admin", stdout=out)
    assert "password:" in out.getvalue()
    html = client.get("/").content.decode()
    dated = [r for r in records.EVENTS if r["date_precision"] != "unknown"]
    for record in dated:
        assert record["title"].replace("’", "&rsquo;") in html or record["title"] in html


@pytest.mark.django_db
def test_local_admin_password_is_printed_only_once():
    call_command("create_local_admin", stdout=StringIO())
    out = StringIO()
    call_command("create_local_admin", stdout=out)
    assert "already exists" in out.getvalue()
    assert "password:" not in out.getvalue()
