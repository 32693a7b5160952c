"""A small synthetic data set over the real gazetteer, made the way the benchmark makes its big one."""
import pytest

from bench.synthetic_events import generate

EVENTS = 400
ARTICLES = 60
SEED = 11


@pytest.fixture
def synthetic(gazetteer):
    """Counts returned by ``generate`` for EVENTS events and ARTICLES articles, seed SEED."""
    return generate(EVENTS, ARTICLES, seed=SEED)
