"""Fixtures for the record tests: the real record, and small record files written for one test."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from events.record import load_record


@pytest.fixture
def record(gazetteer):
    """The whole curated record, loaded into the test database."""
    return load_record()


@pytest.fixture
def write_record(tmp_path):
    """Write YAML text (dedented) to a file in a temporary folder and return its path."""

    def write(text: str, name: str = "test.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


MINIMAL = """
sources:
  src-one:
    url: https://news.example/one
    publisher: Example News
    title: A judge rules
    published: 2025-04-24
cases:
  - key: example-v-united-states
    caption: Example County v. United States
    court: U.S. District Court for the Northern District of California
    filed: 2025-02-07
    status: open
    sources: [src-one]
    parties:
      - {role: plaintiff, ref: "fips:06085"}
      - {role: defendant, federal_party: United States}
events:
  - key: judge-blocks-example
    kind: court_ruling
    title: Judge blocks the example funding cut
    summary: A judge blocked it, the report says.
    date: 2025-04-24
    date_precision: day
    case: example-v-united-states
    jurisdictions:
      - {ref: "fips:06085", role: subject}
    sources: [src-one]
    detail: {court: N.D. Cal., ruling_type: preliminary_injunction, outcome: for_jurisdiction}
"""
