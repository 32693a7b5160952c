"""The five seed articles stay in the record, and what the record says of them is in their text.

Names are spelled as a cited seed spells them ("Emil Bove", never only "Emile Bove"), publishers are named
only as the seed names them, and a headline without [brackets] is the seed's own.
"""
from __future__ import annotations

import re

import pytest

from events.record.load import record_dir
from events.record.rows import check_record, read_files
from tests.conftest import shared_path

PEOPLE = ("Emil Bove", "Emile Bove", "Jeff Sessions", "Thomas Homan", "Chad Wolf", "Derek Osborne")


@pytest.fixture(scope="module")
def rows():
    root = record_dir()
    return check_record(read_files(sorted(root.glob("*.yaml")), root))


def seed_text(source: dict) -> str:
    return shared_path("seeds", source["seed"]).read_text(encoding="utf-8")


def test_all_five_seed_articles_are_cited(rows):
    seeds = {s["seed"] for s in rows.sources.values() if s["seed"]}
    assert len(seeds) == 5
    cited = {rows.sources[k]["seed"] for e in rows.events.values() for k in e["sources"] if rows.sources[k]["seed"]}
    assert cited == seeds


def test_seed_headlines_and_publishers_come_from_the_seed(rows):
    for source in (s for s in rows.sources.values() if s["seed"]):
        text = seed_text(source)
        if not source["title"].startswith("["):
            assert source["title"] in text
        outlet = re.sub(r"^Report citing ", "", source["publisher"])
        for name in re.split(r" and ", outlet) if outlet else []:
            assert name.replace("The ", "") in text, (source["seed"], name)
        if source["author"]:
            assert source["author"] in text


def test_people_named_in_seed_events_are_spelled_as_a_cited_seed_spells_them(rows):
    for event in rows.events.values():
        seeds = [rows.sources[k] for k in event["sources"] if rows.sources[k]["seed"]]
        if not seeds:
            continue
        texts = " ".join(seed_text(s) for s in seeds)
        for person in PEOPLE:
            if re.search(rf"\b{person}\b", event["summary"] + " " + event["title"]):
                assert re.search(rf"\b{person}\b", texts), (event["where"], person)
