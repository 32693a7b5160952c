"""CSV cells cannot run as spreadsheet formulas, and awkward text survives a round trip."""
import csv
import io

import pytest

from tests.factories import make_event
from tracker.csvsafe import csv_lines, neutralise


@pytest.mark.parametrize("dangerous", ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_starts_get_an_apostrophe(dangerous):
    assert neutralise(dangerous) == "'" + dangerous


@pytest.mark.parametrize("harmless", ["Chicago", "1,000", "'quoted", " =not first", ""])
def test_other_text_is_unchanged(harmless):
    assert neutralise(harmless) == harmless


def test_none_is_an_empty_cell_and_numbers_are_text():
    assert neutralise(None) == ""
    assert neutralise(42) == "42"


def test_csv_lines_is_lazy_and_neutralises_every_cell():
    def rows():
        yield ["=evil()", "ok"]
        raise AssertionError("read past the first row")

    lines = csv_lines(["a", "@b"], rows())
    assert next(lines) == "a,'@b\r\n"
    assert next(lines) == "'=evil(),ok\r\n"


@pytest.mark.django_db
def test_a_hyperlink_formula_title_comes_out_neutralised(client):
    make_event(status="published", title='=HYPERLINK("http://evil.example","click")', sources=1,
               summary="-1 dollars")
    text = b"".join(client.get("/events/export.csv").streaming_content).decode()
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["title"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["summary"] == "'-1 dollars"
    assert "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text


@pytest.mark.django_db
def test_commas_quotes_newlines_and_accents_round_trip(client):
    summary = 'He said, "we will comply."\nThen: San José, CA; ¿qué?'
    make_event(status="published", title='Mayor says "no", again', summary=summary, sources=1)
    response = client.get("/events/export.csv")
    [row] = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
    assert row["title"] == 'Mayor says "no", again'
    assert row["summary"] == summary
