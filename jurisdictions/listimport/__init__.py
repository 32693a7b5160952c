"""Import a snapshot of an official list from a CSV file: read it, resolve each row against the gazetteer,
and save it only when every row names exactly one jurisdiction.

The file has a header row and the columns ``name``, ``state`` and ``kind`` (any order, any case); an
``id`` column with the gazetteer's stable id ('fips:17031', 'geonames:4887398') is optional and wins
when given, provided it agrees with the row's name, state and kind. Lists print names the way
governments style themselves ("City of Chicago", "Cook County", "State of Illinois", "City and County
of San Francisco"), so the styling words are understood and also tell the kind when the column is blank.

Modules: ``csvfile`` (bytes -> rows; encodings, limits, file-level errors), ``names`` (kinds and the
styling of names), ``resolve`` (rows -> the preview), ``save`` (the preview -> a snapshot, all or nothing),
``pending`` (the signed token that carries an upload from the preview to the save).

Nothing is written until ``save_snapshot``, which refuses a preview with any unresolved or ambiguous row
and writes the snapshot and all its listings in one transaction.
"""
from jurisdictions.listimport.csvfile import (
    ID_COLUMN,
    MAX_ROWS,
    MAX_UPLOAD_BYTES,
    REQUIRED_COLUMNS,
    ParsedFile,
    Row,
    decode_upload,
    read_rows,
)
from jurisdictions.listimport.names import KIND_WORDS, NameForms, name_forms
from jurisdictions.listimport.pending import TOKEN_MAX_AGE, PendingImport, UploadTokenInvalid
from jurisdictions.listimport.resolve import (
    AMBIGUOUS,
    DUPLICATE,
    MAX_NAME_LENGTH,
    RESOLVED,
    UNRESOLVED,
    ImportPreview,
    RowResult,
    preview_rows,
    preview_upload,
    resolve_rows,
)
from jurisdictions.listimport.save import ImportNotReady, create_snapshot, save_snapshot

__all__ = [
    "AMBIGUOUS", "DUPLICATE", "ID_COLUMN", "KIND_WORDS", "MAX_NAME_LENGTH", "MAX_ROWS", "MAX_UPLOAD_BYTES",
    "REQUIRED_COLUMNS", "RESOLVED", "TOKEN_MAX_AGE", "UNRESOLVED", "ImportNotReady", "ImportPreview",
    "NameForms", "ParsedFile", "PendingImport", "Row", "RowResult", "UploadTokenInvalid", "create_snapshot",
    "decode_upload", "name_forms", "preview_rows", "preview_upload", "read_rows", "resolve_rows",
    "save_snapshot",
]
