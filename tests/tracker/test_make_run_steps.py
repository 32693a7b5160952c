"""`make run` on an empty database: migrate, load the gazetteer and the record, create the admin, serve /."""
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from events.models import Event

ROOT = Path(__file__).resolve().parents[2]


def test_make_setup_runs_the_record_loader_after_the_gazetteer():
    setup = re.search(r"^setup:.*?(?=^\S)", (ROOT / "Makefile").read_text(), re.S | re.M).group(0)
    assert setup.index("load_jurisdictions") < setup.index("load_record") < setup.index("create_local_admin")


@pytest.mark.django_db
def test_setup_steps_end_with_the_record_on_the_home_page(client, gazetteer):
    out = StringIO()
    call_command("load_record", stdout=out)
    assert "Loaded:" in out.getvalue()
    out = StringIO()
    call_command("create_local_admin", stdout=out)
    assert "password:" in out.getvalue()
    html = client.get("/").content.decode()
    newest = Event.objects.published().newest_first().first()
    assert newest is not None
    from django.utils.html import escape

    assert escape(newest.title) in html


@pytest.mark.django_db
def test_local_admin_password_is_printed_only_once():
    call_command("create_local_admin", stdout=StringIO())
    out = StringIO()
    call_command("create_local_admin", stdout=out)
    assert "already exists" in out.getvalue()
    assert "password:" not in out.getvalue()
