"""The compiled analyser (feeds/analysis/native.py) is the same analyser: it gives what the Python sources
give, and it is used only while it was built from the sources as they are."""
from __future__ import annotations

import contextlib
import importlib
import os
import sys
from pathlib import Path

import pytest

import feeds.analysis
from feeds.analysis import native

from .evaluation import REAL, load, parse_published

SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"


@contextlib.contextmanager
def python_analyser(monkeypatch):
    """The analyser package imported afresh from its Python sources, for the length of the block; the
    compiled one is put back after."""
    saved = {name: module for name, module in sys.modules.items() if name.startswith("feeds.analysis")}
    for name in saved:
        del sys.modules[name]
    monkeypatch.setenv("ANALYSIS_COMPILED", "0")
    try:
        yield importlib.import_module("feeds.analysis")
    finally:
        for name in [name for name in sys.modules if name.startswith("feeds.analysis")]:
            del sys.modules[name]
        sys.modules.update(saved)
        sys.modules["feeds"].analysis = saved["feeds.analysis"]  # the import rebound the package attribute


def _articles() -> list[tuple[str, str, object]]:
    items = [(r["title"], r["text"], parse_published(r.get("published"))) for r in load() + load(REAL)]
    # The seed articles too where ../shared is present (labelled.jsonl alone covers every rule).
    for path in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []:
        title, _, text = path.read_text(encoding="utf-8").partition("\n")
        items.append((title, text, None))
    return items


def _everything(analysis) -> tuple:
    """All the analyser says, evidence offsets included."""
    return (analysis.as_json(0), [(j.uid, j.role, [tuple(m) for m in j.evidence]) for j in analysis.jurisdictions])


def needs_the_build() -> None:
    """A laptop without a C compiler runs the Python sources, and these tests skip; CI must have the build."""
    if feeds.analysis.COMPILED:
        return
    reason = "no compiled build matches the sources; `make install` builds one (needs a C compiler)"
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def test_the_compiled_build_is_in_use():
    needs_the_build()
    assert native.compiled_modules() == sorted(native.COMPILED)


def test_compiled_and_python_analysers_agree_on_every_article(analyse, monkeypatch):
    needs_the_build()
    articles = _articles()
    compiled = [_everything(analyse(*article)) for article in articles]
    with python_analyser(monkeypatch) as python:
        assert python.native.compiled_modules() == []
        interpreted = [_everything(python.analyze(*article)) for article in articles]
    assert len(compiled) >= 72
    assert interpreted == compiled
    assert sum(len(evidence) for _json, evidence in compiled) > 100  # the comparison covers real findings


def test_a_build_is_used_only_while_it_matches_the_sources(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "path", list(sys.path))
    stamp = tmp_path / "SOURCES"
    monkeypatch.setattr(native, "STAMP", stamp)

    path: list[str] = []
    assert native.enable(path) is False and path == []  # no build at all

    stamp.write_text("0" * 64 + "\n")  # built from other sources: an edited rule must not be shadowed
    assert native.enable(path) is False and path == []

    stamp.write_text(native.sources_digest() + "\n")
    assert native.enable(path) is True and path == [str(native.MODULES_DIR)]
    assert str(native.RUNTIME_DIR) in sys.path

    monkeypatch.setenv("ANALYSIS_COMPILED", "0")  # asked for the Python sources
    assert native.enable([]) is False


def test_the_digest_changes_with_any_source(tmp_path, monkeypatch):
    package = tmp_path / "analysis"
    package.mkdir()
    (package / "rules.py").write_text("LIMIT = 1\n")
    monkeypatch.setattr(native, "PACKAGE_DIR", package)
    before = native.sources_digest()
    (package / "rules.py").write_text("LIMIT = 2\n")
    assert native.sources_digest() != before
