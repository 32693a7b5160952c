"""CSV that is safe to open in a spreadsheet, written row by row so it can be streamed.

A cell beginning with =, +, -, @, a tab or a carriage return is read by Excel, LibreOffice and Google
Sheets as a formula ("CSV injection"): a title such as ``=HYPERLINK("http://evil", "click")`` in a
public export would run on an analyst's machine. Such cells get a leading apostrophe, which
spreadsheets hide and treat as "this is text". Every CSV the site writes (public exports, editors'
downloads) goes through ``neutralise``.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(FORMULA_PREFIXES)  # each prefix is one character


def neutralise(value: Any) -> str:
    """The cell as text, with a leading apostrophe if a spreadsheet would read it as a formula."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


class _Line:
    """A file-like object whose write() hands back the line, so csv.writer can feed a generator."""

    def write(self, line: str) -> str:
        return line


def csv_lines(header: Iterable[Any], rows: Iterable[Iterable[Any]]) -> Iterator[str]:
    """The header then each row as one CSV line (RFC 4180 quoting, CRLF ends), every cell neutralised.

    Lazy: rows are read one at a time, so a caller can stream any number of them.
    """
    writer = csv.writer(_Line())
    yield writer.writerow([neutralise(cell) for cell in header])
    first = _FORMULA_FIRST
    for row in rows:
        # neutralise() inlined for text cells, the bulk of a large export.
        yield writer.writerow([
            ("'" + cell if cell[:1] in first else cell) if type(cell) is str else neutralise(cell) for cell in row
        ])
