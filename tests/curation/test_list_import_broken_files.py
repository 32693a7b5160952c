"""Files that are not a list at all: refused as a whole, with a message the editor can act on."""
import pytest

from jurisdictions import listimport
from jurisdictions.listimport import MAX_UPLOAD_BYTES, preview_upload
from tests.curation.test_list_import_helpers import csv_bytes

pytestmark = pytest.mark.django_db


def errors_of(data: bytes) -> list[str]:
    preview = preview_upload(data)
    assert not preview.ready and preview.results == []
    return preview.errors


def test_empty_file():
    assert errors_of(b"") == ["The file is empty."]
    assert errors_of(b"\r\n \n") == ["The file is empty."]


def test_header_without_rows():
    assert errors_of(b"name,state,kind\r\n\r\n") == ["The file has a header but no rows."]


def test_missing_column_is_named():
    [error] = errors_of(b"name,state\nChicago,IL\n")
    assert "Missing: kind" in error and "“name”, “state”" in error


def test_file_without_header_row():
    # The first row is taken as the header, so a headerless file has none of the columns.
    [error] = errors_of(b"Chicago,IL,city\nCook County,IL,county\n")
    assert "Missing: name, state, kind" in error


def test_column_named_twice():
    [error] = errors_of(b"name,state,kind,Name\nChicago,IL,city,x\n")
    assert "twice: name" in error


def test_binary_file():
    [error] = errors_of(bytes(range(256)) * 4)
    assert "not a text file" in error


def test_excel_workbook_is_recognised():
    [error] = errors_of(b"PK\x03\x04" + b"\x14\x00" * 100)
    assert "Excel workbook" in error and "CSV UTF-8" in error


def test_pdf_is_recognised():
    [error] = errors_of(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    assert "PDF" in error


def test_utf16_file_is_refused_with_advice():
    [error] = errors_of("name,state,kind\nChicago,IL,city\n".encode("utf-16"))
    assert "UTF-16" in error


def test_malformed_csv_quoting():
    [error] = errors_of(b'name,state,kind\n"Chicago"x,IL,city\n')
    assert "not a well-formed CSV file" in error


def test_too_big():
    data = csv_bytes([("Chicago", "IL", "city")]) + b"#" * MAX_UPLOAD_BYTES
    [error] = errors_of(data)
    assert "larger than 2 MB" in error


def test_too_many_rows():
    # The real cap (5,000 rows) in a file under 2 MB: one row over it.
    rows = [("Chicago", "IL", "city")] * (listimport.MAX_ROWS + 1)
    data = csv_bytes(rows)
    assert len(data) < MAX_UPLOAD_BYTES
    [error] = errors_of(data)
    assert "more than 5,000 rows" in error


def test_row_without_name_is_unresolved(gazetteer):
    preview = preview_upload(b"name,state,kind\n,IL,city\nChicago,IL,city\n")
    assert preview.unresolved[0].reason == "The row has no name." and not preview.ready
