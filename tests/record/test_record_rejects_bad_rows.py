"""A bad row stops the load with a message naming the file, the row and the problem, and nothing is written."""
from __future__ import annotations

import pytest

from events.models import Case, Event, RecordEntry
from events.record import RecordError, load_record
from tests.record.conftest import MINIMAL

pytestmark = pytest.mark.django_db


def problems_of(path) -> list[str]:
    with pytest.raises(RecordError) as caught:
        load_record([path])
    assert not Event.objects.exists() and not Case.objects.exists() and not RecordEntry.objects.exists()
    return caught.value.problems


BROKEN = {
    "a missing title": ("    title: Judge blocks the example funding cut\n", "", "events[0] (key judge-blocks-example): 'title' is required"),
    "a date that is not a date": ("    date: 2025-04-24\n", "    date: 24/04/2025\n", "'date' is not a date (YYYY-MM-DD): '24/04/2025'"),
    "a kind that does not exist": ("    kind: court_ruling\n", "    kind: ruling\n", "'kind' is 'ruling', not one of"),
    "a precision that does not exist": ("    date_precision: day\n", "    date_precision: daily\n", "'date_precision' is 'daily'"),
    "an outcome that does not exist": ("outcome: for_jurisdiction", "outcome: win", "'outcome' is 'win'"),
    "an unknown field": ("    summary: A judge", "    sumary: typo\n    summary: A judge", "unknown field 'sumary'"),
    "an undefined source": ("    sources: [src-one]\n    detail", "    sources: [src-two]\n    detail", "source 'src-two' is not defined"),
    "an undefined case": ("    case: example-v-united-states\n", "    case: no-such-case\n", "case 'no-such-case' is not defined"),
    "a ruling before its case was filed": ("    date: 2025-04-24\n", "    date: 2025-01-02\n", "is dated before its case was filed (2025-02-07)"),
    "a gazetteer uid that does not exist": ('      - {ref: "fips:06085", role: subject}', '      - {ref: "fips:06999", role: subject}', "no jurisdiction has the uid 'fips:06999'"),
    "a name the gazetteer does not know": ('      - {ref: "fips:06085", role: subject}', "      - {name: Atlantis, state: CA, kind: place, role: subject}", "no place named 'Atlantis' in CA"),
    "a source without a date": ("    published: 2025-04-24\n", "", "sources (key src-one): 'published' is required"),
    "a source without an address": ("    url: https://news.example/one\n", "", "sources (key src-one): 'url' is required"),
    "a case without parties": ("    parties:\n      - {role: plaintiff, ref: \"fips:06085\"}\n      - {role: defendant, federal_party: United States}\n", "", "(key example-v-united-states): 'parties' is required"),
}


@pytest.mark.parametrize("name", BROKEN)
def test_a_broken_row_is_named_and_nothing_is_loaded(gazetteer, write_record, name):
    old, new, expected = BROKEN[name]
    assert old in MINIMAL
    path = write_record(MINIMAL.replace(old, new, 1))
    problems = problems_of(path)
    assert any(expected in p and str(path) in p for p in problems), problems


def test_every_problem_is_reported_in_one_run(gazetteer, write_record):
    text = MINIMAL.replace("kind: court_ruling", "kind: ruling").replace("status: open", "status: pending")
    problems = problems_of(write_record(text))
    assert any("'kind' is 'ruling'" in p for p in problems)
    assert any("'status' is 'pending'" in p for p in problems)


def test_a_key_used_twice_across_files_is_refused(gazetteer, write_record):
    first = write_record(MINIMAL, "a.yaml")
    second = write_record(MINIMAL.split("cases:")[0].replace("src-one", "src-other") + "events:" + MINIMAL.split("events:")[1].replace("src-one", "src-other").replace("    case: example-v-united-states\n", "    case: example-v-united-states\n"), "b.yaml")
    with pytest.raises(RecordError) as caught:
        load_record([first, second])
    assert any("event key 'judge-blocks-example' is also used at" in p for p in caught.value.problems)


def test_a_file_that_is_not_yaml_is_named_with_its_line(gazetteer, write_record):
    path = write_record("events:\n  - key: [unclosed\n")
    problems = problems_of(path)
    assert str(path) in problems[0] and "not valid YAML" in problems[0] and "line" in problems[0]


def test_an_ambiguous_name_asks_for_the_uid(gazetteer, write_record):
    # A name the gazetteer holds twice in one state, whatever it is.
    from django.db.models import Count

    from jurisdictions.models import Jurisdiction

    twice = (
        Jurisdiction.objects.filter(kind="place").values("state", "name").annotate(n=Count("id")).filter(n__gt=1).order_by("state", "name").first()
    )
    assert twice, "the gazetteer has no duplicated place name to test with"
    text = MINIMAL.replace('      - {ref: "fips:06085", role: subject}',
                           f"      - {{name: \"{twice['name']}\", state: {twice['state']}, kind: place, role: subject}}")
    problems = problems_of(write_record(text))
    assert any("is ambiguous" in p and "give 'ref'" in p for p in problems), problems
