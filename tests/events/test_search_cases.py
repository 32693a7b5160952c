"""One table of search cases, run on whichever database this run uses; ``test_search_on_both_databases``
runs the same table on the other one, so CI (PostgreSQL) and ``make run`` (SQLite) keep one promise.

The search form promises words, "phrases", -exclusions and OR, and readers search for reporters and
outlets too: a source's author and publisher match.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from events.filters import filter_events
from events.models import Event, Source
from events.search import search_events
from tests.factories import make_event, make_jurisdiction

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def events():
    tompkins = make_jurisdiction(name="Tompkins County", state="NY")
    mecklenburg = make_jurisdiction(name="Mecklenburg County", state="NC")
    chicago = make_jurisdiction(name="Chicago", state="IL")
    made = {
        "chicago_grant": make_event(status="published", jurisdictions=[chicago],
                                    title="DOJ withholds Byrne JAG grants from Chicago",
                                    summary="The department said the city's ordinance violates grant conditions."),
        "philly_grant": make_event(status="published", title="Judge orders Philadelphia's grant paid",
                                   summary="The court found the conditions unlawful."),
        "tompkins": make_event(status="published", jurisdictions=[tompkins],
                               title="Review of the sheriff's release", summary="A detainer was not honored."),
        "mecklenburg": make_event(status="published", jurisdictions=[mecklenburg], kind="enforcement_operation",
                                  title="ICE arrests in Charlotte", summary="Agents arrested 12 people."),
        "sanctuary_city": make_event(status="published", title="A sanctuary city vote",
                                     summary="The council voted on its policy."),
        "apart": make_event(status="published", title="City council sanctuary debate",
                            summary="Sanctuary was debated by the city."),
        "draft": make_event(status="draft", title="Draft grant story", summary="Unpublished grant news."),
    }
    Source.objects.create(event=made["chicago_grant"], publisher="Daily Planet", author="Alfonso Serrano",
                          title="Justice Department threatens jurisdictions")
    Source.objects.create(event=made["mecklenburg"], publisher="WBTV", title="Arrests announced")
    return made


# (query, the events it must find, exactly)
CASES = [
    ("grant", {"chicago_grant", "philly_grant"}),
    ("grants", {"chicago_grant", "philly_grant"}),                      # stems match
    ("GRANT", {"chicago_grant", "philly_grant"}),
    ("grant -Chicago", {"philly_grant"}),                               # an excluded word (in a place name)
    ("grant -chicago -philadelphia", set()),
    ("Tompkins OR Mecklenburg", {"tompkins", "mecklenburg"}),           # OR between alternatives
    ("tompkins or mecklenburg", {"tompkins", "mecklenburg"}),
    ("Tompkins OR Mecklenburg -ICE", {"tompkins"}),
    ("grant Philadelphia OR Chicago", {"chicago_grant", "philly_grant"}),
    ('"sanctuary city"', {"sanctuary_city"}),                           # a phrase: together, in order
    ('sanctuary -"sanctuary city"', {"apart"}),
    ("Serrano", {"chicago_grant"}),                                     # a source's author
    ("Alfonso Serrano", {"chicago_grant"}),
    ("WBTV", {"mecklenburg"}),                                          # a source's publisher
    ("Daily Planet", {"chicago_grant"}),
    ("Mecklenburg County", {"mecklenburg"}),                            # a place the event involves
    ("-grant", {"tompkins", "mecklenburg", "sanctuary_city", "apart"}),
    ("the", {"chicago_grant", "philly_grant", "tompkins", "mecklenburg", "sanctuary_city", "apart"}),  # stop word only
    ("nothingmatchesthis", set()),
]
# What a reader (or an attacker) might type: never an error, and each one behaves like its plain words.
HOSTILE = [
    ('grant" OR "', {"chicago_grant", "philly_grant"}),
    ('"grant', {"chicago_grant", "philly_grant"}),                      # an unclosed quote
    ('"unclosed grant', set()),                                         # ...is a phrase to the end
    ("grant*", {"chicago_grant", "philly_grant"}),
    ("NEAR(grant Chicago)", set()),                                     # FTS5 syntax is only text here
    ("title:grant", set()),
    ("grant AND", {"chicago_grant", "philly_grant"}),
    ("OR OR OR", {"chicago_grant", "philly_grant", "tompkins", "mecklenburg", "sanctuary_city", "apart"}),
    ("-", {"chicago_grant", "philly_grant", "tompkins", "mecklenburg", "sanctuary_city", "apart"}),
    ("grant \x00", {"chicago_grant", "philly_grant"}),
    ("'; DROP TABLE events_event; --", set()),
    ("\"\"\"\"", {"chicago_grant", "philly_grant", "tompkins", "mecklenburg", "sanctuary_city", "apart"}),
]


def found(events, query: str) -> set[str]:
    by_id = {e.pk: key for key, e in events.items()}
    matches = search_events(Event.objects.published(), query)
    return {by_id[pk] for pk in matches.values_list("pk", flat=True) if pk in by_id}


@pytest.mark.parametrize("query,expected", CASES, ids=[c[0] for c in CASES])
def test_search_case(events, query, expected):
    assert found(events, query) == expected


@pytest.mark.parametrize("query,expected", HOSTILE, ids=[repr(c[0]) for c in HOSTILE])
def test_hostile_query(events, query, expected):
    assert found(events, query) == expected


def test_best_matches_come_first(events):
    in_title = make_event(status="published", title="Detainer rule adopted by the county", summary="A new rule.")
    ranked = list(search_events(Event.objects.published(), "detainer").order_by("-rank").values_list("pk", flat=True))
    # A match in the title outranks one in the summary ("A detainer was not honored.").
    assert ranked == [in_title.pk, events["tompkins"].pk]


def test_the_events_page_uses_the_same_search(events, client):
    html = client.get("/events/?q=grant+-Chicago").content.decode()
    assert "Judge orders Philadelphia" in html and "Byrne JAG grants from Chicago" not in html
    assert filter_events({"q": "Tompkins OR Mecklenburg"}, Event.objects.published()).qs.count() == 2


def test_an_edit_is_searchable_at_once(events):
    event = events["tompkins"]
    event.title = "Review of the sheriff's release in Ithaca"
    event.save()
    assert found(events, "Ithaca") == {"tompkins"}
    Source.objects.create(event=event, publisher="Ithaca Voice", author="Matt Butler", title="Sheriff review")
    assert found(events, "Butler") == {"tompkins"}


def test_search_on_both_databases():
    """Run this module's table on the other database: SQLite when this run uses PostgreSQL, and
    PostgreSQL (when it is running here) when this run uses SQLite."""
    env = dict(os.environ)
    if connection.vendor == "postgresql":
        env["DATABASE_URL"] = "sqlite:///" + str(ROOT / "test-artifacts" / "search-cases.sqlite3")
    else:
        from tests.conftest import require_service

        require_service("PostgreSQL", "127.0.0.1", 5432)
        env["DATABASE_URL"] = os.environ.get("SEARCH_CASES_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", __file__, "-q", "-p", "no:cacheprovider", "--create-db",
         "-k", "not test_search_on_both_databases"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout, result.stdout[-2000:]
