import pytest

from bench.synthetic_events import generate, remove_synthetic
from tests.bench_harness.conftest import ARTICLES, EVENTS, SEED
from tests.bench_harness.snapshots import synthetic_snapshot

pytestmark = pytest.mark.django_db


def test_the_same_seed_makes_the_same_data(synthetic):
    first = synthetic_snapshot()
    remove_synthetic()
    generate(EVENTS, ARTICLES, seed=SEED)
    assert synthetic_snapshot() == first
    assert len(first["events"]) == EVENTS


def test_another_seed_makes_other_data(synthetic):
    first = synthetic_snapshot()
    remove_synthetic()
    generate(EVENTS, ARTICLES, seed=SEED + 1)
    second = synthetic_snapshot()
    assert second["events"] != first["events"]
    assert second["articles"] != first["articles"]
