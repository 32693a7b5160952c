"""Reading the uploaded file: bytes -> rows, or file-level errors the editor can act on.

Encoding: UTF-8, with or without a byte-order mark. A file that is not valid UTF-8 is read as
Windows-1252, because that is what Excel on Windows writes when asked for "CSV"; the preview then says
so, so the editor checks the accented names. UTF-16 ("Unicode text") and binary files are refused, with
advice where the kind of file is recognisable (an Excel workbook, a PDF).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
# Official lists name dozens to a few hundred jurisdictions; a file longer than this is not one.
MAX_ROWS = 5000
REQUIRED_COLUMNS = ("name", "state", "kind")
ID_COLUMN = "id"


@dataclass(frozen=True)
class Row:
    """One data row of the file, as written (stripped). ``line`` is its line in the file, for the editor."""

    line: int
    name: str
    state: str = ""
    kind: str = ""
    uid: str = ""

    def as_list(self) -> list:
        return [self.line, self.name, self.state, self.kind, self.uid]

    @classmethod
    def from_list(cls, values: list) -> Row:
        line, name, state, kind, uid = values
        return cls(int(line), str(name), str(state), str(kind), str(uid))


@dataclass
class ParsedFile:
    rows: list[Row] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


_BINARY_SIGNATURES = (
    (b"PK\x03\x04", "This is a zip archive or an Excel workbook (.xlsx), not CSV. In Excel use File › Save As › CSV UTF-8."),
    (b"\xd0\xcf\x11\xe0", "This is an old Excel workbook (.xls), not CSV. In Excel use File › Save As › CSV UTF-8."),
    (b"%PDF", "This is a PDF, not CSV. Copy the list into a spreadsheet and save it as CSV UTF-8."),
    (b"\xff\xfe", "This file is UTF-16 (Excel's “Unicode text”). Save it as CSV UTF-8 instead."),
    (b"\xfe\xff", "This file is UTF-16 (Excel's “Unicode text”). Save it as CSV UTF-8 instead."),
)


def decode_upload(data: bytes) -> tuple[str | None, list[str], list[str]]:
    """The file's text, file-level errors and warnings. Refuses empty, oversized and binary files."""
    if not data.strip():
        return None, ["The file is empty."], []
    if len(data) > MAX_UPLOAD_BYTES:
        return None, [f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB; a list is much smaller."], []
    for signature, message in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return None, [message], []
    if b"\x00" in data:
        return None, ["This is not a text file (it contains binary data). Upload a CSV file."], []
    try:
        return data.decode("utf-8-sig"), [], []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None, ["This is not a text file this site can read. Save it as CSV UTF-8."], []
    return text, [], ["The file is not UTF-8; it was read as Windows-1252 (Excel's “CSV”). Check accented names below."]


def read_rows(data: bytes) -> ParsedFile:
    """Parse the upload into rows, or say what is wrong with the file as a whole."""
    text, errors, warnings = decode_upload(data)
    parsed = ParsedFile(errors=errors, warnings=warnings)
    if text is None:
        return parsed
    if any(ord(c) < 32 and c not in "\t\r\n" for c in text):
        parsed.errors.append("This is not a text file (it contains control characters). Upload a CSV file.")
        return parsed
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        while header is not None and not any(cell.strip() for cell in header):
            header = next(reader, None)  # blank lines above the header
        if header is None:
            parsed.errors.append("The file is empty.")
            return parsed
        columns = [cell.strip().lower() for cell in header]
        missing = [c for c in REQUIRED_COLUMNS if c not in columns]
        if missing:
            found = ", ".join(f"“{c}”" for c in columns if c) or "none"
            parsed.errors.append(
                f"The header row must name the columns name, state and kind (id is optional). "
                f"Missing: {', '.join(missing)}. Found: {found}."
            )
            return parsed
        repeated = sorted({c for c in columns if c and columns.count(c) > 1})
        if repeated:
            parsed.errors.append(f"The header names a column twice: {', '.join(repeated)}.")
            return parsed
        where = {c: columns.index(c) for c in (*REQUIRED_COLUMNS, ID_COLUMN) if c in columns}
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if len(parsed.rows) >= MAX_ROWS:
                parsed.errors.append(f"The file has more than {MAX_ROWS:,} rows; a list is much shorter.")
                parsed.rows = []
                return parsed
            value = lambda col: " ".join(cells[where[col]].split()) if col in where and where[col] < len(cells) else ""  # noqa: E731
            parsed.rows.append(
                Row(reader.line_num, value("name"), value("state"), value("kind"), value(ID_COLUMN))
            )
    except csv.Error as exc:
        parsed.errors.append(f"This is not a well-formed CSV file (line {reader.line_num}: {exc}).")
        parsed.rows = []
        return parsed
    if not parsed.rows:
        parsed.errors.append("The file has a header but no rows.")
    return parsed
