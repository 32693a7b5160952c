"""manage.py analyze_articles: one JSON line out per article in, in order; bad lines reported and skipped."""
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def run(path) -> tuple[list[dict], str]:
    out, err = StringIO(), StringIO()
    call_command("analyze_articles", str(path), stdout=out, stderr=err)
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_one_line_per_article_in_the_documented_format(analyse, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "a1", "title": "ICE raids in Chicago",
                    "text": "Federal agents arrested 20 people in Chicago on Tuesday, ICE said. Deportation "
                            "cases and detainers rose.", "published": "2025-06-12T15:00:00Z"}) + "\n"
        + json.dumps({"id": 7, "title": "Bulls win", "text": "The Chicago Bulls won.", "published": None}) + "\n"
    )
    lines, err = run(path)
    assert err == ""
    assert [line["id"] for line in lines] == ["a1", 7]
    first = lines[0]
    assert list(first) == ["id", "relevant", "score", "jurisdictions", "kinds", "agencies", "event_date"]
    assert first["relevant"] is True and isinstance(first["score"], float)
    assert first["jurisdictions"] == [
        {"name": "Chicago", "kind": "place", "state": "IL", "id": "geonames:4887398", "role": "subject"}
    ]
    assert first["kinds"] == ["enforcement_operation"] and first["agencies"] == ["ICE"]
    assert first["event_date"] == "2025-06-10"
    assert lines[1] == {"id": 7, "relevant": False, "score": 0.0, "jurisdictions": [], "kinds": [],
                        "agencies": [], "event_date": None}


def test_a_bad_line_is_reported_on_stderr_and_the_rest_still_analysed(analyse, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": 1, "title": "A", "text": "B"}\nnot json\n\n[1, 2]\n{"id": 2, "published": "soon"}\n'
                    '{"id": 3, "title": "C", "text": "D"}\n')
    lines, err = run(path)
    assert [line["id"] for line in lines] == [1, 3]
    assert "line 2: skipped" in err and "line 4: skipped" in err and "line 5: skipped" in err
    assert "3 line(s) skipped" in err


def test_a_missing_file_is_an_error(analyse, tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("analyze_articles", str(tmp_path / "nope.jsonl"), stdout=StringIO(), stderr=StringIO())
