"""Precision and recall on the hand-labelled articles (labelled.jsonl), against measured floors.

Measured when the floors were set (72 articles; l* = 54 used while writing the rules, h* = 18 written
afterwards and not tuned on): jurisdictions P 0.985 R 0.995; jurisdictions with roles P 0.92 R 0.93;
relevance P 1.0 R 1.0; agencies P 1.0 R 1.0; kinds P 0.72 R 0.80; event date 72/72. The floors leave a
margin for small rule changes; the figures are printed (pytest -s) for the report.
"""
from tests.feeds.analysis.evaluation import evaluate, load


def test_labelled_set_precision_and_recall(analyse, capsys):
    items = load()
    assert len(items) >= 30
    report = evaluate(items)
    with capsys.disabled():
        print("\nAnalyser on labelled.jsonl:")
        for line in report.lines():
            print("  " + line)
    assert report.jurisdictions.precision >= 0.95 and report.jurisdictions.recall >= 0.95
    assert report.with_roles.precision >= 0.85 and report.with_roles.recall >= 0.85
    assert report.relevance.precision >= 0.95 and report.relevance.recall >= 0.95
    assert report.agencies.precision >= 0.95 and report.agencies.recall >= 0.95
    assert report.kinds.precision >= 0.65 and report.kinds.recall >= 0.70
    assert report.dates_right >= 0.9 * report.dates_total


def test_held_out_articles_alone(analyse, capsys):
    """The articles written after the rules, so not fitted to them."""
    report = evaluate([i for i in load() if i.get("set") == "heldout"])
    with capsys.disabled():
        print("\nHeld-out articles only:")
        for line in report.lines():
            print("  " + line)
    assert report.jurisdictions.precision >= 0.9 and report.jurisdictions.recall >= 0.9
