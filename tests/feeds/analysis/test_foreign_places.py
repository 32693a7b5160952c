"""The foreign places the index marks (feeds/analysis/foreign.py) are read in a child process, so that
GeoNames' 50 MB of world data never lives in the process that keeps the index; the table is the one
computed in-process, and a child that cannot run or fails falls back to that with a warning."""
from __future__ import annotations

import logging

import pytest

from feeds.analysis import foreign
from feeds.analysis.foreign import ForeignPlaces, compute_foreign_place_sizes


@pytest.fixture(autouse=True)
def nothing_kept(monkeypatch):
    """Each test starts with no table kept from an earlier build in this process."""
    monkeypatch.setattr(ForeignPlaces, "_text", None)


def test_the_child_gives_the_table_computed_here():
    table = ForeignPlaces().result()

    assert table == compute_foreign_place_sizes()
    # Mexico City blocks "Mexico" inside it; Paris, France dwarfs Paris, Tex.; US places are not foreign.
    assert table["mexico city"] > 8_000_000 and table["paris"] > 2_000_000
    assert "chicago" not in table and "united states" not in table


def test_the_text_is_kept_so_later_builds_start_no_process():
    first = ForeignPlaces()
    assert first._process is not None
    table = first.result()

    again = ForeignPlaces()
    assert again._process is None
    assert again.result() == table


def test_a_child_that_fails_falls_back_to_reading_here_with_a_warning(monkeypatch, caplog):
    monkeypatch.setattr(foreign.sys, "executable", "/bin/false")
    with caplog.at_level(logging.WARNING, logger="feeds.analysis.foreign"):
        table = ForeignPlaces().result()

    assert table == compute_foreign_place_sizes()
    assert "failed" in caplog.text
    assert ForeignPlaces._text is None  # nothing kept from a failure: the next build tries the child again


def test_a_child_that_prints_no_table_falls_back_and_nothing_is_kept(monkeypatch, caplog):
    monkeypatch.setattr(foreign.sys, "executable", "/bin/echo")  # exits 0, prints its arguments
    with caplog.at_level(logging.WARNING, logger="feeds.analysis.foreign"):
        table = ForeignPlaces().result()

    assert table == compute_foreign_place_sizes()
    assert "printed no table" in caplog.text
    assert ForeignPlaces._text is None


def test_a_child_that_cannot_start_falls_back_too(monkeypatch, caplog, tmp_path):
    monkeypatch.setattr(foreign.sys, "executable", str(tmp_path / "no-such-python"))
    with caplog.at_level(logging.WARNING, logger="feeds.analysis.foreign"):
        places = ForeignPlaces()
        table = places.result()

    assert places._process is None
    assert table == compute_foreign_place_sizes()
    assert "Could not start" in caplog.text


def test_close_stops_a_child_still_running():
    places = ForeignPlaces()  # the child takes a good half second to read GeoNames
    assert places._process.poll() is None

    places.close()

    assert places._process.returncode is not None and places._process.returncode < 0  # killed, and reaped
