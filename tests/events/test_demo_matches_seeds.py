"""Every number and quoted name in the demo data must appear in the seed article it cites."""
import re

import pytest

from events.demo import records
from tests.conftest import shared_path

NUMBER = re.compile(r"\d[\d,]*")


def seed_text(source_key: str) -> str:
    return shared_path("seeds", records.SOURCES[source_key]["seed"]).read_text(encoding="utf-8")


def numbers_in(text: str) -> set[str]:
    return {n.replace(",", "") for n in NUMBER.findall(text)}


# Derived, not quoted: the 2018 article's "last fall" and "In November" mean 2017.
DERIVED_NUMBERS = {"2017"}


@pytest.mark.parametrize("record", records.EVENTS, ids=lambda r: r["title"][:40])
def test_event_numbers_come_from_its_seed(record):
    seeds = " ".join(seed_text(key) for key in record["sources"])
    detail = record["detail"]
    text = " ".join([record["title"], record["summary"], *(str(v) for v in detail.values() if isinstance(v, str))])
    unexplained = numbers_in(text) - numbers_in(seeds) - DERIVED_NUMBERS
    assert not unexplained, f"numbers not in the seed: {unexplained}"
    if detail.get("amount_at_stake"):
        millions = detail["amount_at_stake"] // 1_000_000
        assert f"${millions} million" in seeds


@pytest.mark.parametrize("key", list(records.SOURCES))
def test_source_titles_without_brackets_are_the_seed_headlines(key):
    source = records.SOURCES[key]
    if source["title"].startswith("["):
        return  # an editor's description, marked as such
    assert source["title"] in seed_text(key)


@pytest.mark.parametrize("record", records.EVENTS, ids=lambda r: r["title"][:40])
def test_people_named_in_the_demo_appear_in_the_seed(record):
    seeds = " ".join(seed_text(key) for key in record["sources"])
    for person in ("Jeff Sessions", "Emil Bove", "Thomas Homan"):
        if person in record["summary"]:
            assert person.split()[-1] in seeds and person.split()[0][:4] in seeds


@pytest.mark.parametrize("record", [r for r in records.EVENTS if r["date_precision"] == "day"], ids=lambda r: r["title"][:40])
def test_day_precise_dates_are_stated_in_the_seed(record):
    import datetime

    day = datetime.date.fromisoformat(record["date"])
    seeds = " ".join(seed_text(key) for key in record["sources"])
    assert f"{day:%B} {day.day}" in seeds and str(day.year) in seeds
